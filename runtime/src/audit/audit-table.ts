// The append-only audit log's table. Nothing in the code base updates or deletes its rows:
// the audit module exposes only `appendAudit` and reads.
import type { Database } from '../db/database';
import { ensureSystemTable, type SystemTable } from '../db/system-table';

export const AUDIT_TABLE = 'stagecraft_audit';

const AUDIT: SystemTable = {
  name: AUDIT_TABLE,
  columns: [
    { name: 'id', type: 'id' },
    { name: 'at', type: 'datetime' },
    { name: 'actor_id', type: 'id', isNullable: true },
    { name: 'actor_username', type: { string: 200 } },
    { name: 'request_id', type: { string: 100 }, isNullable: true },
    { name: 'action', type: { string: 40 } },
    { name: 'entity', type: { string: 100 }, isNullable: true },
    { name: 'record_id', type: { string: 100 }, isNullable: true },
    { name: 'changes', type: 'text', isNullable: true },
    { name: 'ip', type: { string: 64 }, isNullable: true },
  ],
  primaryKey: ['id'],
  indexes: [
    { name: 'stagecraft_audit_record', columns: ['entity', 'record_id', 'at'] },
    { name: 'stagecraft_audit_actor', columns: ['actor_id', 'at'] },
    { name: 'stagecraft_audit_action', columns: ['action', 'at'] },
    { name: 'stagecraft_audit_at', columns: ['at'] },
  ],
};

export async function ensureAuditTable(database: Database): Promise<void> {
  await ensureSystemTable(database, AUDIT);
}
