// Benchmark of the workflow engine on MariaDB, two parts in one run:
//  1. Transitions per second through POST /api/records/deal/:id/transitions (one transaction with
//     the record, the process snapshot, the transition log and the audit row) against a hand-written
//     Express + Sequelize endpoint doing the same writes (lock, stage + version, log row, audit row),
//     printed as a ratio (ours ÷ hand-written).
//  2. Timer firing lag (fired at − due, p50/p99) with many armed timers of which a steady rate come
//     due: embedded (the scheduler inside `stagecraft start`) and BullMQ (two `stagecraft worker`
//     processes consuming delayed jobs). Armed timers are seeded in bulk by cloning one real
//     reminder's rows (record, process instance, timer row; BullMQ jobs added as arming adds them),
//     because creating 100,000 through the API would take longer than the measurement itself.
//
//   npm run bench:transitions   (needs MariaDB and Redis; STAGECRAFT_BENCH_MYSQL_URL / _REDIS_URL elsewhere)
//   STAGECRAFT_BENCH_ARMED, STAGECRAFT_BENCH_DUE_PER_SECOND, STAGECRAFT_BENCH_DUE_SECONDS scale part 2.
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { TIMER_QUEUE, timerJobId } from '@stagecraft/runtime';
import { Queue, QueueEvents } from 'bullmq';
import mysql from 'mysql2/promise';
import { runLoad, type LoadRequest, type LoadResult } from '../records/load';

