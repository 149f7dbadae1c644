// A file made here (a CSV, a store profile) handed to the browser's or Electron's download.

/**
 * A byte-order mark in front of the CSV: spreadsheet programs on Windows (Excel) read a CSV
 * without one in the system's legacy code page, which garbles "€", "£" and accented names.
 * Readers that know UTF-8 skip it. Added here, once, so the text from the ledger stays plain.
 */
const BOM = '\uFEFF';

/** The CSV as a downloadable blob: UTF-8 with a byte-order mark (see BOM). */
export function csvBlob(text: string): Blob {
  return new Blob([text.startsWith(BOM) ? text : BOM + text], { type: 'text/csv;charset=utf-8' });
}

/** Hands a file to the browser's (or Electron's) download, under the given name. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the time the click returns; a tick later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
