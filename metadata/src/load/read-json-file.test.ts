import { withLineAndColumn } from './read-json-file';

describe('withLineAndColumn', () => {
  it('adds the line and column of a parser position', () => {
    expect(withLineAndColumn('Unexpected number in JSON at position 16', '{\n "a": 1,\n "b" 2}')).toBe('Unexpected number in JSON at position 16 (line 3, column 6)');
  });

  it('leaves messages without a position, or with a line already, alone', () => {
    expect(withLineAndColumn('Unexpected end of JSON input', '{')).toBe('Unexpected end of JSON input');
    expect(withLineAndColumn('Bad at position 3 (line 1 column 4)', '{ab')).toBe('Bad at position 3 (line 1 column 4)');
  });
});
