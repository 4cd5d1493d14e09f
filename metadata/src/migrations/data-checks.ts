// Questions a migration asks of the stored rows before a step that could fail or lose data:
// would any value be cut by a narrower type, would a unique index meet duplicates.
import { integerDigitsOf, type ColumnType } from '@stagecraft/core';
import type { SchemaSession } from './schema-session';

/** The largest integer the record layer writes exactly (Number.MAX_SAFE_INTEGER). */
const LARGEST_SAFE_INTEGER = '9007199254740991';

/** How many stored values of `column` would not fit in `target` without being cut or rounded. */
export async function countValuesThatWouldNotFit(session: SchemaSession, table: string, column: string, target: ColumnType): Promise<number> {
  const condition = misfitCondition(session, session.quote(column), target);
  if (condition === undefined) return 0;
  return countRows(session, `SELECT COUNT(*) AS count FROM ${session.quote(table)} WHERE ${session.quote(column)} IS NOT NULL AND (${condition})`);
}

function misfitCondition(session: SchemaSession, column: string, target: ColumnType): string | undefined {
  switch (target.kind) {
    case 'string':
      // Both count characters, not bytes: CHAR_LENGTH on MySQL, length() of a TEXT value on SQLite.
      return `${session.dialect === 'mysql' ? 'CHAR_LENGTH' : 'length'}(${column}) > ${target.length}`;
    case 'decimal':
      return `ABS(${column}) >= ${powerOfTen(integerDigitsOf(target))} OR ${column} <> ROUND(${column}, ${target.scale})`;
    case 'integer':
      return `ABS(${column}) > ${LARGEST_SAFE_INTEGER} OR ${column} <> ROUND(${column}, 0)`;
    default:
      return undefined;
  }
}

function powerOfTen(exponent: number): string {
  // Exact integer literals while they fit a 64-bit integer; beyond, a float is precise enough for a bound.
  return exponent <= 18 ? `1${'0'.repeat(exponent)}` : `1e${exponent}`;
}

/** How many distinct values (non-null combinations) of `columns` occur more than once. */
export async function countDuplicateValues(session: SchemaSession, table: string, columns: readonly string[]): Promise<number> {
  const quoted = columns.map((column) => session.quote(column));
  return countRows(
    session,
    `SELECT COUNT(*) AS count FROM (SELECT 1 AS one FROM ${session.quote(table)} WHERE ${quoted.map((column) => `${column} IS NOT NULL`).join(' AND ')}
      GROUP BY ${quoted.join(', ')} HAVING COUNT(*) > 1) duplicates`,
  );
}

async function countRows(session: SchemaSession, sql: string): Promise<number> {
  const [row] = await session.select<{ count: number | string }>(sql);
  return Number(row?.count ?? 0);
}
