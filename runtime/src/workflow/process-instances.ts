// Process-instance rows: one per record and process, holding the persisted snapshot and the
// metadata version the record's process started on (it keeps running that version until migrated).
import type { ProcessSnapshot } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { decodeRow, type RecordData } from '../records/record-rows';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { PROCESS_INSTANCES_TABLE } from './workflow-tables';

export interface ProcessInstance {
  entity: string;
  recordId: string;
  process: string;
  metadataVersion: number;
  snapshot: unknown;
  /** The state value as JSON text (for reading without parsing the snapshot). */
  state: string;
  status: string;
  startedAt: string;
  updatedAt: string;
}

const COLUMNS = ['entity', 'record_id', 'process', 'metadata_version', 'snapshot', 'state', 'status', 'started_at', 'updated_at'] as const;
/** Instance columns beside a record's in one SELECT are aliased with this prefix (both have `updated_at`). */
const INSTANCE_PREFIX = 'instance__';

function instanceOf(row: Record<string, unknown>): ProcessInstance {
  return {
    entity: String(row.entity),
    recordId: String(row.record_id),
    process: String(row.process),
    metadataVersion: Number(row.metadata_version),
    snapshot: JSON.parse(String(row.snapshot)) as unknown,
    state: String(row.state),
    status: String(row.status),
    startedAt: String(VALUE_CODECS.datetime.fromColumn(row.started_at)),
    updatedAt: String(VALUE_CODECS.datetime.fromColumn(row.updated_at)),
  };
}

/**
 * The record row and its process instances, read (and on MySQL locked, FOR UPDATE) with one
 * query — what a transition starts with. Null when the record does not exist.
 */
export async function readRecordWithInstances(database: Database, entity: CompiledEntity, id: string, transaction: Transaction): Promise<{ record: RecordData; instances: ProcessInstance[] } | null> {
  const q = (name: string): string => database.quote(name);
  const lock = database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const instanceColumns = COLUMNS.map((column) => `${q('i')}.${q(column)} AS ${q(`${INSTANCE_PREFIX}${column}`)}`);
  const rows = await database.select(
    `SELECT ${entity.fieldList.map((field) => `${q('r')}.${field.sql}`).join(', ')}, ${instanceColumns.join(', ')} ` +
      `FROM ${entity.tableSql} ${q('r')} LEFT JOIN ${q(PROCESS_INSTANCES_TABLE)} ${q('i')} ON ${q('i')}.${q('entity')} = $1 AND ${q('i')}.${q('record_id')} = ${q('r')}.${q('id')} ` +
      `WHERE ${q('r')}.${q('id')} = $2 ORDER BY ${q('i')}.${q('process')}${lock}`,
    [entity.name, id],
    transaction,
  );
  const [first] = rows;
  if (!first) return null;
  const instances = rows
    .filter((row) => row[`${INSTANCE_PREFIX}process`] !== null && row[`${INSTANCE_PREFIX}process`] !== undefined)
    .map((row) => instanceOf(Object.fromEntries(COLUMNS.map((column) => [column, row[`${INSTANCE_PREFIX}${column}`]]))));
  return { record: decodeRow(entity.fieldList, first), instances };
}

/** The record's process instances; `forUpdate` locks them (MySQL) until the transaction ends. */
export async function readInstances(database: Database, entity: string, recordId: string, transaction?: Transaction, forUpdate = false): Promise<ProcessInstance[]> {
  const q = (name: string): string => database.quote(name);
  const lock = forUpdate && database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const rows = await database.select(
    `SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(PROCESS_INSTANCES_TABLE)} WHERE ${q('entity')} = $1 AND ${q('record_id')} = $2 ORDER BY ${q('process')}${lock}`,
    [entity, recordId],
    transaction,
  );
  return rows.map(instanceOf);
}

export async function listInstancesOfProcess(database: Database, process: string, metadataVersion: number, limit: number): Promise<ProcessInstance[]> {
  const q = (name: string): string => database.quote(name);
  const rows = await database.select(
    `SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(PROCESS_INSTANCES_TABLE)} WHERE ${q('process')} = $1 AND ${q('metadata_version')} = $2 ORDER BY ${q('record_id')} LIMIT ${limit}`,
    [process, metadataVersion],
  );
  return rows.map(instanceOf);
}

export async function insertInstance(database: Database, instance: { entity: string; recordId: string; process: string; metadataVersion: number; snapshot: ProcessSnapshot }, now: Date, transaction: Transaction): Promise<void> {
  const q = (name: string): string => database.quote(name);
  const at = toSqlDateTime(now);
  const values = [instance.entity, instance.recordId, instance.process, instance.metadataVersion, JSON.stringify(instance.snapshot), JSON.stringify(instance.snapshot.value), instance.snapshot.status, at, at];
  await database.insert(`INSERT INTO ${q(PROCESS_INSTANCES_TABLE)} (${COLUMNS.map(q).join(', ')}) VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')})`, values, transaction);
}

export async function updateInstance(database: Database, instance: { entity: string; recordId: string; process: string; metadataVersion: number; snapshot: ProcessSnapshot }, now: Date, transaction: Transaction): Promise<void> {
  const q = (name: string): string => database.quote(name);
  // The instance row is locked by the step (read with its record), so it is written with the step's other deferred writes.
  await database.defer(
    `UPDATE ${q(PROCESS_INSTANCES_TABLE)} SET ${q('snapshot')} = $1, ${q('state')} = $2, ${q('status')} = $3, ${q('metadata_version')} = $4, ${q('updated_at')} = $5 ` +
      `WHERE ${q('entity')} = $6 AND ${q('record_id')} = $7 AND ${q('process')} = $8`,
    [JSON.stringify(instance.snapshot), JSON.stringify(instance.snapshot.value), instance.snapshot.status, instance.metadataVersion, toSqlDateTime(now), instance.entity, instance.recordId, instance.process],
    transaction,
    { affected: 1, error: () => new Error(`The process instance ${instance.process} of ${instance.entity} ${instance.recordId} vanished during its transition`) },
  );
}

export async function deleteInstances(database: Database, entity: string, recordId: string, transaction: Transaction): Promise<void> {
  const q = (name: string): string => database.quote(name);
  await database.delete(`DELETE FROM ${q(PROCESS_INSTANCES_TABLE)} WHERE ${q('entity')} = $1 AND ${q('record_id')} = $2`, [entity, recordId], transaction);
}
