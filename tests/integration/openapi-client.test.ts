// A client generated from the published OpenAPI document works without hand fixes: types from
// openapi-typescript, calls through openapi-fetch, type-checked strictly by the TypeScript compiler
// and then run against the real server listening on a port. The document is the database's
// concern only through what it describes, so one dialect (SQLite) is enough here.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

/** Under tests/output (not committed), so the generated client resolves the repository's packages. */
const OUTPUT = path.resolve(__dirname, '../output/openapi-client');

const CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './schema';

export async function run(baseUrl: string, token: string): Promise<{ id: string; name: string | null | undefined; total: number | undefined; missing: number }> {
  const client = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } });
  const created = await client.POST('/api/records/account', { body: { name: 'Generated Co', website: 'https://generated.example' } });
  if (!created.data) throw new Error(\`create answered \${created.response.status}\`);
  const id: string = created.data.id;
  const read = await client.GET('/api/records/account/{id}', { params: { path: { id } } });
  const list = await client.GET('/api/records/account', { params: { query: { pageSize: 5, sort: '-createdAt' } } });
  const missing = await client.GET('/api/records/account/{id}', { params: { path: { id: '0190a4d2-7a7e-7000-8000-000000000999' } } });
  return { id, name: read.data?.name, total: list.data?.total, missing: missing.response.status };
}
`;

describe('a client generated from /api/openapi.json', () => {
  let runtime: TestRuntime;
  let server: Server;
  beforeAll(async () => {
    runtime = await startTestRuntime('sqlite');
    server = runtime.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await runtime?.close();
  });

  it('type-checks strictly and calls the real server without hand fixes', async () => {
    const document = (await runtime.api().get('/api/openapi.json')).body as unknown;
    fs.rmSync(OUTPUT, { recursive: true, force: true });
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, 'openapi.json'), JSON.stringify(document));
    // openapi-typescript's own command line, as a user of the API runs it (its library is ESM-only underneath).
    const cli = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js');
    const generated = spawnSync(process.execPath, [cli, path.join(OUTPUT, 'openapi.json'), '--output', path.join(OUTPUT, 'schema.d.ts')], { encoding: 'utf8' });
    expect([generated.status, generated.stderr.includes('✘') ? generated.stderr : '']).toEqual([0, '']);
    fs.writeFileSync(path.join(OUTPUT, 'client.ts'), CLIENT);

    const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: [], skipLibCheck: true };
    const program = ts.createProgram([path.join(OUTPUT, 'client.ts')], options);
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);

    const compiled = ts.transpileModule(CLIENT, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    fs.writeFileSync(path.join(OUTPUT, 'client.cjs'), compiled);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const client = require(path.join(OUTPUT, 'client.cjs')) as { run(baseUrl: string, token: string): Promise<{ id: string; name?: string; total?: number; missing: number }> };
    const { port } = server.address() as AddressInfo;
    const answer = await client.run(`http://127.0.0.1:${port}`, runtime.admin.token);
    expect(answer).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Generated Co', total: expect.any(Number), missing: 404 });
  });
});
