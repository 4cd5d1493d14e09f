import { allOf, anyOf, type AccessWhere } from './access-rule';

const own: AccessWhere = { kind: 'equalsActor', field: 'owner', parameter: 'userId' };
const team: AccessWhere = { kind: 'userIn', field: 'owner', by: 'team', parameter: 'teamIds' };
const gold: AccessWhere = { kind: 'match', clause: { field: 'tier', op: 'eq', value: 'gold' } };

describe('access rule combinators', () => {
  it.each([
    ['nothing', [], false],
    ['only false', [false, false], false],
    ['true wins', [own, true], true],
    ['false drops out', [false, own], own],
    ['repeats collapse', [own, own], own],
    ['nested ors flatten', [own, { kind: 'or', conditions: [team, gold] } as AccessWhere], { kind: 'or', conditions: [own, team, gold] }],
  ] as const)('anyOf: %s', (_case, rules, expected) => {
    expect(anyOf(rules)).toEqual(expected);
  });

  it.each([
    ['nothing', [], true],
    ['only true', [true, true], true],
    ['false wins', [own, false], false],
    ['true drops out', [true, own], own],
    ['nested ands flatten', [own, { kind: 'and', conditions: [team, gold] } as AccessWhere], { kind: 'and', conditions: [own, team, gold] }],
    ['ors stay nested', [gold, { kind: 'or', conditions: [own, team] } as AccessWhere], { kind: 'and', conditions: [gold, { kind: 'or', conditions: [own, team] }] }],
  ] as const)('allOf: %s', (_case, rules, expected) => {
    expect(allOf(rules)).toEqual(expected);
  });
});
