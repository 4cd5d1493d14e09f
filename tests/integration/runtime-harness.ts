// Integration-test harness for the runtime: a fresh real database per suite, the example pack
// published through the metadata repository, and the Express app driven by supertest.
import path from 'node:path';
import type { MetadataBundle } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import { createApp, LiveMetadata, type CompiledMetadata, openSystemDatabase, RecordService, type SystemDatabase } from '@stagecraft/runtime';
import type { Express } from 'express';
import request from 'supertest';
import { createTestDatabase, type TestDatabase, type TestDialect } from '../support/databases';

export const EXAMPLE_PACK = path.resolve(__dirname, '../fixtures/packs/example');

export interface TestRuntime {
  dialect: TestDialect;
  testDatabase: TestDatabase;
  system: SystemDatabase;
  live: LiveMetadata;
  app: Express;
  records: RecordService;
  bundle: MetadataBundle;
  api(): ReturnType<typeof request>;
  /** Another app instance on the same database, as a second server process would be. */
  secondInstance(options?: { pollMs?: number; onChange?: (metadata: CompiledMetadata) => void }): Promise<{ app: Express; live: LiveMetadata; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function loadExampleBundle(): Promise<MetadataBundle> {
  return (await loadPacks([EXAMPLE_PACK])).bundle;
}

export interface TestRuntimeOptions {
  bundle?: MetadataBundle;
  bodyLimit?: string;
  isProduction?: boolean;
  now?: () => Date;
}

export async function startTestRuntime(dialect: TestDialect, options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const testDatabase = await createTestDatabase(dialect);
  const system = await openSystemDatabase({ databaseUrl: testDatabase.url, logSql: false });
  const bundle = options.bundle ?? (await loadExampleBundle());
  await system.repository.publish(bundle, { author: 'test' });
  const quote = (identifier: string) => system.database.quote(identifier);
  const live = await LiveMetadata.load(system.repository, quote, { pollMs: 60_000 });
  const recordDependencies: ConstructorParameters<typeof RecordService>[0] = { database: system.database, metadata: () => live.get() };
  if (options.now) recordDependencies.now = options.now;
  const records = new RecordService(recordDependencies);
  const config = { bodyLimit: options.bodyLimit ?? '1mb', metadataBodyLimit: '5mb', isProduction: options.isProduction ?? false };
  const app = createApp({ database: system.database, repository: system.repository, live, config, records, log: () => undefined });
  const extras: Array<() => Promise<void>> = [];
  return {
    dialect,
    testDatabase,
    system,
    live,
    app,
    records,
    bundle,
    api: () => request(app),
    async secondInstance(instanceOptions = {}) {
      const other = await openSystemDatabase({ databaseUrl: testDatabase.url, logSql: false });
      const liveOptions: { pollMs: number; onChange?: (metadata: CompiledMetadata) => void } = { pollMs: instanceOptions.pollMs ?? 20 };
      if (instanceOptions.onChange) liveOptions.onChange = instanceOptions.onChange;
      const otherLive = await LiveMetadata.load(other.repository, (identifier) => other.database.quote(identifier), liveOptions);
      otherLive.startPolling();
      const otherApp = createApp({ database: other.database, repository: other.repository, live: otherLive, config, log: () => undefined });
      const close = async () => {
        otherLive.stopPolling();
        await other.close();
      };
      extras.push(close);
      return { app: otherApp, live: otherLive, close };
    },
    async close() {
      live.stopPolling();
      for (const close of extras.splice(0)) await close();
      await system.close();
      await testDatabase.drop();
    },
  };
}

/** Creates a record through the API and returns it, failing loudly on anything but 201. */
export async function createThroughApi(runtime: TestRuntime, entity: string, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string; version: number }> {
  const response = await runtime.api().post(`/api/records/${entity}`).send(body);
  if (response.status !== 201) throw new Error(`create ${entity} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown> & { id: string; version: number };
}

/** Counts the SQL statements run while `work` runs. */
export async function countQueries(runtime: TestRuntime, work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  const statements: string[] = [];
  const hookName = `count-${Math.random()}`;
  runtime.system.database.sequelize.addHook('afterQuery', hookName, (_options: unknown, query: unknown) => {
    const sql = (query as { sql?: string }).sql;
    statements.push(sql ?? '?');
  });
  try {
    await work();
  } finally {
    runtime.system.database.sequelize.removeHook('afterQuery', hookName);
  }
  return { count: statements.length, statements };
}
