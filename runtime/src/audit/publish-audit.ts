// Every publish and rollback leaves a `publish`/`rollback` audit row (version, hash, message,
// author) plus a `permissionChange` row when permission sets changed — whether it came through
// the API, the CLI (`publish`, `rollback`, `start`) or `serve` adding the identity pack, so the
// log alone answers "who changed the metadata, and when".
import type { PublishResult, RetiredField } from '@stagecraft/metadata';
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

/** A purge drops a removed field's kept values for good: the log says who did it and what went. */
export async function auditPurge(scope: AuditScope, purged: RetiredField): Promise<void> {
  const changes = { field: purged.field.name, retiredName: purged.retiredName, retiredInVersion: purged.retiredInVersion };
  await appendAudit(scope.database, { action: 'purge', actor: scope.actor, origin: scope.origin, at: scope.at, entity: purged.entity, recordId: purged.retiredName, changes });
}

/** The audit scope of work done outside a request: CLI commands and start-up (the system actor). */
export function systemAuditScope(database: Database, at: Date = new Date()): AuditScope {
  return { database, actor: SYSTEM_ACTOR, origin: NO_ORIGIN, at };
}
