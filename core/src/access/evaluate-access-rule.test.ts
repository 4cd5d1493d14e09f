// The compiled rules, evaluated over a small company: who reads and changes which account.
import { exampleBundle } from '../validate/testing/example-pack';
import type { ActorBindings } from './access-rule';
import { compileAccessPolicy } from './compile-access-policy';
import { recordMatchesRule, type DirectoryUser } from './evaluate-access-rule';

interface Person { roles: string[]; bindings: ActorBindings }

const directory: Record<string, DirectoryUser> = {
  manager: { role: 'salesManager', teamIds: ['east'] },
  repA: { role: 'salesRep', teamIds: ['east'] },
  repB: { role: 'salesRep', teamIds: ['west'] },
  agent: { role: 'supportAgent', teamIds: ['support'] },
};
const person = (userId: string, roles: string[], extra: Partial<ActorBindings> = {}): Person => ({
  roles,
  bindings: { userId, teamIds: directory[userId]?.teamIds ?? [], subordinateRoles: [], partnerAccountId: null, ...extra },
});
const people: Record<string, Person> = {
  manager: person('manager', ['salesManager'], { subordinateRoles: ['salesRep'] }),
  repA: person('repA', ['salesRep']),
  repB: person('repB', ['salesRep']),
  agent: person('agent', ['supportAgent']),
  partner: person('partnerUser', ['partner'], { partnerAccountId: 'P' }),
};

const accounts = [
  { id: 'byManager', owner: 'manager', tier: 'standard', partnerAccount: null },
  { id: 'byRepA', owner: 'repA', tier: 'standard', partnerAccount: 'P' },
  { id: 'byRepB', owner: 'repB', tier: 'gold', partnerAccount: null },
  { id: 'byAgent', owner: 'agent', tier: 'standard', partnerAccount: 'Q' },
  { id: 'unowned', owner: null, tier: 'gold', partnerAccount: null },
];

function accountsFor(name: string, operation: 'read' | 'update'): string[] {
  const who = people[name] as Person;
  const rule = compileAccessPolicy(exampleBundle(), { roles: who.roles, isAdmin: false, isPartner: who.bindings.partnerAccountId !== null }).entity('account').rowFilter(operation);
  const context = { bindings: who.bindings, userOf: (id: string) => directory[id] };
  return accounts.filter((account) => recordMatchesRule(rule, account, context)).map((account) => account.id);
}

describe('compiled rules over a small company', () => {
  it.each([
    ['manager', ['byManager', 'byRepA', 'byRepB'], ['byManager', 'byRepA', 'byRepB']],
    ['repA', ['byManager', 'byRepA'], ['byRepA']],
    ['repB', ['byRepB'], ['byRepB']],
    ['agent', ['byRepB', 'unowned'], []],
    ['partner', ['byRepA'], []],
  ])('%s reads %j and changes %j', (name, readable, changeable) => {
    expect(accountsFor(name, 'read')).toEqual(readable);
    expect(accountsFor(name, 'update')).toEqual(changeable);
  });

  it('matches sharing criteria with list-filter semantics', () => {
    const context = { bindings: people.repA!.bindings, userOf: () => undefined };
    const matches = (clause: { field: string; op: 'eq' | 'ne' | 'in' | 'contains' | 'isNull' | 'gt'; value?: unknown }, value: unknown): boolean =>
      recordMatchesRule({ kind: 'match', clause }, { x: value }, context);
    expect([matches({ field: 'x', op: 'ne', value: 'a' }, null), matches({ field: 'x', op: 'ne', value: 'a' }, 'a')]).toEqual([true, false]);
    expect([matches({ field: 'x', op: 'in', value: ['a', 'b'] }, 'b'), matches({ field: 'x', op: 'in', value: ['a'] }, ['c', 'a'])]).toEqual([true, true]);
    expect([matches({ field: 'x', op: 'contains', value: 'ph' }, 'phone'), matches({ field: 'x', op: 'contains', value: 'phone' }, ['sms'])]).toEqual([true, false]);
    expect([matches({ field: 'x', op: 'isNull' }, null), matches({ field: 'x', op: 'isNull', value: false }, null)]).toEqual([true, false]);
    expect([matches({ field: 'x', op: 'gt', value: 5 }, 6), matches({ field: 'x', op: 'gt', value: 5 }, null), matches({ field: 'x', op: 'gt', value: 5 }, '6')]).toEqual([true, false, false]);
  });

  it('never matches an actor value that is missing', () => {
    const context = { bindings: { userId: null, teamIds: [], subordinateRoles: [], partnerAccountId: null }, userOf: () => undefined };
    expect(recordMatchesRule({ kind: 'equalsActor', field: 'owner', parameter: 'userId' }, { owner: null }, context)).toBe(false);
  });

  it('follows a parent rule to the referenced record, and matches nothing without it', () => {
    const parents: Record<string, Record<string, unknown>> = { q1: { owner: 'u1' }, q2: { owner: 'u2' } };
    const bindings = { userId: 'u1', teamIds: [], subordinateRoles: [], partnerAccountId: null };
    const context = { bindings, userOf: () => undefined, recordOf: (_entity: string, id: string) => parents[id] };
    const rule = { kind: 'parent', field: 'quote', entity: 'quote', rule: { kind: 'equalsActor', field: 'owner', parameter: 'userId' } } as const;
    expect([{ quote: 'q1' }, { quote: 'q2' }, { quote: 'q3' }, { quote: null }].map((line) => recordMatchesRule(rule, line, context))).toEqual([true, false, false, false]);
    expect(recordMatchesRule(rule, { quote: 'q1' }, { bindings, userOf: () => undefined })).toBe(false);
  });
});
