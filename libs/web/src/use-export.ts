import { ref } from 'vue';
import { downloadBase64 } from './files.ts';
import { errorMessage } from './trpc.ts';

/** An export as the API sends it: an .xlsx in base64 under its file name. */
export interface Base64File {
  filename: string;
  base64: string;
}
const saveBase64 = (f: Base64File) => downloadBase64(f.filename, f.base64);

/**
 * The state of an export button, shared by every page: `busy` while the server builds the file (bind it to the
 * button's `loading`, which also disables it), a second click meanwhile does nothing (one file, one audit record),
 * and `error` holds the Chinese message of a failure. `run` resolves to the file (null when refused or failed) so the
 * page can say how many rows went out.
 */
export function useExport() {
  const busy = ref(false);
  const error = ref<string | null>(null);
  async function run<T extends Base64File>(fetch: () => Promise<T>): Promise<T | null>;
  async function run<T>(fetch: () => Promise<T>, save: (file: T) => void): Promise<T | null>;
  async function run<T>(fetch: () => Promise<T>, save: (file: T) => void = saveBase64 as (file: T) => void): Promise<T | null> {
    if (busy.value) return null;
    busy.value = true;
    error.value = null;
    try {
      const file = await fetch();
      save(file);
      return file;
    } catch (e) {
      error.value = errorMessage(e);
      return null;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
