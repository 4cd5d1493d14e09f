import { compileExpression, ExpressionError } from '.';
import type { ExpressionScope } from '.';

const evaluate = (source: string, scope: ExpressionScope = {}) => compileExpression(source).evaluate(scope);

describe('operators', () => {
  it.each([
    ['7 + 5', 12],
    ['7 - 5', 2],
    ['7 * 5', 35],
    ['7 / 2', 3.5],
    ['7 % 5', 2],
    ['-7 % 5', -2],
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ['10 - 4 - 3', 3],
    ['-x', -3],
    ['+x', 3],
    ['--x', 3],
    ["'5' * 2", 10],
    ["'2.5' - 1", 1.5],
    ['amount * probability / 100', 250],
  ])('computes %s', (source, expected) => {
    expect(evaluate(source, { x: 3, amount: 1000, probability: 25 })).toBe(expected);
  });

  it.each([
    ["'a' + 'b'", 'ab'],
    ["'n=' + 1", 'n=1'],
    ["1 + '1'", '11'],
    ["'ok: ' + true", 'ok: true'],
    ["'x' + missing", 'x'],
    ["missing + 'x'", 'x'],
  ])('concatenates when either side of + is text: %s', (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });

  it.each(['1 + empty', 'empty - 1', 'empty * 2', '2 / empty', 'empty % 2', '-empty', '+empty', 'empty + empty'])(
    'gives null for arithmetic over null: %s',
    (source) => {
      expect(evaluate(source, { empty: null })).toBeNull();
    },
  );

  it.each(['1 / 0', '0 / 0', '5 % 0', '1e308 * 10'])('gives null instead of a non-finite number: %s', (source) => {
    expect(evaluate(source)).toBeNull();
  });

  it.each(["'abc' * 2", 'true - 1', '[1] + 1', 'obj * 2', "-'x'", "[1] + 'a'"])(
    'refuses arithmetic on values that are not numbers: %s',
    (source) => {
      expect(() => evaluate(source, { obj: { a: 1 } })).toThrow(ExpressionError);
    },
  );

  it.each([
    ['1 == 1', true],
    ['1 == 2', false],
    ["1 == '1'", true],
    ["'1.0' == 1", true],
    ["'a' == 'a'", true],
    ["'a' == 'A'", false],
    ["'1' == '1.0'", false],
    ['true == 1', false],
    ["0 == ''", false],
    ['null == missing', true],
    ['null == 0', false],
    ['missing != null', false],
    ['1 != 2', true],
    ["1 != '1'", false],
    ['[1, 2] == [1, 2]', true],
    ['[1, 2] == [2, 1]', false],
  ])('compares for equality: %s → %p', (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });

  it.each([
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ["10 > '9'", true],
    ["'b' > 'a'", true],
    ["'2026-01-10' < '2026-02-01'", true],
    ["'10' < '9'", true],
    ['empty < 1', false],
    ['empty >= 1', false],
    ['1 > empty', false],
    ['empty <= empty', false],
  ])('orders values: %s → %p', (source, expected) => {
    expect(evaluate(source, { empty: null })).toBe(expected);
  });

  it.each(["1 < 'a'", 'true < false', '[1] < [2]'])('refuses to order values of different kinds: %s', (source) => {
    expect(() => evaluate(source)).toThrow(ExpressionError);
  });

  it.each([
    ['true && true', true],
    ['true && 0', false],
    ["'x' || false", true],
    ['0 || null', false],
    ['!0', true],
    ["!'text'", false],
    ['![]', false],
    ['!empty', true],
  ])('returns booleans from logical operators: %s', (source, expected) => {
    expect(evaluate(source, { empty: null })).toBe(expected);
  });

  it('short-circuits && and ||', () => {
    expect(evaluate("false && 'x' * 2")).toBe(false);
    expect(evaluate("true || 'x' * 2")).toBe(true);
    expect(() => evaluate("true && 'x' * 2")).toThrow(ExpressionError);
  });

  it('gives || a lower precedence than &&', () => {
    expect(evaluate('true || false && false')).toBe(true);
  });

  it('evaluates only the chosen branch of a ternary', () => {
    expect(evaluate("n > 0 ? 'positive' : 'x' * 2", { n: 1 })).toBe('positive');
    expect(evaluate("n > 0 ? 'x' * 2 : 'other'", { n: 0 })).toBe('other');
    expect(evaluate('a ? b ? 1 : 2 : 3', { a: true, b: false })).toBe(2);
  });

  it.each([
    ["stage in ['won', 'lost']", true],
    ["'open' in ['won', 'lost']", false],
    ["'2' in [1, 2]", true],
    ['stage in empty', false],
    ['empty in [1, null]', true],
    ['1 + 1 in [2]', true],
  ])('tests membership with in: %s', (source, expected) => {
    expect(evaluate(source, { stage: 'won', empty: null })).toBe(expected);
  });

  it('compares Date values in arrays by their ISO text, and invalid ones as null', () => {
    const dates = [new Date(Number.NaN), new Date('2026-01-01T00:00:00Z')];
    expect(evaluate("'2026-01-01T00:00:00.000Z' in dates", { dates })).toBe(true);
    expect(evaluate("'x' in dates", { dates })).toBe(false);
    expect(evaluate('null in dates', { dates })).toBe(true);
  });

  it('compares cyclic arrays from the scope without recursing forever', () => {
    const first: unknown[] = [];
    first.push(first);
    const second: unknown[] = [];
    second.push(second);
    expect(evaluate('first == first', { first })).toBe(true);
    expect(evaluate('first == second', { first, second })).toBe(false);
    expect(evaluate('first in second', { first, second })).toBe(false);
  });

  it('refuses in over a value that is not an array', () => {
    expect(() => evaluate("'a' in 'abc'")).toThrow(/expects an array/);
  });

  it('does not take identifiers starting with "in" for the in operator', () => {
    expect(evaluate('index + inner', { index: 1, inner: 2 })).toBe(3);
  });
});

