import type { Sequelize } from 'sequelize';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../tests/support/databases';
import { openDatabase } from '../db/connection';
import { countDuplicateValues, countValuesThatWouldNotFit } from './data-checks';
import { createSchemaSession, type SchemaSession } from './schema-session';

describe.each(testDialects())('data checks on %s', (dialect) => {
  let database: TestDatabase;
  let sequelize: Sequelize;
  let session: SchemaSession;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    sequelize = await openDatabase({ url: database.url });
    session = createSchemaSession(sequelize);
    await sequelize.query(`CREATE TABLE sample (id VARCHAR(36) NOT NULL, label ${dialect === 'mysql' ? 'MEDIUMTEXT' : 'TEXT'} NULL, amount DECIMAL(12,4) NULL, whole BIGINT NULL, PRIMARY KEY (id))`);
    await sequelize.query(`INSERT INTO sample (id, label, amount, whole) VALUES
      ('1', '二二二', 1.2345, 12), ('2', 'abcd', 2.5, 12), ('3', NULL, 12345678.5, 123456), ('4', 'ab', NULL, NULL)`);
  });
  afterAll(async () => {
    await sequelize.close();
    await database.drop();
  });

  it('counts strings longer than the new length in characters, not bytes', async () => {
    await expect(countValuesThatWouldNotFit(session, 'sample', 'label', { kind: 'string', length: 3 })).resolves.toBe(1);
    await expect(countValuesThatWouldNotFit(session, 'sample', 'label', { kind: 'string', length: 4 })).resolves.toBe(0);
  });

  it('counts decimals that would lose fraction digits or not fit the integer digits', async () => {
    await expect(countValuesThatWouldNotFit(session, 'sample', 'amount', { kind: 'decimal', precision: 12, scale: 2 })).resolves.toBe(1);
    await expect(countValuesThatWouldNotFit(session, 'sample', 'amount', { kind: 'decimal', precision: 9, scale: 2 })).resolves.toBe(2);
    await expect(countValuesThatWouldNotFit(session, 'sample', 'amount', { kind: 'integer' })).resolves.toBe(3);
    await expect(countValuesThatWouldNotFit(session, 'sample', 'whole', { kind: 'decimal', precision: 6, scale: 2 })).resolves.toBe(1);
  });

  it('counts each duplicated value once and ignores NULLs', async () => {
    await expect(countDuplicateValues(session, 'sample', ['whole'])).resolves.toBe(1);
    await expect(countDuplicateValues(session, 'sample', ['whole', 'label'])).resolves.toBe(0);
    await expect(countDuplicateValues(session, 'sample', ['amount'])).resolves.toBe(0);
  });
});
