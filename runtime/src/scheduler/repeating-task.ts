// A round of work repeated every interval inside a server process (timer firing, outbox
// delivery): the next round is scheduled only after the previous one settles, so rounds never
// overlap, and the timer is unref'd so it never keeps a finished process alive.

export class RepeatingTask {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly round: () => Promise<unknown>,
    private readonly onError?: (error: unknown) => void,
  ) {}

  /** Runs a round now, then every `intervalMs` after each round ends. A second start is ignored. */
  start(intervalMs: number): void {
    if (this.timer) return;
    const tick = (): void => {
      this.round()
        .catch((error: unknown) => this.onError?.(error))
        .finally(() => {
          if (!this.timer) return;
          this.timer = setTimeout(tick, intervalMs);
          this.timer.unref();
        });
    };
    this.timer = setTimeout(tick, 0);
    this.timer.unref();
  }

  /** Schedules no further rounds; a round in progress finishes on its own. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
