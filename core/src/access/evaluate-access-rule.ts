// Evaluates an access rule against one record in memory — for previews ("what would this role
// see?") and tests. Enforcement never uses it: the runtime applies rules inside the SQL, where
// list pages, totals and counts all agree.
import type { FilterClause } from '../model/layout';
import type { AccessRule, AccessWhere, ActorBindings } from './access-rule';

/** The role and teams of a user, for `userIn` conditions. */
export interface DirectoryUser {
  role: string | null;
  teamIds: readonly string[];
}

export interface RuleEvaluationContext {
  bindings: ActorBindings;
  userOf(id: string): DirectoryUser | undefined;
  /** A referenced record, for parent rules; without it (or when missing) a parent rule matches nothing. */
  recordOf?(entity: string, id: string): Readonly<Record<string, unknown>> | undefined;
}

export function recordMatchesRule(rule: AccessRule, record: Readonly<Record<string, unknown>>, context: RuleEvaluationContext): boolean {
  return typeof rule === 'boolean' ? rule : matches(rule, record, context);
}

function matches(where: AccessWhere, record: Readonly<Record<string, unknown>>, context: RuleEvaluationContext): boolean {
  switch (where.kind) {
    case 'and':
      return where.conditions.every((condition) => matches(condition, record, context));
    case 'or':
      return where.conditions.some((condition) => matches(condition, record, context));
    case 'equalsActor': {
      const expected = context.bindings[where.parameter];
      return expected !== null && record[where.field] === expected;
    }
    case 'userIn': {
      const value = record[where.field];
      const user = typeof value === 'string' ? context.userOf(value) : undefined;
      if (!user) return false;
      if (where.by === 'role') return user.role !== null && context.bindings.subordinateRoles.includes(user.role);
      return user.teamIds.some((team) => context.bindings.teamIds.includes(team));
    }
    case 'match':
      return clauseMatches(where.clause, record[where.clause.field]);
    case 'parent': {
      const id = record[where.field];
      const parent = typeof id === 'string' ? context.recordOf?.(where.entity, id) : undefined;
      return parent !== undefined && matches(where.rule, parent, context);
    }
  }
}

/** List-filter semantics on plain JSON values: `ne` keeps empty values, comparisons skip them. */
function clauseMatches(clause: FilterClause, value: unknown): boolean {
  const empty = value === null || value === undefined;
  switch (clause.op) {
    case 'isNull':
      return clause.value === false ? !empty : empty;
    case 'eq':
      return clause.value === null ? empty : value === clause.value;
    case 'ne':
      return clause.value === null ? !empty : empty || value !== clause.value;
    case 'in': {
      const options: readonly unknown[] = Array.isArray(clause.value) ? clause.value : [];
      return Array.isArray(value) ? value.some((item) => options.includes(item)) : options.includes(value);
    }
    case 'contains':
      if (Array.isArray(value)) return value.includes(clause.value);
      return typeof value === 'string' && typeof clause.value === 'string' && value.includes(clause.value);
    default:
      return !empty && compare(value, clause.value, clause.op);
  }
}

function compare(value: unknown, bound: unknown, op: 'lt' | 'lte' | 'gt' | 'gte'): boolean {
  if (typeof value !== typeof bound || (typeof value !== 'number' && typeof value !== 'string')) return false;
  const left = value as number | string;
  const right = bound as number | string;
  switch (op) {
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
  }
}
