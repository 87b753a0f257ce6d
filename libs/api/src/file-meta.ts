import { tables } from '@hyedu/db';
import { showsInline } from '@hyedu/domain';

/**
 * What a download procedure returns: the file's description, never its bytes. The bytes travel only over the HTTP
 * download route (`downloads.ts`), which calls the procedure first, so who may fetch a file is decided in one place.
 */
const { attachments } = tables;
export const FILE_COLUMNS = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  fileName: attachments.fileName,
  mime: attachments.mime,
  size: attachments.size,
  checked: attachments.checked,
};

export interface FileDescription {
  id: number;
  filename: string;
  mime: string;
  size: number;
  /** May be shown in the page (a picture decoded whole at upload); anything else downloads. */
  inline: boolean;
}

export const describeFile = (f: { id: number; fileName: string; mime: string; size: number; checked: boolean }): FileDescription => ({
  id: f.id,
  filename: f.fileName,
  mime: f.mime,
  size: f.size,
  inline: showsInline(f),
});
