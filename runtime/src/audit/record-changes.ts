// What a write changed, for the audit log: `{ field: { before, after } }` over the fields whose
// value differs — on create every field given a value (before null), on delete every field that
// had one (after null). System fields (id, version, timestamps) are the row's own, not changes.
import { SYSTEM_FIELDS } from '@stagecraft/core';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

function isSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function changedFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, names: Iterable<string>): FieldChanges {
  const changes: FieldChanges = {};
  for (const name of names) {
    if (SYSTEM_FIELD_NAMES.has(name)) continue;
    const old = before[name] ?? null;
    const next = after[name] ?? null;
    if (!isSame(old, next)) changes[name] = { before: old, after: next };
  }
  return changes;
}
