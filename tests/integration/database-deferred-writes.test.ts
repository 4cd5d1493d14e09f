// Deferred writes: a transaction's log rows and locked-row updates travel together (one round trip
// on MySQL) before its next statement or its commit. Each statement's own result is checked, a
// batch starting with an INSERT included; a failure fails the transaction and nothing stays; values
// that look like SQL stay values.
import { openDatabase } from '@stagecraft/metadata';
import { Database } from '@stagecraft/runtime';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases';

describe.each(testDialects())('deferred writes on %s', (dialect) => {
  let testDatabase: TestDatabase;
  let database: Database;
  const rows = async (): Promise<Array<{ id: number; note: string | null; version: number }>> =>
    (await database.select('SELECT id, note, version FROM deferred_probe ORDER BY id', [])).map((row) => ({ id: Number(row.id), note: row.note === null ? null : String(row.note), version: Number(row.version) }));

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    database = new Database(await openDatabase({ url: testDatabase.url }));
    await database.execute('CREATE TABLE deferred_probe (id INTEGER PRIMARY KEY, note VARCHAR(200), version INTEGER NOT NULL)');
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });
  beforeEach(async () => {
    await database.transaction((transaction) => database.delete('DELETE FROM deferred_probe', [], transaction));
  });

  it('sends deferred writes before the next statement and before commit, inserts first included', async () => {
    await database.transaction(async (transaction) => {
      await database.defer('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [1, "it's; DROP TABLE deferred_probe; --", 1], transaction);
      await database.defer('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [2, '$1 and \\ backslash', 1], transaction);
      // Read-your-writes inside the transaction.
      expect((await database.select('SELECT COUNT(*) AS n FROM deferred_probe', [], transaction))[0]?.n).toBe(2);
      await database.defer('UPDATE deferred_probe SET version = $1 WHERE id = $2 AND version = $3', [2, 1, 1], transaction, { affected: 1, error: () => new Error('stale') });
      await database.defer('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [3, null, 1], transaction);
    });
    expect(await rows()).toEqual([
      { id: 1, note: "it's; DROP TABLE deferred_probe; --", version: 2 },
      { id: 2, note: '$1 and \\ backslash', version: 1 },
      { id: 3, note: null, version: 1 },
    ]);
  });

  it('fails the transaction when a deferred write does not affect what it must, and keeps nothing of it', async () => {
    await database.transaction((transaction) => database.insert('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [1, 'kept', 1], transaction));
    await expect(database.transaction(async (transaction) => {
      await database.defer('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [2, 'lost', 1], transaction);
      await database.defer('UPDATE deferred_probe SET note = $1 WHERE id = $2 AND version = $3', ['changed', 1, 7], transaction, { affected: 1, error: () => new Error('the version moved') });
    })).rejects.toThrow('the version moved');
    expect(await rows()).toEqual([{ id: 1, note: 'kept', version: 1 }]);
  });

  it('fails the transaction when a deferred statement fails, and keeps nothing of it', async () => {
    await database.transaction((transaction) => database.insert('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [1, 'kept', 1], transaction));
    await expect(database.transaction(async (transaction) => {
      await database.defer('UPDATE deferred_probe SET note = $1 WHERE id = $2', ['changed', 1], transaction);
      await database.defer('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [1, 'duplicate id', 1], transaction);
    })).rejects.toThrow();
    expect(await rows()).toEqual([{ id: 1, note: 'kept', version: 1 }]);
  });

  it('runs a deferred write at once in a transaction it does not manage', async () => {
    await database.sequelize.transaction(async (transaction) => {
      await database.defer('INSERT INTO deferred_probe (id, note, version) VALUES ($1, $2, $3)', [5, 'now', 1], transaction);
    });
    expect(await rows()).toEqual([{ id: 5, note: 'now', version: 1 }]);
  });
});
