// The permission layer's face towards the record operations, boards, reports and exports:
// entity-level checks, the row filter of an operation as an access decision, and the check a write
// makes on one record — 404 when the actor cannot read it (ids cannot be probed), 403 when they
// can read it but not do this to it.
import { actorBindingsOf, ForbiddenError, type EntityAccess, type EntityOperation } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import { entityAccessOf } from './access-policies';
import { accessAlternativesOf, accessDecisionOf, conditionSqlOf, type AccessDecision } from './access-sql';

export function accessOf(context: RecordContext, entity: CompiledEntity): EntityAccess {
  return entityAccessOf(context.metadata, context.actor, entity.name);
}

const VERBS: Readonly<Record<EntityOperation, string>> = {
  create: 'create', read: 'read', update: 'change', delete: 'delete', transition: 'move', import: 'import', export: 'export',
};

export function forbidden(entity: string, operation: EntityOperation): ForbiddenError {
  return new ForbiddenError(`You may not ${VERBS[operation]} ${entity} records`);
}

/** Throws 403 unless the operation is allowed on at least some records of the entity. */
export function requireOperation(access: EntityAccess, operation: EntityOperation): void {
  if (!access.can(operation)) throw forbidden(access.entity, operation);
}

/**
 * What `operation` may reach for the actor: none, all, or a condition whose values are added to
 * `params` (the same `params` as the rest of the caller's WHERE clause). Lists, counts, boards
 * and exports answer `none` without a query; statements that cannot be skipped use conditionSqlOf.
 */
export function rowAccess(context: RecordContext, entity: CompiledEntity, operation: EntityOperation, params: BindParameters, qualifier?: string): AccessDecision {
  const sqlContext = { metadata: context.metadata, bindings: actorBindingsOf(context.actor), params };
  return accessDecisionOf(accessOf(context, entity).rowFilter(operation), entity, qualifier === undefined ? sqlContext : { ...sqlContext, qualifier });
}

/** What the actor may read (see rowAccess). */
export function readableAccess(context: RecordContext, entity: CompiledEntity, params: BindParameters, qualifier?: string): AccessDecision {
  return rowAccess(context, entity, 'read', params, qualifier);
}

/** True when the actor may read no record of the entity at all (decided without SQL, nothing bound). */
export function readsNothing(context: RecordContext, entity: CompiledEntity): boolean {
  return readableAccess(context, entity, new BindParameters()).kind === 'none';
}

/** rowAccess as a condition for statements that do not branch (undefined when every record qualifies). */
export function rowConditionSql(context: RecordContext, entity: CompiledEntity, operation: EntityOperation, params: BindParameters, qualifier?: string): string | undefined {
  return conditionSqlOf(rowAccess(context, entity, operation, params, qualifier));
}

/** readableAccess as a condition for statements that do not branch (see rowConditionSql). */
export function readableWhere(context: RecordContext, entity: CompiledEntity, params: BindParameters, qualifier?: string): string | undefined {
  return conditionSqlOf(readableAccess(context, entity, params, qualifier));
}

/** The read rule's alternatives, when it is an OR of several (see accessAlternativesOf). */
export function readableAlternatives(context: RecordContext, entity: CompiledEntity, params: BindParameters): string[] | undefined {
  const sqlContext = { metadata: context.metadata, bindings: actorBindingsOf(context.actor), params };
  return accessAlternativesOf(accessOf(context, entity).rowFilter('read'), entity, sqlContext);
}

/**
 * What an aggregate (a total, a board's column counts) reads from: `<table> WHERE <filter and read
 * rule>`, or — when the read rule is an OR of alternatives — a UNION of one filtered SELECT of
 * `columns` (the id among them, so a record both let through counts once) per alternative, so each
 * uses its own index. `filterWhere` builds the filter clause (`''` or ` WHERE …`) into `params`.
 */
export function readableSource(context: RecordContext, entity: CompiledEntity, filterWhere: (params: BindParameters) => string, columns: readonly string[], params: BindParameters): string {
  const alternatives = readableAlternatives(context, entity, params);
  if (!alternatives) return `${entity.tableSql}${andWhere(filterWhere(params), readableWhere(context, entity, params))}`;
  const branches = alternatives.map((alternative) => `SELECT ${columns.join(', ')} FROM ${entity.tableSql}${andWhere(filterWhere(params), alternative)}`);
  return `(${branches.join(' UNION ')}) ${context.database.quote('allowed')}`;
}

/** Appends a condition (or an access decision's) to a WHERE clause built by buildWhereClause (`''` or ` WHERE …`). */
export function andWhere(where: string, condition: string | undefined | AccessDecision): string {
  if (typeof condition === 'object') return andWhere(where, conditionSqlOf(condition));
  if (condition === undefined) return where;
  return where === '' ? ` WHERE ${condition}` : `${where} AND ${condition}`;
}

/**
 * Checks that the actor may do `operation` to one record: 404 (as if it did not exist) when
 * they cannot read it, 403 when they can read it but the operation's rule excludes it. One query,
 * none when the rules let every record through.
 */
export async function requireRecordAccess(context: RecordContext, entity: CompiledEntity, id: string, operation: EntityOperation, notFound: () => Error, transaction?: Transaction): Promise<void> {
  const access = accessOf(context, entity);
  const params = new BindParameters();
  const q = (identifier: string): string => context.database.quote(identifier);
  const idCondition = `${q('id')} = ${params.add(id)}`;
  const readable = readableAccess(context, entity, params);
  if (readable.kind === 'none') throw notFound();
  const allowed = rowAccess(context, entity, operation, params);
  // Every record qualifies: whether this one exists is the operation's own 404.
  if (readable.kind === 'all' && allowed.kind === 'all') return;
  const allowedSql = allowed.kind === 'all' ? '1' : allowed.kind === 'none' ? '0' : `CASE WHEN ${allowed.sql} THEN 1 ELSE 0 END`;
  const where = andWhere(` WHERE ${idCondition}`, readable);
  const rows = await context.database.select(`SELECT ${allowedSql} AS ${q('allowed')} FROM ${entity.tableSql}${where}`, params.values, transaction);
  const row = rows[0];
  if (!row) throw notFound();
  if (Number(row.allowed) !== 1) throw forbidden(access.entity, operation);
}
