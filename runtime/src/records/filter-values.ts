// Turns filter values from a query string (text) or a JSON filter (typed) into bind parameters
// of the field's value kind. A value that cannot be one is reported, never passed to SQL as is:
// numbers are finite, dates and date-times within what the databases store (years 1–9999, UTC).
import { isStorableDate, isStorableInstant, STORED_DATE_RANGE } from '@stagecraft/core';
import { toSqlDateTime, type ValueKind } from './value-kinds';

export type ParsedValue = { ok: true; value: unknown } | { ok: false; message: string };

const INTEGER = /^[-+]?\d{1,15}$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?([zZ]|[+-]\d{2}:?\d{2})?$/;

const ok = (value: unknown): ParsedValue => ({ ok: true, value });
const fail = (message: string): ParsedValue => ({ ok: false, message });

/** A calendar date YYYY-MM-DD the databases store (years 1–9999). */
export function isValidDate(text: string): boolean {
  return isStorableDate(text);
}

export function parseFilterValue(kind: ValueKind, raw: unknown, enumValues?: ReadonlySet<string>): ParsedValue {
  switch (kind) {
    case 'string':
    case 'list': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return fail('must be text');
      const text = String(raw);
      // SQLite reads patterns as C strings: a NUL would end a LIKE pattern early.
      if (text.includes('\u0000')) return fail('must not contain NUL characters');
      if (enumValues && !enumValues.has(text)) return fail(`must be one of ${[...enumValues].join(', ')}`);
      return ok(text);
    }
    case 'integer':
      if (typeof raw === 'number' && Number.isSafeInteger(raw)) return ok(raw);
      if (typeof raw === 'string' && INTEGER.test(raw.trim())) return ok(Number(raw));
      return fail('must be a whole number');
    case 'number':
      if (typeof raw === 'number' && Number.isFinite(raw)) return ok(raw);
      // 1e309 matches the grammar but is Infinity: never a value a column holds.
      if (typeof raw === 'string' && NUMBER.test(raw.trim()) && Number.isFinite(Number(raw))) return ok(Number(raw));
      return fail('must be a finite number');
    case 'boolean':
      if (raw === true || raw === 'true' || raw === '1' || raw === 1) return ok(1);
      if (raw === false || raw === 'false' || raw === '0' || raw === 0) return ok(0);
      return fail('must be true or false');
    case 'date':
      if (typeof raw === 'string' && isValidDate(raw)) return ok(raw);
      return fail(`must be a date (YYYY-MM-DD) ${STORED_DATE_RANGE}`);
    case 'datetime': {
      if (typeof raw !== 'string' || !DATE_TIME.test(raw)) return fail('must be an ISO 8601 date-time');
      const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(raw) || DATE.test(raw) ? raw : `${raw}Z`;
      const date = new Date(zoned.replace(' ', 'T'));
      if (!isStorableInstant(date)) return fail(`must be an ISO 8601 date-time ${STORED_DATE_RANGE} in UTC`);
      return ok(toSqlDateTime(date));
    }
  }
}

/** Parses an isNull operand: true or false. */
export function parseFlag(raw: unknown): boolean | undefined {
  if (raw === true || raw === 'true' || raw === '1' || raw === '' || raw === undefined) return true;
  if (raw === false || raw === 'false' || raw === '0') return false;
  return undefined;
}
