// Access rules as SQL: the shapes the database sees (quoted metadata names, bound actor values,
// subqueries on the identity tables), checked on the example pack with the identity pack.
import path from 'node:path';
import { compileAccessPolicy, type AccessRule, type ActorBindings } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import { BindParameters } from '../db/database';
import { withIdentityPack } from '../identity/identity-pack';
import type { CompiledMetadata } from '../live/compiled-types';
import { compileMetadata } from '../live/compile-metadata';
import { accessAlternativesOf, accessDecisionOf, conditionSqlOf, type AccessDecision } from './access-sql';

const EXAMPLE_PACK = path.resolve(__dirname, '../../../tests/fixtures/packs/example');
const quote = (identifier: string): string => `"${identifier}"`;
const rep: ActorBindings = { userId: 'u-rep', teamIds: ['t-east'], subordinateRoles: [], partnerAccountId: null };

let metadata: CompiledMetadata;
beforeAll(async () => {
  metadata = compileMetadata((await loadPacks(withIdentityPack([EXAMPLE_PACK]))).bundle, null, quote);
});

const NONE: AccessDecision = { kind: 'none' };

/** The decision with the values it bound; `sql` is the where's text, `decision` the none/all answer otherwise. */
function sqlOf(rule: AccessRule, bindings: ActorBindings, entity = 'account', qualifier?: string): { sql: string; values: unknown[] } | { decision: AccessDecision; values: unknown[] } {
  const params = new BindParameters();
  const compiled = metadata.entities.get(entity);
  if (!compiled) throw new Error(`no ${entity}`);
  const context = qualifier === undefined ? { metadata, bindings, params } : { metadata, bindings, params, qualifier };
  const decision = accessDecisionOf(rule, compiled, context);
  return decision.kind === 'where' ? { sql: decision.sql, values: params.values } : { decision, values: params.values };
}

