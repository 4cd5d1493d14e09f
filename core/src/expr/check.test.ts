import { checkExpression } from '.';

describe('checkExpression', () => {
  it('returns no problems for a valid expression', () => {
    expect(checkExpression('amount * probability / 100')).toEqual([]);
    expect(checkExpression('amount * probability / 100', new Set(['amount', 'probability']))).toEqual([]);
  });

  it('reports a syntax error as a problem with the position in the message', () => {
    expect(checkExpression('amount *')).toEqual([
      { path: '', code: 'expressionSyntax', message: 'Expected expression after * (at position 8)' },
    ]);
  });

  it('reports a refused construct as a syntax problem', () => {
    expect(checkExpression('a.b()')).toEqual([expect.objectContaining({ path: '', code: 'expressionSyntax' })]);
  });

  it('reports an unknown function', () => {
    expect(checkExpression('sqrt(amount)')).toEqual([
      { path: '', code: 'unknownFunction', message: "Unknown function 'sqrt' (at position 0)" },
    ]);
  });

  it('reports each unknown identifier once when the known ones are given', () => {
    expect(checkExpression("stage == 'won' && amout > 0 && amout < 10 && account.name != ''", new Set(['stage', 'account']))).toEqual([
      { path: '', code: 'unknownIdentifier', message: "Unknown name 'amout' in expression" },
    ]);
  });

  it('does not treat function names as identifiers', () => {
    expect(checkExpression('len(name) > 0', new Set(['name']))).toEqual([]);
  });
});
