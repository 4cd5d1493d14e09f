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
    case 'or':
      return `(${where.conditions.map((condition) => whereSql(condition, entity, context)).join(where.kind === 'and' ? ' AND ' : ' OR ')})`;
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
  }
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
