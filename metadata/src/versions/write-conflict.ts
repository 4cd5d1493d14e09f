// Recognises the database errors that mean "another writer got there first": a duplicate key,
// a MariaDB deadlock or lock timeout, SQLite's busy lock. Publishing maps them to a 409.
import { UniqueConstraintError } from 'sequelize';

const CONFLICT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_DUP_ENTRY', 'SQLITE_BUSY', 'SQLITE_CONSTRAINT']);

export function isWriteConflict(error: unknown): boolean {
  if (error instanceof UniqueConstraintError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const parent = (error as { parent?: unknown }).parent ?? error;
  const code = typeof parent === 'object' && parent !== null ? (parent as { code?: unknown }).code : undefined;
  return typeof code === 'string' && CONFLICT_CODES.has(code);
}
