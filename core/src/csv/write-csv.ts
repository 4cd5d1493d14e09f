// CSV text for exports (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
// line break quoted with doubled quotes). Text that a spreadsheet would run as a formula — a cell
// starting with =, +, -, @, a tab, a carriage return or a line feed — is prefixed with an apostrophe (the OWASP
// advice against CSV injection); numbers are written as numbers and never prefixed.

/** Excel reads a UTF-8 file as UTF-8 (e.g. Chinese labels and names) only with this mark first. */
export const UTF8_BOM = '\uFEFF';

/** What a spreadsheet may run as a formula; a line feed too, as some start a new cell row there. */
export const FORMULA_START = /^[=+\-@\t\r\n]/;
/** A cell the export defused: the apostrophe and then a formula start (the import drops the apostrophe). */
export const FORMULA_DEFUSED = /^'[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One value as CSV cell text, before quoting. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Multi-value fields: one cell, values separated as a reader would list them.
  const text = Array.isArray(value) ? value.map((item) => cellText(item)).join('; ') : typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function quoteCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map((value) => quoteCell(cellText(value))).join(',')}\r\n`;
}
