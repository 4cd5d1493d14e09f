import { compileExpression, ExpressionError } from '.';
import { MAX_DEPTH, MAX_SOURCE_LENGTH } from './parse';

function compileError(source: string): ExpressionError {
  try {
    compileExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} not to compile`);
}

describe('compileExpression', () => {
  it('parses literals of every kind', () => {
    const values = ['42', '3.5', '.5', '1e3', "'single'", '"double"', 'true', 'false', 'null', '[1, "two", null]']
      .map((source) => compileExpression(source).evaluate({}));
    expect(values).toEqual([42, 3.5, 0.5, 1000, 'single', 'double', true, false, null, [1, 'two', null]]);
  });

  it('reads string escapes', () => {
    expect(compileExpression("'it\\'s' + \"\\n\"").evaluate({})).toBe("it's\n");
  });

  it('lists the top-level identifiers once, in order of first use, without function names', () => {
    expect(compileExpression('amount * probability / 100 + amount').identifiers).toEqual(['amount', 'probability']);
    expect(compileExpression("account.name == 'x' && len(user.roles) > 0 && tags[0] == 1").identifiers).toEqual([
      'account', 'user', 'tags',
    ]);
    expect(compileExpression('if(isClosed, round(total), 0)').identifiers).toEqual(['isClosed', 'total']);
    expect(compileExpression('1 + 2').identifiers).toEqual([]);
  });

  it('returns the same compiled object for the same source', () => {
    const first = compileExpression('a + b');
    expect(compileExpression('a + b')).toBe(first);
    expect(compileExpression('a + b ')).not.toBe(first);
  });

  it('exposes the source and freezes the compiled expression', () => {
    const compiled = compileExpression('x > 1');
    expect(compiled.source).toBe('x > 1');
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.identifiers)).toBe(true);
  });

  it.each([
    ['a +', 3],
    ['(a', 2],
    ['a = 1', 2],
    ['a b', 2],
    ['x ? y', 5],
    ['a === b', 2],
    ['f(1)', 0],
  ])('reports %p as an ExpressionError at position %p', (source, position) => {
    expect(compileError(source).position).toBe(position);
  });

  it('reports unknown functions with their own code', () => {
    const error = compileError('1 + sqrt(4)');
    expect(error.code).toBe('unknownFunction');
    expect(error.message).toContain("'sqrt'");
    expect(error.position).toBe(4);
  });

  it.each([
    ['len()', 'len() takes 1 argument, got 0'],
    ["len('a', 'b')", 'len() takes 1 argument, got 2'],
    ['round()', 'round() takes 1 to 2 arguments, got 0'],
    ['today(1)', 'today() takes 0 arguments, got 1'],
    ['if(a, b)', 'if() takes 3 arguments, got 2'],
    ['coalesce()', 'coalesce() takes at least 1 argument, got 0'],
  ])('refuses a wrong number of arguments: %s', (source, message) => {
    expect(compileError(source).description).toBe(message);
  });

  it('refuses a number literal too large for a double', () => {
    expect(compileError('1e999').description).toBe('Number is too large');
  });

  it('refuses empty input and input longer than the limit', () => {
    expect(compileError('   ').description).toBe('Expression is empty');
    expect(compileError(`a${' + a'.repeat(MAX_SOURCE_LENGTH / 4)}`).description).toMatch(/longer than 2000/);
  });

  it('refuses nesting deeper than the limit but accepts it at the limit', () => {
    const nested = (levels: number) => `${'('.repeat(levels)}1${')'.repeat(levels)}`;
    expect(compileExpression(nested(MAX_DEPTH - 2)).evaluate({})).toBe(1);
    expect(compileError(nested(MAX_DEPTH + 1)).description).toMatch(/nested more than 64/);
    expect(compileError(`${'-'.repeat(500)}1`).description).toMatch(/nested more than 64/);
    expect(compileError(Array.from({ length: 80 }, (_, index) => `a${index}`).join(' + ')).description).toMatch(/nested/);
  });

  it('does not count brackets inside strings towards the nesting limit', () => {
    expect(compileExpression(`'${'('.repeat(100)}'`).evaluate({})).toBe('('.repeat(100));
  });

  it('refuses a non-string source', () => {
    expect(() => compileExpression(42 as unknown as string)).toThrow(ExpressionError);
  });
});
