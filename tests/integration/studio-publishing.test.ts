// What the studio needs from the server, on SQLite and MariaDB: its page at /studio goes to
// administrators only (anyone else gets the end-user app's page); a draft published against a live
// version that has changed since is refused (409, nothing published); a rollback can be planned
// without publishing, and turns renames made since then around so no value is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityDocument, MetadataBundle } from '@stagecraft/core';
import { createApp } from '@stagecraft/runtime';
import request from 'supertest';
import { testDialects } from '../support/databases';
import { ADMIN_PASSWORD, createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

function withAccount(bundle: MetadataBundle, change: (account: EntityDocument) => void): MetadataBundle {
  const next = structuredClone(bundle);
  change(next.entities.account as EntityDocument);
  return next;
}

describe.each(testDialects())('studio publishing on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  const live = async (): Promise<MetadataBundle> => (await runtime.api().get(`/api/metadata/versions/${(await runtime.api().get('/api/metadata/versions')).body.live}`)).body.bundle as MetadataBundle;

  it('serves the studio page to administrators only', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-studio-'));
    for (const [name, title] of [['web', 'end-user app'], ['studio', 'studio']] as const) {
      fs.mkdirSync(path.join(folder, name, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(folder, name, 'index.html'), `<!doctype html><title>${title}</title>`);
    }
    try {
      const app = createApp({
        database: runtime.system.database, repository: runtime.system.repository, live: runtime.live, records: runtime.records, auth: runtime.auth, workflow: runtime.workflow,
        config: { bodyLimit: '1mb', metadataBodyLimit: '5mb', isProduction: false }, webRoot: path.join(folder, 'web'), studioRoot: path.join(folder, 'studio'), log: () => undefined,
      });
      const rep = await runtime.createUser({ username: 'studio-rep', password: 'rep-password-1', role: 'salesRep' });
      const signIn = async (username: string, password: string): Promise<string> => {
        const response = await request(app).post('/api/auth/login').send({ username, password });
        expect(response.status).toBe(200);
        return String(response.headers['set-cookie']?.[0]).split(';')[0] ?? '';
      };
      const page = (cookie?: string) => {
        const call = request(app).get('/studio/entities/account').set('Accept', 'text/html');
        return cookie ? call.set('Cookie', cookie) : call;
      };
      const asAdmin = await page(await signIn('admin', ADMIN_PASSWORD));
      expect([asAdmin.status, asAdmin.text, asAdmin.headers['cache-control']]).toEqual([200, expect.stringContaining('studio'), 'no-store']);
      expect(asAdmin.headers['content-security-policy']).toMatch(/script-src 'self' 'unsafe-eval'/);
      for (const response of [await page(await signIn(rep.username, 'rep-password-1')), await page()]) {
        expect([response.status, response.text]).toEqual([200, expect.stringContaining('end-user app')]);
      }
      // A bearer token is no session: the page is the browser's, signed in with the cookie.
      expect((await page().set('Authorization', `Bearer ${runtime.admin.token}`)).text).toContain('end-user app');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a draft whose base version is no longer live, publishing nothing', async () => {
    const base = (await runtime.api().get('/api/metadata/versions')).body.live as number;
    const mine = withAccount(await live(), (account) => account.fields.push({ name: 'studioNote', type: 'text', label: 'Note' }));
    expect((await runtime.api().put('/api/metadata/drafts/studio').send({ bundle: mine })).status).toBe(200);
    // Another administrator publishes meanwhile.
    const theirs = withAccount(await live(), (account) => account.fields.push({ name: 'otherNote', type: 'text', label: 'Other' }));
    expect((await runtime.api().post('/api/metadata/publish').send({ bundle: theirs })).status).toBe(201);
    const refused = await runtime.api().post('/api/metadata/drafts/studio/publish').send({ baseVersion: base });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: '/baseVersion', code: 'liveVersionChanged' })]);
    expect((await runtime.api().get('/api/metadata/versions')).body.live).toBe(base + 1);
    expect((await runtime.api().get('/api/metadata/drafts/studio')).status).toBe(200);
    const bad = await runtime.api().post('/api/metadata/drafts/studio/publish').send({ baseVersion: 'latest' });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, '/baseVersion']);
    // Published knowingly over the other version (the draft lacks its field: retiring it needs confirmation).
    const published = await runtime.api().post('/api/metadata/drafts/studio/publish').send({ baseVersion: base + 1, confirm: true });
    expect(published.status).toBe(201);
  });

  it('plans a rollback without publishing, and rolls back across a rename keeping the values', async () => {
    const before = (await runtime.api().get('/api/metadata/versions')).body.live as number;
    const account = await createThroughApi(runtime, 'account', { name: 'Renamed Co', website: 'https://renamed.example' });
    const renamed = withAccount(await live(), (document) => {
      const field = document.fields.find((candidate) => candidate.name === 'website');
      if (!field) throw new Error('the example account lost its website field');
      Object.assign(field, { name: 'homepage', renamedFrom: 'website' });
      document.searchFields = document.searchFields?.map((name) => (name === 'website' ? 'homepage' : name));
    });
    expect((await runtime.api().post('/api/metadata/publish').send({ bundle: renamed })).status).toBe(201);
    expect((await runtime.api().get(`/api/records/account/${account.id}`)).body.homepage).toBe('https://renamed.example');

    const planned = await runtime.api().post('/api/metadata/rollback').send({ version: before, dryRun: true });
    expect(planned.status).toBe(200);
    expect(planned.body.plan.steps).toEqual([expect.objectContaining({ kind: 'renameColumn', destructive: false })]);
    expect((await runtime.api().get('/api/metadata/versions')).body.live).toBe(before + 1);

    const rolledBack = await runtime.api().post('/api/metadata/rollback').send({ version: before });
    expect(rolledBack.status).toBe(201);
    const record = (await runtime.api().get(`/api/records/account/${account.id}`)).body as Record<string, unknown>;
    expect(record.website).toBe('https://renamed.example');
    expect(record).not.toHaveProperty('homepage');
  });

  it('keeps a removed field\'s values: listed to administrators, restored by a rollback, purged only when confirmed', async () => {
    const before = (await runtime.api().get('/api/metadata/versions')).body.live as number;
    const account = await createThroughApi(runtime, 'account', { name: 'Kept Co', phone: '+86 10 5555 0101' });
    const withoutPhone = withAccount(await live(), (document) => {
      document.fields = document.fields.filter((field) => field.name !== 'phone');
      document.searchFields = document.searchFields?.filter((name) => name !== 'phone');
    });
    expect((await runtime.api().post('/api/metadata/publish').send({ bundle: withoutPhone, confirm: true })).status).toBe(201);
    const listed = await runtime.api().get('/api/metadata/retired-fields');
    expect(listed.status).toBe(200);
    const kept = (listed.body.data as Array<{ entity: string; table: string; retiredName: string; retiredInVersion: number; field: { name: string } }>).find((candidate) => candidate.field.name === 'phone');
    expect(kept).toMatchObject({ entity: 'account', table: 'account', retiredInVersion: before + 1, retiredName: `_dropped_v${before + 1}_phone` });
    const rep = await runtime.createUser({ username: 'retired-rep', password: 'retired-rep-1', role: 'salesRep' });
    expect((await runtime.as(rep.token).get('/api/metadata/retired-fields')).status).toBe(403);

    const planned = await runtime.api().post('/api/metadata/rollback').send({ version: before, dryRun: true });
    expect(planned.body.plan.steps).toEqual([expect.objectContaining({ kind: 'restoreColumn', from: kept?.retiredName, destructive: false })]);
    expect((await runtime.api().post('/api/metadata/rollback').send({ version: before })).status).toBe(201);
    expect((await runtime.api().get(`/api/records/account/${account.id}`)).body.phone).toBe('+86 10 5555 0101');

    expect((await runtime.api().post('/api/metadata/publish').send({ bundle: withoutPhone, confirm: true })).status).toBe(201);
    const again = ((await runtime.api().get('/api/metadata/retired-fields')).body.data as Array<{ table: string; retiredName: string; field: { name: string } }>).find((candidate) => candidate.field.name === 'phone');
    const purge = (body: object) => runtime.api().post('/api/metadata/retired-fields/purge').send(body);
    expect((await purge({ table: 'account' })).body.error).toMatchObject({ code: 'badRequest', details: [expect.objectContaining({ path: '/retiredName' })] });
    expect((await purge({ table: again?.table, retiredName: again?.retiredName })).status).toBe(409);
    expect((await purge({ table: 'account', retiredName: 'name', confirm: true })).status).toBe(404);
    expect((await runtime.as(rep.token).post('/api/metadata/retired-fields/purge').send({ table: again?.table, retiredName: again?.retiredName, confirm: true })).status).toBe(403);
    const purged = await purge({ table: again?.table, retiredName: again?.retiredName, confirm: true });
    expect(purged.status).toBe(200);
    expect(purged.body.statements).toEqual([expect.stringMatching(/DROP COLUMN/)]);
    expect(((await runtime.api().get('/api/metadata/retired-fields')).body.data as unknown[]).some((candidate) => (candidate as { field: { name: string } }).field.name === 'phone')).toBe(false);
    const audit = await runtime.api().get('/api/audit?action=purge');
    expect(audit.body.data).toEqual([expect.objectContaining({ action: 'purge', entity: 'account', recordId: again?.retiredName })]);
  });
});
