// How metadata names map to SQL identifiers. Entity and field names are camelCase; tables and
// columns are their snake_case forms, so hand-written report SQL reads naturally.

/** Longest identifier we emit: MySQL/MariaDB allow 64 characters. */
export const MAX_IDENTIFIER_LENGTH = 64;

/** Tables the product itself owns start with this prefix; entity names may not produce it. */
export const SYSTEM_TABLE_PREFIX = 'stagecraft_';

export function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

export function tableNameOf(entityName: string): string {
  return toSnakeCase(entityName);
}

export function columnNameOf(fieldName: string): string {
  return toSnakeCase(fieldName);
}

/** Default link table of a many-to-many relation. */
export function linkTableNameOf(entityName: string, relationName: string): string {
  return fitIdentifier(`${tableNameOf(entityName)}__${toSnakeCase(relationName)}`);
}

/** Index names: `ix_`/`ux_` + table + columns, shortened with a stable hash past the limit. */
export function indexNameOf(table: string, columns: readonly string[], unique: boolean): string {
  return fitIdentifier(`${unique ? 'ux' : 'ix'}_${table}__${columns.join('__')}`);
}

/** Where a dropped field's column (or a dropped entity's table) is kept until purged. */
export function retiredNameOf(name: string, versionNumber: number): string {
  return fitIdentifier(`_dropped_v${versionNumber}_${name}`);
}

/** Shortens an identifier past the limit, keeping it unique with a hash of the full text. */
export function fitIdentifier(identifier: string): string {
  if (identifier.length <= MAX_IDENTIFIER_LENGTH) return identifier;
  const hash = fnv1a32(identifier).toString(36).padStart(7, '0');
  return `${identifier.slice(0, MAX_IDENTIFIER_LENGTH - hash.length - 1)}_${hash}`;
}

/** FNV-1a, 32 bits: a stable, dependency-free hash for identifiers (not for security). */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
