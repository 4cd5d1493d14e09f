// Autonumber counters: one row per entity and field in `stagecraft_sequences`, advanced inside
// the record's own transaction. Portable SQL (no auto-increment, no vendor upsert), so the same
// code runs on SQLite, MariaDB and MySQL-compatible distributed databases.
import { UniqueConstraintError, type Transaction } from 'sequelize';
import type { Database } from './database';

export const SEQUENCES_TABLE = 'stagecraft_sequences';

export async function ensureSequencesTable(database: Database): Promise<void> {
  const q = (name: string): string => database.quote(name);
  await database.execute(
    `CREATE TABLE IF NOT EXISTS ${q(SEQUENCES_TABLE)} (${q('entity')} VARCHAR(100) NOT NULL, ${q('field')} VARCHAR(100) NOT NULL, ` +
      `${q('next_value')} BIGINT NOT NULL, PRIMARY KEY (${q('entity')}, ${q('field')}))`,
  );
}

/** Creates the counter row if missing; safe when several processes race to create it. */
export async function ensureSequence(database: Database, entity: string, field: string, start: number): Promise<void> {
  const q = (name: string): string => database.quote(name);
  const existing = await database.select(`SELECT 1 AS ${q('found')} FROM ${q(SEQUENCES_TABLE)} WHERE ${q('entity')} = $1 AND ${q('field')} = $2`, [entity, field]);
  if (existing.length > 0) return;
  try {
    await database.insert(`INSERT INTO ${q(SEQUENCES_TABLE)} (${q('entity')}, ${q('field')}, ${q('next_value')}) VALUES ($1, $2, $3)`, [entity, field, start]);
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
  }
}

/**
 * Takes the next number of a counter. The UPDATE locks the row until the transaction ends, so
 * concurrent creates get distinct numbers, and a rolled-back create gives its number back.
 */
export async function takeNextSequenceValue(database: Database, transaction: Transaction, entity: string, field: string): Promise<number> {
  const q = (name: string): string => database.quote(name);
  const where = `WHERE ${q('entity')} = $1 AND ${q('field')} = $2`;
  const changed = await database.update(`UPDATE ${q(SEQUENCES_TABLE)} SET ${q('next_value')} = ${q('next_value')} + 1 ${where}`, [entity, field], transaction);
  if (changed !== 1) throw new Error(`The sequence ${entity}.${field} does not exist`);
  const rows = await database.select(`SELECT ${q('next_value')} FROM ${q(SEQUENCES_TABLE)} ${where}`, [entity, field], transaction);
  return Number(rows[0]?.next_value) - 1;
}
