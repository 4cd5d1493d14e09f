import { BadRequestError } from '../model/problem';
import { csvLine, UTF8_BOM } from './write-csv';
import { parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it('reads what the export writes: BOM, CRLF, quoted commas, quotes and line breaks', () => {
    const text = UTF8_BOM + csvLine(['name', 'note']) + csvLine(['Alpha, Inc.', 'say "hi"']) + csvLine(['two\nlines', '']) + csvLine(['last', 'x']);
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Alpha, Inc.', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', ''] },
      { line: 5, cells: ['last', 'x'] },
    ]);
  });

  it('takes LF line ends, a missing final line break, and skips blank lines', () => {
    expect(parseCsv('a,b\n1,2\n\n3,"4"')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('keeps quotes inside an unquoted cell as text, and empty cells as empty', () => {
    expect(parseCsv('a,b,c\r\nsay "x",,\r\n')).toEqual([{ line: 1, cells: ['a', 'b', 'c'] }, { line: 2, cells: ['say "x"', '', ''] }]);
  });

  it('refuses a quoted cell that never ends, naming the line it starts on', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(BadRequestError);
    try {
      parseCsv('a\n"open\nstill open');
    } catch (error) {
      expect((error as BadRequestError).details).toEqual([expect.objectContaining({ path: '/2', code: 'csvSyntax' })]);
    }
  });
});
