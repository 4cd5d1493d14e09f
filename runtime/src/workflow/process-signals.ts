// Process signals (entity metadata `processSignals`): when a record is created, an event goes to
// the process of the record a reference field names — e.g. a new activity sends ACTIVITY to its
// opportunity, whose stale-deal timer restarts. Written as outbox rows in the create's
// transaction, so the event is delivered after commit (at least once) as the other record's own
// transition; a state that does not take the event just refuses it.
import type { Transaction } from 'sequelize';
import type { SignalProcessEffect } from '@stagecraft/core';
import type { CompiledEntity } from '../live/compiled-types';
import type { OutboxRows } from '../outbox/outbox-rows';
import type { RecordData } from '../records/record-rows';

export async function enqueueProcessSignals(outbox: OutboxRows, entity: CompiledEntity, record: RecordData, now: Date, transaction: Transaction): Promise<string[]> {
  const ids: string[] = [];
  for (const signal of entity.document.processSignals ?? []) {
    const field = entity.document.fields.find((candidate) => candidate.name === signal.field);
    const target = record[signal.field];
    if (field?.type !== 'reference' || typeof target !== 'string' || target === '') continue;
    const params: SignalProcessEffect = { entity: field.entity, recordId: target, event: signal.event };
    ids.push(await outbox.enqueue({ kind: 'signalProcess', params, source: { entity: entity.name, recordId: String(record.id), event: signal.event } }, now, transaction));
  }
  return ids;
}
