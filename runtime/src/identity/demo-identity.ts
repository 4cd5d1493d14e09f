// Demo users for `stagecraft start` (never `serve`): a small sales and support organisation,
// every user with the configured demo password. Idempotent: existing records are kept, and a
// demo user who already has a password keeps it.
import { StagecraftError } from '@stagecraft/core';
import type { Database } from '../db/database';
import type { RecordService } from '../records/record-service';
import { SYSTEM_ACTOR } from './actor';
import { readPasswordHash, setPassword } from './credential-store';
import { ensureRecord, findRecordBy } from './identity-records';

interface DemoRole {
  name: string;
  label: string;
  parent: string;
}

interface DemoUser {
  username: string;
  displayName: string;
  role: string;
  team?: string;
  locale?: string;
  isPartner?: boolean;
}

/** admin > salesManager > salesRep; supportAgent, partner and finance sit directly below admin. */
export const DEMO_ROLES: readonly DemoRole[] = [
  { name: 'salesManager', label: 'Sales manager', parent: 'admin' },
  { name: 'salesRep', label: 'Sales representative', parent: 'salesManager' },
  { name: 'supportAgent', label: 'Support agent', parent: 'admin' },
  { name: 'partner', label: 'Partner', parent: 'admin' },
  // Told about overdue receivables (the SFA pack's payment milestones).
  { name: 'finance', label: 'Finance', parent: 'admin' },
];

export const DEMO_TEAMS = [
  { name: 'Sales', manager: 'manager' },
  { name: 'Support', manager: 'agent1' },
] as const;

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'manager', displayName: 'Morgan Manager', role: 'salesManager', team: 'Sales' },
  { username: 'rep1', displayName: 'Riley Rep', role: 'salesRep', team: 'Sales' },
  { username: 'rep2', displayName: 'Robin Rep', role: 'salesRep', team: 'Sales', locale: 'zh-CN' },
  { username: 'agent1', displayName: 'Alex Agent', role: 'supportAgent', team: 'Support' },
  { username: 'partner1', displayName: 'Pat Partner', role: 'partner', isPartner: true },
  { username: 'rep3', displayName: 'Chen Jing 陈静', role: 'salesRep', team: 'Sales', locale: 'zh-CN' },
  { username: 'finance1', displayName: 'Frankie Finance', role: 'finance' },
];

const DEMO_PARTNER_ACCOUNT = 'Demo Partner Ltd';

/** With an `account` entity in the packs, the partner user's account; otherwise none. */
async function demoPartnerAccount(records: RecordService, hasAccounts: boolean): Promise<string | null> {
  if (!hasAccounts) return null;
  try {
    return (await ensureRecord(records, 'account', 'name', DEMO_PARTNER_ACCOUNT, {})).id;
  } catch (error) {
    // A pack whose accounts need more than a name gets a partner without an account.
    if (error instanceof StagecraftError) return null;
    throw error;
  }
}

export async function seedDemoIdentity(options: { database: Database; records: RecordService; password: string; hasAccounts: boolean; now?: () => Date }): Promise<{ created: string[] }> {
  const { database, records } = options;
  const now = options.now ?? (() => new Date());
  const roleIds = new Map<string, string>();
  const adminRole = await findRecordBy(records, 'role', 'name', 'admin');
  if (adminRole) roleIds.set('admin', String(adminRole.id));
  for (const role of DEMO_ROLES) {
    roleIds.set(role.name, (await ensureRecord(records, 'role', 'name', role.name, { label: role.label, parent: roleIds.get(role.parent) ?? null })).id);
  }
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) teamIds.set(team.name, (await ensureRecord(records, 'team', 'name', team.name, {})).id);
  const partnerAccount = await demoPartnerAccount(records, options.hasAccounts);

  const created: string[] = [];
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const values = {
      displayName: user.displayName,
      role: roleIds.get(user.role) ?? null,
      team: user.team ? (teamIds.get(user.team) ?? null) : null,
      locale: user.locale ?? 'en',
      active: true,
      partnerAccount: user.isPartner ? partnerAccount : null,
    };
    const record = await ensureRecord(records, 'user', 'username', user.username, values);
    userIds.set(user.username, record.id);
    if (record.isNew) created.push(user.username);
    if ((await readPasswordHash(database, record.id)) === null) await setPassword(database, record.id, options.password, now());
  }
  for (const team of DEMO_TEAMS) {
    const teamId = teamIds.get(team.name);
    const current = teamId ? await findRecordBy(records, 'team', 'name', team.name) : null;
    if (teamId && current && current.manager === null) await records.update('team', teamId, { manager: userIds.get(team.manager) ?? null }, {}, SYSTEM_ACTOR);
  }
  return { created };
}
