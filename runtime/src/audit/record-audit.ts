// The audit row of a record write, appended inside the write's own transaction by the record
// operations (create, update, delete), so a rolled-back write leaves no trace and a committed
// one is never without its row.
import type { Transaction } from 'sequelize';
import type { RecordContext } from '../records/record-context';
import { appendAudit, type AuditAction } from './audit-log';

export function auditRecordWrite(context: RecordContext, transaction: Transaction, action: AuditAction, entity: string, recordId: string, changes: unknown): Promise<void> {
  return appendAudit(context.database, { action, actor: context.actor, origin: context.origin, at: context.now(), entity, recordId, changes }, transaction);
}
