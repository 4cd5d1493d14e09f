// Benchmark: the metadata-driven record API against a hand-written Express + Sequelize endpoint
// doing the same work on the same MariaDB table, measured in the same run and printed as ratios
// (ours ÷ hand-written). Both servers run as child processes; this process only generates load.
// Both sides authenticate every request with a bearer token: ours from logging in as the admin,
// the baseline's checked against its own sessions table.
//
//   npm run bench:records            (needs MariaDB; STAGECRAFT_BENCH_MYSQL_URL to point elsewhere;
//                                     STAGECRAFT_BENCH_PROFILE=<dir> writes a CPU profile of our server)
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { runLoad, type LoadRequest, type LoadResult } from './load';

const repoRoot = path.resolve(__dirname, '../../../..');
const serverUrl = new URL(process.env.STAGECRAFT_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');
const database = 'stagecraft_bench';
const seedRows = Number(process.env.STAGECRAFT_BENCH_ROWS ?? 20_000);
const durationMs = Number(process.env.STAGECRAFT_BENCH_SECONDS ?? 8) * 1000;
const rounds = Number(process.env.STAGECRAFT_BENCH_ROUNDS ?? 2);
const concurrency = 16;
const STAGES = ['new', 'qualified', 'proposal', 'won', 'lost'];

function databaseUrl(): string {
  const url = new URL(serverUrl.toString());
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const connection = await mysql.createConnection({ host: serverUrl.hostname, port: Number(serverUrl.port || 3306), user: decodeURIComponent(serverUrl.username || 'root'), password: decodeURIComponent(serverUrl.password) });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

function startChild(args: string[], env: NodeJS.ProcessEnv, readyPattern: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (readyPattern.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function seed(): Promise<string[]> {
  const connection = await mysql.createConnection({ uri: databaseUrl() });
  const ids: string[] = [];
  try {
    const now = new Date();
    for (let offset = 0; offset < seedRows; offset += 1000) {
      const rows = [];
      for (let index = offset; index < Math.min(offset + 1000, seedRows); index += 1) {
        const id = crypto.randomUUID();
        ids.push(id);
        rows.push([id, 1, now, now, `Deal ${index}`, STAGES[index % STAGES.length], (index * 37) % 100_000, index % 101, '2026-12-01', null, null]);
      }
      await connection.query('INSERT INTO deal (id, version, created_at, updated_at, name, stage, amount, probability, close_date, owner, notes) VALUES ?', [rows]);
    }
  } finally {
    await connection.end();
  }
  return ids;
}

interface Operation {
  name: string;
  expectStatus: number;
  ours(index: number): LoadRequest;
  handWritten(index: number): LoadRequest;
}

function operations(ids: string[]): Operation[] {
  const body = (index: number): string => JSON.stringify({ name: `Bench deal ${index}`, stage: 'qualified', amount: 1234.5, probability: 40, closeDate: '2026-12-31', notes: 'created by the benchmark' });
  const idAt = (index: number): string => ids[(index * 7919) % ids.length] ?? '';
  return [
    { name: 'create', expectStatus: 201, ours: (i) => ({ method: 'POST', path: '/api/records/deal', body: body(i) }), handWritten: (i) => ({ method: 'POST', path: '/deals', body: body(i) }) },
    { name: 'get by id', expectStatus: 200, ours: (i) => ({ method: 'GET', path: `/api/records/deal/${idAt(i)}` }), handWritten: (i) => ({ method: 'GET', path: `/deals/${idAt(i)}` }) },
    {
      name: 'filtered list of 50',
      expectStatus: 200,
      ours: (i) => ({ method: 'GET', path: `/api/records/deal?filter[stage][eq]=${STAGES[i % STAGES.length]}&filter[amount][gte]=50000&sort=-amount&pageSize=50` }),
      handWritten: (i) => ({ method: 'GET', path: `/deals?stage=${STAGES[i % STAGES.length]}&minAmount=50000&pageSize=50` }),
    },
  ];
}

async function measure(baseUrl: string, token: string, next: (index: number) => LoadRequest, expectStatus: number): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${token}` };
  // A short warm-up so JIT and connection pools are in the same state for both sides.
  await runLoad({ baseUrl, concurrency, durationMs: 1000, maxRequests: 2000, next, expectStatus, headers });
  return runLoad({ baseUrl, concurrency, durationMs, maxRequests: 1_000_000, next, expectStatus, headers });
}

async function loginAsAdmin(baseUrl: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password, token: true }) });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function main(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS \`${database}\``);
  await adminQuery(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const oursPort = 3901;
  const handPort = 3902;
  const adminPassword = crypto.randomBytes(12).toString('base64url');
  // STAGECRAFT_BENCH_PROFILE=<dir>: a CPU profile of our server (written when it stops), to find the hot path.
  const profile = process.env.STAGECRAFT_BENCH_PROFILE;
  const ours = await startChild(
    [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), 'runtime/dist/cli/main.js', 'start'],
    { PORT: String(oursPort), HOST: '127.0.0.1', DATABASE_URL: databaseUrl(), STAGECRAFT_PACKS: 'tests/bench/records/pack', NODE_ENV: 'production', STAGECRAFT_ADMIN_PASSWORD: adminPassword },
    /listening on/i,
  );
  const oursToken = await loginAsAdmin(`http://127.0.0.1:${oursPort}`, adminPassword);
  const handToken = crypto.randomBytes(32).toString('base64url');
  const handWritten = await startChild(['tests/dist/bench/records/hand-written-server.js', databaseUrl(), String(handPort), handToken], {}, /ready/);
  try {
    const ids = await seed();
    console.log(`Records benchmark on MariaDB: ${seedRows} seeded rows, ${concurrency} concurrent clients, ${durationMs / 1000}s per measurement, best of ${rounds} rounds\n`);
    console.log('operation              stagecraft req/s   hand-written req/s   ratio');
    for (const operation of operations(ids)) {
      let best = { ours: 0, hand: 0, errors: 0 };
      for (let round = 0; round < rounds; round += 1) {
        // Alternate which side goes first so drift on the machine does not favour one.
        const first = round % 2 === 0;
        const hand1 = first ? await measure(`http://127.0.0.1:${handPort}`, handToken, operation.handWritten, operation.expectStatus) : undefined;
        const mine = await measure(`http://127.0.0.1:${oursPort}`, oursToken, operation.ours, operation.expectStatus);
        const hand = hand1 ?? (await measure(`http://127.0.0.1:${handPort}`, handToken, operation.handWritten, operation.expectStatus));
        best = { ours: Math.max(best.ours, mine.perSecond), hand: Math.max(best.hand, hand.perSecond), errors: best.errors + mine.errors + hand.errors };
      }
      const line = `${operation.name.padEnd(22)} ${best.ours.toFixed(0).padStart(17)} ${best.hand.toFixed(0).padStart(20)} ${(best.ours / best.hand).toFixed(2).padStart(7)}`;
      console.log(line + (best.errors ? `   (${best.errors} unexpected responses!)` : ''));
    }
  } finally {
    await stop(ours);
    await stop(handWritten);
    await adminQuery(`DROP DATABASE IF EXISTS \`${database}\``);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
