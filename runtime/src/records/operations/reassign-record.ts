// Reassignment, the "seamless handover": a record gets a new owner and carries along the related
// records its entity's `handover` names (e.g. an account's contacts and open opportunities), in
// ONE transaction with an `ownerChange` audit row per moved record. Needs update access to the
// record and the privilege to assign its owner (404 / 403 as for any write); related records the
// caller may not change stay with their owners.
import { BadRequestError, ForbiddenError, ValidationError, type HandoverRelation, type Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, requireRecordAccess, rowConditionSql } from '../../access/record-access';
import { withoutHiddenFields } from '../../access/visible-entity';
import { auditRecordWrite } from '../../audit/record-audit';
import { BindParameters } from '../../db/database';
import { findUser } from '../../identity/identity-entities';
import type { CompiledEntity } from '../../live/compiled-types';
import { entityOf, type RecordContext } from '../record-context';
import type { RecordData } from '../record-rows';
import { toSqlDateTime } from '../value-kinds';
import { conditionOf } from '../where-clause';
import { isPlainObject } from '../write-input';
import { readRecord, recordNotFound } from './get-record';
import { recordWritePipeline } from '../pipeline/record-write-pipeline';
import { staleVersion } from '../pipeline/versioned-update';
import type { RecordWriteContext } from '../pipeline/write-context';

export interface ReassignOptions {
  expectedVersion?: number;
}

export interface CarriedRecords {
  relation: string;
  entity: string;
  ids: string[];
}

export interface ReassignResult {
  record: RecordData;
  carried: CarriedRecords[];
}

interface ReassignInput {
  owner: string;
  carry: boolean;
}

function readReassignInput(body: unknown): ReassignInput {
  if (!isPlainObject(body)) throw new BadRequestError('The request body must be a JSON object');
  const problems: Problem[] = [];
  for (const name of Object.keys(body)) {
    if (name !== 'owner' && name !== 'carry') problems.push({ path: `/${name}`, message: 'is not a reassignment property (owner, carry)', code: 'unknownField' });
  }
  if (typeof body.owner !== 'string' || body.owner === '' || body.owner.length > 36) problems.push({ path: '/owner', message: 'must be the id of the new owner (a user)', code: 'required' });
  if (body.carry !== undefined && typeof body.carry !== 'boolean') problems.push({ path: '/carry', message: 'must be true or false', code: 'type' });
  if (problems.length > 0) throw new ValidationError('The reassignment is not valid', problems);
  return { owner: body.owner as string, carry: body.carry !== false };
}

export async function reassignRecord(context: RecordContext, entityName: string, id: string, body: unknown, options: ReassignOptions = {}): Promise<ReassignResult> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  const ownerName = access.ownerField;
  if (ownerName === undefined) throw new BadRequestError(`${entity.name} records have no owner to reassign`, [{ path: '', message: `${entity.name} has no owner field`, code: 'noOwnerField' }]);
  const input = readReassignInput(body);
  await requireRecordAccess(context, entity, id, 'update', () => recordNotFound(entity, id));
  if (access.fieldAccess(ownerName) !== 'editable') {
    throw new ForbiddenError(`You may not assign owners of ${entity.name} records`, [{ path: '/owner', message: 'assigning owners needs the privilege to', code: 'readOnlyField' }]);
  }

  // The record-write pipeline, kind `reassign`, for the record itself: lock roll-up parents →
  // load (the new owner, the locked read) → formulas → UPDATE … WHERE version → roll-ups →
  // timers → the `ownerChange` audit row; then the handover relations in the same transaction.
  const write: RecordWriteContext = {
    kind: 'reassign', operation: context, entity, id, now: context.now(), after: {}, fields: [ownerName], sent: {}, links: new Map(), afterCommit: [],
    load: async (transaction) => {
      const newOwner = await findUser(context.database, context.metadata, 'id', input.owner, transaction);
      if (!newOwner || !newOwner.active) throw new ValidationError('The new owner is not an active user', [{ path: '/owner', message: `no active user has the id "${input.owner}"`, code: 'unknownUser' }]);
      const current = await readRecord(context, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, transaction, true);
      if (!current) throw recordNotFound(entity, id);
      if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) throw staleVersion(entity, id, current.version);
      write.before = current;
      write.after = { ...current, [ownerName]: input.owner };
      write.audit = { changes: { [ownerName]: { before: current[ownerName] ?? null, after: input.owner } } };
      return true;
    },
  };
  await recordWritePipeline.prepare(write);
  const carried = await context.database.transaction(async (transaction) => {
    await recordWritePipeline.run(write, transaction);
    const moved: CarriedRecords[] = [];
    if (input.carry) {
      for (const handover of entity.document.handover?.relations ?? []) {
        moved.push(await carryRelation(context, entity, id, handover, input.owner, transaction));
      }
    }
    return moved;
  });
  for (const work of write.afterCommit) work();
  return { record: withoutHiddenFields(write.stored ?? {}, access), carried };
}

