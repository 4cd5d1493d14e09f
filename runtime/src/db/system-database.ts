// Opens the configured database with everything the runtime needs in it: the metadata
// repository's tables and the autonumber counters. Shared by the server and the CLI commands.
import { MetadataRepository, openDatabase } from '@stagecraft/metadata';
import type { RuntimeConfig } from '../config/config';
import { Database } from './database';
import { ensureSequencesTable } from './sequences';

export interface SystemDatabase {
  database: Database;
  repository: MetadataRepository;
  close(): Promise<void>;
}

export async function openSystemDatabase(config: Pick<RuntimeConfig, 'databaseUrl' | 'logSql'>): Promise<SystemDatabase> {
  const sequelize = await openDatabase({ url: config.databaseUrl, logSql: config.logSql });
  try {
    const database = new Database(sequelize);
    const repository = new MetadataRepository(sequelize);
    await repository.ensureSchema();
    await ensureSequencesTable(database);
    return { database, repository, close: () => database.close() };
  } catch (error) {
    await sequelize.close();
    throw error;
  }
}
