/** Saves data as a file through the browser's (or Electron's) normal download path. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export const downloadText = (filename: string, text: string, type = 'text/csv;charset=utf-8') =>
  downloadBlob(filename, new Blob([text], { type }));

/** A file that crossed the bridge as base64 (a PDF), ready to show or save. */
export const base64Blob = (base64: string, type: string) =>
  new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
