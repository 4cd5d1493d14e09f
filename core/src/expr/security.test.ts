import { compileExpression, ExpressionError } from '.';

function expectRefused(source: string): ExpressionError {
  let caught: unknown;
  try {
    compileExpression(source);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ExpressionError);
  return caught as ExpressionError;
}

describe('security', () => {
  it.each([
    ["constructor.constructor('return process')()"],
    ["a.constructor.constructor('return this')()"],
    ['constructor'],
    ['__proto__'],
    ['a.__proto__'],
    ['a.__proto__.polluted'],
    ['a.prototype'],
    ['a.constructor'],
    ['this'],
    ['this.x'],
    ['a = 1'],
    ['a.b = 1'],
    ['a += 1'],
    ['a++'],
    ['a.b()'],
    ["'abc'.toUpperCase()"],
    ['len.call(null, 1)'],
    ['len(1)(2)'],
    ['`template ${a}`'],
    ['/regex/.test(a)'],
    ['new Date()'],
    ['new Function("x")'],
    ['a["constructor"]'],
    ["a['__proto__']"],
    ['a[`x`]'],
    ['eval("1")'],
    ['Function("return 1")()'],
    ['require("fs")'],
    ['process.exit()'],
    ['a; b'],
    ['(a, b)'],
    ['a?.b'],
    ['a ?? b'],
    ['a === b'],
    ['a | b'],
    ['a & b'],
    ['a ^ b'],
    ['a << 1'],
    ['a ** 2'],
    ['~a'],
    ['() => 1'],
    ['function() {}'],
    ['{a: 1}'],
    ['typeof a'],
    ['void 0'],
    ['delete a.b'],
  ])('refuses %s', (source) => {
    expectRefused(source);
  });

  it('reports where a refused name sits', () => {
    expect(expectRefused('1 + __proto__').position).toBe(4);
  });

  it('reads no inherited property of the scope or of objects in it', () => {
    const scope = { account: { name: 'Acme' } };
    expect(compileExpression('toString').evaluate(scope)).toBeNull();
    expect(compileExpression('hasOwnProperty').evaluate(scope)).toBeNull();
    expect(compileExpression('account.toString').evaluate(scope)).toBeNull();
    expect(compileExpression('account.valueOf').evaluate(scope)).toBeNull();
    expect(compileExpression('account.__defineGetter__').evaluate(scope)).toBeNull();
  });

  it('refuses to hand back a function or other host-only value found in the scope', () => {
    expect(() => compileExpression('callback').evaluate({ callback: () => 1 })).toThrow(ExpressionError);
    expect(() => compileExpression('holder.fn').evaluate({ holder: { fn: () => 1 } })).toThrow(ExpressionError);
    expect(() => compileExpression('list[0]').evaluate({ list: [() => 1] })).toThrow(ExpressionError);
    expect(() => compileExpression('big').evaluate({ big: BigInt(1) })).toThrow(ExpressionError);
    expect(() => compileExpression('sym').evaluate({ sym: Symbol('s') })).toThrow(ExpressionError);
  });

  it('cannot pollute Object.prototype', () => {
    for (const source of ['a.__proto__', "a['__proto__']", 'a.constructor.prototype']) {
      expect(() => compileExpression(source).evaluate({ a: {} })).toThrow(ExpressionError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
