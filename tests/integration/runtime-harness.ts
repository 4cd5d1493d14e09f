// Integration-test harness for the runtime: a fresh real database per suite, the identity and
// example packs published through the metadata repository, the administrator created, and the
// Express app driven by supertest — `api()` sends the administrator's bearer token; `as(token)`
// acts as someone else and `anonymous()` as nobody.
import path from 'node:path';
import type { MetadataBundle } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import {
  AuthService,
  createApp,
  DEFAULT_AUTH_CONFIG,
  ensureAdministrator,
  includeIdentity,
  issueSession,
  LiveMetadata,
  loadIdentityBundle,
  openSystemDatabase,
  RecordService,
  setPassword,
  SYSTEM_ACTOR,
  withIdentityPack,
  WorkflowRuntime,
  type AuthConfig,
  type CompiledMetadata,
  type StagecraftPlugin,
  type SystemDatabase,
  type WorkflowConfig,
} from '@stagecraft/runtime';
import type { Express } from 'express';
import request from 'supertest';
import { createTestDatabase, type TestDatabase, type TestDialect } from '../support/databases';

export const EXAMPLE_PACK = path.resolve(__dirname, '../fixtures/packs/example');
export const ADMIN_PASSWORD = 'admin-test-password';
/** Statements authentication adds to every request: session ⋈ user ⋈ the role table. */
export const AUTHENTICATION_QUERIES = 1;

export interface TestUser {
  id: string;
  username: string;
  /** A bearer token of this user. */
  token: string;
}

export interface TestUserOptions {
  username: string;
  /** A role name; created (under `parentRole`, default admin) when missing. */
  role?: string;
  parentRole?: string;
  team?: string;
  password?: string;
  active?: boolean;
  partnerAccount?: string;
  locale?: string;
}

