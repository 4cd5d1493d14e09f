import { compileExpression, ExpressionError, EXPRESSION_FUNCTION_NAMES } from '..';
import type { EvaluationContext, ExpressionScope } from '..';

const now = new Date('2026-11-23T22:30:00.000Z');
const evaluate = (source: string, scope: ExpressionScope = {}, context: EvaluationContext = { now }) =>
  compileExpression(source).evaluate(scope, context);

describe('text functions', () => {
  it.each([
    ["len('hello')", 5],
    ['len([1, 2, 3])', 3],
    ['len(empty)', 0],
    ["lower('AbC')", 'abc'],
    ["upper('AbC')", 'ABC'],
    ["trim('  a b  ')", 'a b'],
    ['lower(empty)', null],
    ['upper(empty)', null],
    ['trim(empty)', null],
    ["concat('a', 1, true, empty, 'z')", 'a1truez'],
    ["concat('only')", 'only'],
    ["contains('pipeline', 'line')", true],
    ["contains('pipeline', 'x')", false],
    ["contains('v10', 1)", true],
    ["contains(['a', 'b'], 'b')", true],
    ["contains([1, 2], '2')", true],
    ["contains(['a'], 'z')", false],
    ["contains(empty, 'a')", false],
    ["contains('abc', empty)", false],
    ["startsWith('Acme Ltd', 'Acme')", true],
    ["startsWith('Acme Ltd', 'Ltd')", false],
    ["endsWith('Acme Ltd', 'Ltd')", true],
    ["endsWith(empty, 'Ltd')", false],
  ])('%s → %p', (source, expected) => {
    expect(evaluate(source, { empty: null })).toEqual(expected);
  });

  it.each(['len(5)', 'lower(5)', "upper(['a'])", "concat('a', [1])", "startsWith(1, '1')", "contains({}, 'a')"])(
    'refuses arguments of the wrong kind: %s',
    (source) => {
      expect(() => evaluate(source, {})).toThrow(ExpressionError);
    },
  );
});

describe('number functions', () => {
  it.each([
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(2.4)', 2],
    ['round(1.005, 2)', 1.01],
    ['round(1234.5678, 2)', 1234.57],
    ['round(1250, -2)', 1300],
    ["round('3.14159', 3)", 3.142],
    ['round(1e300, 2)', 1e300],
    ['round(empty, 2)', null],
    ['floor(2.7)', 2],
    ['floor(-2.2)', -3],
    ['ceil(2.1)', 3],
    ['ceil(-2.7)', -2],
    ['abs(-4)', 4],
    ['abs(empty)', null],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['min(empty, 4)', 4],
    ['max([1, 9], 5)', 9],
    ["max('10', 9)", 10],
    ['min(empty)', null],
    ['max([])', null],
  ])('%s → %p', (source, expected) => {
    expect(evaluate(source, { empty: null })).toBe(expected);
  });

  it('gives 0, not -0, when rounding a small negative number', () => {
    expect(Object.is(evaluate('round(-0.4)'), 0)).toBe(true);
  });

  it.each(["round('x')", 'round(1, 0.5)', 'round(1, 16)', "floor('one')", "min(1, 'two')", 'abs(true)'])(
    'refuses arguments of the wrong kind: %s',
    (source) => {
      expect(() => evaluate(source)).toThrow(ExpressionError);
    },
  );

  it('handles min and max over a very large array', () => {
    const values = Array.from({ length: 200_000 }, (_, index) => index);
    expect(evaluate('max(values)', { values })).toBe(199_999);
  });
});

