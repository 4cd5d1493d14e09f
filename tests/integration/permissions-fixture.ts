// A small company for the permission tests: an administrator, a sales manager above two reps in
// different teams, a support agent and a partner user, with accounts, contacts and opportunities
// owned by each of them. Records are created by the administrator with explicit owners.
import type { MetadataBundle } from '@stagecraft/core';
import type { TestRuntime, TestUser } from './runtime-harness';
import { createThroughApi, loadExampleBundle } from './runtime-harness';

export const PEOPLE = ['admin', 'manager', 'repA', 'repB', 'agent', 'partner'] as const;
export type Person = (typeof PEOPLE)[number];

/** Annual revenue values no one but administrators and managers may ever see in a response. */
export const SECRET_REVENUE = 987_654_321;
export const SECRET_TEXT = 'internal-only note';

export interface Company {
  users: Record<Person, TestUser>;
  /** Record key (e.g. "accountA") → id. */
  ids: Record<string, string>;
  /** Record id → key, to compare responses by name. */
  keyOf(id: unknown): string;
}

export async function buildCompany(runtime: TestRuntime): Promise<Company> {
  await runtime.ensureRole('salesManager', 'admin');
  await runtime.ensureRole('salesRep', 'salesManager');
  const manager = await runtime.createUser({ username: 'manager', role: 'salesManager', team: 'East' });
  const repA = await runtime.createUser({ username: 'repa', role: 'salesRep', parentRole: 'salesManager', team: 'East' });
  const repB = await runtime.createUser({ username: 'repb', role: 'salesRep', parentRole: 'salesManager', team: 'West' });
  const agent = await runtime.createUser({ username: 'agent', role: 'supportAgent', team: 'Support' });
  const ids: Record<string, string> = {};
  const create = async (key: string, entity: string, body: Record<string, unknown>): Promise<void> => {
    ids[key] = (await createThroughApi(runtime, entity, body)).id;
  };
  const secret = { annualRevenue: SECRET_REVENUE, description: SECRET_TEXT };
  await create('accountP', 'account', { name: 'Partner Co', owner: runtime.admin.id, ...secret });
  const partner = await runtime.createUser({ username: 'partner', role: 'partner', partnerAccount: ids.accountP });
  const users: Record<Person, TestUser> = { admin: runtime.admin, manager, repA, repB, agent, partner };

  await create('accountM', 'account', { name: 'Manager Co', owner: manager.id, ...secret });
  await create('accountA', 'account', { name: 'Alpha Co', owner: repA.id, partnerAccount: ids.accountP, ...secret });
  await create('accountB', 'account', { name: 'Bravo Co', owner: repB.id, tier: 'gold', ...secret });
  await create('accountG', 'account', { name: 'Agent Co', owner: agent.id, ...secret });
  await create('accountX', 'account', { name: 'Admin Gold', owner: runtime.admin.id, tier: 'gold', partnerAccount: ids.accountP, ...secret });

  await create('contactA1', 'contact', { lastName: 'Alpha One', account: ids.accountA, owner: repA.id, channels: ['email'] });
  await create('contactA2', 'contact', { lastName: 'Alpha Two', account: ids.accountA, owner: repB.id, channels: ['phone'] });
  await create('contactB1', 'contact', { lastName: 'Bravo One', account: ids.accountB, owner: repB.id });
  await create('contactM1', 'contact', { lastName: 'Manager One', account: ids.accountM, owner: manager.id });

  await create('oppA1', 'opportunity', { name: 'Alpha open', account: ids.accountA, owner: repA.id, partnerAccount: ids.accountP, amount: 100, discount: 5 });
  await create('oppA2', 'opportunity', { name: 'Alpha lost', account: ids.accountA, owner: repA.id, amount: 200 });
  await runtime.api().post(`/api/records/opportunity/${ids.oppA2}/transitions`).send({ event: 'LOSE', data: { lostReason: 'No budget' } }).expect(200);
  await create('oppB1', 'opportunity', { name: 'Bravo open', account: ids.accountB, owner: repB.id });
  await create('oppM1', 'opportunity', { name: 'Manager open', account: ids.accountM, owner: manager.id });
  await create('oppX1', 'opportunity', { name: 'Admin open', account: ids.accountX, owner: runtime.admin.id, partnerAccount: ids.accountP });

  // Looked up on each call: records added later (addLonePeople) have keys too.
  return { users, ids, keyOf: (id) => Object.entries(ids).find(([, value]) => value === String(id))?.[0] ?? `?${String(id)}` };
}

/**
 * People for whom a rule's actor values are empty: a rep with no team, a manager with no one
 * below (a role without child roles holding the manager's set) and a partner-role user with no
 * partner account. Empty values must mean "no records through that part", never "all records".
 */
export const LONE_PEOPLE = ['loneRep', 'loneManager', 'lonePartner'] as const;
export type LonePerson = (typeof LONE_PEOPLE)[number];

/** The example bundle plus the manager's set for `soloManager`, a role with nothing below it. */
export async function bundleWithSoloManager(): Promise<MetadataBundle> {
  const bundle = await loadExampleBundle();
  const manager = bundle.permissions?.salesManager;
  if (!manager) throw new Error('the example pack has no salesManager set');
  bundle.permissions = { ...bundle.permissions, soloManager: { ...structuredClone(manager), name: 'soloManager', role: 'soloManager' } };
  return bundle;
}

/** Creates the lone personas, each owning one account, contact and opportunity (key suffix L, S, Q). */
export async function addLonePeople(runtime: TestRuntime, company: Company): Promise<Record<LonePerson, TestUser>> {
  const loneRep = await runtime.createUser({ username: 'lonerep', role: 'salesRep', parentRole: 'salesManager' });
  const loneManager = await runtime.createUser({ username: 'lonemanager', role: 'soloManager', parentRole: 'admin' });
  const lonePartner = await runtime.createUser({ username: 'lonepartner', role: 'partner' });
  const owned: Array<[string, TestUser]> = [['L', loneRep], ['S', loneManager], ['Q', lonePartner]];
  for (const [suffix, user] of owned) {
    const account = (await createThroughApi(runtime, 'account', { name: `Lone ${suffix}`, owner: user.id })).id;
    company.ids[`account${suffix}`] = account;
    company.ids[`contact${suffix}`] = (await createThroughApi(runtime, 'contact', { lastName: `Lone ${suffix}`, account, owner: user.id })).id;
    company.ids[`opp${suffix}`] = (await createThroughApi(runtime, 'opportunity', { name: `Lone ${suffix}`, account, owner: user.id })).id;
  }
  return { loneRep, loneManager, lonePartner };
}
