// Crash safety of durable timers with real worker processes: overdue timers fire at start-up; a
// worker killed with SIGKILL mid-run loses nothing and doubles nothing — after a restart every
// due timer has fired exactly once (one firing in the log and one stale-deal task per deal).
// SQLite with the embedded scheduler; MariaDB with Redis (BullMQ) and two worker processes.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { SYSTEM_ACTOR } from '@stagecraft/runtime';
import { isMysqlAvailable, type TestDialect } from '../support/databases';
import { DAY_MS, startWorkflowRuntime, type WorkflowTestRuntime } from './workflow-harness';

const ROOT = path.resolve(__dirname, '../..');
const DEALS = 40;
const hasRedis = process.env.STAGECRAFT_TEST_REDIS_AVAILABLE === '1';

function startWorker(databaseUrl: string, redisUrl?: string, prefix?: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, DATABASE_URL: databaseUrl, STAGECRAFT_LEASE_MS: '1000', STAGECRAFT_TIMER_BATCH_SIZE: '3',
    STAGECRAFT_SCHEDULER_INTERVAL_MS: '50', STAGECRAFT_SWEEP_INTERVAL_MS: '500', STAGECRAFT_METADATA_POLL_MS: '1000',
    ...(redisUrl ? { REDIS_URL: redisUrl, STAGECRAFT_QUEUE_PREFIX: prefix } : {}),
  };
  return spawn(process.execPath, ['-r', './tests/support/ts-register.js', 'runtime/src/cli/main.ts', 'worker'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // Polling the database for a condition a separate process brings about (not a fixed sleep).
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function firings(runtime: WorkflowTestRuntime): Promise<number> {
  const rows = await runtime.system.database.select(`SELECT COUNT(*) AS n FROM stagecraft_process_transitions WHERE event LIKE 'stagecraft.timer:%'`, []);
  return Number(rows[0]?.n);
}

async function stop(worker: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill(signal);
  await exited;
}

const cases: Array<[string, TestDialect, boolean]> = [['SQLite, embedded scheduler', 'sqlite', false]];
if (isMysqlAvailable() && hasRedis) cases.push(['MariaDB, BullMQ and two workers', 'mysql', true]);

describe.each(cases)('timers survive a killed worker: %s', (_name, dialect, withRedis) => {
  let runtime: WorkflowTestRuntime;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // The deals were created 20 days ago: their 14-day stale-deal timers are overdue now.
    runtime = await startWorkflowRuntime(dialect, { start: new Date(Date.now() - 20 * DAY_MS).toISOString() });
    for (let index = 0; index < DEALS; index += 1) await runtime.records.create('opportunity', { name: `Deal ${index}` }, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await stop(worker, 'SIGKILL');
    await runtime?.close();
  });

  it('fires every due timer exactly once across a SIGKILL and a restart', async () => {
    const redisUrl = withRedis ? process.env.STAGECRAFT_TEST_REDIS_URL : undefined;
    const prefix = `sc-test-${process.pid}-${Date.now()}`;
    const first = startWorker(runtime.testDatabase.url, redisUrl, prefix);
    workers.push(first);
    await until(async () => (await firings(runtime)) >= 3, 'the first firings');
    await stop(first, 'SIGKILL');
    const beforeRestart = await firings(runtime);
    expect(beforeRestart).toBeLessThan(DEALS);

    const count = withRedis ? 2 : 1;
    for (let index = 0; index < count; index += 1) workers.push(startWorker(runtime.testDatabase.url, redisUrl, prefix));
    await until(async () => (await firings(runtime)) >= DEALS && (await runtime.workflow.service.timers.listDue(new Date(), 1)).length === 0, 'every timer to fire');

    const perDeal = await runtime.system.database.select(
      `SELECT record_id, COUNT(*) AS n FROM stagecraft_process_transitions WHERE event LIKE 'stagecraft.timer:%' GROUP BY record_id`, [],
    );
    expect(perDeal.length).toBe(DEALS);
    expect(perDeal.every((row) => Number(row.n) === 1)).toBe(true);
    const tasks = await runtime.system.database.select(`SELECT related_id, COUNT(*) AS n FROM task GROUP BY related_id`, []);
    expect(tasks.length).toBe(DEALS);
    expect(tasks.every((row) => Number(row.n) === 1)).toBe(true);
  }, 240_000);
});
