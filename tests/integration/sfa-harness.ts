// Test support for the SFA pack: the runtime harness with the identity and SFA packs published,
// a manual clock shared by records, transitions and timers (no sleeps), and the demo users that
// `stagecraft start` seeds (manager, rep1–rep3, finance1, …) with bearer tokens.
import path from 'node:path';
import type { MetadataBundle } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import { issueSession, ManualClock, seedDemoIdentity, SYSTEM_ACTOR, withIdentityPack } from '@stagecraft/runtime';
import type { TestDialect } from '../support/databases';
import { startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

export const SFA_PACK = path.resolve(__dirname, '../../packs/sfa');
export const DEMO_USERNAMES = ['manager', 'rep1', 'rep2', 'rep3', 'finance1', 'agent1', 'partner1'] as const;
export type DemoUsername = (typeof DEMO_USERNAMES)[number];
export const DAY_MS = 86_400_000;

export interface SfaTestRuntime extends TestRuntime {
  clock: ManualClock;
  users: Record<DemoUsername, TestUser>;
}

export async function startSfaRuntime(dialect: TestDialect, start = '2026-11-02T09:00:00.000Z', change?: (bundle: MetadataBundle) => void): Promise<SfaTestRuntime> {
  const clock = new ManualClock(start);
  const { bundle } = await loadPacks(withIdentityPack([SFA_PACK]));
  change?.(bundle);
  const runtime = await startTestRuntime(dialect, { bundle, now: () => clock.now() });
  await seedDemoIdentity({ database: runtime.system.database, records: runtime.records, password: 'demo-password', hasAccounts: true, now: () => clock.now() });
  const users = {} as Record<DemoUsername, TestUser>;
  for (const username of DEMO_USERNAMES) {
    const page = await runtime.records.list('user', { filters: [{ field: 'username', op: 'eq', value: username }], sort: [], page: 1, pageSize: 1, expand: [], withTotal: false }, SYSTEM_ACTOR);
    const id = String(page.data[0]?.id);
    const { secret } = await issueSession(runtime.system.database, { userId: id, kind: 'bearer', now: new Date(), expiresAt: null });
    users[username] = { id, username, token: secret };
  }
  return Object.assign(runtime, { clock, users });
}

type Body = Record<string, unknown>;

/** POST a record as a user; fails loudly on anything but 201. */
export async function createAs(runtime: TestRuntime, user: TestUser, entity: string, body: Body, query = ''): Promise<Body & { id: string; version: number }> {
  const response = await runtime.as(user.token).post(`/api/records/${entity}${query}`).send(body);
  if (response.status !== 201) throw new Error(`create ${entity} as ${user.username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Body & { id: string; version: number };
}

/** Every record of an entity (as the administrator), up to 500. */
export async function listAll(runtime: TestRuntime, entity: string, query = ''): Promise<Body[]> {
  const response = await runtime.api().get(`/api/records/${entity}?pageSize=500${query}`);
  if (response.status !== 200) throw new Error(`list ${entity} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return (response.body as { data: Body[] }).data;
}