describe('access rules as SQL', () => {
  it('decides all for true and none for false, binding nothing', () => {
    expect(sqlOf(true, rep)).toEqual({ decision: { kind: 'all' }, values: [] });
    expect(sqlOf(false, rep)).toEqual({ decision: NONE, values: [] });
  });

  it('turns a decision into SQL in one place: nothing for all, a condition no row meets for none, the where as is', () => {
    expect(conditionSqlOf({ kind: 'all' })).toBeUndefined();
    expect(conditionSqlOf(NONE)).toBe('1 = 0');
    expect(conditionSqlOf({ kind: 'where', sql: '"owner" = $1' })).toBe('"owner" = $1');
  });

  it('turns a rep\'s team read into own-or-team-member as one semi-join on the owner, with bound values', () => {
    const rule = compileAccessPolicy(metadata.bundle, { roles: ['salesRep'], isAdmin: false, isPartner: false }).entity('account').rowFilter('read');
    expect(sqlOf(rule, rep)).toEqual({
      sql: '"owner" IN (SELECT "id" FROM "user" WHERE "id" = $1 OR "team" IN ($2))',
      values: ['u-rep', 't-east'],
    });
  });

  it('turns a manager\'s hierarchy into a subquery over the roles below, by name', () => {
    const rule = compileAccessPolicy(metadata.bundle, { roles: ['salesManager'], isAdmin: false, isPartner: false }).entity('opportunity').rowFilter('update');
    const manager: ActorBindings = { ...rep, userId: 'u-manager', subordinateRoles: ['salesRep', 'juniorRep'] };
    expect(sqlOf(rule, manager, 'opportunity')).toEqual({
      sql: '"owner" IN (SELECT "id" FROM "user" WHERE "id" = $1 OR "role" IN (SELECT "id" FROM "role" WHERE "name" IN ($2, $3)))',
      values: ['u-manager', 'salesRep', 'juniorRep'],
    });
  });

  it('matches nothing for actor values that are missing: no user, no team, no subordinates, no partner account', () => {
    const nobody: ActorBindings = { userId: null, teamIds: [], subordinateRoles: [], partnerAccountId: null };
    const team = compileAccessPolicy(metadata.bundle, { roles: ['salesRep'], isAdmin: false, isPartner: false }).entity('account').rowFilter('read');
    expect(sqlOf(team, nobody)).toEqual({ decision: NONE, values: [] });
    expect(sqlOf({ kind: 'equalsActor', field: 'partnerAccount', parameter: 'partnerAccountId' }, nobody)).toEqual({ decision: NONE, values: [] });
  });

  it('compiles sharing criteria exactly like list filters, and qualifies columns for joins', () => {
    const rule = compileAccessPolicy(metadata.bundle, { roles: ['supportAgent'], isAdmin: false, isPartner: false }).entity('contact').rowFilter('update');
    expect(sqlOf(rule, rep, 'contact', '"t"')).toEqual({
      sql: '("t"."owner" = $1 OR "t"."channels" LIKE $2 ESCAPE \'!\')',
      values: ['u-rep', '%"phone"%'],
    });
    expect(sqlOf({ kind: 'match', clause: { field: 'tier', op: 'in', value: ['gold', 'standard'] } }, rep)).toEqual({ sql: '"tier" IN ($1, $2)', values: ['gold', 'standard'] });
  });

  it('restricts a partner to their partner account', () => {
    const rule = compileAccessPolicy(metadata.bundle, { roles: ['partner'], isAdmin: false, isPartner: true }).entity('opportunity').rowFilter('read');
    expect(sqlOf(rule, { ...rep, partnerAccountId: 'acc-p' }, 'opportunity')).toEqual({ sql: '"partner_account" = $1', values: ['acc-p'] });
  });

  it('follows a parent rule as a semi-join on the reference, the parent\'s columns unqualified inside it', () => {
    const rule: AccessRule = { kind: 'parent', field: 'account', entity: 'account', rule: { kind: 'or', conditions: [{ kind: 'equalsActor', field: 'owner', parameter: 'userId' }, { kind: 'userIn', field: 'owner', by: 'team', parameter: 'teamIds' }] } };
    expect(sqlOf(rule, rep, 'contact', '"c"')).toEqual({
      sql: '"c"."account" IN (SELECT "id" FROM "account" WHERE "owner" IN (SELECT "id" FROM "user" WHERE "id" = $1 OR "team" IN ($2)))',
      values: ['u-rep', 't-east'],
    });
    // A parent rule that matches nothing for this actor matches no child either.
    expect(sqlOf({ kind: 'parent', field: 'account', entity: 'account', rule: { kind: 'equalsActor', field: 'owner', parameter: 'userId' } }, { ...rep, userId: null }, 'contact')).toEqual({ decision: NONE, values: [] });
  });

  it('drops an OR\'s alternatives that match nothing, without leaving their values bound', () => {
    const ownOrPartner: AccessRule = { kind: 'or', conditions: [{ kind: 'equalsActor', field: 'partnerAccount', parameter: 'partnerAccountId' }, { kind: 'equalsActor', field: 'owner', parameter: 'userId' }] };
    expect(sqlOf(ownOrPartner, rep)).toEqual({ sql: '"owner" = $1', values: ['u-rep'] });
    expect(sqlOf(ownOrPartner, { ...rep, partnerAccountId: 'acc-p' })).toEqual({ sql: '("owner" = $1 OR "partner_account" = $2)', values: ['u-rep', 'acc-p'] });
    expect(sqlOf(ownOrPartner, { ...rep, userId: null })).toEqual({ decision: NONE, values: [] });
  });

  it('decides an AND with a part matching nothing as none, binding none of the other parts\' values', () => {
    const goldAndPartner: AccessRule = { kind: 'and', conditions: [{ kind: 'match', clause: { field: 'tier', op: 'eq', value: 'gold' } }, { kind: 'equalsActor', field: 'partnerAccount', parameter: 'partnerAccountId' }] };
    expect(sqlOf(goldAndPartner, rep)).toEqual({ decision: NONE, values: [] });
    expect(sqlOf(goldAndPartner, { ...rep, partnerAccountId: 'acc-p' })).toEqual({ sql: '("tier" = $1 AND "partner_account" = $2)', values: ['gold', 'acc-p'] });
  });

  it('splits an OR into UNION alternatives only while two remain for this actor, binding only what it returns', () => {
    const compiled = metadata.entities.get('account');
    if (!compiled) throw new Error('no account');
    const ownOrGoldOrPartner: AccessRule = { kind: 'or', conditions: [{ kind: 'equalsActor', field: 'owner', parameter: 'userId' }, { kind: 'match', clause: { field: 'tier', op: 'eq', value: 'gold' } }, { kind: 'equalsActor', field: 'partnerAccount', parameter: 'partnerAccountId' }] };
    const params = new BindParameters();
    expect(accessAlternativesOf(ownOrGoldOrPartner, compiled, { metadata, bindings: rep, params })).toEqual(['"owner" = $1', '"tier" = $2']);
    expect(params.values).toEqual(['u-rep', 'gold']);
    const alone = new BindParameters();
    const ownOrPartner: AccessRule = { kind: 'or', conditions: [{ kind: 'equalsActor', field: 'owner', parameter: 'userId' }, { kind: 'equalsActor', field: 'partnerAccount', parameter: 'partnerAccountId' }] };
    expect(accessAlternativesOf(ownOrPartner, compiled, { metadata, bindings: rep, params: alone })).toBeUndefined();
    expect(alone.values).toEqual([]);
  });

  describe('personas with no team, no subordinates, no partner account', () => {
    const policyOf = (role: string) => compileAccessPolicy(metadata.bundle, { roles: [role], isAdmin: false, isPartner: false });
    const alone: ActorBindings = { userId: 'u-alone', teamIds: [], subordinateRoles: [], partnerAccountId: null };

    it('gives a rep with no team their own records only, never every record', () => {
      expect(sqlOf(policyOf('salesRep').entity('account').rowFilter('read'), alone)).toEqual({ sql: '"owner" IN (SELECT "id" FROM "user" WHERE "id" = $1)', values: ['u-alone'] });
      expect(sqlOf(policyOf('salesRep').entity('contact').rowFilter('read'), alone, 'contact')).toEqual({ sql: '"owner" IN (SELECT "id" FROM "user" WHERE "id" = $1)', values: ['u-alone'] });
      expect(sqlOf(policyOf('salesRep').entity('account').rowFilter('update'), alone)).toEqual({ sql: '"owner" = $1', values: ['u-alone'] });
    });

    it('gives a manager with no subordinates their own records only, never every record', () => {
      for (const operation of ['read', 'update', 'delete'] as const) {
        expect(sqlOf(policyOf('salesManager').entity('opportunity').rowFilter(operation), alone, 'opportunity')).toEqual({ sql: '"owner" IN (SELECT "id" FROM "user" WHERE "id" = $1)', values: ['u-alone'] });
      }
    });

    it('gives a partner-role user with no partner account no record at all: none, not a condition', () => {
      for (const entity of ['account', 'opportunity']) {
        for (const operation of ['read', 'update'] as const) expect(sqlOf(policyOf('partner').entity(entity).rowFilter(operation), alone, entity)).toEqual({ decision: NONE, values: [] });
      }
    });
  });
});
