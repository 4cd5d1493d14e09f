// Permission changes get their own `permissionChange` audit rows, so "who could see what, and
// since when" is answerable from the log alone: a publish that changes permission sets (with the
// diff of the documents) and a change to the identity fields that decide access — a user's role,
// team, partner account or active flag, a role's name or place in the hierarchy.
import type { DocumentsDiff, PermissionSetDocument } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { Actor, RequestOrigin } from '../identity/actor';
import type { Database } from '../db/database';
import type { FieldChanges } from './record-changes';
import { appendAudit } from './audit-log';

/** Per identity entity, the fields whose value decides what someone may do. */
const ACCESS_FIELDS: Readonly<Record<string, readonly string[]>> = {
  user: ['role', 'team', 'partnerAccount', 'active'],
  role: ['name', 'parent'],
};

/** The access-deciding part of a record write's changes; undefined when there is none. */
export function accessChangesOf(entity: string, changes: FieldChanges): FieldChanges | undefined {
  const fields = ACCESS_FIELDS[entity];
  if (!fields) return undefined;
  const picked = Object.fromEntries(Object.entries(changes).filter(([name]) => fields.includes(name)));
  return Object.keys(picked).length > 0 ? picked : undefined;
}

export interface AuditScope {
  database: Database;
  actor: Actor;
  origin: RequestOrigin;
  at: Date;
}

/** After a user or role update, in its transaction: one `permissionChange` row when an access-deciding field changed. */
export async function auditMembershipChange(scope: AuditScope, entity: string, recordId: string, changes: FieldChanges, transaction: Transaction): Promise<void> {
  const accessChanges = accessChangesOf(entity, changes);
  if (!accessChanges) return;
  await appendAudit(scope.database, { action: 'permissionChange', actor: scope.actor, origin: scope.origin, at: scope.at, entity, recordId, changes: accessChanges }, transaction);
}

function isEmpty(diff: DocumentsDiff<PermissionSetDocument>): boolean {
  return diff.created.length === 0 && diff.deleted.length === 0 && diff.updated.length === 0;
}

/** After a publish or rollback: one `permissionChange` row with the permission sets' diff, when they changed. */
export async function auditPermissionSetChange(scope: AuditScope, version: number, diff: DocumentsDiff<PermissionSetDocument> | undefined): Promise<void> {
  if (!diff || isEmpty(diff)) return;
  await appendAudit(scope.database, { action: 'permissionChange', actor: scope.actor, origin: scope.origin, at: scope.at, entity: null, recordId: String(version), changes: { version, permissions: diff } });
}
