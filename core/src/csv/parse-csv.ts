// CSV text → records of cells (RFC 4180, the format the export writes): comma-separated, quoted
// cells may hold commas, doubled quotes and line breaks; lines end in CRLF or LF; a UTF-8 byte
// order mark is dropped. Hand-written (some 40 lines) rather than a dependency: the writer beside
// it (write-csv.ts) is too, and each record must carry the line it starts on for error reports.
import { BadRequestError } from '../model/problem';

export interface CsvRecord {
  /** The 1-based line of the text where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = (): void => {
    cells.push(cell);
    // A blank line (e.g. the file's last line break doubled) is no record.
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index] as string;
    if (quoted) {
      if (character === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
    } else if (character === '"' && cell === '') {
      quoted = true;
    } else if (character === ',') {
      cells.push(cell);
      cell = '';
    } else if (character === '\n' || (character === '\r' && body[index + 1] === '\n')) {
      if (character === '\r') index += 1;
      endRecord();
      line += 1;
      start = line;
    } else {
      cell += character;
    }
  }
  if (quoted) throw new BadRequestError('The CSV text is not valid', [{ path: `/${start}`, message: 'a quoted cell is never closed', code: 'csvSyntax' }]);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
