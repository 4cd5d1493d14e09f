// Small lookups over entity metadata the screens share: a record's title, a field by name,
// and the reference target of reference and user fields.
import type { EntitySummary, FieldDefinition, RecordData } from '../api/types';

/** The entity a reference-like field points at: `reference` → its entity, `user` → user. */
export function referenceTarget(field: FieldDefinition): string | undefined {
  if (field.type === 'reference') return field.entity;
  if (field.type === 'user') return 'user';
  return undefined;
}

export function displayFieldOf(entities: readonly EntitySummary[], entity: string): string {
  return entities.find((summary) => summary.name === entity)?.displayField ?? 'name';
}

/** What a record is called on screen: its display field, else a name-like field, else its id. */
export function recordTitle(record: Record<string, unknown> | null | undefined, displayField: string): string {
  if (!record) return '';
  for (const key of [displayField, 'name', 'displayName', 'subject', 'title', 'username']) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return typeof record.id === 'string' ? record.id : '';
}

export function fieldMap(fields: readonly FieldDefinition[]): Map<string, FieldDefinition> {
  return new Map(fields.map((field) => [field.name, field]));
}

export function isRecord(value: unknown): value is RecordData {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}
