// Every publish and rollback leaves a `publish`/`rollback` audit row (version, hash, message,
// author) plus a `permissionChange` row when permission sets changed — whether it came through
// the API, the CLI (`publish`, `rollback`, `start`) or `serve` adding the identity pack, so the
// log alone answers "who changed the metadata, and when".
import type { PublishResult } from '@stagecraft/metadata';
import { NO_ORIGIN, SYSTEM_ACTOR } from '../identity/actor';
import type { Database } from '../db/database';
import { appendAudit } from './audit-log';
import { auditPermissionSetChange, type AuditScope } from './permission-audit';

/** Appends the audit rows of a publish or rollback; an unchanged result (nothing published) appends none. */
export async function auditPublish(scope: AuditScope, action: 'publish' | 'rollback', result: PublishResult): Promise<void> {
  if (result.unchanged) return;
  const { version } = result;
  const changes = { version: version.number, hash: version.hash, message: version.message, author: version.author };
  await appendAudit(scope.database, { action, actor: scope.actor, origin: scope.origin, at: scope.at, entity: null, recordId: String(version.number), changes });
  await auditPermissionSetChange(scope, version.number, version.diff.permissions);
}

/** The audit scope of work done outside a request: CLI commands and start-up (the system actor). */
export function systemAuditScope(database: Database, at: Date = new Date()): AuditScope {
  return { database, actor: SYSTEM_ACTOR, origin: NO_ORIGIN, at };
}