const repoRoot = path.resolve(__dirname, '../../../..');
const serverUrl = new URL(process.env.STAGECRAFT_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');
const redisUrl = process.env.STAGECRAFT_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const database = 'stagecraft_bench_transitions';
const deals = 2000;
const durationMs = Number(process.env.STAGECRAFT_BENCH_SECONDS ?? 8) * 1000;
const rounds = Number(process.env.STAGECRAFT_BENCH_ROUNDS ?? 2);
const concurrency = 16;
/** The issue's load: 100,000 armed with 1,000/s coming due (for 10 s, so the run takes minutes). */
const armed = Number(process.env.STAGECRAFT_BENCH_ARMED ?? 100_000);
const duePerSecond = Number(process.env.STAGECRAFT_BENCH_DUE_PER_SECOND ?? 1000);
const dueSeconds = Number(process.env.STAGECRAFT_BENCH_DUE_SECONDS ?? 10);
const oursPort = 3911;
const handPort = 3912;
const queuePrefix = `stagecraft-bench-${process.pid}`;

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

/** Lines a child printed after it was ready that look like trouble, shown at the end. */
const complaints: string[] = [];

function startChild(args: string[], env: NodeJS.ProcessEnv, readyPattern: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer): void => {
      if (readyPattern.test(output)) {
        complaints.push(...chunk.toString().split('\n').filter((line) => /error|fail/i.test(line)));
        return;
      }
      output += chunk.toString();
      if (readyPattern.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function api(token: string, method: string, pathname: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${oursPort}${pathname}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`${method} ${pathname} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function loginAsAdmin(password: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${oursPort}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password, token: true }) });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function measure(baseUrl: string, token: string, next: (index: number) => LoadRequest): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${token}` };
  await runLoad({ baseUrl, concurrency, durationMs: 1000, maxRequests: 2000, next, expectStatus: 200, headers });
  return runLoad({ baseUrl, concurrency, durationMs, maxRequests: 1_000_000, next, expectStatus: 200, headers });
}

/** Part 1: transitions/s, ours against the hand-written endpoint. */
async function transitionThroughput(connection: mysql.Connection, token: string): Promise<void> {
  const ours: string[] = [];
  for (let offset = 0; offset < deals; offset += concurrency) {
    const batch = await Promise.all(Array.from({ length: Math.min(concurrency, deals - offset) }, (_, index) => api(token, 'POST', '/api/records/deal', { name: `Deal ${offset + index}` })));
    ours.push(...batch.map((deal) => String(deal.id)));
  }
  const handToken = crypto.randomBytes(32).toString('base64url');
  const hand = await startChild(['tests/dist/bench/transitions/hand-written-server.js', databaseUrl(), String(handPort), handToken], {}, /ready/);
  try {
    const handIds: string[] = [];
    const rows = [];
    const now = new Date();
    for (let index = 0; index < deals; index += 1) {
      const id = crypto.randomUUID();
      handIds.push(id);
      rows.push([id, 1, now, now, `Hand deal ${index}`, 'open']);
    }
    await connection.query('INSERT INTO deal (id, version, created_at, updated_at, name, stage) VALUES ?', [rows]);
    const event = JSON.stringify({ event: 'TOGGLE' });
    const pick = (ids: string[], index: number): string => ids[(index * 7919) % ids.length] ?? '';
    let best = { ours: 0, hand: 0, errors: 0 };
    for (let round = 0; round < rounds; round += 1) {
      const handFirst = round % 2 === 0;
      const handResult = handFirst ? await measure(`http://127.0.0.1:${handPort}`, handToken, (i) => ({ method: 'POST', path: `/deals/${pick(handIds, i)}/transitions`, body: event })) : undefined;
      const mine = await measure(`http://127.0.0.1:${oursPort}`, token, (i) => ({ method: 'POST', path: `/api/records/deal/${pick(ours, i)}/transitions`, body: event }));
      const other = handResult ?? (await measure(`http://127.0.0.1:${handPort}`, handToken, (i) => ({ method: 'POST', path: `/deals/${pick(handIds, i)}/transitions`, body: event })));
      best = { ours: Math.max(best.ours, mine.perSecond), hand: Math.max(best.hand, other.perSecond), errors: best.errors + mine.errors + other.errors };
    }
    console.log(`Transitions on MariaDB: ${deals} records per side, ${concurrency} concurrent clients, ${durationMs / 1000}s per measurement, best of ${rounds} rounds`);
    console.log('                       stagecraft tr/s   hand-written tr/s   ratio');
    console.log(`transition + audit     ${best.ours.toFixed(0).padStart(15)} ${best.hand.toFixed(0).padStart(19)} ${(best.ours / best.hand).toFixed(2).padStart(7)}${best.errors ? `   (${best.errors} unexpected responses!)` : ''}\n`);
  } finally {
    await stop(hand);
  }
}

interface Template {
  record: Record<string, unknown>;
  instance: Record<string, unknown>;
  timer: Record<string, unknown>;
  dueIso: string;
}

/** One real reminder (created through the API: its process started, its timer armed) to clone. */
async function reminderTemplate(connection: mysql.Connection, token: string): Promise<Template> {
  const created = await api(token, 'POST', '/api/records/reminder', { name: 'Template' });
  const id = String(created.id);
  const [[record]] = (await connection.query('SELECT * FROM reminder WHERE id = ?', [id])) as unknown as [Array<Record<string, unknown>>];
  const [[instance]] = (await connection.query('SELECT * FROM stagecraft_process_instances WHERE record_id = ?', [id])) as unknown as [Array<Record<string, unknown>>];
  const [[timer]] = (await connection.query('SELECT * FROM stagecraft_timers WHERE record_id = ?', [id])) as unknown as [Array<Record<string, unknown>>];
  if (!record || !instance || !timer) throw new Error('the template reminder has no process instance or timer');
  const snapshot = JSON.parse(String(instance.snapshot)) as { timers: Record<string, { dueAt: string }> };
  const dueIso = Object.values(snapshot.timers)[0]?.dueAt;
  if (!dueIso) throw new Error('the template snapshot has no armed timer');
  await connection.query('DELETE FROM stagecraft_timers WHERE record_id = ?', [id]);
  await connection.query('DELETE FROM stagecraft_process_instances WHERE record_id = ?', [id]);
  await connection.query('DELETE FROM reminder WHERE id = ?', [id]);
  return { record, instance, timer, dueIso };
}

/** Arms one timer per due time (cloned rows; with a queue, the delayed jobs arming would add). Returns record id → due. */
async function seedTimers(connection: mysql.Connection, template: Template, dueTimes: readonly number[], queue?: Queue): Promise<Map<string, number>> {
  const seeded = new Map<string, number>();
  const columns = (row: Record<string, unknown>): string[] => Object.keys(row);
  const key = String(template.timer.timer_key);
  const generation = Number(template.timer.generation);
  for (let offset = 0; offset < dueTimes.length; offset += 1000) {
    const records: unknown[][] = [];
    const instances: unknown[][] = [];
    const timers: unknown[][] = [];
    const jobs: Array<{ id: string; due: number }> = [];
    for (const due of dueTimes.slice(offset, offset + 1000)) {
      const id = crypto.randomUUID();
      seeded.set(id, due);
      const dueIso = new Date(due).toISOString();
      records.push(columns(template.record).map((name) => (name === 'id' ? id : name === 'name' ? `Reminder ${seeded.size}` : template.record[name])));
      instances.push(columns(template.instance).map((name) => (name === 'record_id' ? id : name === 'snapshot' ? String(template.instance.snapshot).split(template.dueIso).join(dueIso) : template.instance[name])));
      timers.push(columns(template.timer).map((name) => (name === 'record_id' ? id : name === 'due_at' ? dueIso.replace('T', ' ').replace('Z', '') : template.timer[name])));
      jobs.push({ id, due });
    }
    await connection.query(`INSERT INTO reminder (${columns(template.record).join(', ')}) VALUES ?`, [records]);
    await connection.query(`INSERT INTO stagecraft_process_instances (${columns(template.instance).join(', ')}) VALUES ?`, [instances]);
    await connection.query(`INSERT INTO stagecraft_timers (${columns(template.timer).join(', ')}) VALUES ?`, [timers]);
    // The delay counts from when the job is added (as arming adds it after its commit).
    const now = Date.now();
    if (queue) await queue.addBulk(jobs.map(({ id, due }) => ({ name: 'timer', data: { entity: 'reminder', recordId: id, key, generation }, opts: { jobId: timerJobId({ entity: 'reminder', recordId: id, key, generation }), delay: Math.max(0, due - now), removeOnComplete: true, removeOnFail: 1000 } })));
  }
  return seeded;
}

/** The armed-but-not-due bulk: due a day or more from now (the load a big installation carries). */
function farFuture(count: number): number[] {
  const base = Date.now() + 86_400_000;
  return Array.from({ length: count }, (_, index) => base + index * 10);
}

/** The due stream: `duePerSecond` evenly spaced for `dueSeconds`, starting `leadMs` from now. */
function dueStream(leadMs: number): number[] {
  const start = Date.now() + leadMs;
  return Array.from({ length: Math.min(armed, duePerSecond * dueSeconds) }, (_, index) => start + Math.floor((index * 1000) / duePerSecond));
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

/** Waits until every due timer has fired (or the deadline), then reads the firing times from the log. */
async function firingLag(connection: mysql.Connection, dueTimes: Map<string, number>, lastDue: number): Promise<{ p50: number; p99: number; max: number; fired: number }> {
  const deadline = lastDue + 120_000;
  for (;;) {
    const [[row]] = (await connection.query("SELECT COUNT(*) AS n FROM stagecraft_process_transitions WHERE entity = 'reminder' AND event LIKE 'stagecraft.timer:%'")) as unknown as [Array<{ n: number }>];
    if (Number(row?.n) >= dueTimes.size || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const [rows] = (await connection.query("SELECT record_id, at FROM stagecraft_process_transitions WHERE entity = 'reminder' AND event LIKE 'stagecraft.timer:%'")) as unknown as [Array<{ record_id: string; at: string }>];
  const lags = rows.flatMap((row) => {
    const due = dueTimes.get(row.record_id);
    return due === undefined ? [] : [Date.parse(`${row.at.replace(' ', 'T')}Z`) - due];
  }).sort((a, b) => a - b);
  return { p50: percentile(lags, 0.5), p99: percentile(lags, 0.99), max: lags[lags.length - 1] ?? Number.NaN, fired: lags.length };
}

async function resetReminders(connection: mysql.Connection): Promise<void> {
  await connection.query("DELETE FROM stagecraft_timers WHERE entity = 'reminder'");
  await connection.query("DELETE FROM stagecraft_process_instances WHERE entity = 'reminder'");
  await connection.query("DELETE FROM stagecraft_process_transitions WHERE entity = 'reminder'");
  await connection.query('DELETE FROM reminder');
}

function printLag(mode: string, lag: { p50: number; p99: number; max: number; fired: number }, due: number): void {
  console.log(`${mode.padEnd(36)} ${String(lag.p50).padStart(8)} ${String(lag.p99).padStart(8)} ${String(lag.max).padStart(8)}   ${lag.fired}/${due} fired`);
}

async function main(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS \`${database}\``);
  await adminQuery(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const adminPassword = crypto.randomBytes(12).toString('base64url');
  const baseEnv = { DATABASE_URL: databaseUrl(), STAGECRAFT_PACKS: 'tests/bench/transitions/pack', NODE_ENV: 'production', STAGECRAFT_ADMIN_PASSWORD: adminPassword, REDIS_URL: '' };
  // The embedded scheduler looks every 100 ms (default 1 s), and claims 100 rows per round.
  // STAGECRAFT_BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the Stagecraft server.
  const nodeArgs = (process.env.STAGECRAFT_BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  let ours: ChildProcess | undefined = await startChild(
    [...nodeArgs, 'runtime/dist/cli/main.js', 'start'],
    { ...baseEnv, PORT: String(oursPort), HOST: '127.0.0.1', STAGECRAFT_SCHEDULER_INTERVAL_MS: '100' },
    /listening on/i,
  );
  const connection = await mysql.createConnection({ uri: databaseUrl(), dateStrings: true });
  const workers: ChildProcess[] = [];
  const queue = new Queue(TIMER_QUEUE, { connection: { url: redisUrl }, prefix: queuePrefix });
  try {
    const token = await loginAsAdmin(adminPassword);
    await transitionThroughput(connection, token);

    const due = Math.min(armed, duePerSecond * dueSeconds);
    console.log(`Timer firing lag (fired − due, ms): ${armed.toLocaleString('en')} armed timers, ${duePerSecond}/s coming due for ${dueSeconds}s (${due.toLocaleString('en')} due)`);
    if (armed < 100_000 || duePerSecond < 1000) console.log(`  (scaled down from the issue's 100,000 armed with 1,000/s due so the run finishes in minutes on this machine)`);
    console.log('mode                                      p50      p99      max');

    const template = await reminderTemplate(connection, token);
    const lead = 3000 + due / 2;
    await seedTimers(connection, template, farFuture(armed - due));
    const embeddedDue = await seedTimers(connection, template, dueStream(lead));
    printLag('embedded (in `start`, 100 ms loop)', await firingLag(connection, embeddedDue, Math.max(...embeddedDue.values())), due);
    await stop(ours);
    ours = undefined;
    await resetReminders(connection);

    // BullMQ: two worker processes (concurrency 8 each); the database sweep stays at its 30 s default.
    const workerEnv = { ...baseEnv, REDIS_URL: redisUrl, STAGECRAFT_QUEUE_PREFIX: queuePrefix };
    await seedTimers(connection, template, farFuture(armed - due), queue);
    for (let index = 0; index < 2; index += 1) workers.push(await startChild(['runtime/dist/cli/main.js', 'worker'], workerEnv, /worker running/i));
    // What the jobs returned (fired, or busy/stale/notDue when the job found nothing to do).
    const events = new QueueEvents(TIMER_QUEUE, { connection: { url: redisUrl }, prefix: queuePrefix });
    const outcomes = new Map<string, number>();
    events.on('completed', ({ returnvalue }) => outcomes.set(String(returnvalue), (outcomes.get(String(returnvalue)) ?? 0) + 1));
    await events.waitUntilReady();
    const queuedDue = await seedTimers(connection, template, dueStream(lead), queue);
    printLag('BullMQ (2 workers × concurrency 8)', await firingLag(connection, queuedDue, Math.max(...queuedDue.values())), due);
    console.log(`  job outcomes: ${[...outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(', ')}`);
    await events.close();
  } finally {
    for (const worker of workers) await stop(worker);
    await stop(ours);
    await connection.end();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await adminQuery(`DROP DATABASE IF EXISTS \`${database}\``);
    if (complaints.length > 0) console.log(`\nThe servers and workers reported ${complaints.length} problems, e.g.:\n${complaints.slice(0, 5).join('\n')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
