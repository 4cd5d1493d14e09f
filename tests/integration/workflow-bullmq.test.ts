// The BullMQ path end to end (REDIS_URL set): a transition arms a timer, which adds a delayed job;
// a separate `stagecraft worker` process consumes the job when it comes due and fires the timer.
// The worker's database sweep is pushed out to an hour (it runs once at start, before anything is
// due), so the firing can only come from the job. The same row's job delivered twice (a duplicate
// job next to the original) still fires once. A unique queue prefix per run, obliterated at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ProcessDocument } from '@stagecraft/core';
import { Queue, QueueEvents } from 'bullmq';
import { TIMER_QUEUE, timerJobId, type TimerJobData } from '@stagecraft/runtime';
import { isMysqlAvailable } from '../support/databases';
import { createRecord, processView, startWorkflowRuntime, type WorkflowTestRuntime } from './workflow-harness';

const ROOT = path.resolve(__dirname, '../..');
const hasRedis = process.env.STAGECRAFT_TEST_REDIS_AVAILABLE === '1';
const redisUrl = process.env.STAGECRAFT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const describeWithRedis = hasRedis ? describe : describe.skip;

/** Polls for a condition another process brings about (not a fixed sleep). */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeWithRedis('timers through BullMQ delayed jobs and a worker process', () => {
  const prefix = `sc-test-bullmq-${process.pid}-${Date.now()}`;
  let runtime: WorkflowTestRuntime;
  let worker: ChildProcess | undefined;
  let queue: Queue<TimerJobData>;
  let events: QueueEvents;
  const outcomes = new Map<string, string>();
  let workerOutput = '';

  beforeAll(async () => {
    runtime = await startWorkflowRuntime(isMysqlAvailable() ? 'mysql' : 'sqlite', {
      start: new Date().toISOString(),
      workflowConfig: { redisUrl, queuePrefix: prefix },
      // A stale deal after two seconds, so the delayed job comes due while the test watches.
      change: (bundle) => {
        const text = JSON.stringify(bundle.processes.salesPipeline).replace(/"P14D"/g, '"PT2S"');
        bundle.processes.salesPipeline = JSON.parse(text) as ProcessDocument;
      },
    });
    queue = new Queue<TimerJobData>(TIMER_QUEUE, { connection: { url: redisUrl }, prefix });
    // What each job returned, as the worker process reports it through Redis.
    events = new QueueEvents(TIMER_QUEUE, { connection: { url: redisUrl }, prefix });
    events.on('completed', ({ jobId, returnvalue }) => outcomes.set(jobId, String(returnvalue)));
    await events.waitUntilReady();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, DATABASE_URL: runtime.testDatabase.url, REDIS_URL: redisUrl, STAGECRAFT_QUEUE_PREFIX: prefix,
      STAGECRAFT_SWEEP_INTERVAL_MS: '3600000', STAGECRAFT_SCHEDULER_INTERVAL_MS: '3600000', STAGECRAFT_METADATA_POLL_MS: '60000',
    };
    worker = spawn(process.execPath, ['-r', './tests/support/ts-register.js', 'runtime/src/cli/main.ts', 'worker'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (workerOutput += chunk.toString()));
    await until(async () => /worker running \(BullMQ timers/.test(workerOutput), 'the worker to start');
  }, 120_000);

  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      const exited = new Promise((resolve) => worker?.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await events?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await runtime?.close();
  });

  it('fires a timer armed by a transition from its delayed job, once even when the job comes twice', async () => {
    runtime.clock.set(new Date());
    const deal = await createRecord(runtime, 'opportunity', { name: 'Queued deal' });
    const [armed] = (await processView(runtime, 'opportunity', deal.id)).timers;
    expect(armed?.key).toBe('salesPipeline:prospecting:staleDeal');
    const jobId = timerJobId({ entity: 'opportunity', recordId: deal.id, key: armed?.key ?? '', generation: armed?.generation ?? 0 });
    // Arming added the delayed job after the commit (asynchronously): wait for it to be in Redis.
    await until(async () => (await queue.getJob(jobId)) !== undefined || (await firings(deal.id)) > 0, 'the delayed job');
    const original = await queue.getJob(jobId);
    expect(original?.opts.delay).toBeGreaterThan(0);
    const duplicate = await queue.add('timer', original?.data ?? { entity: 'opportunity', recordId: deal.id, key: armed?.key ?? '', generation: armed?.generation ?? 0 }, { jobId: `${jobId}-again`, delay: Math.max(0, Date.parse(armed?.dueAt ?? '') - Date.now()) });

    await until(async () => outcomes.has(jobId) && outcomes.has(String(duplicate.id)), 'both jobs to finish in the worker');
    expect(await firings(deal.id)).toBe(1);
    const tasks = await runtime.system.database.select('SELECT title FROM task WHERE related_id = $1', [deal.id]);
    expect(tasks).toEqual([{ title: 'Stale deal: Queued deal' }]);
    expect((await processView(runtime, 'opportunity', deal.id)).timers).toEqual([]);
    // One job fired the timer; the other found the row claimed or gone and did nothing.
    const results = [outcomes.get(jobId), outcomes.get(String(duplicate.id))];
    expect(results.filter((result) => result === 'fired')).toHaveLength(1);
    expect(results.filter((result) => result !== 'fired').every((result) => ['stale', 'busy', 'lost'].includes(String(result)))).toBe(true);
  }, 90_000);

  async function firings(recordId: string): Promise<number> {
    const rows = await runtime.system.database.select(`SELECT COUNT(*) AS n FROM stagecraft_process_transitions WHERE record_id = $1 AND event LIKE 'stagecraft.timer:%'`, [recordId]);
    return Number(rows[0]?.n);
  }
});
