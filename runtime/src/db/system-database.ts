// Opens the configured database with everything the runtime needs in it: the metadata
// repository's tables, the autonumber counters, the identity tables (credentials, sessions,
// login failures), the audit log and the workflow tables (process instances, timers, outbox).
// Shared by the server and the CLI commands.
import { MetadataRepository, openDatabase } from '@stagecraft/metadata';
import { ensureAuditTable } from '../audit/audit-table';
import type { RuntimeConfig } from '../config/config';
import { ensureIdentityTables } from '../identity/identity-tables';
import type { StagecraftPlugin } from '../plugins/plugin';
import { pluginSetOf } from '../plugins/plugin-set';
import { processCallsCheck } from '../workflow/process-publish-check';
import { ensureWorkflowTables } from '../workflow/workflow-tables';
import { Database } from './database';
import { ensureSequencesTable } from './sequences';
import { ensureWriteLocksTable } from './write-locks';

export interface SystemDatabase {
  database: Database;
  repository: MetadataRepository;
  close(): Promise<void>;
}

export interface SystemDatabaseOptions {
  /** The plugins the workflow runtime will run: publishes check processes against their guards and actions too. */
  plugins?: readonly StagecraftPlugin[];
}

export async function openSystemDatabase(config: Pick<RuntimeConfig, 'databaseUrl' | 'logSql'>, options: SystemDatabaseOptions = {}): Promise<SystemDatabase> {
  const sequelize = await openDatabase({ url: config.databaseUrl, logSql: config.logSql });
  try {
    const database = new Database(sequelize);
    const repository = new MetadataRepository(sequelize, { checks: [processCallsCheck([pluginSetOf(options.plugins).registryExtension])] });
    await repository.ensureSchema();
    await ensureSequencesTable(database);
    await ensureWriteLocksTable(database);
    await ensureIdentityTables(database);
    await ensureAuditTable(database);
    await ensureWorkflowTables(database);
    return { database, repository, close: () => database.close() };
  } catch (error) {
    await sequelize.close();
    throw error;
  }
}
