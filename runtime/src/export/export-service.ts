// Exports as one service: each call takes the live metadata snapshot once and builds the
// actor's context, like the record and report services; the route only writes the format.
import type { Database } from '../db/database';
import { NO_ORIGIN, type Actor } from '../identity/actor';
import type { CompiledMetadata } from '../live/compiled-types';
import type { ListQuery } from '../records/list-query';
import { exportRecords, type RecordExport } from './export-records';

export interface ExportServiceDependencies {
  database: Database;
  metadata: () => CompiledMetadata;
}

export class ExportService {
  private readonly knownSequences = new Set<string>();

  constructor(private readonly dependencies: ExportServiceDependencies) {}

  /** The records `actor` may export, matching the list query (checked now, read when iterated). */
  records(entity: string, query: Pick<ListQuery, 'filters' | 'sort' | 'search' | 'fields'>, actor: Actor): RecordExport {
    const context = { database: this.dependencies.database, metadata: this.dependencies.metadata(), actor, origin: NO_ORIGIN, now: () => new Date(), knownSequences: this.knownSequences };
    return exportRecords(context, entity, query);
  }
}
