// Fuzzing with a seeded generator: whatever text comes in, compiling either succeeds or throws an
// ExpressionError, and evaluating a compiled expression never fails any other way, never returns
// a function and never writes to the (deeply frozen) scope.
import { compileExpression, ExpressionError } from '.';
import type { ExpressionScope } from '.';

/** mulberry32: a tiny deterministic PRNG, so a failure reproduces. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(20261123);
const integer = (below: number) => Math.floor(random() * below);
const pick = <T>(items: readonly T[]): T => items[integer(items.length)] as T;

const CHARACTERS = 'abcxyz_$019 .,;:?!&|=<>+-*/%^~()[]{}\'"`\\@#\n\tπ中';
const TOKENS = [
  'a', 'b', 'amount', 'account', 'name', 'tags', 'date', 'fn', 'obj', 'nil', 'in', 'this', 'new', 'typeof',
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf',
  '0', '1', '-1', '2.5', '1e308', '.5', "'x'", "'2026-01-31'", '"12"', "''", 'true', 'false', 'null', 'undefined',
  '+', '-', '*', '/', '%', '==', '!=', '===', '<', '<=', '>', '>=', '&&', '||', '!', '??', '?', ':', '=', '.', ',', ';',
  '(', ')', '[', ']', '{', '}', '`', '?.',
  'len(', 'lower(', 'upper(', 'trim(', 'concat(', 'contains(', 'startsWith(', 'endsWith(', 'round(', 'floor(',
  'ceil(', 'abs(', 'min(', 'max(', 'coalesce(', 'isEmpty(', 'today(', 'now(', 'daysBetween(', 'addDays(',
  'year(', 'month(', 'day(', 'if(', 'eval(',
];
const LEAVES = ['a', 'b', 'amount', 'account.name', 'account.owner.email', 'tags', 'tags[0]', 'tags[1]', 'date', 'nil', 'obj.inner', 'fn', 'missing', 'numbers', 'numbers[2]', '1', '0', '-3', '2.5', "'x'", "'12'", "'2026-02-28'", "'2026-02-28T10:00:00Z'", 'true', 'false', 'null', '[1, 2]', "['a', nil]"];
const BINARY = ['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||', 'in'];
const FUNCTIONS: ReadonlyArray<readonly [string, number, number]> = [
  ['len', 1, 1], ['lower', 1, 1], ['upper', 1, 1], ['trim', 1, 1], ['concat', 1, 4], ['contains', 2, 2],
  ['startsWith', 2, 2], ['endsWith', 2, 2], ['round', 1, 2], ['floor', 1, 1], ['ceil', 1, 1], ['abs', 1, 1],
  ['min', 1, 3], ['max', 1, 3], ['coalesce', 1, 3], ['isEmpty', 1, 1], ['today', 0, 0], ['now', 0, 0],
  ['daysBetween', 2, 2], ['addDays', 2, 2], ['year', 1, 1], ['month', 1, 1], ['day', 1, 1], ['if', 3, 3],
];

function randomText(): string {
  return Array.from({ length: integer(60) }, () => pick([...CHARACTERS])).join('');
}

function randomTokenSoup(): string {
  return Array.from({ length: 1 + integer(16) }, () => pick(TOKENS)).join(pick(['', ' ', ' ', '  ']));
}

/** A grammatical expression, so that most of these compile and exercise evaluation. */
function randomExpression(depth: number): string {
  const choice = depth <= 0 ? 0 : integer(6);
  switch (choice) {
    case 1:
      return `${randomExpression(depth - 1)} ${pick(BINARY)} ${randomExpression(depth - 1)}`;
    case 2:
      return `${pick(['-', '+', '!'])}${randomExpression(depth - 1)}`;
    case 3:
      return `(${randomExpression(depth - 1)} ? ${randomExpression(depth - 1)} : ${randomExpression(depth - 1)})`;
    case 4: {
      const [name, min, max] = pick(FUNCTIONS);
      const count = min + integer(max - min + 1);
      return `${name}(${Array.from({ length: count }, () => randomExpression(depth - 1)).join(', ')})`;
    }
    case 5:
      return `(${randomExpression(depth - 1)})`;
    default:
      return pick(LEAVES);
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

function randomScalar(): unknown {
  return pick([
    null, undefined, 0, -0, 1, -7.5, 1e308, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', '12', ' 3.5 ', '2026-02-28',
    '2026-13-45', 'ABC', true, false, [], [1, 'a', null], new Date('2026-01-01T00:00:00Z'), new Date(Number.NaN),
  ]);
}

function randomScope(): ExpressionScope {
  const inner = Object.assign(Object.create(null) as Record<string, unknown>, { value: randomScalar() });
  return deepFreeze({
    a: randomScalar(),
    b: randomScalar(),
    amount: pick([100, '250.5', null, 'lots']),
    account: pick([null, { name: randomScalar(), owner: { email: randomScalar() } }, 'not an object']),
    tags: pick([['vip', 'new'], [], null, 'vip', [() => 1]]),
    numbers: [1, 2, randomScalar()],
    date: pick(['2026-11-23', '2026-11-23T10:00:00+05:30', new Date('2020-02-29T00:00:00Z'), 'yesterday', null]),
    nil: null,
    obj: pick([{ inner }, new (class Hidden { inner = 1 })(), Object.create(null) as object]),
    fn: pick([() => 'called', Math.max, null]),
  });
}

function expectOnlyExpressionErrors(action: () => void, source: string): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof ExpressionError)) {
      throw new Error(`${JSON.stringify(source)} threw ${String(error)}`);
    }
  }
}

describe('fuzzing the expression language', () => {
  const sources = [
    ...Array.from({ length: 2000 }, randomText),
    ...Array.from({ length: 2000 }, randomTokenSoup),
    ...Array.from({ length: 3000 }, () => randomExpression(1 + integer(5))),
  ];

  it('compiles or throws an ExpressionError, quickly, for every input', () => {
    const started = Date.now();
    for (const source of sources) expectOnlyExpressionErrors(() => compileExpression(source), source);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('evaluates compiled inputs without other errors, functions or writes to the scope', () => {
    let evaluated = 0;
    for (const source of sources) {
      let compiled;
      try {
        compiled = compileExpression(source);
      } catch {
        continue;
      }
      const scope = randomScope();
      const now = pick([new Date('2026-11-23T12:00:00Z'), undefined]);
      expectOnlyExpressionErrors(() => {
        const result = compiled.evaluate(scope, { now });
        evaluated++;
        if (typeof result === 'function') throw new Error(`${JSON.stringify(source)} returned a function`);
        if (typeof result === 'number' && !Number.isFinite(result)) throw new Error(`${JSON.stringify(source)} returned ${result}`);
      }, source);
    }
    // The grammatical third of the inputs should mostly evaluate; otherwise the fuzz proves little.
    expect(evaluated).toBeGreaterThan(1000);
  });
});
