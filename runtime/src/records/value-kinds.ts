// How each field type's values travel between JSON records, bind parameters and SQL rows.
// A field maps to one of a few value kinds (its type's definition says which); each kind has one codec, so the SQL layer and
// the API agree on booleans, decimals, dates and multi-value fields on every dialect.
import type { ValueKind } from '@stagecraft/core';

// Which kind a field's values are, and their scale, is each field type's definition's to say (core/src/field-types).
export { scaleOf, valueKindOf, type ValueKind } from '@stagecraft/core';

export interface ValueCodec {
  /** A validated record value → the bind parameter stored in the column. */
  toColumn(value: unknown, scale?: number): unknown;
  /** What the driver returned for the column → the record value (null for empty). */
  fromColumn(raw: unknown): unknown;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** UTC `YYYY-MM-DD HH:MM:SS.mmm`: sortable text on SQLite, DATETIME(3) on MySQL. */
export function toSqlDateTime(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
  );
}

function roundToScale(value: number, scale: number | undefined): number {
  if (scale === undefined) return value;
  const factor = 10 ** scale;
  return Math.round(value * factor) / factor;
}

export const VALUE_CODECS = {
  string: {
    toColumn: (value) => value,
    fromColumn: (raw) => (raw === null || raw === undefined ? null : String(raw)),
  },
  integer: {
    toColumn: (value) => value,
    fromColumn: (raw) => (raw === null || raw === undefined ? null : Number(raw)),
  },
  number: {
    toColumn: (value, scale) => (typeof value === 'number' ? roundToScale(value, scale) : value),
    fromColumn: (raw) => (raw === null || raw === undefined ? null : Number(raw)),
  },
  boolean: {
    toColumn: (value) => (value === null || value === undefined ? null : value ? 1 : 0),
    fromColumn: (raw) => (raw === null || raw === undefined ? null : raw === true || Number(raw) === 1),
  },
  date: {
    toColumn: (value) => value,
    fromColumn: (raw) => {
      if (raw === null || raw === undefined) return null;
      if (raw instanceof Date) return raw.toISOString().slice(0, 10);
      return String(raw).slice(0, 10);
    },
  },
  datetime: {
    toColumn: (value) => (typeof value === 'string' ? toSqlDateTime(new Date(value)) : value instanceof Date ? toSqlDateTime(value) : value),
    fromColumn: (raw) => {
      if (raw === null || raw === undefined) return null;
      if (raw instanceof Date) return raw.toISOString();
      const text = String(raw);
      // Stored as UTC text `YYYY-MM-DD HH:MM:SS.mmm`; older rows may lack the fraction.
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
      return Number.isNaN(date.getTime()) ? text : date.toISOString();
    },
  },
  list: {
    toColumn: (value) => (Array.isArray(value) ? JSON.stringify(value) : value),
    fromColumn: (raw) => {
      if (raw === null || raw === undefined || raw === '') return null;
      if (Array.isArray(raw)) return raw;
      try {
        const parsed: unknown = JSON.parse(String(raw));
        return Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        // A value written outside the API as plain text still reads as one element.
        return [String(raw)];
      }
    },
  },
} as const satisfies Record<ValueKind, ValueCodec>;
