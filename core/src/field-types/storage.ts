// Portable column types and the fixed lengths field types store their values in. Each dialect maps
// a ColumnType to SQL (see the metadata package's appliers); field-type definitions choose one.

export type ColumnType =
  | { kind: 'string'; length: number }
  | { kind: 'text' }
  | { kind: 'integer' }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'datetime' };

/** Record ids are UUIDs (v7); user ids come from the identity provider, so only their length is fixed. */
export const ID_MAX_LENGTH = 36;
export const ID_COLUMN_TYPE: ColumnType = { kind: 'string', length: ID_MAX_LENGTH };
/** Column length of strings that declare none (string fields, e-mails, phones, formula strings). */
export const DEFAULT_STRING_LENGTH = 255;
export const ENUM_VALUE_LENGTH = 100;
export const URL_MAX_LENGTH = 2048;
export const AUTONUMBER_MAX_LENGTH = 64;

/** How values of a field travel between JSON records, bind parameters and SQL rows (the runtime has one codec per kind). */
export type ValueKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'list';

/** Longest string MariaDB can put in a unique index with utf8mb4 (3072 bytes / 4). */
export const MAX_INDEXED_STRING_LENGTH = 768;
