// The portable result of the policy compiler, in Payload's shape: an access rule is `true`
// (every record), `false` (none) or a Where tree the runtime applies inside the SQL. The tree
// names fields and actor parameters, never actor values, so one compiled policy serves every
// actor with the same roles; values are bound at query time.
import type { FilterClause } from '../model/layout';

/** Per-actor values a rule refers to; bound when the rule becomes SQL. */
export interface ActorBindings {
  userId: string | null;
  teamIds: readonly string[];
  /** Roles below the actor's roles in the hierarchy. */
  subordinateRoles: readonly string[];
  partnerAccountId: string | null;
}

export type SingleActorParameter = 'userId' | 'partnerAccountId';

export type AccessWhere =
  | { kind: 'and'; conditions: AccessWhere[] }
  | { kind: 'or'; conditions: AccessWhere[] }
  /** The field holds the actor's own value (their user id, their partner account). Null never matches. */
  | { kind: 'equalsActor'; field: string; parameter: SingleActorParameter }
  /** The field holds a user whose role is among the actor's subordinate roles / whose team is one of the actor's. */
  | { kind: 'userIn'; field: string; by: 'role'; parameter: 'subordinateRoles' }
  | { kind: 'userIn'; field: string; by: 'team'; parameter: 'teamIds' }
  /** A criterion with exactly the semantics of a list filter (sharing rules). */
  | { kind: 'match'; clause: FilterClause }
  /** The reference `field` names a record of `entity` matching `rule` (the parent's own rule). */
  | { kind: 'parent'; field: string; entity: string; rule: AccessWhere };

export type AccessRule = boolean | AccessWhere;

/** Records matching any rule; simplifies `true`/`false` away and flattens nested ors. */
export function anyOf(rules: readonly AccessRule[]): AccessRule {
  const conditions: AccessWhere[] = [];
  for (const rule of rules) {
    if (rule === true) return true;
    if (rule === false) continue;
    if (rule.kind === 'or') conditions.push(...rule.conditions);
    else conditions.push(rule);
  }
  return combined('or', conditions, false);
}

/** Records matching every rule; simplifies `true`/`false` away and flattens nested ands. */
export function allOf(rules: readonly AccessRule[]): AccessRule {
  const conditions: AccessWhere[] = [];
  for (const rule of rules) {
    if (rule === false) return false;
    if (rule === true) continue;
    if (rule.kind === 'and') conditions.push(...rule.conditions);
    else conditions.push(rule);
  }
  return combined('and', conditions, true);
}

function combined(kind: 'and' | 'or', conditions: AccessWhere[], whenEmpty: boolean): AccessRule {
  const unique = dedupe(conditions);
  if (unique.length === 0) return whenEmpty;
  if (unique.length === 1) return unique[0] as AccessWhere;
  return { kind, conditions: unique };
}

/** Several roles often grant the same scope; saying it once keeps the SQL short. */
function dedupe(conditions: readonly AccessWhere[]): AccessWhere[] {
  const seen = new Set<string>();
  return conditions.filter((condition) => {
    const key = JSON.stringify(condition);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
