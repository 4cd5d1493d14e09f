// Embeds related records into a page of results: reference fields become the referenced record,
// hasMany and manyToMany relations become arrays. One query per expanded name, whatever the page
// size (ids batched with IN), so expanding never turns into N+1 queries. A `user` field expands
// like a reference to the identity pack's `user` entity. Related records go through the actor's
// read rule (in the same SQL) and lose their hidden fields: a referenced record the actor cannot
// read stays a bare id, related records they cannot read are left out.
import { BadRequestError, type Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, readableWhere } from '../access/record-access';
import { visibleEntityOf } from '../access/visible-entity';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from './record-context';
import { decodeRow, type RecordData } from './record-rows';

/** Most related records embedded per record and relation; the list endpoint pages the rest. */
export const EXPAND_LIMIT = 100;
const SOURCE_ALIAS = '_link_source';
const RANK_ALIAS = '_rank';
const USER_ENTITY = 'user';

/** The entity a reference or user field points at, or undefined when `name` is neither. */
function expandTargetOf(context: RecordContext, entity: CompiledEntity, name: string): string | undefined {
  const reference = entity.references.find((candidate) => candidate.field.name === name);
  if (reference) return reference.target;
  const isUserField = entity.fields.get(name)?.definition?.type === 'user';
  return isUserField && context.metadata.entities.has(USER_ENTITY) ? USER_ENTITY : undefined;
}

export function checkExpandable(context: RecordContext, entity: CompiledEntity, expand: readonly string[]): void {
  const problems: Problem[] = [];
  for (const name of expand) {
    if (expandTargetOf(context, entity, name)) continue;
    if (entity.relations.has(name)) continue;
    problems.push({ path: '/expand', message: `${entity.name} has no reference field, user field or relation "${name}"`, code: 'unknownField' });
  }
  if (problems.length > 0) throw new BadRequestError('The expand list is not valid', problems);
}

export async function expandRecords(context: RecordContext, entity: CompiledEntity, records: RecordData[], expand: readonly string[], transaction?: Transaction): Promise<void> {
  if (records.length === 0) return;
  for (const name of expand) {
    const target = expandTargetOf(context, entity, name);
    if (target) await expandReference(context, records, name, target, transaction);
    else await expandRelation(context, entity, records, name, transaction);
  }
}

function targetOf(context: RecordContext, name: string): CompiledEntity {
  const target = context.metadata.entities.get(name);
  if (!target) throw new Error(`The metadata names entity "${name}" but it is not compiled`);
  return target;
}

async function expandReference(context: RecordContext, records: RecordData[], name: string, targetName: string, transaction?: Transaction): Promise<void> {
  const stored = targetOf(context, targetName);
  const access = accessOf(context, stored);
  const target = visibleEntityOf(stored, access);
  const ids = [...new Set(records.map((record) => record[name]).filter((id): id is string => typeof id === 'string'))];
  const byId = new Map<string, RecordData>();
  if (ids.length > 0 && access.can('read')) {
    const params = new BindParameters();
    const placeholders = ids.map((id) => params.add(id)).join(', ');
    const readable = readableWhere(context, stored, params);
    const where = `${context.database.quote('id')} IN (${placeholders})${readable === undefined ? '' : ` AND ${readable}`}`;
    const rows = await context.database.select(`SELECT ${target.selectAll} FROM ${target.tableSql} WHERE ${where}`, params.values, transaction);
    for (const row of rows) {
      const related = decodeRow(target.fieldList, row);
      byId.set(String(related.id), related);
    }
  }
  // Who may read every record learns that a reference dangles (null); anyone else keeps the bare
  // id they already had, so a missing record and an unreadable one look alike.
  const missing = (id: string): string | null => (access.rowFilter('read') === true ? null : id);
  for (const record of records) {
    const id = record[name];
    record[name] = typeof id === 'string' ? (byId.get(id) ?? missing(id)) : null;
  }
}

async function expandRelation(context: RecordContext, entity: CompiledEntity, records: RecordData[], name: string, transaction?: Transaction): Promise<void> {
  const relation = entity.relations.get(name);
  if (!relation) return;
  const stored = targetOf(context, relation.entity);
  const access = accessOf(context, stored);
  if (!access.can('read')) {
    for (const record of records) record[name] = [];
    return;
  }
  const target = visibleEntityOf(stored, access);
  const q = (identifier: string): string => context.database.quote(identifier);
  const params = new BindParameters();
  const placeholders = records.map((record) => params.add(record.id)).join(', ');
  const order = `${q('created_at')}, ${q('id')}`;
  let sql: string;
  if (relation.kind === 'hasMany') {
    const foreignKey = stored.fields.get(relation.field);
    if (!foreignKey) throw new Error(`${relation.entity}.${relation.field} is not compiled`);
    const readable = readableWhere(context, stored, params);
    // The foreign key is selected under its own alias: the actor may not see it as a field.
    sql =
      `SELECT * FROM (SELECT ${foreignKey.sql} AS ${q(SOURCE_ALIAS)}, ${target.selectAll}, ROW_NUMBER() OVER (PARTITION BY ${foreignKey.sql} ORDER BY ${order}) AS ${q(RANK_ALIAS)} ` +
      `FROM ${target.tableSql} WHERE ${foreignKey.sql} IN (${placeholders})${readable === undefined ? '' : ` AND ${readable}`}) ${q('ranked')} WHERE ${q(RANK_ALIAS)} <= ${EXPAND_LIMIT} ORDER BY ${order}`;
  } else {
    const targetColumns = target.fieldList.map((field) => `${q('t')}.${field.sql}`).join(', ');
    const readable = readableWhere(context, stored, params, q('t'));
    sql =
      `SELECT * FROM (SELECT ${q('l')}.${q('source_id')} AS ${q(SOURCE_ALIAS)}, ${targetColumns}, ` +
      `ROW_NUMBER() OVER (PARTITION BY ${q('l')}.${q('source_id')} ORDER BY ${q('t')}.${q('created_at')}, ${q('t')}.${q('id')}) AS ${q(RANK_ALIAS)} ` +
      `FROM ${relation.tableSql} ${q('l')} JOIN ${target.tableSql} ${q('t')} ON ${q('t')}.${q('id')} = ${q('l')}.${q('target_id')} ` +
      `WHERE ${q('l')}.${q('source_id')} IN (${placeholders})${readable === undefined ? '' : ` AND ${readable}`}) ${q('ranked')} WHERE ${q(RANK_ALIAS)} <= ${EXPAND_LIMIT} ORDER BY ${order}`;
  }
  const rows = await context.database.select(sql, params.values, transaction);
  const bySource = new Map<string, RecordData[]>();
  for (const row of rows) {
    const source = String(row[SOURCE_ALIAS]);
    const list = bySource.get(source) ?? [];
    list.push(decodeRow(target.fieldList, row));
    bySource.set(source, list);
  }
  for (const record of records) record[name] = bySource.get(String(record.id)) ?? [];
}
