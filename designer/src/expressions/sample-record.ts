// The sample record an expression is tried against in the editor: one input per field the
// expression reads (no JSON to type), each turned into the value the record API would hold for
// that field type, and the result shown as an administrator reads it.
import type { FieldDefinition } from '@stagecraft/core';
import { NUMERIC_FIELD_TYPES } from '@stagecraft/core/field-types';

export type SampleInputKind = 'number' | 'checkbox' | 'select' | 'date' | 'datetime-local' | 'text';

export function sampleInputKind(field: FieldDefinition | undefined): SampleInputKind {
  if (!field) return 'text';
  if (NUMERIC_FIELD_TYPES.has(field.type) || (field.type === 'formula' && NUMERIC_FIELD_TYPES.has(field.resultType))) return 'number';
  if (field.type === 'boolean') return 'checkbox';
  if (field.type === 'enum') return 'select';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'datetime-local';
  return 'text';
}

/** The value a field holds for what was typed: empty is null, numbers are numbers, a multi-select is a list. */
export function sampleValueOf(field: FieldDefinition | undefined, text: string): unknown {
  const kind = sampleInputKind(field);
  if (kind === 'checkbox') return text === 'true';
  if (text.trim() === '') return null;
  if (kind === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (kind === 'datetime-local') return `${text}${text.length === 16 ? ':00' : ''}Z`;
  if (field?.type === 'multiEnum') return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  return text;
}

/** The sample scope: every referenced name with its typed value (unset names read as null). */
export function sampleScope(names: readonly string[], fields: readonly FieldDefinition[], texts: Readonly<Record<string, string>>): Record<string, unknown> {
  const byName = new Map(fields.map((field) => [field.name, field]));
  return Object.fromEntries(names.map((name) => [name, sampleValueOf(byName.get(name), texts[name] ?? '')]));
}

/** A result as text: true / false, numbers and text as they are, null as "null", lists and objects as JSON. */
export function describeResult(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
