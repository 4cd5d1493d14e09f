// The record operations as one service: each call takes the live metadata snapshot once, so a
// request runs start to end against one version even if a publish lands meanwhile.
import type { Database } from '../db/database';
import type { CompiledMetadata } from '../live/compiled-types';
import type { ListQuery } from './list-query';
import { createRecord } from './operations/create-record';
import { deleteRecord } from './operations/delete-record';
import { getRecord, type GetOptions } from './operations/get-record';
import { listRecords, type RecordPage } from './operations/list-records';
import { updateRecord, type UpdateOptions } from './operations/update-record';
import type { RecordContext } from './record-context';
import type { RecordData } from './record-rows';

export interface RecordServiceDependencies {
  database: Database;
  metadata: () => CompiledMetadata;
  now?: () => Date;
}

export class RecordService {
  private readonly knownSequences = new Set<string>();

  constructor(private readonly dependencies: RecordServiceDependencies) {}

  private context(actor: string): RecordContext {
    return {
      database: this.dependencies.database,
      metadata: this.dependencies.metadata(),
      actor,
      now: this.dependencies.now ?? (() => new Date()),
      knownSequences: this.knownSequences,
    };
  }

  list(entity: string, query: ListQuery, actor = 'system'): Promise<RecordPage> {
    return listRecords(this.context(actor), entity, query);
  }

  get(entity: string, id: string, options: GetOptions = {}, actor = 'system'): Promise<RecordData> {
    return getRecord(this.context(actor), entity, id, options);
  }

  create(entity: string, body: unknown, actor = 'system'): Promise<RecordData> {
    return createRecord(this.context(actor), entity, body);
  }

  update(entity: string, id: string, body: unknown, options: UpdateOptions = {}, actor = 'system'): Promise<RecordData> {
    return updateRecord(this.context(actor), entity, id, body, options);
  }

  delete(entity: string, id: string, options: { expectedVersion?: number } = {}, actor = 'system'): Promise<void> {
    return deleteRecord(this.context(actor), entity, id, options);
  }
}
