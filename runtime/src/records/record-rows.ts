// SQL rows ↔ records for one compiled entity, and the column selection a read asks for.
import { BadRequestError, type Problem } from '@stagecraft/core';
import type { SqlRow } from '../db/database';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';

export type RecordData = Record<string, unknown>;

export function decodeRow(fields: readonly CompiledField[], row: SqlRow): RecordData {
  const record: RecordData = {};
  for (const field of fields) record[field.name] = field.codec.fromColumn(row[field.column]);
  return record;
}

export function encodeValue(field: CompiledField, value: unknown): unknown {
  return value === undefined ? null : field.codec.toColumn(value, field.scale);
}

/** The value a later read would return for what is being written (rounding, normalised dates). */
export function storedValue(field: CompiledField, value: unknown): unknown {
  return field.codec.fromColumn(encodeValue(field, value));
}

export interface Selection {
  fields: readonly CompiledField[];
  /** Quoted column list for SELECT. */
  sql: string;
}

const ALWAYS_SELECTED = ['id', 'version'];

/**
 * The columns to read: all, or those named in `fields` plus id and version, plus the reference
 * fields being expanded (their ids are needed to fetch the targets).
 */
export function selectionOf(entity: CompiledEntity, requested: readonly string[] | undefined, expand: readonly string[]): Selection {
  if (!requested) return { fields: entity.fieldList, sql: entity.selectAll };
  const problems: Problem[] = [];
  const wanted = new Set<string>(ALWAYS_SELECTED);
  for (const name of requested) {
    if (entity.fields.has(name)) wanted.add(name);
    else if (!entity.relations.has(name)) problems.push({ path: '/fields', message: `${entity.name} has no field "${name}"`, code: 'unknownField' });
  }
  if (problems.length > 0) throw new BadRequestError('The field list is not valid', problems);
  for (const name of expand) if (entity.fields.has(name)) wanted.add(name);
  const fields = entity.fieldList.filter((field) => wanted.has(field.name));
  return { fields, sql: fields.map((field) => field.sql).join(', ') };
}
