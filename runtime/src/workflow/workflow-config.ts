// The workflow part of the runtime config: how timers are dispatched (BullMQ with REDIS_URL,
// else the embedded scheduler), how often the loops look, leases and batch sizes, e-mail.
export interface WorkflowConfig {
  /** Set: timers go through BullMQ delayed jobs and `stagecraft worker` processes. */
  redisUrl?: string;
  /** BullMQ key prefix (separates installations sharing a Redis). */
  queuePrefix: string;
  /** Run the timer and outbox loops inside `serve` (default: yes without REDIS_URL). */
  embeddedScheduler: boolean;
  /** How often the embedded scheduler and the outbox worker look for due work. */
  schedulerIntervalMs: number;
  timerBatchSize: number;
  /** A claimed timer or outbox row returns to the pool after this long (crash recovery). */
  leaseMs: number;
  /** BullMQ worker concurrency per process. */
  workerConcurrency: number;
  /** How often a worker re-adds jobs missing for armed rows. */
  sweepIntervalMs: number;
  /** Unset: e-mails are only recorded in the outbox (log transport). */
  smtpUrl?: string;
}

export const DEFAULT_WORKFLOW_CONFIG: WorkflowConfig = {
  queuePrefix: 'stagecraft',
  embeddedScheduler: true,
  schedulerIntervalMs: 1000,
  timerBatchSize: 100,
  leaseMs: 60_000,
  workerConcurrency: 8,
  sweepIntervalMs: 30_000,
};
