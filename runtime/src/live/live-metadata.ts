// Holds the compiled live metadata version and swaps it atomically: a new object replaces the
// reference, and requests keep the snapshot they started with. Publishes made by other processes
// are picked up by polling the live version number (one primary-key read); publishes made here
// call refresh() directly, so the next request already sees them.
import { emptyBundle } from '@stagecraft/core';
import type { MetadataRepository } from '@stagecraft/metadata';
import type { CompiledMetadata } from './compiled-types';
import { compileMetadata } from './compile-metadata';
import type { Quote } from './compile-entity';

export interface LiveMetadataOptions {
  pollMs: number;
  /** Reports a failed poll or compile; the previous version stays live. */
  onError?: (error: unknown) => void;
  /** Called after a new version was swapped in. */
  onChange?: (metadata: CompiledMetadata) => void;
}

export class LiveMetadata {
  private current: CompiledMetadata;
  private refreshing: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private isPolling = false;

  private constructor(
    private readonly repository: MetadataRepository,
    private readonly quote: Quote,
    private readonly options: LiveMetadataOptions,
  ) {
    this.current = compileMetadata(emptyBundle(), null, quote);
  }

  static async load(repository: MetadataRepository, quote: Quote, options: LiveMetadataOptions): Promise<LiveMetadata> {
    const live = new LiveMetadata(repository, quote, options);
    await live.refresh();
    return live;
  }

  /** The compiled version to serve a request with. */
  get(): CompiledMetadata {
    return this.current;
  }

  /** Loads and compiles the live version if it changed; true when it swapped. Never overlaps itself. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.loadIfChanged().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  startPolling(): void {
    if (this.isPolling) return;
    this.isPolling = true;
    this.schedulePoll();
  }

  stopPolling(): void {
    this.isPolling = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedulePoll(): void {
    if (!this.isPolling) return;
    // A timeout chained after each poll (not an interval): a slow poll never overlaps the next.
    this.timer = setTimeout(() => {
      this.refresh()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => this.schedulePoll());
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async loadIfChanged(): Promise<boolean> {
    const number = await this.repository.liveVersionNumber();
    if (number === this.current.version) return false;
    const version = number === null ? null : await this.repository.getVersion(number);
    const next = version ? compileMetadata(version.bundle, { number: version.number, hash: version.hash }, this.quote) : compileMetadata(emptyBundle(), null, this.quote);
    this.current = next;
    this.options.onChange?.(next);
    return true;
  }
}
