// Timers dispatched through BullMQ (with REDIS_URL): arming a timer row also adds a delayed job
// whose id is the row's key + generation, so re-adding is a no-op and a re-armed timer gets a
// new job. Workers (any number of processes) claim the DB row before acting, so a job delivered
// twice acts once and a stale job (older generation) finds no row. The DB stays the truth: a
// sweeper re-adds the job of any armed row whose job is missing (a crash between commit and add,
// a flushed Redis), and fires rows overdue past a grace period directly.
import { Queue, Worker, type Job } from 'bullmq';
import type { TimerRow } from '../workflow/timer-rows';
import { timerJobId, TimerRows } from '../workflow/timer-rows';
import type { Clock } from './clock';
import type { TimerScheduler } from './timer-scheduler';

export const TIMER_QUEUE = 'stagecraft-timers';

export interface TimerJobData {
  entity: string;
  recordId: string;
  key: string;
  generation: number;
}

export interface BullmqOptions {
  redisUrl: string;
  /** Separates the queues of several installations (and of tests) on one Redis. */
  prefix?: string;
}

function connectionOf(options: BullmqOptions): { url: string; maxRetriesPerRequest: null } {
  // BullMQ requires maxRetriesPerRequest: null for blocking worker connections.
  return { url: options.redisUrl, maxRetriesPerRequest: null };
}

export class BullmqTimerQueue {
  readonly queue: Queue<TimerJobData>;

  constructor(private readonly options: BullmqOptions, private readonly clock: Clock) {
    this.queue = new Queue<TimerJobData>(TIMER_QUEUE, { connection: connectionOf(options), ...(options.prefix ? { prefix: options.prefix } : {}) });
  }

  /** Adds the delayed job of each armed row (idempotent per key + generation). */
  async schedule(rows: readonly TimerRow[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const row of rows) {
      await this.queue.add('timer', { entity: row.entity, recordId: row.recordId, key: row.key, generation: row.generation }, {
        jobId: timerJobId(row),
        delay: Math.max(0, Date.parse(row.dueAt) - now),
        removeOnComplete: true,
        removeOnFail: 1000,
      });
    }
  }

  /** Re-adds jobs for armed rows due within the horizon whose job is gone; returns how many. */
  async sweep(timers: TimerRows, horizonMs: number, limit = 5000): Promise<number> {
    const horizon = this.clock.now().getTime() + horizonMs;
    let added = 0;
    let cursor: { dueAt: string; key: string } | null = null;
    let scanned = 0;
    for (;;) {
      const rows = await timers.listAll(cursor, 500);
      const fresh = cursor === null ? rows : rows.filter((row) => row.dueAt > (cursor?.dueAt ?? ''));
      for (const row of fresh) {
        if (Date.parse(row.dueAt) > horizon) return added;
        if (!(await this.queue.getJob(timerJobId(row)))) {
          await this.schedule([row]);
          added += 1;
        }
      }
      scanned += fresh.length;
      const last = rows[rows.length - 1];
      if (rows.length < 500 || !last || fresh.length === 0 || scanned >= limit) return added;
      cursor = { dueAt: last.dueAt, key: last.key };
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** A worker process's consumer: each job names a row; the scheduler claims and fires it. */
export function startTimerWorker(options: BullmqOptions & { concurrency: number }, timers: TimerRows, scheduler: TimerScheduler, onError: (error: unknown) => void): Worker<TimerJobData> {
  const worker = new Worker<TimerJobData>(
    TIMER_QUEUE,
    async (job: Job<TimerJobData>) => {
      const row = await timers.find({ entity: job.data.entity, recordId: job.data.recordId }, job.data.key);
      if (!row || row.generation !== job.data.generation) return 'stale';
      return scheduler.fire(row);
    },
    { connection: connectionOf(options), concurrency: options.concurrency, ...(options.prefix ? { prefix: options.prefix } : {}) },
  );
  worker.on('error', onError);
  return worker;
}
