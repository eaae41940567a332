/** A cell of a CSV table; null and undefined are empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula (OWASP's list; tab and CR too). */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted when it holds a quote, comma or line break, quotes doubled.
 * Text that starts like a formula gets a leading `'` so a spreadsheet shows it as text;
 * numbers and booleans are written as they are.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: the header, then a record per row, each ending in CRLF. */
export function csvOf(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
