// The transition log: one append-only row per process step that moved a record (from, to, event,
// actor, time, payload, the effects that ran), written in the step's own transaction so the log
// and the record never disagree.
import type { Effect, ProcessStateValue } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import type { Actor } from '../identity/actor';
import { newRecordId } from '../records/record-id';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import { TRANSITIONS_TABLE } from './workflow-tables';

export interface TransitionEntry {
  entity: string;
  recordId: string;
  process: string;
  metadataVersion: number;
  event: string;
  from: ProcessStateValue | null;
  to: ProcessStateValue;
  actor: Pick<Actor, 'userId' | 'username'>;
  at: Date;
  /** The record version the step produced. */
  recordVersion: number;
  payload?: unknown;
  effects: readonly Effect[];
}

export interface TransitionRow {
  id: string;
  process: string;
  metadataVersion: number;
  event: string;
  from: ProcessStateValue | null;
  to: ProcessStateValue;
  actorId: string | null;
  actorUsername: string;
  at: string;
  recordVersion: number;
  payload: unknown;
  effects: unknown;
}

const COLUMNS = ['id', 'entity', 'record_id', 'process', 'metadata_version', 'event', 'from_state', 'to_state', 'actor_id', 'actor_username', 'at', 'record_version', 'payload', 'effects'] as const;

export async function appendTransition(database: Database, entry: TransitionEntry, transaction: Transaction): Promise<void> {
  const q = (name: string): string => database.quote(name);
  const values = [
    newRecordId(entry.at.getTime()),
    entry.entity,
    entry.recordId,
    entry.process,
    entry.metadataVersion,
    entry.event.slice(0, 400),
    entry.from === null ? null : JSON.stringify(entry.from),
    JSON.stringify(entry.to),
    entry.actor.userId,
    entry.actor.username.slice(0, 200),
    toSqlDateTime(entry.at),
    entry.recordVersion,
    entry.payload === undefined ? null : JSON.stringify(entry.payload),
    JSON.stringify(entry.effects.map(({ name, params, delivery, state, phase }) => ({ name, params, delivery, state, phase }))),
  ];
  await database.defer(`INSERT INTO ${q(TRANSITIONS_TABLE)} (${COLUMNS.map(q).join(', ')}) VALUES (${values.map((_, index) => `$${index + 1}`).join(', ')})`, values, transaction);
}

function parsed(raw: unknown): unknown {
  return raw === null || raw === undefined ? null : (JSON.parse(String(raw)) as unknown);
}

/** A record's transitions, oldest first (ids are time-ordered, so they break ties within a millisecond). */
export async function listTransitions(database: Database, entity: string, recordId: string, limit = 1000): Promise<TransitionRow[]> {
  const q = (name: string): string => database.quote(name);
  const rows = await database.select(
    `SELECT ${COLUMNS.map(q).join(', ')} FROM ${q(TRANSITIONS_TABLE)} WHERE ${q('entity')} = $1 AND ${q('record_id')} = $2 ORDER BY ${q('at')}, ${q('id')} LIMIT ${limit}`,
    [entity, recordId],
  );
  return rows.map((row) => ({
    id: String(row.id),
    process: String(row.process),
    metadataVersion: Number(row.metadata_version),
    event: String(row.event),
    from: parsed(row.from_state) as ProcessStateValue | null,
    to: parsed(row.to_state) as ProcessStateValue,
    actorId: row.actor_id === null || row.actor_id === undefined ? null : String(row.actor_id),
    actorUsername: String(row.actor_username),
    at: String(VALUE_CODECS.datetime.fromColumn(row.at)),
    recordVersion: Number(row.record_version),
    payload: parsed(row.payload),
    effects: parsed(row.effects),
  }));
}
