// The hostile-input sweep: every route of the app's own OpenAPI document (the publishing routes
// with bodies of their own) gets each category of hostile input at least once — non-finite
// numbers, out-of-range dates, prototype keys, corrupt compressed bodies, oversized and deeply
// nested bodies, control characters, megabyte strings — in its path, query and body. Whatever it
// sends, the app never answers 5xx, a 4xx has the error shape, a refused write changes nothing
// (a fingerprint of every table), and no object prototype gets polluted.
import zlib from 'node:zlib';
import type { Response } from 'supertest';
import { testDialects } from '../support/databases';
import { startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

type Json = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Schema { type?: string | string[]; format?: string; enum?: unknown[]; properties?: Record<string, Schema>; items?: Schema; $ref?: string; oneOf?: Schema[]; anyOf?: Schema[] }
interface Parameter { name: string; in: string; schema?: Schema; $ref?: string }
interface Operation { method: Method; path: string; pathParams: string[]; query: Parameter[]; body?: Schema; bodyTypes: string[]; entity?: string }

/** A body leaf's hostile value, or undefined for a plausible one. */
type Leaf = (schema: Schema, key: string) => unknown;
interface Variant { path: string; query: string; body?: string | Buffer; headers?: Record<string, string>; label: string }

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const NON_FINITE = ['1e309', '-1e309', 'NaN'];
const BAD_DATES = ['10000-01-01', '0000-01-01T00:00:00Z', '9999-12-31T23:00:00-05:00', '+275760-09-13T00:00:00Z'];
const CONTROL = ['a\u0000b', 'a\u200bb', 'a\u202eb'];
const MEGABYTE = 'x'.repeat(1024 * 1024);
/** Query strings stay under Node's 16 KB header limit (past it Node itself answers 431). */
const LONG_QUERY_VALUE = 'x'.repeat(12_000);
const WRITE_METHODS = new Set<Method>(['post', 'put', 'patch', 'delete']);
/** A raw JSON number in a body: JSON.stringify cannot write 1e309, so it is spliced in after. */
const rawNumber = (text: string) => `@@RAW(${text})@@`;
const PROTO_MARK = '@@PROTO@@';

/** JSON text of a body; each object's mark becomes the prototype keys, or nothing. */
function serialise(value: unknown, withPrototypeKeys = false): string {
  const keys = PROTO_KEYS.map((key) => `${JSON.stringify(key)}:{"polluted":true}`).join(',');
  return JSON.stringify(value)
    .replace(/"@@RAW\(([^)]*)\)@@"/g, '$1')
    .replace(new RegExp(`"${PROTO_MARK}":1,?`, 'g'), (mark) => (withPrototypeKeys ? keys + (mark.endsWith(',') ? ',' : '') : ''));
}

function deepJson(levels: number): string {
  return `{"name":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

describe.each(testDialects())('hostile input on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let document: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } } & Parameter[]>>; components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter> } };
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  const entityOfName: Record<string, string> = {};

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
    const api = () => runtime.api();
    document = (await api().get('/api/openapi.json')).body;
    const account = (await api().post('/api/records/account').send({ name: 'Sweep account' })).body as Json;
    ids.account = String(account.id);
    const opportunity = await api().post('/api/records/opportunity').send({ name: 'Sweep deal', account: account.id, amount: 1000, closeDate: '2026-12-01' });
    if (opportunity.status === 201) ids.opportunity = String(opportunity.body.id);
    const lead = await api().post('/api/records/lead').send({ firstName: 'Sweep', lastName: 'Lead', company: 'Sweep Co', email: 'sweep@example.com' });
    if (lead.status === 201) ids.lead = String(lead.body.id);
    for (const path of Object.keys(document.paths)) {
      const match = /^\/api\/records\/([A-Za-z]+)$/.exec(path);
      if (!match?.[1] || ids[match[1]]) continue;
      const page = await api().get(`/api/records/${match[1]}?pageSize=1`);
      const first = (page.body as { data?: Json[] }).data?.[0];
      if (first) ids[match[1]] = String(first.id);
    }
    const victim = await runtime.createUser({ username: 'sweep-victim', password: 'sweep-password-1' });
    ids.user = victim.id;
    const token = await api().post('/api/auth/tokens').send({ name: 'sweep token' });
    ids.token = String(token.body.id);
    const view = await api().post('/api/views').send({ entity: 'opportunity', name: 'Sweep view', definition: { filters: [] } });
    ids.view = String(view.body.id);
    ids.notification = '00000000-0000-4000-8000-000000000000';
    for (const [list, key] of [['/api/metadata/processes', 'process'], ['/api/reports', 'report'], ['/api/boards', 'board'], ['/api/metadata/layouts', 'layout']] as const) {
      const rows = ((await api().get(list)).body as { data: Array<{ name: string; entity?: string }> }).data;
      const first = rows.find((row) => row.entity === 'opportunity') ?? rows[0];
      if (first) {
        names[key] = first.name;
        if (first.entity) entityOfName[`${key}:${first.name}`] = first.entity;
      }
    }
    const board = (await api().get(`/api/boards/${names.board}`)).body as { columns?: Array<{ value: string }> };
    names.column = board.columns?.[0]?.value ?? 'x';
  });
  afterAll(async () => runtime?.close());

  /** The body limit of the route's parser (the harness's record limit is 1 MB). */
  const bodyLimitOf = (operation: Operation): number =>
    operation.path.endsWith('/import') ? 10 * 1024 * 1024 : /^\/api\/metadata\/(plan|publish|rollback|drafts)/.test(operation.path) ? 5 * 1024 * 1024 : operation.path.startsWith('/api/views') ? 16 * 1024 : 1024 * 1024;

  const resolve = <T extends { $ref?: string }>(item: T): T => {
    if (!item.$ref) return item;
    const [, , section, name] = item.$ref.split('/');
    return resolve((document.components as unknown as Record<string, Record<string, T>>)[section ?? '']?.[name ?? ''] as T);
  };

  /** Administrators' publishing endpoints, swept with bodies of their own (below). */
  const PUBLISHING = /^\/api\/metadata\/(versions|plan|publish|rollback|drafts)/;

  function operations(): Operation[] {
    const result: Operation[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      if (PUBLISHING.test(path)) continue;
      const shared = ((item as unknown as { parameters?: Parameter[] }).parameters ?? []).map(resolve);
      for (const [method, operation] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const parameters = [...shared, ...(operation.parameters ?? []).map(resolve)];
        const content = operation.requestBody?.content ?? {};
        const entity = /^\/api\/records\/([A-Za-z]+)/.exec(path)?.[1];
        result.push({
          method: method as Method,
          path,
          pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
          query: parameters.filter((parameter) => parameter.in === 'query'),
          ...(content['application/json'] ? { body: resolve(content['application/json'].schema) } : {}),
          bodyTypes: Object.keys(content),
          ...(entity ? { entity } : {}),
        });
      }
    }
    // The publishing routes get bodies of their own, never with `confirm`: a filled-in publish or
    // rollback would change the schema under the sweep. They take names too.
    const bundle: Schema = { type: 'object', properties: { bundle: { type: 'object' }, version: { type: 'integer' }, name: { type: 'string' } } };
    for (const [method, path] of [['get', '/api/metadata/versions'], ['get', '/api/metadata/drafts'], ['get', '/api/metadata/versions/{number}'], ['post', '/api/metadata/plan'], ['post', '/api/metadata/rollback'], ['get', '/api/metadata/drafts/{name}'], ['put', '/api/metadata/drafts/{name}'], ['post', '/api/metadata/drafts/{name}/publish'], ['delete', '/api/metadata/drafts/{name}']] as const) {
      result.push({ method, path, pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''), query: [], ...(method === 'get' || method === 'delete' ? {} : { body: bundle }), bodyTypes: method === 'get' || method === 'delete' ? [] : ['application/json'] });
    }
    // Deletes last, so the records and tokens the other routes address still exist.
    return result.sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete') || Number(a.path.includes('logout')) - Number(b.path.includes('logout')));
  }

  /** The entity a route's filters and body fields belong to. */
  function entityOf(operation: Operation): string | undefined {
    if (operation.entity) return operation.entity;
    if (operation.path.startsWith('/api/boards/')) return entityOfName[`board:${names.board}`];
    if (operation.path.startsWith('/api/reports/')) return entityOfName[`report:${names.report}`];
    if (operation.path.startsWith('/api/views')) return 'opportunity';
    return undefined;
  }

  function realParam(operation: Operation, param: string): string {
    const { path } = operation;
    if (operation.entity && param === 'id') return ids[operation.entity] ?? '00000000-0000-4000-8000-000000000000';
    if (path.startsWith('/api/auth/users/')) return ids.user ?? '';
    if (path.startsWith('/api/auth/tokens/')) return ids.token ?? '';
    if (path.startsWith('/api/views/')) return ids.view ?? '';
    if (path.startsWith('/api/notifications/')) return ids.notification ?? '';
    if (path.startsWith('/api/metadata/processes/')) return names.process ?? 'x';
    if (path.startsWith('/api/metadata/layouts/')) return names.layout ?? 'x';
    if (path.startsWith('/api/metadata/entities/')) return 'opportunity';
    if (path.startsWith('/api/metadata/versions/')) return '1';
    if (path.startsWith('/api/metadata/drafts/')) return 'sweep-draft';
    if (path.startsWith('/api/reports/')) return names.report ?? 'x';
    if (path.startsWith('/api/boards/')) return param === 'value' ? (names.column ?? 'x') : (names.board ?? 'x');
    return 'x';
  }

  const fieldsOf = (entity: string | undefined): Record<string, Schema> => {
    if (!entity) return {};
    const schema = document.components.schemas[entity.charAt(0).toUpperCase() + entity.slice(1)];
    return schema?.properties ?? {};
  };
  const isNumeric = (schema: Schema) => [schema.type].flat().some((type) => type === 'number' || type === 'integer');
  const isDate = (schema: Schema) => schema.format === 'date' || schema.format === 'date-time';

  function plausible(schema: Schema, key: string): unknown {
    if (schema.enum?.length) return schema.enum[0];
    if (isNumeric(schema)) return 1;
    if (schema.format === 'date') return '2026-01-01';
    if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
    if ([schema.type].flat().includes('boolean')) return true;
    return key === 'email' ? 'sweep@example.com' : 'sweep';
  }

  /**
   * A body for the schema where every leaf gets `leaf`'s value (or a plausible one); objects with
   * no properties get the entity's fields. Sparse: only the hostile leaves and required
   * properties, so the hostile value is the only fault and travels as deep as it can.
   */
  function fill(schema: Schema | undefined, entity: string | undefined, leaf: Leaf, sparse: boolean, depth = 0, key = ''): unknown {
    const resolved = schema ? resolve(schema) : {};
    const variant = resolved.oneOf?.[0] ?? resolved.anyOf?.[0];
    if (variant) return fill(variant, entity, leaf, sparse, depth, key);
    const types = [resolved.type].flat();
    if (types.includes('object') || resolved.properties) {
      if (depth > 3) return sparse ? undefined : {};
      const properties = resolved.properties && Object.keys(resolved.properties).length > 0 ? resolved.properties : fieldsOf(entity);
      const required = new Set((resolved as { required?: string[] }).required ?? []);
      const object: Json = { [PROTO_MARK]: 1 };
      let isHostile = false;
      for (const [name, property] of Object.entries(properties)) {
        if (['id', 'version', 'createdAt', 'updatedAt'].includes(name) && properties !== resolved.properties) continue;
        const value = fill(property, entity, leaf, sparse, depth + 1, name);
        if (value !== undefined) isHostile = true;
        if (value !== undefined || !sparse) object[name] = value;
        else if (required.has(name)) object[name] = fill(property, entity, () => undefined, false, depth + 1, name);
      }
      return sparse && !isHostile && depth > 0 ? undefined : object;
    }
    if (types.includes('array')) {
      const item = fill(resolved.items, entity, leaf, sparse, depth + 1, key);
      return item === undefined ? undefined : [item];
    }
    const hostile = leaf(resolved, key);
    return hostile !== undefined ? hostile : sparse ? undefined : plausible(resolved, key);
  }

  function variants(operation: Operation): Variant[] {
    const entity = entityOf(operation);
    const fields = fieldsOf(entity);
    const numberField = Object.keys(fields).find((name) => isNumeric(fields[name] ?? {}) && name !== 'version') ?? 'version';
    const dateField = Object.keys(fields).find((name) => isDate(fields[name] ?? {}) && !['createdAt', 'updatedAt'].includes(name)) ?? 'createdAt';
    const realPath = (replace?: { param: string; value: string }) =>
      operation.path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(replace?.param === param ? replace.value : realParam(operation, param)));
    const queryWith = (value: string, filterField?: string) => {
      const parts = operation.query.filter((parameter) => parameter.name !== 'filter').map((parameter) => `${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`);
      if (operation.query.some((parameter) => parameter.name === 'filter') && filterField) parts.push(`filter[${filterField}][gt]=${encodeURIComponent(value)}`, `filter[${filterField}][eq]=${encodeURIComponent(value)}`);
      return parts.join('&');
    };
    const jsonBody = (leaf: Leaf) => (operation.body ? serialise(fill(operation.body, entity, leaf, true)) : undefined);
    const fullBody = (leaf: Leaf) => serialise(fill(operation.body, entity, leaf, false));
    const hasBody = operation.bodyTypes.length > 0;
    const list: Variant[] = [];
    const add = (label: string, variant: Omit<Variant, 'label'>) => list.push({ label, ...variant });
    const eachPathParam = (label: string, values: readonly string[]) => {
      for (const param of operation.pathParams) for (const value of values) add(`${label} in path {${param}}`, { path: realPath({ param, value }), query: '', ...(hasBody ? { body: operation.body ? fullBody(() => undefined) : '{}' } : {}) });
    };

    // Non-finite numbers.
    eachPathParam('non-finite', ['1e309']);
    NON_FINITE.forEach((value) => {
      const body = jsonBody((schema) => (value === 'NaN' ? (isNumeric(schema) ? 'NaN' : undefined) : isNumeric(schema) ? rawNumber(value) : undefined));
      add(`non-finite ${value}`, { path: realPath(), query: queryWith(value, numberField), ...(body !== undefined ? { body } : {}) });
    });
    if (operation.body) add('non-finite in every body leaf', { path: realPath(), query: '', body: fullBody(() => rawNumber('1e309')) });

    // Dates outside year 1–9999.
    eachPathParam('bad date', [BAD_DATES[0] ?? '']);
    BAD_DATES.forEach((value) => {
      const body = jsonBody((schema) => (isDate(schema) ? value : undefined));
      add(`bad date ${value}`, { path: realPath(), query: queryWith(value, dateField), ...(body !== undefined ? { body } : {}) });
    });
    if (operation.body) add('bad date in every string leaf', { path: realPath(), query: '', body: fullBody((schema) => (isNumeric(schema) ? undefined : BAD_DATES[3])) });

    // Prototype keys: every path position, query names, filter/sort/fields/expand names, body keys.
    eachPathParam('prototype key', PROTO_KEYS);
    PROTO_KEYS.forEach((key) => {
      const names = ['sort', 'fields', 'expand', 'entity', 'process', 'event', 'key', 'locale'].filter((name) => operation.query.some((parameter) => parameter.name === name));
      const query = [`${encodeURIComponent(key)}=1`, `filter[${key}][eq]=1`, ...names.map((name) => `${name}=${key}`)].join('&');
      const body = operation.body ? serialise(fill(operation.body, entity, (schema) => (isNumeric(schema) || schema.enum ? undefined : key), false), true) : undefined;
      add(`prototype key ${key}`, { path: realPath(), query, ...(body !== undefined ? { body } : {}) });
    });

    // Corrupt compressed bodies (sent to every route; routes without a body parser ignore them).
    add('corrupt gzip', { path: realPath(), query: '', body: Buffer.concat([zlib.gzipSync('{"name":"x"}').subarray(0, 12), Buffer.from('garbage!garbage!')]), headers: { 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' } });
    add('corrupt br', { path: realPath(), query: '', body: Buffer.from('not brotli at all, not at all'), headers: { 'Content-Encoding': 'br', 'Content-Type': 'application/json' } });
    if (operation.bodyTypes.includes('text/csv')) add('corrupt gzip csv', { path: realPath(), query: '', body: Buffer.from('\x1f\x8b\x08\x00garbage'), headers: { 'Content-Encoding': 'gzip', 'Content-Type': 'text/csv' } });

    // Bodies past the limit, and deep nesting.
    if (hasBody) {
      add('huge body', { path: realPath(), query: '', body: `{"name":"${'x'.repeat(bodyLimitOf(operation) + 1024)}"}` });
      add('deep nesting', { path: realPath(), query: '', body: deepJson(10_000) });
      add('deep nesting at the top', { path: realPath(), query: '', body: `${'['.repeat(10_000)}${']'.repeat(10_000)}` });
    } else {
      add('huge query', { path: realPath(), query: `${operation.query[0]?.name ?? 'x'}=${LONG_QUERY_VALUE}` });
      add('deep filter', { path: realPath(), query: `filter=${'%5B'.repeat(2_000)}${'%5D'.repeat(2_000)}` });
    }

    // Control characters.
    eachPathParam('control characters', [CONTROL[0] ?? '']);
    CONTROL.forEach((value) => {
      const body = jsonBody((schema) => (isNumeric(schema) || schema.enum || isDate(schema) ? undefined : value));
      add(`control ${JSON.stringify(value)}`, { path: realPath(), query: queryWith(value, 'name') + `&q=${encodeURIComponent(value)}`, ...(body !== undefined ? { body } : {}) });
    });

    // Megabyte strings (in the body; a query string that long is refused by Node itself).
    let isFirst = true;
    const bigBody = jsonBody((schema) => {
      if (isNumeric(schema) || schema.enum || isDate(schema) || !isFirst) return undefined;
      isFirst = false;
      return MEGABYTE;
    });
    add('1 MB strings', { path: realPath(), query: `${operation.query[0]?.name ?? 'x'}=${LONG_QUERY_VALUE}`, ...(bigBody !== undefined ? { body: bigBody } : {}) });
    return list;
  }

  let fingerprintSql: string | undefined;
  /** Row counts and version sums of every table: changes whenever anything is written. */
  async function fingerprint(): Promise<string> {
    const database = runtime.system.database;
    const q = (name: string) => database.quote(name);
    if (!fingerprintSql) {
      const tables = dialect === 'sqlite'
        ? await database.select(`SELECT name AS ${q('t')} FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`, [])
        : await database.select(`SELECT table_name AS ${q('t')} FROM information_schema.tables WHERE table_schema = DATABASE()`, []);
      const versioned = dialect === 'sqlite'
        ? await database.select(`SELECT m.name AS ${q('t')} FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'version'`, [])
        : await database.select(`SELECT table_name AS ${q('t')} FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'version'`, []);
      const withVersion = new Set(versioned.map((row) => String(row.t)));
      // Failed logins are counted on purpose (throttling); an autonumber's counter row is created
      // on first use, outside the write (it holds no data: the next number is the same).
      fingerprintSql = tables
        .map((row) => String(row.t))
        .filter((table) => !/login_failures|stagecraft_sequences/i.test(table))
        .map((table) => `SELECT '${table}' AS ${q('t')}, COUNT(*) AS ${q('n')}, ${withVersion.has(table) ? `COALESCE(SUM(${q('version')}), 0)` : '0'} AS ${q('v')} FROM ${q(table)}`)
        .join(' UNION ALL ');
    }
    const rows = await database.select(fingerprintSql, []);
    return rows.map((row) => `${String(row.t)}:${String(row.n)}:${String(row.v)}`).sort().join(' ');
  }

  it('answers every hostile request of every route without a 5xx, in the error shape, writing nothing it refuses', async () => {
    const started = Date.now();
    const failures: string[] = [];
    const refusedWrites: string[] = [];
    const logoutToken = (await runtime.api().post('/api/auth/tokens').send({ name: 'logout' })).body as { token?: string };
    let last = await fingerprint();
    let sent = 0;
    const all = operations();
    for (const operation of all) {
      for (const variant of variants(operation)) {
        const url = variant.query ? `${variant.path}?${variant.query}` : variant.path;
        // Logging out would end the sweep's own session: it uses a token of its own.
        const token = operation.path === '/api/auth/logout' ? (logoutToken.token ?? runtime.admin.token) : runtime.admin.token;
        let call = runtime.as(token)[operation.method](url);
        if (variant.body !== undefined) {
          call = call.set('Content-Type', variant.headers?.['Content-Type'] ?? (operation.bodyTypes.includes('application/json') || operation.bodyTypes.length === 0 ? 'application/json' : (operation.bodyTypes[0] ?? 'application/json')));
          for (const [name, value] of Object.entries(variant.headers ?? {})) call = call.set(name, value);
          // superagent would JSON-encode a Buffer sent as JSON: compressed bodies go as raw bytes.
          call = typeof variant.body === 'string' ? call.send(variant.body) : call.serialize((body: unknown) => body as string).send(variant.body);
        }
        let response: Response;
        try {
          response = await call;
        } catch (error) {
          failures.push(`${operation.method.toUpperCase()} ${operation.path} [${variant.label}]: the connection failed (${String(error)})`);
          continue;
        }
        sent += 1;
        const where = `${operation.method.toUpperCase()} ${operation.path} [${variant.label}] → ${response.status}`;
        if (response.status >= 500) failures.push(`${where}: ${JSON.stringify(response.body).slice(0, 300)}`);
        else if (response.status >= 400) {
          const error = (response.body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
          if (typeof error?.code !== 'string' || typeof error.message !== 'string' || !Array.isArray(error.details)) failures.push(`${where}: not the error shape: ${String(response.text).slice(0, 200)}`);
        }
        if (WRITE_METHODS.has(operation.method)) {
          const now = await fingerprint();
          // A failed login is recorded on purpose (throttling and audit): only other refusals must write nothing.
          if (response.status >= 400 && now !== last && operation.path !== '/api/auth/login') {
            const before = new Set(last.split(' '));
            refusedWrites.push(`${where}: ${now.split(' ').filter((part) => !before.has(part)).join(' ')}`);
          }
          last = now;
        }
        if (({} as Json).polluted !== undefined || (Object.prototype as Json).polluted !== undefined) failures.push(`${where}: polluted Object.prototype`);
      }
    }
    expect({ failures, refusedWrites }).toEqual({ failures: [], refusedWrites: [] });
    // Every route was reached, each with every category.
    expect(sent).toBeGreaterThan(all.length * 15);
    console.log(`hostile sweep on ${dialect}: ${sent} requests to ${all.length} routes in ${Date.now() - started} ms`);
  }, 300_000);
});