describe('presence functions', () => {
  it.each([
    ['coalesce(empty, 0, 5)', 0],
    ["coalesce(empty, '', 'x')", ''],
    ['coalesce(empty, missing)', null],
    ['isEmpty(empty)', true],
    ['isEmpty(missing)', true],
    ["isEmpty('')", true],
    ["isEmpty('   ')", true],
    ["isEmpty('x')", false],
    ['isEmpty([])', true],
    ['isEmpty([0])', false],
    ['isEmpty(object)', true],
    ['isEmpty(0)', false],
    ['isEmpty(false)', false],
    ["if(true, 'yes', 'no')", 'yes'],
    ["if(0, 'yes', 'no')", 'no'],
    ["if(empty, 'yes', 'no')", 'no'],
  ])('%s → %p', (source, expected) => {
    expect(evaluate(source, { empty: null, object: {} })).toBe(expected);
  });

  it('evaluates only the chosen branch of if()', () => {
    expect(evaluate("if(n == 0, 0, 100 / n)", { n: 0 })).toBe(0);
    expect(evaluate("if(true, 1, 'x' * 2)")).toBe(1);
  });
});

describe('date functions', () => {
  it.each([
    ['today()', '2026-11-23'],
    ['now()', '2026-11-23T22:30:00.000Z'],
    ["daysBetween('2026-01-01', '2026-03-01')", 59],
    ["daysBetween('2026-03-01', '2026-01-01')", -59],
    ["daysBetween('2026-01-01T23:59:00Z', '2026-01-02T00:01:00Z')", 1],
    ["daysBetween('2026-01-02T01:00:00+02:00', '2026-01-01')", 0],
    ["daysBetween('2026-01-01', today())", 326],
    ['daysBetween(empty, today())', null],
    ["addDays('2026-02-27', 2)", '2026-03-01'],
    ["addDays('2024-02-27', 2)", '2024-02-29'],
    ["addDays('2026-01-01T20:00:00Z', -1)", '2025-12-31'],
    ["addDays('2026-01-01', '3')", '2026-01-04'],
    ['addDays(empty, 1)', null],
    ["addDays('2026-01-01', empty)", null],
    ["year('2026-11-23')", 2026],
    ["month('2026-11-23')", 11],
    ["day('2026-11-23')", 23],
    ["year('0099-05-01')", 99],
    ["month('2026-12-31T23:30:00-01:00')", 1],
    ['month(empty)', null],
    ['year(closedAt)', 2025],
  ])('%s → %p', (source, expected) => {
    expect(evaluate(source, { empty: null, closedAt: new Date('2025-06-01T00:00:00Z') })).toBe(expected);
  });

  it('treats datetimes without an offset as UTC', () => {
    expect(evaluate("daysBetween('2026-01-01T23:00:00', '2026-01-02T00:30:00')")).toBe(1);
    expect(evaluate("day('2026-01-01 23:59')")).toBe(1);
  });

  it.each(["year('2026-02-30')", "year('23/11/2026')", "month('2026-13-01')", "year('2026-01-01T24:00')", 'year(20260101)', "addDays('2026-01-01', 1.5)", "addDays('2026-01-01', 1e12)"])(
    'refuses values that are not valid ISO dates or day counts: %s',
    (source) => {
      expect(() => evaluate(source)).toThrow(ExpressionError);
    },
  );

  it('needs the clock for today() and now(), and says so', () => {
    expect(() => evaluate('today()', {}, {})).toThrow(/pass \{ now: new Date\(\) \}/);
    expect(() => compileExpression('now()').evaluate({})).toThrow(ExpressionError);
    expect(() => evaluate('today()', {}, { now: new Date(Number.NaN) })).toThrow(ExpressionError);
  });

  it('does not need the clock for expressions that do not read it', () => {
    expect(compileExpression("daysBetween('2026-01-01', '2026-01-08')").evaluate({})).toBe(7);
  });
});

describe('the function list', () => {
  it('names every built-in function, including if', () => {
    expect(EXPRESSION_FUNCTION_NAMES).toEqual([
      'abs', 'addDays', 'ceil', 'coalesce', 'concat', 'contains', 'day', 'daysBetween', 'endsWith', 'floor', 'if',
      'isEmpty', 'len', 'lower', 'max', 'min', 'month', 'now', 'round', 'startsWith', 'today', 'trim', 'upper', 'year',
    ]);
  });
});
