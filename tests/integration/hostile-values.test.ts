// Targeted regressions for the values the hostile-input sweep sends (issue 12): non-finite numbers
// and out-of-range dates are refused at their path (400 in filters, 422 in writes) and never reach
// SQL; prototype names are unknown names; corrupt compressed bodies are 400; text refuses C0
// control characters; saved views cannot hold a filter the list refuses. SQLite and MariaDB.
import zlib from 'node:zlib';
import { UnbindableValueError } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { createAs, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

type Detail = { path: string; message: string; code?: string };
type ErrorResponse = { status: number; body: { error: { code: string; message: string; details: Detail[] } } };

/** superagent would JSON-encode a Buffer sent as application/json: send the bytes as they are. */
const raw = (body: unknown): string => body as string;
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe.each(testDialects())('hostile values on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let accountId: string;
  let dealId: string;
  let board: string;
  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
    accountId = (await createAs(runtime, runtime.users.manager, 'account', { name: 'Hostile Co' })).id;
    dealId = (await createAs(runtime, runtime.users.manager, 'opportunity', { name: 'Hostile deal', account: accountId, amount: 500, closeDate: '2026-12-01' })).id;
    board = ((await runtime.api().get('/api/boards')).body as { data: Array<{ name: string; entity: string }> }).data.find((item) => item.entity === 'opportunity')?.name ?? '';
  });
  afterAll(async () => runtime?.close());

  const expectError = (response: ErrorResponse, status: number, path: string, code?: string) => {
    expect([response.status, response.body.error.details.map((detail) => detail.path)]).toEqual([status, expect.arrayContaining([path])]);
    if (code) expect(response.body.error.details.find((detail) => detail.path === path)?.code).toBe(code);
    expect(response.body.error.message).not.toMatch(/SELECT|WHERE|Infinity/);
  };
  const count = async (entity: string): Promise<number> => ((await runtime.api().get(`/api/records/${entity}?pageSize=1`)).body as { total: number }).total;

  it('answers 400 at /filter/<field>/<op> for non-finite numbers on lists, boards and export, in both filter forms', async () => {
    for (const value of ['1e309', '-1e309', 'NaN', 'Infinity']) {
      const query = `filter[amount][gt]=${encodeURIComponent(value)}`;
      expectError(await runtime.api().get(`/api/records/opportunity?${query}`), 400, '/filter/amount/gt', 'badFilter');
      expectError(await runtime.api().get(`/api/records/opportunity/export?${query}`), 400, '/filter/amount/gt');
      expectError(await runtime.api().get(`/api/boards/${board}?${query}`), 400, '/filter/amount/gt');
    }
    // A JSON filter's number 1e309 parses as Infinity.
    const json = await runtime.api().get(`/api/records/opportunity?filter=${encodeURIComponent('[{"field":"amount","op":"gte","value":1e309}]')}`);
    expectError(json, 400, '/filter/amount/gte');
    expect((await runtime.api().get('/api/records/opportunity?filter[amount][gt]=1e308')).status).toBe(200);
  });

  it('refuses a non-finite number in the database layer itself: it throws and never inlines it', async () => {
    const database = runtime.system.database;
    for (const value of [Infinity, -Infinity, NaN]) {
      await expect(database.select(`SELECT ${database.quote('id')} FROM ${database.quote('opportunity')} WHERE ${database.quote('amount')} > $1`, [value])).rejects.toBeInstanceOf(UnbindableValueError);
    }
    await expect(database.update(`UPDATE ${database.quote('opportunity')} SET ${database.quote('amount')} = $1 WHERE ${database.quote('id')} = $2`, [Infinity, dealId])).rejects.toBeInstanceOf(UnbindableValueError);
    expect((await runtime.api().get(`/api/records/opportunity/${dealId}`)).body.amount).toBe(500);
  });

  it('refuses non-finite numbers in record bodies at their path', async () => {
    const response = await runtime.api().patch(`/api/records/opportunity/${dealId}`).set('Content-Type', 'application/json').send('{"amount":1e309}');
    expectError(response, 422, '/amount');
  });

  it('refuses dates and date-times outside 0001-01-01 … 9999-12-31 (UTC) with 422 at their path on create, update, import and transition data', async () => {
    const before = await count('opportunity');
    for (const closeDate of ['0000-01-01', '10000-01-01', '0000-12-31']) {
      expectError(await runtime.api().post('/api/records/opportunity').send({ name: 'Old deal', account: accountId, closeDate }), 422, '/closeDate', 'format');
      expectError(await runtime.api().patch(`/api/records/opportunity/${dealId}`).send({ closeDate }), 422, '/closeDate', 'format');
    }
    for (const startAt of ['9999-12-31T23:00:00-05:00', '0000-01-01T00:00:00Z', '0001-01-01T00:30:00+01:00', '+275760-09-13T00:00:00Z']) {
      expectError(await runtime.api().post('/api/records/activity').send({ subject: 'Call', startAt }), 422, '/startAt', 'format');
    }
    const csv = await runtime.api().post('/api/records/opportunity/import').set('Content-Type', 'text/csv').send(`name,account,closeDate\r\nOld,${accountId},0000-01-01\r\n`);
    expect(csv.status).toBe(422);
    expect(JSON.stringify(csv.body.error.details)).toMatch(/closeDate/);
    const json = await runtime.api().post('/api/records/opportunity/import').send({ records: [{ name: 'Late', account: accountId, closeDate: '10000-01-01' }] });
    expect(json.status).toBe(422);
    expect(await count('opportunity')).toBe(before);

    const events = ((await runtime.api().get(`/api/records/opportunity/${dealId}/transitions`)).body as { events?: Array<{ event: string }> }).events ?? [];
    if (events[0]) {
      const moved = await runtime.api().post(`/api/records/opportunity/${dealId}/transitions`).send({ event: events[0].event, data: { closeDate: '0000-01-01' } });
      expectError(moved, 422, '/data/closeDate');
    }
    // The edges are stored and read back as sent.
    const edges = await runtime.api().patch(`/api/records/opportunity/${dealId}`).send({ closeDate: '9999-12-31' });
    expect([edges.status, edges.body.closeDate]).toEqual([200, '9999-12-31']);
    const first = await runtime.api().patch(`/api/records/opportunity/${dealId}`).send({ closeDate: '0001-01-01' });
    expect([first.status, first.body.closeDate]).toEqual([200, '0001-01-01']);
  });

  it('answers 400 at the parameter for out-of-range dates in filters', async () => {
    expectError(await runtime.api().get('/api/records/opportunity?filter[closeDate][gte]=0000-01-01'), 400, '/filter/closeDate/gte');
    expectError(await runtime.api().get(`/api/records/activity?filter[startAt][lt]=${encodeURIComponent('9999-12-31T23:00:00-05:00')}`), 400, '/filter/startAt/lt');
    expectError(await runtime.api().get('/api/records/activity?filter[createdAt][gt]=0000-01-01T00:00:00Z'), 400, '/filter/createdAt/gt');
  });

  it('answers 4xx at /expiresAt for a token expiry past year 9999', async () => {
    for (const expiresAt of ['+275760-09-13T00:00:00Z', '9999-12-31T23:00:00-05:00', '10000-01-01T00:00:00Z']) {
      const response = await runtime.api().post('/api/auth/tokens').send({ name: 'far', expiresAt });
      expectError(response, 422, '/expiresAt');
    }
    expect((await runtime.api().post('/api/auth/tokens').send({ name: 'near', expiresAt: '9999-12-31T00:00:00Z' })).status).toBe(201);
  });

  it('treats prototype keys as unknown names in every name position', async () => {
    for (const name of PROTOTYPE_NAMES) {
      for (const path of [`/api/metadata/processes/${name}`, `/api/metadata/entities/${name}`, `/api/metadata/layouts/${name}`, `/api/reports/${name}`, `/api/boards/${name}`, `/api/records/${name}`, `/api/metadata/drafts/${name}`]) {
        const response = await runtime.api().get(path);
        expect([path, response.status < 500 && response.status >= 400, typeof response.body.error?.message]).toEqual([path, true, 'string']);
      }
      for (const query of [`filter[${name}][eq]=1`, `sort=${name}`, `fields=${name}`, `expand=${name}`]) {
        expect([query, (await runtime.api().get(`/api/records/opportunity?${query}`)).status]).toEqual([query, 400]);
      }
      const simulate = await runtime.api().post(`/api/metadata/processes/${name}/simulate`).send({ events: [] });
      expect(simulate.status).toBe(404);
    }
    const body = await runtime.api().post('/api/records/account').set('Content-Type', 'application/json').send('{"name":"Proto","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":"x"}');
    expect(body.status).toBe(422);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 400 in the error shape for corrupt gzip and br bodies, JSON and CSV', async () => {
    const corrupt = Buffer.concat([zlib.gzipSync('{"name":"x"}').subarray(0, 10), Buffer.from('not deflate data')]);
    for (const [encoding, type, path] of [['gzip', 'application/json', '/api/records/account'], ['br', 'application/json', '/api/records/account'], ['gzip', 'text/csv', '/api/records/account/import'], ['br', 'text/csv', '/api/records/account/import']] as const) {
      const response = await runtime.api().post(path).set('Content-Type', type).set('Content-Encoding', encoding).serialize(raw).send(corrupt);
      expect([encoding, type, response.status, response.body.error?.code]).toEqual([encoding, type, 400, 'badRequest']);
    }
    const good = await runtime.api().post('/api/records/account').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize(raw).send(zlib.gzipSync('{"name":"Zipped"}'));
    expect(good.status).toBe(201);
  });

  it('refuses NUL and other C0 control characters in text fields with 422 at the path; tab, LF, CR and other Unicode pass', async () => {
    for (const name of ['a\u0000b', 'a\u0001b', 'a\u001fb', 'a\u000bb']) {
      expectError(await runtime.api().post('/api/records/account').send({ name }), 422, '/name', 'controlCharacter');
      expectError(await runtime.api().patch(`/api/records/account/${accountId}`).send({ description: name }), 422, '/description', 'controlCharacter');
    }
    const csv = await runtime.api().post('/api/records/account/import').set('Content-Type', 'text/csv').send('name\r\n"bad\u0000name"\r\n');
    expect(csv.status).toBe(422);
    const fine = await runtime.api().post('/api/records/account').send({ name: 'Tab\there \u200b\u202e 中文', description: 'line one\nline two\r\n' });
    expect(fine.status).toBe(201);
    const found = await runtime.api().get(`/api/records/account?q=${encodeURIComponent('Tab\there')}`);
    expect(found.body.total).toBe(1);
  });

  it('saved views: a filter the list refuses is a 422 on save; a stored one makes the list answer 400, not 500', async () => {
    const saved = await runtime.api().post('/api/views').send({ entity: 'opportunity', name: 'Infinite', definition: { filters: [{ field: 'amount', op: 'gt', value: '1e309' }] } });
    expectError(saved, 422, '/definition/filters/0/value', 'badFilter');
    const old = await runtime.api().post('/api/views').send({ entity: 'opportunity', name: 'Old dates', definition: { filters: [{ field: 'closeDate', op: 'gte', value: '0000-01-01' }] } });
    expectError(old, 422, '/definition/filters/0/value');
    const good = await runtime.api().post('/api/views').send({ entity: 'opportunity', name: 'Big', definition: { filters: [{ field: 'amount', op: 'gt', value: '1000' }] } });
    expect([good.status, good.text]).toEqual([201, expect.anything()]);
    const patched = await runtime.api().patch(`/api/views/${String(good.body.id)}`).send({ definition: { filters: [{ field: 'amount', op: 'gt', value: 'NaN' }] } });
    expectError(patched, 422, '/definition/filters/0/value');
    // A view stored before this check: it still lists, and opening it is a 400 at the filter.
    const database = runtime.system.database;
    await database.update(`UPDATE ${database.quote('stagecraft_saved_views')} SET ${database.quote('definition')} = $1 WHERE ${database.quote('id')} = $2`, [JSON.stringify({ filters: [{ field: 'amount', op: 'gt', value: '1e309' }], sort: '' }), String(good.body.id)]);
    const views = await runtime.api().get('/api/views?entity=opportunity');
    expect(views.status).toBe(200);
    const stored = (views.body as { data: Array<{ id: string; definition: { filters: unknown[] } }> }).data.find((view) => view.id === good.body.id);
    const opened = await runtime.api().get(`/api/records/opportunity?filter=${encodeURIComponent(JSON.stringify(stored?.definition.filters))}`);
    expectError(opened, 400, '/filter/amount/gt');
  });

  it('migrating a process from the live version to itself moves nothing (no 500 on MySQL, where an unchanged row counts as not updated)', async () => {
    const processes = ((await runtime.api().get('/api/metadata/processes')).body as { data: Array<{ name: string; entity: string }> }).data;
    const name = processes.find((process) => process.entity === 'opportunity')?.name ?? '';
    const live = ((await runtime.api().get(`/api/metadata/processes/${name}`)).body as { metadataVersion: number }).metadataVersion;
    const response = await runtime.api().post(`/api/metadata/processes/${name}/migrate`).send({ fromVersion: live, mapping: {} });
    expect([response.status, response.body.migrated]).toEqual([200, 0]);
  });
});
