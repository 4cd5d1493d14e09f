// A record scope as an access rule over the owner field: own ⊂ team, own ⊂ hierarchy ⊂ all.
import type { RecordScope, ScopedGrant } from '../model/permission';
import { anyOf, type AccessRule } from './access-rule';

/** The records a grant reaches; a scope other than `all` reaches nothing on an ownerless entity. */
export function scopeRule(grant: ScopedGrant | undefined, ownerField: string | undefined): AccessRule {
  if (grant === undefined || grant === false) return false;
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
