// Fires due timers from the database, the truth: list due rows, claim them with a lease (one
// conditional UPDATE for the whole round, so any number of schedulers and workers can run side
// by side and a round costs one commit to claim), fire each in its own transaction. Used by the embedded loop (no Redis), by BullMQ workers for the row a job
// names, and at start-up, where overdue timers fire first. The clock is injected.
import { randomUUID } from 'node:crypto';
import { fireClaimedTimer, type TimerFiringOutcome } from '../workflow/timer-firing';
import type { TimerRow } from '../workflow/timer-rows';
import type { WorkflowService } from '../workflow/workflow-service';
import type { Clock } from './clock';
import { RepeatingTask } from './repeating-task';

export interface TimerSchedulerOptions {
  /** Rows claimed per round. */
  batchSize: number;
  /** Records whose due rows fire at once (each row is claimed first, so they never collide; SQLite serialises the writes anyway). */
  concurrency: number;
  /** How long a claim holds before another worker may take the row (a crashed worker's rows come back then). */
  leaseMs: number;
  /** First retry delay of a failing firing; doubles per attempt. */
  retryMs: number;
  maxAttempts: number;
  /** Names this worker in claims (random by default). */
  workerId?: string;
  onFired?: (timer: TimerRow, outcome: TimerFiringOutcome) => void;
  onError?: (error: unknown) => void;
}

export const DEFAULT_TIMER_SCHEDULER_OPTIONS: TimerSchedulerOptions = { batchSize: 100, concurrency: 1, leaseMs: 60_000, retryMs: 5_000, maxAttempts: 10 };

export type FiringReport = Partial<Record<TimerFiringOutcome | 'busy', number>>;

export class TimerScheduler {
  readonly workerId: string;
  private readonly options: TimerSchedulerOptions;
  private loop: RepeatingTask | undefined;
  private running: Promise<FiringReport> | undefined;

  constructor(private readonly service: WorkflowService, private readonly clock: Clock, options: Partial<TimerSchedulerOptions> = {}) {
    this.options = { ...DEFAULT_TIMER_SCHEDULER_OPTIONS, ...options };
    this.workerId = options.workerId ?? `w-${randomUUID().slice(0, 18)}`;
  }

  /** Fires every timer due now (round after round until none is left); never overlaps itself. */
  fireDueTimers(): Promise<FiringReport> {
    this.running ??= this.fireRounds().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async fireRounds(): Promise<FiringReport> {
    const report: FiringReport = {};
    for (;;) {
      const due = await this.service.timers.listDue(this.clock.now(), this.options.batchSize);
      // The whole round is claimed in one statement; rows another worker took meanwhile drop out.
      const token = this.claimToken();
      const claimed = await this.service.timers.claimBatch(due, token, this.clock.now(), this.options.leaseMs);
      const busy = due.length - claimed.length;
      if (busy > 0) report.busy = (report.busy ?? 0) + busy;
      let progressed = false;
      // One record's timers fire in due order (a reminder before its escalation); records in parallel.
      const byRecord = new Map<string, TimerRow[]>();
      for (const timer of claimed) {
        const key = `${timer.entity}\u0000${timer.recordId}`;
        byRecord.set(key, [...(byRecord.get(key) ?? []), timer]);
      }
      const queues = [...byRecord.values()];
      const lane = async (): Promise<void> => {
        for (let timers = queues.shift(); timers; timers = queues.shift()) {
          for (const timer of timers) {
            const outcome = await this.fireClaimed(timer, token);
            report[outcome] = (report[outcome] ?? 0) + 1;
            if (outcome !== 'lost') progressed = true;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(this.options.concurrency, queues.length)) }, lane));
      if (due.length < this.options.batchSize || !progressed) return report;
    }
  }

  private claimToken(): string {
    return `${this.workerId}-${randomUUID().slice(0, 8)}`;
  }

  /** Claims and fires one row (what a queue job does); 'busy' when another worker holds it. */
  async fire(timer: TimerRow): Promise<TimerFiringOutcome | 'busy'> {
    const token = this.claimToken();
    if (!(await this.service.timers.claim(timer, token, this.clock.now(), this.options.leaseMs))) return 'busy';
    return this.fireClaimed({ ...timer, attempts: timer.attempts + 1 }, token);
  }

  /** Fires a row this worker holds under `token` (`attempts` already counts this attempt); a failure is retried with backoff. */
  private async fireClaimed(timer: TimerRow, token: string): Promise<TimerFiringOutcome> {
    const now = this.clock.now();
    const firing = await fireClaimedTimer(this.service, timer, token, now);
    if (firing.outcome === 'failed') {
      const attempts = timer.attempts;
      const delay = attempts >= this.options.maxAttempts ? 24 * 3_600_000 : this.options.retryMs * 2 ** (attempts - 1);
      await this.service.timers.release(timer, token, { error: firing.error ?? 'failed', retryAt: new Date(now.getTime() + delay) });
    }
    this.options.onFired?.(timer, firing.outcome);
    return firing.outcome;
  }

  /** The embedded scheduler: fires due timers now (overdue ones first) and then every `intervalMs`. */
  start(intervalMs: number): void {
    this.loop ??= new RepeatingTask(() => this.fireDueTimers(), (error) => this.options.onError?.(error));
    this.loop.start(intervalMs);
  }

  async stop(): Promise<void> {
    this.loop?.stop();
    await this.running?.catch(() => undefined);
  }
}
