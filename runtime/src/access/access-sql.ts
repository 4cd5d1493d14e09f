// Access rules → access decisions: no record, every record, or a SQL condition. Identifiers come
// from the compiled metadata (quoted), every actor value is a bind parameter. Team and hierarchy rules are subqueries on the identity
// tables — `owner IN (SELECT id FROM user WHERE team IN (…))` — over indexed reference columns,
// so with the owner column indexed they stay index lookups.
import type { AccessRule, AccessWhere, ActorBindings } from '@stagecraft/core';
import { BindParameters } from '../db/database';
import type { CompiledEntity, CompiledField, CompiledMetadata } from '../live/compiled-types';
import { conditionOf } from '../records/where-clause';

/**
 * What an access rule lets an actor reach, decided before any SQL is sent: no record, every
 * record, or the records matching a condition whose values are already bound in the caller's
 * parameters. Callers branch on `kind` (a `none` list is empty without a query); the condition
 * becomes SQL text in one place, conditionSqlOf.
 */
export type AccessDecision = { kind: 'none' } | { kind: 'all' } | { kind: 'where'; sql: string };

export const NO_ACCESS: AccessDecision = Object.freeze({ kind: 'none' });
export const FULL_ACCESS: AccessDecision = Object.freeze({ kind: 'all' });

function where(sql: string): AccessDecision {
  return { kind: 'where', sql };
}

/**
 * The one place a decision becomes SQL: the condition to AND into a WHERE clause, undefined when
 * every record qualifies. `none` is a condition no row satisfies, for statements that cannot be
 * skipped (a subquery, a CASE, a caller that does not branch).
 */
export function conditionSqlOf(decision: AccessDecision): string | undefined {
  switch (decision.kind) {
    case 'all':
      return undefined;
    case 'none':
      return '1 = 0';
    case 'where':
      return decision.sql;
  }
}

export interface AccessSqlContext {
  metadata: CompiledMetadata;
  bindings: ActorBindings;
  params: BindParameters;
  /** A quoted table alias qualifying the entity's columns (in joins). */
  qualifier?: string;
}

/** What the rule lets through for this actor; a `where`'s values are added to `context.params`. */
export function accessDecisionOf(rule: AccessRule, entity: CompiledEntity, context: AccessSqlContext): AccessDecision {
  if (rule === true) return FULL_ACCESS;
  if (rule === false) return NO_ACCESS;
  return decide(rule, entity, context);
}

/**
 * Decides a part on a copy of the parameters and keeps its values only when it is a condition,
 * so a part that matches nothing (and is dropped) leaves no unused value behind.
 */
function tentatively(context: AccessSqlContext, decidePart: (context: AccessSqlContext) => AccessDecision): AccessDecision {
  const fork = new BindParameters();
  fork.values.push(...context.params.values);
  const decision = decidePart({ ...context, params: fork });
  if (decision.kind === 'where') context.params.values.push(...fork.values.slice(context.params.values.length));
  return decision;
}

function decide(rule: AccessWhere, entity: CompiledEntity, context: AccessSqlContext): AccessDecision {
  switch (rule.kind) {
    case 'and': {
      // Any part matching nothing makes the whole match nothing: decided before binding anything.
      return tentatively(context, (fork) => {
        const parts: string[] = [];
        for (const condition of rule.conditions) {
          const part = decide(condition, entity, fork);
          if (part.kind === 'none') return NO_ACCESS;
          if (part.kind === 'where') parts.push(part.sql);
        }
        return parts.length === 0 ? FULL_ACCESS : where(`(${parts.join(' AND ')})`);
      });
    }
    case 'or':
      return anyOf(orParts(rule.conditions, entity, context));
    case 'equalsActor': {
      const value = context.bindings[rule.parameter];
      return value === null ? NO_ACCESS : where(`${columnOf(entity, rule.field, context)} = ${context.params.add(value)}`);
    }
    case 'userIn':
      return rule.by === 'team' ? teamMember(entity, rule.field, context) : subordinate(entity, rule.field, context);
    case 'match': {
      const field = qualified(fieldOf(entity, rule.clause.field), context);
      const condition = conditionOf(field, rule.clause, context.params);
      if (typeof condition !== 'string') throw new Error(`Sharing criterion on ${entity.name}.${field.name} does not compile: ${condition.message}`);
      return where(condition);
    }
    case 'parent':
      return parent(entity, rule, context);
  }
}

