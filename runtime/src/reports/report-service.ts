// The reports as one service: each call takes the live metadata snapshot once and builds the
// reader's context, like the record service; the routes stay thin wrappers.
import type { Database } from '../db/database';
import { NO_ORIGIN, type Actor } from '../identity/actor';
import type { CompiledMetadata } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import { listReports, runReport, type ReportResult, type ReportSummary } from './run-report';

export interface ReportServiceDependencies {
  database: Database;
  metadata: () => CompiledMetadata;
}

export class ReportService {
  private readonly knownSequences = new Set<string>();

  constructor(private readonly dependencies: ReportServiceDependencies) {}

  private context(actor: Actor): RecordContext {
    return { database: this.dependencies.database, metadata: this.dependencies.metadata(), actor, origin: NO_ORIGIN, now: () => new Date(), knownSequences: this.knownSequences };
  }

  /** The reports the actor may run, labelled in `locale`. */
  list(actor: Actor, locale: string): ReportSummary[] {
    return listReports(this.context(actor), locale);
  }

  /** Runs a report with the caller's parameters (query-string values by parameter name). */
  run(name: string, query: Readonly<Record<string, unknown>>, actor: Actor, locale: string): Promise<ReportResult> {
    return runReport(this.context(actor), name, query, locale);
  }
}
