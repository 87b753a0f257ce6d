/** Where attachments download from: a real HTTP route (not base64 inside tRPC), so a plain link works. */
export const FILES_URL = '/api/files';

/**
 * The link of an attachment: `area` names the module whose rules decide who may fetch it (plan: report evidence,
 * safety: hazard files, funding: project photos and evidence). `inline` asks to show a picture in the page; the server allows it only for pictures that
 * were decoded whole at upload, and sends anything else as a download.
 */
export function fileUrl(area: 'plan' | 'safety' | 'funding' | 'private-enforcement', id: number, inline = false): string {
  return `${FILES_URL}/${area}/${id}${inline ? '?inline=1' : ''}`;
}

/** Saves a file the API sent as base64 (exports, templates) under its name. */
export function downloadBase64(
  filename: string,
  base64: string,
  type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves text the API sent (a CSV export) under its name. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chosen file's content as base64, for an import call (the server checks size and type again). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取所选文件'));
    reader.readAsDataURL(file);
  });
}
