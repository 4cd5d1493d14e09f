// Which seed records exist: one row per generated record (`<seed>:<step>:<index>` → record id),
// written in the create's transaction. A second run finds every key and creates nothing; a run
// cut short resumes where it stopped; refs to records made by an earlier run use the stored ids.
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import { ensureSystemTable, type SystemTable } from '../db/system-table';
import { toSqlDateTime } from '../records/value-kinds';

export const SEED_RECORDS_TABLE = 'stagecraft_seed_records';

const TABLE: SystemTable = {
  name: SEED_RECORDS_TABLE,
  columns: [
    { name: 'seed_key', type: { string: 191 } },
    { name: 'entity', type: { string: 64 } },
    { name: 'record_id', type: 'id' },
    { name: 'seeded_at', type: 'datetime' },
  ],
  primaryKey: ['seed_key'],
  indexes: [],
};

export class SeedKeys {
  constructor(private readonly database: Database) {}

  async ensureTable(): Promise<void> {
    await ensureSystemTable(this.database, TABLE);
  }

  /** Key → record id of every record the seed named `seed` made so far. */
  async seeded(seed: string): Promise<Map<string, string>> {
    const q = (name: string): string => this.database.quote(name);
    const rows = await this.database.select(`SELECT ${q('seed_key')}, ${q('record_id')} FROM ${q(SEED_RECORDS_TABLE)} WHERE ${q('seed_key')} LIKE $1`, [`${seed}:%`]);
    return new Map(rows.map((row) => [String(row.seed_key), String(row.record_id)]));
  }

  async record(key: string, entity: string, recordId: string, at: Date, transaction: Transaction): Promise<void> {
    const q = (name: string): string => this.database.quote(name);
    await this.database.insert(
      `INSERT INTO ${q(SEED_RECORDS_TABLE)} (${q('seed_key')}, ${q('entity')}, ${q('record_id')}, ${q('seeded_at')}) VALUES ($1, $2, $3, $4)`,
      [key, entity, recordId, toSqlDateTime(at)],
      transaction,
    );
  }
}