export interface TestRuntime {
  dialect: TestDialect;
  testDatabase: TestDatabase;
  system: SystemDatabase;
  live: LiveMetadata;
  app: Express;
  records: RecordService;
  /** The workflow engine (service, timer scheduler, outbox worker) on the harness's clock; its loops are not started. */
  workflow: WorkflowRuntime;
  bundle: MetadataBundle;
  auth: AuthService;
  admin: TestUser;
  /** Requests as the administrator (bearer token). */
  api(): ReturnType<typeof request.agent>;
  /** Requests with this bearer token. */
  as(token: string): ReturnType<typeof request.agent>;
  /** Requests without credentials. */
  anonymous(): ReturnType<typeof request>;
  /** Creates a user (and its role) through the record service, with a password and a bearer token. */
  createUser(options: TestUserOptions): Promise<TestUser>;
  /** The id of the role with this name, created under `parent` when missing. */
  ensureRole(name: string, parent?: string): Promise<string>;
  /** Another app instance on the same database, as a second server process would be. */
  secondInstance(options?: { pollMs?: number; onChange?: (metadata: CompiledMetadata) => void }): Promise<{ app: Express; live: LiveMetadata; api(): ReturnType<typeof request.agent>; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** The example pack with the identity pack before it, as `stagecraft start` publishes them. */
export async function loadExampleBundle(): Promise<MetadataBundle> {
  return (await loadPacks(withIdentityPack([EXAMPLE_PACK]))).bundle;
}

export interface TestRuntimeOptions {
  /** Published with the identity entities added when it lacks them. */
  bundle?: MetadataBundle;
  bodyLimit?: string;
  isProduction?: boolean;
  now?: () => Date;
  /** The clock of sessions and login throttling. */
  authNow?: () => Date;
  auth?: Partial<AuthConfig>;
  /** The workflow engine's config (e.g. an SMTP URL); its loops still start only when a test asks. */
  workflowConfig?: Partial<WorkflowConfig>;
  /** Plugins the server runs (the built-in one is always added), as `startServer` and `runCli` take them. */
  plugins?: readonly StagecraftPlugin[];
}

export async function startTestRuntime(dialect: TestDialect, options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const testDatabase = await createTestDatabase(dialect);
  const plugins = options.plugins ?? [];
  const system = await openSystemDatabase({ databaseUrl: testDatabase.url, logSql: false }, { plugins });
  const bundle = options.bundle ? includeIdentity(options.bundle, await loadIdentityBundle()) : await loadExampleBundle();
  await system.repository.publish(bundle, { author: 'test' });
  const quote = (identifier: string) => system.database.quote(identifier);
  const live = await LiveMetadata.load(system.repository, quote, { pollMs: 60_000 });
  const now = options.now;
  const workflow = new WorkflowRuntime({ database: system.database, repository: system.repository, metadata: () => live.get(), ...(now ? { clock: { now } } : {}), ...(options.workflowConfig ? { config: options.workflowConfig } : {}), plugins, log: () => undefined });
  const recordDependencies: ConstructorParameters<typeof RecordService>[0] = { database: system.database, metadata: () => live.get(), hooks: workflow.hooks() };
  if (options.now) recordDependencies.now = options.now;
  const records = new RecordService(recordDependencies);
  workflow.connectRecords(records);
  const authConfig: AuthConfig = { ...DEFAULT_AUTH_CONFIG, ...options.auth };
  const authDependencies: ConstructorParameters<typeof AuthService>[0] = { database: system.database, metadata: () => live.get(), config: authConfig };
  if (options.authNow) authDependencies.now = options.authNow;
  const auth = new AuthService(authDependencies);
  const config = { bodyLimit: options.bodyLimit ?? '1mb', metadataBodyLimit: '5mb', isProduction: options.isProduction ?? false, auth: authConfig };
  const app = createApp({ database: system.database, repository: system.repository, live, config, records, auth, workflow, log: () => undefined });
  const extras: Array<() => Promise<void>> = [];

  const bearerToken = async (userId: string): Promise<string> => (await issueSession(system.database, { userId, kind: 'bearer', now: new Date(), expiresAt: null })).secret;
  const { userId: adminId } = await ensureAdministrator({ database: system.database, records, adminPassword: ADMIN_PASSWORD, print: () => undefined });
  const admin: TestUser = { id: adminId, username: 'admin', token: await bearerToken(adminId) };
  const as = (token: string) => request.agent(app).set('Authorization', `Bearer ${token}`);
  const findId = async (entity: string, field: string, value: string): Promise<string | undefined> => {
    const page = await records.list(entity, { filters: [{ field, op: 'eq', value }], sort: [], page: 1, pageSize: 1, expand: [], withTotal: false }, SYSTEM_ACTOR);
    return page.data[0] ? String(page.data[0].id) : undefined;
  };
  const ensureRole = async (name: string, parent = 'admin'): Promise<string> => {
    const existing = await findId('role', 'name', name);
    if (existing) return existing;
    const parentId = name === parent ? null : await ensureRole(parent);
    return String((await records.create('role', { name, label: name, parent: parentId }, SYSTEM_ACTOR)).id);
  };
  return {
    dialect,
    testDatabase,
    system,
    live,
    app,
    records,
    workflow,
    bundle,
    auth,
    admin,
    api: () => as(admin.token),
    as,
    anonymous: () => request(app),
    ensureRole,
    async createUser(userOptions) {
      const values: Record<string, unknown> = { username: userOptions.username, displayName: userOptions.username, active: userOptions.active ?? true };
      if (userOptions.role) values.role = await ensureRole(userOptions.role, userOptions.parentRole);
      if (userOptions.team) values.team = (await findId('team', 'name', userOptions.team)) ?? String((await records.create('team', { name: userOptions.team }, SYSTEM_ACTOR)).id);
      if (userOptions.partnerAccount) values.partnerAccount = userOptions.partnerAccount;
      if (userOptions.locale) values.locale = userOptions.locale;
      const id = String((await records.create('user', values, SYSTEM_ACTOR)).id);
      if (userOptions.password) await setPassword(system.database, id, userOptions.password, new Date());
      return { id, username: userOptions.username, token: await bearerToken(id) };
    },
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
      return { app: otherApp, live: otherLive, api: () => request.agent(otherApp).set('Authorization', `Bearer ${admin.token}`), close };
    },
    async close() {
      live.stopPolling();
      await workflow.close();
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