/** An OR of decided parts: every record when one lets all through, nothing when all match nothing. */
function anyOf(parts: readonly AccessDecision[]): AccessDecision {
  if (parts.some((part) => part.kind === 'all')) return FULL_ACCESS;
  const conditions = parts.flatMap((part) => (part.kind === 'where' ? [part.sql] : []));
  if (conditions.length === 0) return NO_ACCESS;
  return where(conditions.length === 1 ? (conditions[0] as string) : `(${conditions.join(' OR ')})`);
}

/**
 * `quote IN (SELECT id FROM quote WHERE <the quote's rule>)`: a semi-join on the (indexed)
 * reference column. The parent's columns are unqualified inside the subquery, which binds them to
 * the parent table whatever the outer query aliases.
 */
function parent(entity: CompiledEntity, rule: Extract<AccessWhere, { kind: 'parent' }>, context: AccessSqlContext): AccessDecision {
  const parentEntity = context.metadata.entities.get(rule.entity);
  if (!parentEntity) throw new Error(`The access policy follows ${entity.name}.${rule.field} to ${rule.entity}, which is not compiled`);
  const parentDecision = tentatively({ metadata: context.metadata, bindings: context.bindings, params: context.params }, (fork) => decide(rule.rule, parentEntity, fork));
  switch (parentDecision.kind) {
    case 'none':
      return NO_ACCESS;
    case 'all':
      return where(`${columnOf(entity, rule.field, context)} IN (SELECT ${idOf(parentEntity)} FROM ${parentEntity.tableSql})`);
    case 'where':
      return where(`${columnOf(entity, rule.field, context)} IN (SELECT ${idOf(parentEntity)} FROM ${parentEntity.tableSql} WHERE ${parentDecision.sql})`);
  }
}

/** Each alternative of an OR decided on its own (user conditions folded per owner field); parts matching nothing bind nothing. */
function orParts(conditions: readonly AccessWhere[], entity: CompiledEntity, context: AccessSqlContext): AccessDecision[] {
  return [
    ...ownerGroups(conditions, entity, context),
    ...conditions.filter((condition) => !isUserCondition(condition)).map((condition) => tentatively(context, (fork) => decide(condition, entity, fork))),
  ];
}

/**
 * The rule as alternatives ("own records, or gold accounts"), when it is an OR of two or more:
 * a count over `A OR B` cannot use an index per branch (MariaDB and SQLite scan the table), while
 * a UNION of one indexed SELECT per branch can. Undefined for any other rule, or when fewer than
 * two alternatives remain for this actor (the plain decision then serves).
 */
export function accessAlternativesOf(rule: AccessRule, entity: CompiledEntity, context: AccessSqlContext): string[] | undefined {
  if (typeof rule === 'boolean' || rule.kind !== 'or') return undefined;
  // As many parts as orParts makes (user conditions fold into one per owner field), counted
  // before anything is bound, so a rule that is one part adds no parameters.
  const ownerFields = new Set(rule.conditions.filter(isUserCondition).map((condition) => condition.field));
  if (ownerFields.size + rule.conditions.filter((condition) => !isUserCondition(condition)).length < 2) return undefined;
  return tentativeAlternatives(context, (fork) => orParts(rule.conditions, entity, fork));
}

/** The parts' conditions when at least two remain and none lets everything through; otherwise nothing is bound. */
function tentativeAlternatives(context: AccessSqlContext, build: (context: AccessSqlContext) => AccessDecision[]): string[] | undefined {
  const fork = new BindParameters();
  fork.values.push(...context.params.values);
  const parts = build({ ...context, params: fork });
  if (parts.some((part) => part.kind === 'all')) return undefined;
  const conditions = parts.flatMap((part) => (part.kind === 'where' ? [part.sql] : []));
  if (conditions.length < 2) return undefined;
  context.params.values.push(...fork.values.slice(context.params.values.length));
  return conditions;
}

type UserCondition = Extract<AccessWhere, { kind: 'userIn' }> | (Extract<AccessWhere, { kind: 'equalsActor' }> & { parameter: 'userId' });

function isUserCondition(condition: AccessWhere): condition is UserCondition {
  return condition.kind === 'userIn' || (condition.kind === 'equalsActor' && condition.parameter === 'userId');
}

/**
 * "Own, or a team member's / a subordinate's" as ONE semi-join per owner field:
 * `owner IN (SELECT id FROM user WHERE id = :me OR team IN (…) OR role IN (…))`. Written as
 * `owner = :me OR owner IN (…)`, MariaDB cannot use the owner index for the OR and scans the
 * entity table; one IN subquery is materialised from the (small) user table and probes the index.
 */
