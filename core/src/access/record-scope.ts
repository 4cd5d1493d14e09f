// A record scope as an access rule over the owner field: own ⊂ team, own ⊂ hierarchy ⊂ all; or
// a parent scope, which follows a reference to the parent's own rule.
import type { ParentScope, RecordScope, ScopedGrant } from '../model/permission';
import { anyOf, type AccessRule } from './access-rule';

/** The rule of a parent scope, resolved by the policy compiler (it knows the other entities' rules). */
export type ParentRuleOf = (scope: ParentScope) => AccessRule;

/** The records a grant reaches; a scope other than `all` reaches nothing on an ownerless entity. */
export function scopeRule(grant: ScopedGrant | undefined, ownerField: string | undefined, parentRuleOf: ParentRuleOf = () => false): AccessRule {
  if (grant === undefined || grant === false) return false;
  if (typeof grant === 'object') return parentRuleOf(grant);
  const scope: RecordScope = grant === true ? 'all' : grant;
  if (scope === 'all') return true;
  if (ownerField === undefined) return false;
  const own: AccessRule = { kind: 'equalsActor', field: ownerField, parameter: 'userId' };
  switch (scope) {
    case 'own':
      return own;
    case 'team':
      return anyOf([own, { kind: 'userIn', field: ownerField, by: 'team', parameter: 'teamIds' }]);
    case 'hierarchy':
      return anyOf([own, { kind: 'userIn', field: ownerField, by: 'role', parameter: 'subordinateRoles' }]);
  }
}
