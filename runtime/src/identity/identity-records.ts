// Finds or creates identity records (roles, teams, users) through the record service as the
// system actor, so start-up seeding is validated and audited like any other write.
import type { RecordService } from '../records/record-service';
import { defaultListQuery } from '../records/list-query';
import type { RecordData } from '../records/record-rows';
import { SYSTEM_ACTOR } from './actor';

export async function findRecordBy(records: RecordService, entity: string, field: string, value: string): Promise<RecordData | null> {
  const page = await records.list(entity, { ...defaultListQuery(), filters: [{ field, op: 'eq', value }], pageSize: 1, withTotal: false }, SYSTEM_ACTOR);
  return page.data[0] ?? null;
}

/** The record whose `field` is `value`; created with `values` when there is none. Returns its id. */
export async function ensureRecord(records: RecordService, entity: string, field: string, value: string, values: Record<string, unknown>): Promise<{ id: string; isNew: boolean }> {
  const existing = await findRecordBy(records, entity, field, value);
  if (existing) return { id: String(existing.id), isNew: false };
  const created = await records.create(entity, { ...values, [field]: value }, SYSTEM_ACTOR);
  return { id: String(created.id), isNew: true };
}
