// Access rules → SQL conditions. Identifiers come from the compiled metadata (quoted), every
// actor value is a bind parameter. Team and hierarchy rules are subqueries on the identity
// tables — `owner IN (SELECT id FROM user WHERE team IN (…))` — over indexed reference columns,
// so with the owner column indexed they stay index lookups.
import type { AccessRule, AccessWhere, ActorBindings } from '@stagecraft/core';
import type { BindParameters } from '../db/database';
import type { CompiledEntity, CompiledField, CompiledMetadata } from '../live/compiled-types';
import { conditionOf } from '../records/where-clause';

export const NO_ROWS = '1 = 0';

export interface AccessSqlContext {
  metadata: CompiledMetadata;
  bindings: ActorBindings;
  params: BindParameters;
  /** A quoted table alias qualifying the entity's columns (in joins). */
  qualifier?: string;
}

/** The condition, or undefined when the rule lets every record through. */
export function accessConditionSql(rule: AccessRule, entity: CompiledEntity, context: AccessSqlContext): string | undefined {
  if (rule === true) return undefined;
  if (rule === false) return NO_ROWS;
  return whereSql(rule, entity, context);
}

function whereSql(where: AccessWhere, entity: CompiledEntity, context: AccessSqlContext): string {
  switch (where.kind) {
    case 'and':
      return `(${where.conditions.map((condition) => whereSql(condition, entity, context)).join(' AND ')})`;
    case 'or': {
      const parts = orPartsSql(where.conditions, entity, context);
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
    }
    case 'equalsActor': {
      const value = context.bindings[where.parameter];
      return value === null ? NO_ROWS : `${columnOf(entity, where.field, context)} = ${context.params.add(value)}`;
    }
    case 'userIn':
      return where.by === 'team' ? teamMemberSql(entity, where.field, context) : subordinateSql(entity, where.field, context);
    case 'match': {
      const field = qualified(fieldOf(entity, where.clause.field), context);
      const condition = conditionOf(field, where.clause, context.params);
      if (typeof condition !== 'string') throw new Error(`Sharing criterion on ${entity.name}.${field.name} does not compile: ${condition.message}`);
      return condition;
    }
    case 'parent':
      return parentSql(entity, where, context);
  }
}

/**
 * `quote IN (SELECT id FROM quote WHERE <the quote's rule>)`: a semi-join on the (indexed)
 * reference column. The parent's columns are unqualified inside the subquery, which binds them to
 * the parent table whatever the outer query aliases.
 */
function parentSql(entity: CompiledEntity, where: Extract<AccessWhere, { kind: 'parent' }>, context: AccessSqlContext): string {
  const parent = context.metadata.entities.get(where.entity);
  if (!parent) throw new Error(`The access policy follows ${entity.name}.${where.field} to ${where.entity}, which is not compiled`);
  const parentCondition = whereSql(where.rule, parent, { metadata: context.metadata, bindings: context.bindings, params: context.params });
  if (parentCondition === NO_ROWS) return NO_ROWS;
  return `${columnOf(entity, where.field, context)} IN (SELECT ${idOf(parent)} FROM ${parent.tableSql} WHERE ${parentCondition})`;
}

function orPartsSql(conditions: readonly AccessWhere[], entity: CompiledEntity, context: AccessSqlContext): string[] {
  return [...ownerGroupsSql(conditions, entity, context), ...conditions.filter((condition) => !isUserCondition(condition)).map((condition) => whereSql(condition, entity, context))];
}

/**
 * The rule as alternatives ("own records, or gold accounts"), when it is an OR of two or more:
 * a count over `A OR B` cannot use an index per branch (MariaDB and SQLite scan the table), while
 * a UNION of one indexed SELECT per branch can. Undefined for any other rule.
 */
export function accessAlternativesSql(rule: AccessRule, entity: CompiledEntity, context: AccessSqlContext): string[] | undefined {
  if (typeof rule === 'boolean' || rule.kind !== 'or') return undefined;
  // As many parts as orPartsSql makes (user conditions fold into one per owner field), counted
  // before anything is bound, so a rule that is one part adds no parameters.
  const ownerFields = new Set(rule.conditions.filter(isUserCondition).map((condition) => condition.field));
  if (ownerFields.size + rule.conditions.filter((condition) => !isUserCondition(condition)).length < 2) return undefined;
  return orPartsSql(rule.conditions, entity, context);
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
function ownerGroupsSql(conditions: readonly AccessWhere[], entity: CompiledEntity, context: AccessSqlContext): string[] {
  const byField = new Map<string, UserCondition[]>();
  for (const condition of conditions) {
    if (!isUserCondition(condition)) continue;
    byField.set(condition.field, [...(byField.get(condition.field) ?? []), condition]);
  }
  return [...byField].map(([field, group]) => {
    if (group.length === 1) return whereSql(group[0] as UserCondition, entity, context);
    const user = context.metadata.entities.get('user');
    const members = user ? group.flatMap((condition) => userMembershipSql(user, condition, context) ?? []) : [];
    if (!user || members.length === 0) return NO_ROWS;
    return `${columnOf(entity, field, context)} IN (SELECT ${idOf(user)} FROM ${user.tableSql} WHERE ${members.join(' OR ')})`;
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
function teamMemberSql(entity: CompiledEntity, fieldName: string, context: AccessSqlContext): string {
  const user = context.metadata.entities.get('user');
  const team = user?.fields.get('team');
  if (!user || !team || context.bindings.teamIds.length === 0) return NO_ROWS;
  const teams = context.bindings.teamIds.map((id) => context.params.add(id)).join(', ');
  return `${columnOf(entity, fieldName, context)} IN (SELECT ${idOf(user)} FROM ${user.tableSql} WHERE ${team.sql} IN (${teams}))`;
}

/** owner IN (SELECT id FROM user WHERE role IN (SELECT id FROM role WHERE name IN (:subordinateRoles))) */
function subordinateSql(entity: CompiledEntity, fieldName: string, context: AccessSqlContext): string {
  const user = context.metadata.entities.get('user');
  const role = context.metadata.entities.get('role');
  const userRole = user?.fields.get('role');
  const roleName = role?.fields.get('name');
  if (!user || !role || !userRole || !roleName || context.bindings.subordinateRoles.length === 0) return NO_ROWS;
  const names = context.bindings.subordinateRoles.map((name) => context.params.add(name)).join(', ');
  const roleIds = `SELECT ${idOf(role)} FROM ${role.tableSql} WHERE ${roleName.sql} IN (${names})`;
  return `${columnOf(entity, fieldName, context)} IN (SELECT ${idOf(user)} FROM ${user.tableSql} WHERE ${userRole.sql} IN (${roleIds}))`;
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
