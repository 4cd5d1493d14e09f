// The record operations as one service: each call takes the live metadata snapshot once, so a
// request runs start to end against one version even if a publish lands meanwhile.
import type { Transaction } from 'sequelize';
import { ForbiddenError, NotFoundError, type EntityOperation } from '@stagecraft/core';
import { entityAccessOf } from '../access/access-policies';
import { accessOf, requireRecordAccess } from '../access/record-access';
import type { Database } from '../db/database';
import { NO_ORIGIN, type Actor, type RequestOrigin } from '../identity/actor';
import type { CompiledMetadata } from '../live/compiled-types';
import type { ListQuery } from './list-query';
import { createRecord } from './operations/create-record';
import { deleteRecord } from './operations/delete-record';
import { getRecord, type GetOptions } from './operations/get-record';
import { listRecords, type RecordPage } from './operations/list-records';
import { reassignRecord, type ReassignOptions, type ReassignResult } from './operations/reassign-record';
import { updateRecord, type UpdateOptions } from './operations/update-record';
import type { RecordContext } from './record-context';
import type { RecordHooks } from './record-hooks';
import type { RecordData } from './record-rows';

export interface CreateOptions {
  /** Rules the writer confirmed breaking (overlap rules by name). */
  confirm?: readonly string[];
}

export interface RecordServiceDependencies {
  database: Database;
  metadata: () => CompiledMetadata;
  now?: () => Date;
  hooks?: RecordHooks;
}

export class RecordService {
  private readonly knownSequences = new Set<string>();

  constructor(private readonly dependencies: RecordServiceDependencies) {}

  private context(actor: Actor, origin: RequestOrigin, confirm?: readonly string[]): RecordContext {
    return {
      ...(confirm && confirm.length > 0 ? { confirmed: new Set(confirm) } : {}),
      database: this.dependencies.database,
      metadata: this.dependencies.metadata(),
      actor,
      origin,
      now: this.dependencies.now ?? (() => new Date()),
      knownSequences: this.knownSequences,
      ...(this.dependencies.hooks ? { hooks: this.dependencies.hooks } : {}),
    };
  }

  /** One operation's context, for the record capabilities beside these operations (conversion, merge, assignment). */
  operationContext(actor: Actor, origin: RequestOrigin = NO_ORIGIN, confirm?: readonly string[]): RecordContext {
    return this.context(actor, origin, confirm);
  }

  list(entity: string, query: ListQuery, actor: Actor, origin: RequestOrigin = NO_ORIGIN): Promise<RecordPage> {
    return listRecords(this.context(actor, origin), entity, query);
  }

  get(entity: string, id: string, options: GetOptions, actor: Actor, origin: RequestOrigin = NO_ORIGIN): Promise<RecordData> {
    return getRecord(this.context(actor, origin), entity, id, options);
  }

  create(entity: string, body: unknown, actor: Actor, origin: RequestOrigin = NO_ORIGIN, options: CreateOptions = {}): Promise<RecordData> {
    return createRecord(this.context(actor, origin, options.confirm), entity, body);
  }

  /** Creates a record inside the caller's transaction (a process's createRecord effect). */
  createWithin(transaction: Transaction, entity: string, body: unknown, actor: Actor, origin: RequestOrigin = NO_ORIGIN, options: CreateOptions = {}): Promise<RecordData> {
    return createRecord({ ...this.context(actor, origin, options.confirm), transaction }, entity, body);
  }

  update(entity: string, id: string, body: unknown, options: UpdateOptions, actor: Actor, origin: RequestOrigin = NO_ORIGIN): Promise<RecordData> {
    return updateRecord(this.context(actor, origin, options.confirm), entity, id, body, options);
  }

  delete(entity: string, id: string, options: { expectedVersion?: number }, actor: Actor, origin: RequestOrigin = NO_ORIGIN): Promise<void> {
    return deleteRecord(this.context(actor, origin), entity, id, options);
  }

  /** Gives the record a new owner and carries its handover relations along (one transaction). */
  reassign(entity: string, id: string, body: unknown, options: ReassignOptions, actor: Actor, origin: RequestOrigin = NO_ORIGIN): Promise<ReassignResult> {
    return reassignRecord(this.context(actor, origin), entity, id, body, options);
  }

  /** Whether the actor may do `operation` to this record they can read (404 when they cannot read it, as everywhere). */
  async allows(entity: string, id: string, operation: EntityOperation, actor: Actor): Promise<boolean> {
    const context = this.context(actor, NO_ORIGIN);
    const compiled = context.metadata.entities.get(entity);
    if (!compiled) throw new NotFoundError(`There is no entity "${entity}"`);
    if (!accessOf(context, compiled).can(operation)) return false;
    try {
      await requireRecordAccess(context, compiled, id, operation, () => new NotFoundError(`There is no ${entity} record "${id}"`));
      return true;
    } catch (error) {
      if (error instanceof ForbiddenError) return false;
      throw error;
    }
  }

  /** The fields and relations of an entity this actor may not see (for responses built elsewhere, e.g. history). */
  hiddenFieldsOf(entity: string, actor: Actor): ReadonlySet<string> {
    return entityAccessOf(this.dependencies.metadata(), actor, entity).hiddenFields;
  }
}
