// The HTTP contract, checked against the server itself on SQLite and MariaDB: the OpenAPI document
// the server publishes (`/api/openapi.json`) must describe what it answers. Each request here is
// sent as a client generated from the document would send it — its `servers` URL joined with the
// path — and each answer is validated (ajv, JSON Schema 2020-12, which OpenAPI 3.1 schemas are)
// against the schema the document gives for that path, method and status.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';

interface OpenApiDocument {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

/** A JSON pointer as a URI fragment: each segment escaped (`~0`, `~1`) and percent-encoded (`{id}`). */
function pointer(...segments: string[]): string {
  return segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

describe.each(testDialects())('the OpenAPI document describes the answers on %s', (dialect) => {
  let runtime: TestRuntime;
  let document: OpenApiDocument;
  let ajv: Ajv2020;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    document = (await runtime.api().get('/api/openapi.json')).body as OpenApiDocument;
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(document as object, 'openapi');
  });
  afterAll(async () => runtime?.close());

  /** The URL a generated client calls for a documented path: the server URL joined with it. */
  const clientUrl = (path: string): string => `${(document.servers?.[0]?.url ?? '').replace(/\/$/, '')}${path}`;

  async function expectDocumented(method: 'get' | 'post' | 'patch' | 'put', template: string, path: string, body?: object): Promise<Record<string, unknown>> {
    const url = clientUrl(path);
    const call = runtime.api()[method](url);
    const response = body === undefined ? await call : await call.send(body);
    const operation = document.paths[template]?.[method];
    expect([template, method, operation === undefined ? 'undocumented' : 'documented']).toEqual([template, method, 'documented']);
    const status = String(response.status);
    const documented = operation?.responses?.[status] as ({ $ref?: string } & object) | undefined;
    expect([url, status, documented === undefined ? 'undocumented status' : 'ok']).toEqual([url, status, 'ok']);
    // A shared response (`$ref: #/components/responses/…`) holds the content itself.
    const base = documented?.$ref?.startsWith('#/') ? documented.$ref.slice(2).split('/').map((segment) => decodeURIComponent(segment)) : ['paths', template, method, 'responses', status];
    const schemaPath = `openapi#/${pointer(...base, 'content', 'application/json', 'schema')}`;
    const validate = ajv.compile({ $ref: schemaPath });
    const isValid = validate(response.body);
    expect([`${method.toUpperCase()} ${url} → ${status}`, isValid ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message ?? ''}`)]).toEqual([`${method.toUpperCase()} ${url} → ${status}`, []]);
    return response.body as Record<string, unknown>;
  }

  it('gives servers and paths that together name the real addresses', async () => {
    expect(clientUrl('/api/records/account')).toBe('/api/records/account');
  });

  it('describes record reads and writes', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Contract Co', website: 'https://contract.example' });
    await expectDocumented('get', '/api/records/account', '/api/records/account?pageSize=5');
    await expectDocumented('get', '/api/records/account/{id}', `/api/records/account/${account.id}`);
    await expectDocumented('post', '/api/records/account', '/api/records/account', { name: 'Contract Two' });
    await expectDocumented('patch', '/api/records/account/{id}', `/api/records/account/${account.id}`, { name: 'Contract Co renamed', version: account.version });
    await expectDocumented('get', '/api/records/account/{id}', '/api/records/account/0190a4d2-7a7e-7000-8000-000000000999');
    await expectDocumented('post', '/api/records/account', '/api/records/account', { name: 42 });
  });

  it('describes who is signed in and the metadata', async () => {
    await expectDocumented('get', '/api/auth/me', '/api/auth/me');
    await expectDocumented('get', '/api/metadata/entities', '/api/metadata/entities?locale=zh-CN');
    await expectDocumented('get', '/api/metadata/entities/{name}', '/api/metadata/entities/account');
    await expectDocumented('get', '/api/metadata/entities/{name}', '/api/metadata/entities/nothing');
    await expectDocumented('get', '/api/metadata/layouts', '/api/metadata/layouts?entity=opportunity');
    await expectDocumented('get', '/api/metadata/layouts/{name}', '/api/metadata/layouts/accountList');
  });

  it('describes publishing to administrators: versions, plan, drafts, publish with a stale base, rollback dry run', async () => {
    const versions = await expectDocumented('get', '/api/metadata/versions', '/api/metadata/versions');
    const live = versions.live as number;
    const version = await expectDocumented('get', '/api/metadata/versions/{number}', `/api/metadata/versions/${live}`);
    const bundle = version.bundle as { entities: Record<string, { fields: object[] }> };
    await expectDocumented('post', '/api/metadata/plan', '/api/metadata/plan', { bundle });
    bundle.entities.account?.fields.push({ name: 'contractNote', type: 'text', label: 'Note' });
    await expectDocumented('put', '/api/metadata/drafts/{name}', '/api/metadata/drafts/contract', { bundle });
    await expectDocumented('get', '/api/metadata/drafts', '/api/metadata/drafts');
    await expectDocumented('get', '/api/metadata/drafts/{name}', '/api/metadata/drafts/contract');
    await expectDocumented('post', '/api/metadata/drafts/{name}/publish', '/api/metadata/drafts/contract/publish', { baseVersion: live + 5 });
    await expectDocumented('post', '/api/metadata/drafts/{name}/publish', '/api/metadata/drafts/contract/publish', { baseVersion: live, message: 'contract' });
    await expectDocumented('post', '/api/metadata/rollback', '/api/metadata/rollback', { version: live, dryRun: true });
    await expectDocumented('get', '/api/metadata/drafts/{name}', '/api/metadata/drafts/contract');
    // Removing the field keeps its values under a retired name: listed, then purged.
    const published = await expectDocumented('get', '/api/metadata/versions/{number}', `/api/metadata/versions/${live + 1}`);
    const withoutNote = published.bundle as { entities: Record<string, { fields: Array<{ name: string }> }> };
    const account = withoutNote.entities.account;
    if (account) account.fields = account.fields.filter((field) => field.name !== 'contractNote');
    await expectDocumented('post', '/api/metadata/publish', '/api/metadata/publish', { bundle: withoutNote, confirm: true });
    const retired = await expectDocumented('get', '/api/metadata/retired-fields', '/api/metadata/retired-fields');
    const processes = await expectDocumented('get', '/api/metadata/processes', '/api/metadata/processes');
    const someProcess = (processes.data as Array<{ name: string }>)[0]?.name ?? 'none';
    await expectDocumented('get', '/api/metadata/processes/{name}/running', `/api/metadata/processes/${someProcess}/running`);
    const palette = await expectDocumented('get', '/api/metadata/process-registry', '/api/metadata/process-registry?locale=zh-CN');
    expect((palette.guards as Array<{ name: string }>).map((guard) => guard.name)).toContain('fieldsFilled');
    const kept = (retired.data as Array<{ table: string; retiredName: string; field: { name: string } }>).find((candidate) => candidate.field.name === 'contractNote');
    expect(kept).toBeDefined();
    await expectDocumented('post', '/api/metadata/retired-fields/purge', '/api/metadata/retired-fields/purge', { table: kept?.table, retiredName: kept?.retiredName });
    await expectDocumented('post', '/api/metadata/retired-fields/purge', '/api/metadata/retired-fields/purge', { table: 'account', retiredName: 'name', confirm: true });
    await expectDocumented('post', '/api/metadata/retired-fields/purge', '/api/metadata/retired-fields/purge', { table: kept?.table, retiredName: kept?.retiredName, confirm: true });
  });

  it('keeps the publishing endpoints out of a non-administrator\'s document', async () => {
    const rep = await runtime.createUser({ username: 'contract-rep', password: 'contract-rep-1', role: 'salesRep' });
    const theirs = (await runtime.as(rep.token).get('/api/openapi.json')).body as OpenApiDocument;
    expect(Object.keys(theirs.paths).filter((path) => path.startsWith('/api/metadata/drafts') || path === '/api/metadata/publish')).toEqual([]);
    expect(Object.keys(document.paths)).toContain('/api/metadata/publish');
  });

  it('describes a record\'s history, transitions, process and permissions, and reports and boards', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'History Co' });
    const deal = await createThroughApi(runtime, 'opportunity', { name: 'History deal', account: account.id });
    await expectDocumented('get', '/api/records/opportunity/{id}/history', `/api/records/opportunity/${deal.id}/history`);
    await expectDocumented('get', '/api/records/opportunity/{id}/transitions', `/api/records/opportunity/${deal.id}/transitions`);
    await expectDocumented('get', '/api/records/opportunity/{id}/permissions', `/api/records/opportunity/${deal.id}/permissions`);
    await expectDocumented('get', '/api/records/opportunity/{id}/process', `/api/records/opportunity/${deal.id}/process`);
    for (const [template, path] of [['/api/reports', '/api/reports'], ['/api/boards', '/api/boards']] as const) {
      if (document.paths[template]) await expectDocumented('get', template, path);
    }
  });
});
