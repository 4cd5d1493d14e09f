// Turning a spreadsheet's CSV into the import the server takes: its columns matched to the
// entity's writable fields (by field name or by a label in any language, ignoring case, spaces and
// punctuation; each field once), and the file rewritten with the chosen columns under their field
// names — cell text untouched, so the server reads values exactly as from its own export.
import { quoteCell, type CsvRecord } from '@stagecraft/core/csv';
import type { LocalisedText } from '../api/types';

export interface ImportTarget {
  name: string;
  label?: LocalisedText;
}

/** "E-mail", "e_mail", " Email " → "email". */
export function matchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-.:/()（）：]+/g, '');
}

function keysOf(target: ImportTarget): string[] {
  const labels = target.label === undefined ? [] : typeof target.label === 'string' ? [target.label] : Object.values(target.label);
  return [target.name, ...labels].map(matchKey).filter((key) => key !== '');
}

/** For each header cell, the field it fills (undefined: not imported). */
export function matchColumns(headers: readonly string[], targets: readonly ImportTarget[]): Array<string | undefined> {
  const taken = new Set<string>();
  return headers.map((header) => {
    const key = matchKey(header);
    if (key === '') return undefined;
    const target = targets.find((candidate) => !taken.has(candidate.name) && keysOf(candidate).includes(key));
    if (!target) return undefined;
    taken.add(target.name);
    return target.name;
  });
}

/** The CSV to send: a header of field names, then each row's cells of the mapped columns. */
export function mappedCsv(rows: readonly CsvRecord[], mapping: ReadonlyArray<string | undefined>): string {
  const columns = mapping.flatMap((field, index) => (field === undefined ? [] : [{ field, index }]));
  const line = (cells: readonly string[]): string => `${cells.map(quoteCell).join(',')}\r\n`;
  return line(columns.map((column) => column.field)) + rows.map((row) => line(columns.map((column) => row.cells[column.index] ?? ''))).join('');
}

/** A row error's path from the server (`/3/email` or `/rows/3/email`) → the field it names, if any. */
export function fieldOfProblemPath(path: string): string | undefined {
  const parts = path.split('/').filter((part) => part !== '' && part !== 'rows');
  const field = parts.find((part) => !/^\d+$/.test(part));
  return field;
}
