// The stagecraft CLI, run in-process through runCli with an explicit environment: start on a
// fresh data directory serves /api/health, the metadata commands print plans and versions, and
// mistakes exit with 1 (problems listed) or 2 (usage). (`types` loads Prettier through a dynamic
// import() that Jest's CommonJS sandbox refuses, so it is checked against the built CLI instead.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listAudit, loadConfig, openSystemDatabase, runCli, type CliResult } from '@stagecraft/runtime';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases';
import { EXAMPLE_PACK } from './runtime-harness';

interface Captured {
  result: CliResult;
  out: string;
  error: string;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv, workingDirectory: string): Promise<Captured> {
  const out: string[] = [];
  const error: string[] = [];
  const result = await runCli(argv, env, { io: { out: (line) => out.push(line), error: (line) => error.push(line) }, workingDirectory });
  return { result, out: out.join('\n'), error: error.join('\n') };
}

function copyPack(target: string): string {
  fs.cpSync(EXAMPLE_PACK, target, { recursive: true });
  return target;
}

describe.each(testDialects())('stagecraft CLI on %s', (dialect) => {
  let directory: string;
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-cli-'));
    database = await createTestDatabase(dialect);
    env = { PORT: '0', HOST: '127.0.0.1', STAGECRAFT_DATA: path.join(directory, 'data'), STAGECRAFT_PACKS: EXAMPLE_PACK, STAGECRAFT_METADATA_POLL_MS: '50' };
    if (dialect === 'mysql') env.DATABASE_URL = database.url;
  });
  afterEach(async () => {
    await database.drop();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('start publishes the packs on a fresh database and answers /api/health; a restart publishes nothing', async () => {
    const first = await cli(['start'], env, directory);
    expect(first.error).toBe('');
    expect(first.result.exitCode).toBe(0);
    const server = first.result.server!;
    try {
      expect(first.out).toMatch(/Published metadata version 1/);
      expect(first.out).toMatch(/Stagecraft listening on http:\/\/127\.0\.0\.1:\d+/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: dialect, metadataVersion: 1 });
      if (dialect === 'sqlite') expect(fs.existsSync(path.join(directory, 'data', 'stagecraft.sqlite'))).toBe(true);
    } finally {
      await server.close();
    }
    const second = await cli(['start'], env, directory);
    try {
      expect(second.out).not.toMatch(/Published/);
      expect(second.result.server?.live.get().version).toBe(1);
    } finally {
      await second.result.server?.close();
    }
  });

  const login = async (url: string, username: string, password: string): Promise<number> =>
    (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, token: true }) })).status;

  it('start prints a generated admin password once, and seeds demo users with the demo password', async () => {
    const first = await cli(['start'], env, directory);
    const server = first.result.server!;
    let password: string;
    try {
      const printed = /Username: admin\s+Password: (\S+)/.exec(first.out);
      expect(printed).not.toBeNull();
      password = printed?.[1] ?? '';
      expect(await login(server.url, 'admin', password)).toBe(200);
      expect(first.out).toMatch(/demo users manager, rep1, rep2, agent1, partner1/);
      for (const username of ['manager', 'rep1', 'rep2', 'agent1', 'partner1']) expect([username, await login(server.url, username, 'demo')]).toEqual([username, 200]);
      const partnerToken = ((await (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'partner1', password: 'demo', token: true }) })).json()) as { token: string }).token;
      const partner = (await (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${partnerToken}` } })).json()) as { roles: string[]; partnerAccountId: string | null };
      expect(partner.roles).toEqual(['partner']);
      expect(partner.partnerAccountId).toMatch(/^[0-9a-f-]{36}$/);
      const anonymous = await fetch(`${server.url}/api/records/account`);
      expect(anonymous.status).toBe(401);
    } finally {
      await server.close();
    }
    const second = await cli(['start'], { ...env, STAGECRAFT_DEMO_PASSWORD: 'changed' }, directory);
    try {
      expect(second.out).not.toMatch(/Password:|demo users/);
      expect(await login(second.result.server!.url, 'admin', password)).toBe(200);
      // Demo users keep the password they were given.
      expect(await login(second.result.server!.url, 'rep1', 'demo')).toBe(200);
    } finally {
      await second.result.server?.close();
    }
  });

  it('serve adds the identity pack, takes STAGECRAFT_ADMIN_PASSWORD, and seeds no demo users', async () => {
    const served = await cli(['serve'], { ...env, STAGECRAFT_ADMIN_PASSWORD: 'from-the-environment' }, directory);
    expect(served.error).toBe('');
    const server = served.result.server!;
    try {
      expect(served.out).toMatch(/identity pack/);
      expect(served.out).not.toMatch(/Password:|demo users/);
      expect(await login(server.url, 'admin', 'from-the-environment')).toBe(200);
      expect(await login(server.url, 'rep1', 'demo')).toBe(401);
    } finally {
      await server.close();
    }
    const changed = await cli(['serve'], { ...env, STAGECRAFT_ADMIN_PASSWORD: 'changed-in-the-environment' }, directory);
    try {
      expect(await login(changed.result.server!.url, 'admin', 'changed-in-the-environment')).toBe(200);
    } finally {
      await changed.result.server?.close();
    }
  });

  it('start refuses a destructive pack change, printing the plan and the publish --confirm hint', async () => {
    const pack = copyPack(path.join(directory, 'pack'));
    const packEnv = { ...env, STAGECRAFT_PACKS: pack };
    expect((await cli(['publish', pack], packEnv, directory)).result.exitCode).toBe(0);
    const tagFile = path.join(pack, 'entities', 'tag.json');
    const tag = JSON.parse(fs.readFileSync(tagFile, 'utf8')) as { fields: Array<{ name: string }> };
    tag.fields = tag.fields.filter((field) => field.name !== 'color');
    fs.writeFileSync(tagFile, JSON.stringify(tag));

    const refused = await cli(['start'], packEnv, directory);
    expect(refused.result.exitCode).toBe(1);
    expect(refused.result.server).toBeUndefined();
    expect(refused.error).toMatch(/color/);
    expect(refused.error).toMatch(/publish .* --confirm/);

    const plan = await cli(['plan', pack], packEnv, directory);
    expect(plan.result.exitCode).toBe(0);
    expect(plan.out).toMatch(/destructive/);
    const confirmed = await cli(['publish', pack, '--confirm', '--message', 'Drop colour'], packEnv, directory);
    expect(confirmed.result.exitCode).toBe(0);
    expect(confirmed.out).toMatch(/Published version 2/);
    const versions = await cli(['versions'], packEnv, directory);
    expect(versions.out.split('\n')[0]).toMatch(/^\*\s+2 .*Drop colour$/);
    const rollback = await cli(['rollback', '1', '--confirm'], packEnv, directory);
    expect(rollback.out).toMatch(/Published version 3 with the content of version 1/);

    // Every CLI publish and rollback is in the audit log, by the system actor, with the CLI as author.
    const system = await openSystemDatabase(loadConfig(packEnv, { workingDirectory: directory }));
    try {
      const rows = await listAudit(system.database, {}, { page: 1, pageSize: 50, order: 'oldestFirst' });
      const published = rows.filter((row) => row.action === 'publish' || row.action === 'rollback');
      expect(published.map((row) => [row.action, row.recordId, row.actorUsername])).toEqual([
        ['publish', '1', 'system'],
        ['publish', '2', 'system'],
        ['rollback', '3', 'system'],
      ]);
      expect(published[1]!.changes).toMatchObject({ version: 2, message: 'Drop colour', author: 'cli' });
    } finally {
      await system.close();
    }
  });

  it('reports invalid packs as file: /path: message and exits 1', async () => {
    const pack = copyPack(path.join(directory, 'broken'));
    const accountFile = path.join(pack, 'entities', 'account.json');
    const account = JSON.parse(fs.readFileSync(accountFile, 'utf8')) as { fields: Array<Record<string, unknown>> };
    account.fields[0]!.type = 'colour';
    fs.writeFileSync(accountFile, JSON.stringify(account));
    const result = await cli(['publish', pack], env, directory);
    expect(result.result.exitCode).toBe(1);
    expect(result.error).toContain(`${accountFile}: /fields/0`);
  });
});

describe('stagecraft CLI usage', () => {
  const workingDirectory = os.tmpdir();

  it('exits 2 with the usage text for unknown commands, options and missing arguments', async () => {
    for (const argv of [['launch'], ['publish'], ['rollback', 'latest'], ['versions', '--force'], []]) {
      const result = await cli(argv, {}, workingDirectory);
      expect([argv, result.result.exitCode]).toEqual([argv, 2]);
      expect(result.out + result.error).toMatch(/Usage: stagecraft/);
    }
    expect((await cli(['--help'], {}, workingDirectory)).result.exitCode).toBe(0);
  });

  it('exits 1 naming the variable for a bad configuration value', async () => {
    const result = await cli(['serve'], { PORT: 'eighty' }, workingDirectory);
    expect(result.result.exitCode).toBe(1);
    expect(result.error).toMatch(/PORT/);
  });
});
