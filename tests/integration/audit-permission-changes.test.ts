// Permission changes are audited as `permissionChange` rows: a publish (or rollback) that changes
// permission sets, with the diff of the documents, next to its publish row; and an update of a
// user's role, team, partner account or active flag, or of a role's place in the hierarchy.
import type { MetadataBundle } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

interface AuditRow {
  action: string;
  entity: string | null;
  recordId: string | null;
  actorUsername: string;
  changes: Record<string, unknown> | null;
}

describe.each(testDialects())('permission changes in the audit log on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  const audit = async (query: string): Promise<AuditRow[]> => {
    const response = await runtime.api().get(`/api/audit?${query}`);
    expect(response.status).toBe(200);
    return response.body.data as AuditRow[];
  };
  const withRepReading = (scope: string): MetadataBundle => {
    const bundle = structuredClone(runtime.bundle);
    const rep = bundle.permissions?.salesRep;
    if (!rep?.entities.account) throw new Error('the example pack lost its salesRep set');
    rep.entities.account.read = scope as 'own';
    return bundle;
  };

  it('writes a permissionChange row with the permission sets\' diff when a publish changes them, besides the publish row', async () => {
    const published = await runtime.api().post('/api/metadata/publish').send({ bundle: withRepReading('own') });
    expect(published.status).toBe(201);
    const version = published.body.version.number as number;
    const rows = (await audit('action=permissionChange')).filter((row) => row.recordId === String(version));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: null, actorUsername: 'admin', changes: { version, permissions: { created: [], deleted: [] } } });
    const updated = (rows[0]?.changes?.permissions as { updated: Array<{ from: { name: string; entities: { account: { read: string } } }; to: { entities: { account: { read: string } } } }> }).updated;
    expect(updated.map((change) => [change.from.name, change.from.entities.account.read, change.to.entities.account.read])).toEqual([['salesRep', 'team', 'own']]);
    expect((await audit('action=publish')).map((row) => row.recordId)).toContain(String(version));

    // A publish that leaves the permission sets alone writes no permissionChange row.
    const relabelled = withRepReading('own');
    const layout = Object.values(relabelled.layouts)[0];
    if (!layout) throw new Error('the example pack has no layout');
    (layout as { label?: unknown }).label = 'Relabelled';
    const second = await runtime.api().post('/api/metadata/publish').send({ bundle: relabelled });
    expect(second.status).toBe(201);
    expect(second.body.unchanged).toBe(false);
    expect((await audit('action=permissionChange')).filter((row) => row.recordId === String(second.body.version.number))).toEqual([]);

    // Rolling back to the first version changes the sets back: audited with the reverse diff.
    const rolledBack = await runtime.api().post('/api/metadata/rollback').send({ version: version - 1 });
    expect(rolledBack.status).toBe(201);
    const reverse = (await audit('action=permissionChange')).find((row) => row.recordId === String(rolledBack.body.version.number));
    const reverseUpdated = (reverse?.changes?.permissions as { updated: Array<{ from: { entities: { account: { read: string } } }; to: { entities: { account: { read: string } } } }> }).updated;
    expect(reverseUpdated.map((change) => [change.from.entities.account.read, change.to.entities.account.read])).toEqual([['own', 'team']]);
  });

  it('audits a change of a user\'s role or team as a permissionChange, and not a change of their display name', async () => {
    const user = await runtime.createUser({ username: 'mover', role: 'salesRep', team: 'East' });
    const managerRole = await runtime.ensureRole('salesManager');
    const west = (await runtime.api().post('/api/records/team').send({ name: 'West' })).body as { id: string };
    const current = (await runtime.api().get(`/api/records/user/${user.id}`)).body as { version: number; role: string; team: string };
    const moved = await runtime.api().patch(`/api/records/user/${user.id}`).send({ role: managerRole, team: west.id, displayName: 'Promoted', version: current.version });
    expect(moved.status).toBe(200);
    const rows = await audit(`entity=user&id=${user.id}`);
    expect(rows.map((row) => row.action)).toEqual(['permissionChange', 'update', 'create']);
    expect(rows[0]?.changes).toEqual({ role: { before: current.role, after: managerRole }, team: { before: current.team, after: west.id } });
    expect(rows[1]?.changes).toHaveProperty('displayName');

    const renamed = await runtime.api().patch(`/api/records/user/${user.id}`).send({ displayName: 'Just renamed', version: moved.body.version });
    expect(renamed.status).toBe(200);
    expect((await audit(`entity=user&id=${user.id}&action=permissionChange`))).toHaveLength(1);

    const role = (await runtime.api().get(`/api/records/role/${managerRole}`)).body as { version: number; parent: string | null };
    const reparented = await runtime.api().patch(`/api/records/role/${managerRole}`).send({ parent: null, version: role.version });
    expect(reparented.status).toBe(200);
    expect((await audit(`entity=role&id=${managerRole}&action=permissionChange`)).map((row) => row.changes)).toEqual([{ parent: { before: role.parent, after: null } }]);
  });
});