/** Most ids per UPDATE … IN (…); the rows are locked by this transaction, so batches cannot interleave. */
const BATCH = 500;

async function setOwner(context: RecordContext, entity: CompiledEntity, ownerSql: string, ids: readonly string[], owner: string, transaction: Transaction): Promise<number> {
  const q = (identifier: string): string => context.database.quote(identifier);
  let changed = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const params = new BindParameters();
    const list = ids.slice(start, start + BATCH).map((id) => params.add(id)).join(', ');
    const sql =
      `UPDATE ${entity.tableSql} SET ${ownerSql} = ${params.add(owner)}, ${q('version')} = ${q('version')} + 1, ${q('updated_at')} = ${params.add(toSqlDateTime(context.now()))} ` +
      `WHERE ${q('id')} IN (${list})`;
    changed += await context.database.update(sql, params.values, transaction);
  }
  return changed;
}

async function carryRelation(context: RecordContext, entity: CompiledEntity, id: string, handover: HandoverRelation, owner: string, transaction: Transaction): Promise<CarriedRecords> {
  const relation = entity.relations.get(handover.relation);
  if (relation?.kind !== 'hasMany') throw new Error(`${entity.name}.${handover.relation} is not a compiled hasMany relation`);
  const target = entityOf(context, relation.entity);
  const foreignKey = target.fields.get(relation.field);
  const ownerField = target.fields.get(accessOf(context, target).ownerField ?? '');
  if (!foreignKey || !ownerField) throw new Error(`${relation.entity} cannot take part in a handover`);
  const q = (identifier: string): string => context.database.quote(identifier);
  const params = new BindParameters();
  const conditions = [`${foreignKey.sql} = ${params.add(id)}`, `(${ownerField.sql} IS NULL OR ${ownerField.sql} <> ${params.add(owner)})`];
  // Only what the caller may change moves: a related record outside their update scope keeps its owner.
  const changeable = rowConditionSql(context, target, 'update', params);
  if (changeable !== undefined) conditions.push(changeable);
  for (const clause of handover.where ?? []) {
    const field = target.fields.get(clause.field);
    const condition = field ? conditionOf(field, clause, params) : { message: `no field ${clause.field}` };
    if (typeof condition !== 'string') throw new Error(`Handover filter on ${target.name}.${clause.field} does not compile: ${condition.message}`);
    conditions.push(condition);
  }
  const lock = context.database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const rows = await context.database.select(`SELECT ${q('id')}, ${ownerField.sql} AS ${q('previous_owner')} FROM ${target.tableSql} WHERE ${conditions.join(' AND ')} ORDER BY ${q('id')}${lock}`, params.values, transaction);
  const owned = rows.map((row) => ({ id: String(row.id), owner: row.previous_owner ?? null }));
  await setOwner(context, target, ownerField.sql, owned.map((row) => row.id), owner, transaction);
  for (const row of owned) {
    await auditRecordWrite(context, transaction, 'ownerChange', target.name, row.id, { [ownerField.name]: { before: row.owner, after: owner }, carriedWith: { entity: entity.name, id } });
  }
  return { relation: handover.relation, entity: target.name, ids: owned.map((row) => row.id) };
}
