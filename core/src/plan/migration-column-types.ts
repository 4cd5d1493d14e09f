// How a column's portable type may change between versions: kept, widened (every stored value
// still fits), narrowed (values must be checked first) or incompatible (a new field is needed).
// Also the MySQL facts that decide how a type change runs and what can be indexed.
import type { ColumnType } from './table-plan';
import type { MysqlAlgorithm } from './migration-step';

export type TypeChange = 'same' | 'widen' | 'narrow' | 'incompatible';

/**
 * Integer digits a decimal needs to hold every integer the record layer can write: JavaScript
 * numbers are exact up to Number.MAX_SAFE_INTEGER, which has 16 digits.
 */
export const SAFE_INTEGER_DIGITS = 16;

export function classifyTypeChange(from: ColumnType, to: ColumnType): TypeChange {
  if (sameColumnType(from, to)) return 'same';
  if (from.kind === 'string' && to.kind === 'string') return to.length > from.length ? 'widen' : 'narrow';
  if (from.kind === 'string' && to.kind === 'text') return 'widen';
  if (from.kind === 'text' && to.kind === 'string') return 'narrow';
  if (from.kind === 'integer' && to.kind === 'decimal') return integerDigitsOf(to) >= SAFE_INTEGER_DIGITS ? 'widen' : 'narrow';
  if (from.kind === 'decimal' && to.kind === 'integer') return 'narrow';
  if (from.kind === 'decimal' && to.kind === 'decimal') {
    return to.scale >= from.scale && integerDigitsOf(to) >= integerDigitsOf(from) ? 'widen' : 'narrow';
  }
  return 'incompatible';
}

export function sameColumnType(a: ColumnType, b: ColumnType): boolean {
  if (a.kind === 'string' && b.kind === 'string') return a.length === b.length;
  if (a.kind === 'decimal' && b.kind === 'decimal') return a.precision === b.precision && a.scale === b.scale;
  return a.kind === b.kind;
}

export function integerDigitsOf(type: { precision: number; scale: number }): number {
  return type.precision - type.scale;
}

/** A short SQL-like name for plans and messages: `varchar(255)`, `decimal(18,2)`, `text`. */
export function describeColumnType(type: ColumnType): string {
  switch (type.kind) {
    case 'string':
      return `varchar(${type.length})`;
    case 'decimal':
      return `decimal(${type.precision},${type.scale})`;
    case 'integer':
      return 'bigint';
    default:
      return type.kind;
  }
}

/** utf8mb4 stores up to 4 bytes per character. */
export const MYSQL_BYTES_PER_CHARACTER = 4;
/** InnoDB's longest index key (DYNAMIC row format, the MariaDB 10.11 default). */
export const MYSQL_MAX_INDEX_KEY_BYTES = 3072;
/** Characters of a long string or text column that a non-unique index covers on MySQL. */
export const INDEX_PREFIX_LENGTH = 191;

/**
 * MariaDB changes a VARCHAR's length in place only while its length prefix keeps the same size
 * (1 byte up to 255 bytes of data, 2 bytes beyond); every other type change copies the table.
 */
export function mysqlAlgorithmOfTypeChange(from: ColumnType, to: ColumnType): MysqlAlgorithm {
  if (from.kind === 'string' && to.kind === 'string' && lengthPrefixBytes(from.length) === lengthPrefixBytes(to.length)) return 'inplace';
  return 'copy';
}

function lengthPrefixBytes(length: number): number {
  return length * MYSQL_BYTES_PER_CHARACTER > 255 ? 2 : 1;
}

/** True when MySQL can index the whole value; otherwise only a prefix can be indexed. */
export function isFullyIndexable(type: ColumnType): boolean {
  if (type.kind === 'text') return false;
  if (type.kind === 'string') return type.length * MYSQL_BYTES_PER_CHARACTER <= MYSQL_MAX_INDEX_KEY_BYTES;
  return true;
}

/** Bytes a column adds to a MySQL index key (a prefix for long strings and text). */
export function indexKeyBytesOf(type: ColumnType): number {
  switch (type.kind) {
    case 'string':
      return Math.min(type.length, isFullyIndexable(type) ? type.length : INDEX_PREFIX_LENGTH) * MYSQL_BYTES_PER_CHARACTER;
    case 'text':
      return INDEX_PREFIX_LENGTH * MYSQL_BYTES_PER_CHARACTER;
    case 'decimal':
      return Math.ceil(type.precision / 2) + 1;
    case 'boolean':
      return 1;
    case 'date':
      return 3;
    case 'datetime':
      return 7;
    case 'integer':
      return 8;
  }
}
