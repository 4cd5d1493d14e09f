import { cellText, csvLine, quoteCell } from './write-csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+1 555 0100', `'+1 555 0100`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTAB', `'\tTAB`],
    ['\r=1', `'\r=1`],
    ['\n=1+1', `'\n=1+1`],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
  ])('prefixes text a spreadsheet would run as a formula: %j', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });

  it('writes numbers, booleans, empty values and lists as such', () => {
    expect([cellText(-12.5), cellText(0), cellText(true), cellText(false), cellText(null), cellText(undefined), cellText(['email', '=phone'])]).toEqual([
      '-12.5', '0', 'true', 'false', '', '', `email; '=phone`,
    ]);
  });

  it('quotes cells with commas, quotes, line breaks or edge spaces, doubling quotes', () => {
    expect([quoteCell('a,b'), quoteCell('say "hi"'), quoteCell('two\nlines'), quoteCell(' padded'), quoteCell('plain')]).toEqual([
      '"a,b"', '"say ""hi"""', '"two\nlines"', '" padded"', 'plain',
    ]);
  });

  it('ends each line with CRLF', () => {
    expect(csvLine(['Alpha, Inc.', 100, '=1+1', null])).toBe(`"Alpha, Inc.",100,'=1+1,\r\n`);
  });
});
