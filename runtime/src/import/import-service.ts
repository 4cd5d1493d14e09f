// Imports as one service beside the record service: each call takes one operation context (the
// live metadata snapshot, the actor, the request's origin and confirmations) from the record
// service, so imported rows go through the same operations, counters and hooks as API writes.
import type { Actor, RequestOrigin } from '../identity/actor';
import type { RecordService } from '../records/record-service';
import { importRecords, type ImportOptions, type ImportReport } from './import-records';
import type { ImportSource } from './import-rows';

export class ImportService {
  constructor(private readonly records: RecordService) {}

  /** `confirm`: the rules every row may break, as `?confirm=` on a create (duplicate, overlap rules). */
  run(entity: string, source: ImportSource, options: ImportOptions, actor: Actor, origin: RequestOrigin, confirm: readonly string[] = []): Promise<ImportReport> {
    return importRecords(this.records.operationContext(actor, origin, confirm), entity, source, options);
  }
}