describe('reading the scope', () => {
  const scope = {
    account: { name: 'Acme', owner: { email: 'a@acme.test' }, missing: undefined },
    tags: ['vip', 'new'],
    nothing: null,
    closedAt: new Date('2026-03-04T05:06:07.000Z'),
  };

  it('reads identifiers, members and array elements', () => {
    expect(evaluate('account.name', scope)).toBe('Acme');
    expect(evaluate('account.owner.email', scope)).toBe('a@acme.test');
    expect(evaluate('tags[1]', scope)).toBe('new');
    expect(evaluate('tags[2 - 2]', scope)).toBe('vip');
  });

  it('reads missing names, missing members and out-of-range elements as null', () => {
    expect(evaluate('unknown', scope)).toBeNull();
    expect(evaluate('account.missing', scope)).toBeNull();
    expect(evaluate('account.phone', scope)).toBeNull();
    expect(evaluate('nothing.name', scope)).toBeNull();
    expect(evaluate('nothing.name.first', scope)).toBeNull();
    expect(evaluate('nothing[0]', scope)).toBeNull();
    expect(evaluate('tags[5]', scope)).toBeNull();
    expect(evaluate('tags[-1]', scope)).toBeNull();
  });

  it('reads Date values as ISO datetime strings', () => {
    expect(evaluate('closedAt', scope)).toBe('2026-03-04T05:06:07.000Z');
    expect(evaluate("closedAt > '2026-03-01'", scope)).toBe(true);
  });

  it('refuses member access on values that are not plain objects', () => {
    expect(() => evaluate('account.name.length', scope)).toThrow(ExpressionError);
    expect(() => evaluate('tags.length', scope)).toThrow(ExpressionError);
    expect(() => evaluate('instance.value', { instance: new (class { value = 1 })() })).toThrow(ExpressionError);
  });

  it('refuses indexing anything but arrays, and fractional indexes', () => {
    expect(() => evaluate('account[0]', scope)).toThrow(ExpressionError);
    expect(() => evaluate('tags[0.5]', scope)).toThrow(ExpressionError);
    expect(() => evaluate("tags[key]", { ...scope, key: 'length' })).toThrow(ExpressionError);
  });

  it('reads objects with a null prototype', () => {
    const record = Object.assign(Object.create(null) as Record<string, unknown>, { amount: 5 });
    expect(evaluate('record.amount * 2', { record })).toBe(10);
  });

  it('does not mutate the scope', () => {
    const data = { amount: 10, tags: ['a'], account: { name: 'Acme', address: { city: 'X' } } };
    const snapshot = JSON.parse(JSON.stringify(data)) as unknown;
    for (const source of ["amount * 2 + len(tags) + len(account.name) + account.address.city", "concat(tags[0], 'b')", "[amount] == [10]", "min(tags[0] == 'a' ? 1 : 2, amount)"]) {
      compileExpression(source).evaluate(data);
    }
    expect(data).toEqual(snapshot);
    expect(Object.isFrozen(data)).toBe(false);
  });
});