function ownerGroups(conditions: readonly AccessWhere[], entity: CompiledEntity, context: AccessSqlContext): AccessDecision[] {
  const byField = new Map<string, UserCondition[]>();
  for (const condition of conditions) {
    if (!isUserCondition(condition)) continue;
    byField.set(condition.field, [...(byField.get(condition.field) ?? []), condition]);
  }
  return [...byField].map(([field, group]) => {
    if (group.length === 1) return decide(group[0] as UserCondition, entity, context);
    const user = context.metadata.entities.get('user');
    const members = user ? group.flatMap((condition) => userMembershipSql(user, condition, context) ?? []) : [];
    if (!user || members.length === 0) return NO_ACCESS;
    return where(`${columnOf(entity, field, context)} IN (SELECT ${idOf(user)} FROM ${user.tableSql} WHERE ${members.join(' OR ')})`);
  });
}

/** The condition on user rows one user condition stands for; undefined when it matches nobody. */
function userMembershipSql(user: CompiledEntity, condition: UserCondition, context: AccessSqlContext): string | undefined {
  if (condition.kind === 'equalsActor') return context.bindings.userId === null ? undefined : `${idOf(user)} = ${context.params.add(context.bindings.userId)}`;
  if (condition.by === 'team') {
    const team = user.fields.get('team');
    if (!team || context.bindings.teamIds.length === 0) return undefined;
    return `${team.sql} IN (${context.bindings.teamIds.map((id) => context.params.add(id)).join(', ')})`;
  }
  const role = context.metadata.entities.get('role');
  const userRole = user.fields.get('role');
  const roleName = role?.fields.get('name');
  if (!role || !userRole || !roleName || context.bindings.subordinateRoles.length === 0) return undefined;
  const names = context.bindings.subordinateRoles.map((name) => context.params.add(name)).join(', ');
  return `${userRole.sql} IN (SELECT ${idOf(role)} FROM ${role.tableSql} WHERE ${roleName.sql} IN (${names}))`;
}

/** owner IN (SELECT id FROM user WHERE team IN (:teamIds)) */
function teamMember(entity: CompiledEntity, fieldName: string, context: AccessSqlContext): AccessDecision {
  const user = context.metadata.entities.get('user');
  const team = user?.fields.get('team');
  if (!user || !team || context.bindings.teamIds.length === 0) return NO_ACCESS;
  const teams = context.bindings.teamIds.map((id) => context.params.add(id)).join(', ');
  return where(`${columnOf(entity, fieldName, context)} IN (SELECT ${idOf(user)} FROM ${user.tableSql} WHERE ${team.sql} IN (${teams}))`);
}

/** owner IN (SELECT id FROM user WHERE role IN (SELECT id FROM role WHERE name IN (:subordinateRoles))) */
function subordinate(entity: CompiledEntity, fieldName: string, context: AccessSqlContext): AccessDecision {
  const user = context.metadata.entities.get('user');
  const role = context.metadata.entities.get('role');
  const userRole = user?.fields.get('role');
  const roleName = role?.fields.get('name');
  if (!user || !role || !userRole || !roleName || context.bindings.subordinateRoles.length === 0) return NO_ACCESS;
  const names = context.bindings.subordinateRoles.map((name) => context.params.add(name)).join(', ');
  const roleIds = `SELECT ${idOf(role)} FROM ${role.tableSql} WHERE ${roleName.sql} IN (${names})`;
  return where(`${columnOf(entity, fieldName, context)} IN (SELECT ${idOf(user)} FROM ${user.tableSql} WHERE ${userRole.sql} IN (${roleIds}))`);
}

function fieldOf(entity: CompiledEntity, name: string): CompiledField {
  const field = entity.fields.get(name);
  // Validation guarantees the field; a miss means the metadata and the policy disagree.
  if (!field) throw new Error(`The access policy names ${entity.name}.${name}, which is not compiled`);
  return field;
}

function qualified(field: CompiledField, context: AccessSqlContext): CompiledField {
  return context.qualifier ? { ...field, sql: `${context.qualifier}.${field.sql}` } : field;
}

function columnOf(entity: CompiledEntity, name: string, context: AccessSqlContext): string {
  return qualified(fieldOf(entity, name), context).sql;
}

function idOf(entity: CompiledEntity): string {
  return fieldOf(entity, 'id').sql;
}
