// Timers due at a date field follow the field: when an update (a PATCH, an import's update)
// changes a date field, the record's running processes are re-timed in the update's transaction —
// their snapshot written and their timer rows replaced — and the schedulers told after commit.
// Updates that change no date field cost nothing here.
import { retimeFieldTimers, timerDateFields } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { processIn } from './process-catalog';
import { readInstances, updateInstance } from './process-instances';
import { processUserOf } from './process-start';
import type { PersistedStep } from './step-persistence';
import type { WorkflowService } from './workflow-service';

export async function moveFieldTimers(
  service: WorkflowService, context: RecordContext, entity: CompiledEntity, record: RecordData, changedFields: readonly string[], transaction: Transaction,
): Promise<PersistedStep[]> {
  // User date fields only: updatedAt (a system date-time) changes on every write.
  const changedDates = new Set(changedFields.filter((name) => {
    const field = entity.fields.get(name);
    return field !== undefined && !field.isSystem && (field.kind === 'date' || field.kind === 'datetime');
  }));
  if (changedDates.size === 0) return [];
  const recordId = String(record.id);
  const now = context.now();
  const persisted: PersistedStep[] = [];
  for (const instance of await readInstances(context.database, entity.name, recordId, transaction, true)) {
    if (instance.status === 'done') continue;
    // The record's own process version decides which timers hang off which fields.
    const compiled = processIn(await service.catalog.forVersion(instance.metadataVersion), instance.process);
    if (![...timerDateFields(compiled)].some((field) => changedDates.has(field))) continue;
    const moved = retimeFieldTimers(compiled, instance.snapshot, changedDates, { record, user: processUserOf(context.actor), now, locale: context.actor.locale });
    if (!moved) continue;
    await updateInstance(context.database, { entity: entity.name, recordId, process: instance.process, metadataVersion: instance.metadataVersion, snapshot: moved.snapshot }, now, transaction);
    const armed = await service.timers.apply({ entity: entity.name, recordId, process: instance.process }, moved.timers, transaction);
    persisted.push({ armed, outbox: [], created: [] });
  }
  return persisted;
}
