// CSV export with papaparse's `unparse` (loaded on the first export, not with the page): fields with commas,
// quotes or line breaks are quoted, and `escapeFormulae` defuses values a spreadsheet would run as a formula
// (leading =, +, -, @, tab or carriage return get a leading apostrophe).

export type CsvValue = string | number | null | undefined;

export async function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))) },
    { escapeFormulae: true, newline: '\r\n', quotes: false },
  );
}

/** Offers `csv` as a download named `filename` (with a BOM, so spreadsheets read it as UTF-8). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
