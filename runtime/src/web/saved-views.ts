// Saved list views: per user and entity, stored in the runtime's own table (created on first use,
// so opening a database needs nothing new). A user only ever sees and changes their own views.
import { ConflictError, NotFoundError } from '@stagecraft/core';
import type { Database } from '../db/database';
import { ensureSystemTable, type SystemTable } from '../db/system-table';
import { newRecordId } from '../records/record-id';
import { toSqlDateTime, VALUE_CODECS } from '../records/value-kinds';
import type { SavedViewDefinition } from './saved-view-input';

export const SAVED_VIEWS_TABLE = 'stagecraft_saved_views';
/** Enough for anyone; stops a script from filling the table. */
export const MAX_VIEWS_PER_ENTITY = 100;

const TABLE: SystemTable = {
  name: SAVED_VIEWS_TABLE,
  columns: [
    { name: 'id', type: 'id' },
    { name: 'user_id', type: 'id' },
    { name: 'entity', type: { string: 64 } },
    { name: 'name', type: { string: 120 } },
    { name: 'definition', type: 'text' },
    { name: 'created_at', type: 'datetime' },
    { name: 'updated_at', type: 'datetime' },
  ],
  primaryKey: ['id'],
  indexes: [{ name: 'stagecraft_saved_views_user_entity', columns: ['user_id', 'entity'] }],
};

export interface SavedView {
  id: string;
  entity: string;
  name: string;
  definition: SavedViewDefinition;
  createdAt: string;
  updatedAt: string;
}

const ensured = new WeakMap<Database, Promise<void>>();

function ensureTable(database: Database): Promise<void> {
  let promise = ensured.get(database);
  if (!promise) {
    promise = ensureSystemTable(database, TABLE);
    ensured.set(database, promise);
    promise.catch(() => ensured.delete(database));
  }
  return promise;
}

function viewOf(row: Record<string, unknown>): SavedView {
  return {
    id: String(row.id),
    entity: String(row.entity),
    name: String(row.name),
    definition: JSON.parse(String(row.definition)) as SavedViewDefinition,
    createdAt: String(VALUE_CODECS.datetime.fromColumn(row.created_at)),
    updatedAt: String(VALUE_CODECS.datetime.fromColumn(row.updated_at)),
  };
}

export class SavedViewStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private q(name: string): string {
    return this.database.quote(name);
  }

  async list(userId: string, entity: string): Promise<SavedView[]> {
    await ensureTable(this.database);
    const q = this.q.bind(this);
    const rows = await this.database.select(`SELECT * FROM ${q(SAVED_VIEWS_TABLE)} WHERE ${q('user_id')} = $1 AND ${q('entity')} = $2 ORDER BY ${q('name')}, ${q('id')}`, [userId, entity]);
    return rows.map(viewOf);
  }

  async get(userId: string, id: string): Promise<SavedView> {
    await ensureTable(this.database);
    const q = this.q.bind(this);
    const rows = await this.database.select(`SELECT * FROM ${q(SAVED_VIEWS_TABLE)} WHERE ${q('id')} = $1 AND ${q('user_id')} = $2`, [id, userId]);
    const row = rows[0];
    // Another user's view is as unknown as a missing one.
    if (!row) throw new NotFoundError(`You have no saved view "${id}"`);
    return viewOf(row);
  }

  async create(userId: string, entity: string, name: string, definition: SavedViewDefinition): Promise<SavedView> {
    await ensureTable(this.database);
    const q = this.q.bind(this);
    const id = newRecordId();
    const at = toSqlDateTime(this.now());
    await this.database.transaction(async (transaction) => {
      const counted = await this.database.select(`SELECT COUNT(*) AS ${q('n')} FROM ${q(SAVED_VIEWS_TABLE)} WHERE ${q('user_id')} = $1 AND ${q('entity')} = $2`, [userId, entity], transaction);
      if (Number(counted[0]?.n ?? 0) >= MAX_VIEWS_PER_ENTITY) throw new ConflictError(`You already have ${MAX_VIEWS_PER_ENTITY} saved views of ${entity}; delete one first`);
      await this.database.insert(
        `INSERT INTO ${q(SAVED_VIEWS_TABLE)} (${['id', 'user_id', 'entity', 'name', 'definition', 'created_at', 'updated_at'].map(q).join(', ')}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, userId, entity, name, JSON.stringify(definition), at, at],
        transaction,
      );
    });
    return this.get(userId, id);
  }

  async update(userId: string, id: string, change: { name?: string; definition?: SavedViewDefinition }): Promise<SavedView> {
    const current = await this.get(userId, id);
    const q = this.q.bind(this);
    await this.database.update(`UPDATE ${q(SAVED_VIEWS_TABLE)} SET ${q('name')} = $1, ${q('definition')} = $2, ${q('updated_at')} = $3 WHERE ${q('id')} = $4 AND ${q('user_id')} = $5`, [
      change.name ?? current.name,
      JSON.stringify(change.definition ?? current.definition),
      toSqlDateTime(this.now()),
      id,
      userId,
    ]);
    return this.get(userId, id);
  }

  async delete(userId: string, id: string): Promise<void> {
    await this.get(userId, id);
    const q = this.q.bind(this);
    await this.database.delete(`DELETE FROM ${q(SAVED_VIEWS_TABLE)} WHERE ${q('id')} = $1 AND ${q('user_id')} = $2`, [id, userId]);
  }
}
