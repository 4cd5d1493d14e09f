// The workflow engine's system tables, in portable SQL like the other system tables: process
// instances (snapshot + the metadata version a record started on), the transition log, durable
// timers (the truth the schedulers dispatch from), the outbox, in-app notifications and the
// round-robin cursors of team assignment.
import type { Database } from '../db/database';
import { ensureSystemTable, type SystemTable } from '../db/system-table';

export const PROCESS_INSTANCES_TABLE = 'stagecraft_process_instances';
export const TRANSITIONS_TABLE = 'stagecraft_process_transitions';
export const TIMERS_TABLE = 'stagecraft_timers';
export const OUTBOX_TABLE = 'stagecraft_outbox';
export const NOTIFICATIONS_TABLE = 'stagecraft_notifications';
export const ASSIGNMENT_CURSORS_TABLE = 'stagecraft_assignment_cursors';

const NAME = { string: 100 } as const;
const TIMER_KEY = { string: 300 } as const;

export const WORKFLOW_TABLES: readonly SystemTable[] = [
  {
    name: PROCESS_INSTANCES_TABLE,
    columns: [
      { name: 'entity', type: NAME },
      { name: 'record_id', type: 'id' },
      { name: 'process', type: NAME },
      { name: 'metadata_version', type: 'integer' },
      { name: 'snapshot', type: 'text' },
      { name: 'state', type: { string: 1000 } },
      { name: 'status', type: { string: 20 } },
      { name: 'started_at', type: 'datetime' },
      { name: 'updated_at', type: 'datetime' },
    ],
    primaryKey: ['entity', 'record_id', 'process'],
    indexes: [{ name: 'stagecraft_process_instances_version', columns: ['process', 'metadata_version'] }],
  },
  {
    name: TRANSITIONS_TABLE,
    columns: [
      { name: 'id', type: 'id' },
      { name: 'entity', type: NAME },
      { name: 'record_id', type: 'id' },
      { name: 'process', type: NAME },
      { name: 'metadata_version', type: 'integer' },
      { name: 'event', type: { string: 400 } },
      { name: 'from_state', type: { string: 1000 }, isNullable: true },
      { name: 'to_state', type: { string: 1000 } },
      { name: 'actor_id', type: 'id', isNullable: true },
      { name: 'actor_username', type: { string: 200 } },
      { name: 'at', type: 'datetime' },
      { name: 'record_version', type: 'integer' },
      { name: 'payload', type: 'text', isNullable: true },
      { name: 'effects', type: 'text', isNullable: true },
    ],
    primaryKey: ['id'],
    indexes: [{ name: 'stagecraft_process_transitions_record', columns: ['entity', 'record_id', 'at'] }],
  },
  {
    name: TIMERS_TABLE,
    columns: [
      { name: 'entity', type: NAME },
      { name: 'record_id', type: 'id' },
      { name: 'timer_key', type: TIMER_KEY },
      { name: 'process', type: NAME },
      { name: 'state', type: { string: 500 } },
      { name: 'generation', type: 'integer' },
      { name: 'due_at', type: 'datetime' },
      { name: 'attempts', type: 'integer' },
      { name: 'locked_until', type: 'datetime', isNullable: true },
      { name: 'claimed_by', type: { string: 64 }, isNullable: true },
      { name: 'last_error', type: 'text', isNullable: true },
    ],
    primaryKey: ['entity', 'record_id', 'timer_key'],
    indexes: [{ name: 'stagecraft_timers_due', columns: ['due_at'] }],
  },
  {
    name: OUTBOX_TABLE,
    columns: [
      { name: 'id', type: 'id' },
      { name: 'kind', type: { string: 60 } },
      { name: 'payload', type: 'text' },
      { name: 'created_at', type: 'datetime' },
      { name: 'attempts', type: 'integer' },
      { name: 'next_attempt_at', type: 'datetime' },
      { name: 'claimed_by', type: { string: 64 }, isNullable: true },
      { name: 'done_at', type: 'datetime', isNullable: true },
      { name: 'last_error', type: 'text', isNullable: true },
      { name: 'result', type: 'text', isNullable: true },
    ],
    primaryKey: ['id'],
    indexes: [{ name: 'stagecraft_outbox_pending', columns: ['done_at', 'next_attempt_at'] }],
  },
  {
    name: NOTIFICATIONS_TABLE,
    columns: [
      { name: 'id', type: { string: 80 } },
      { name: 'user_id', type: 'id' },
      { name: 'title', type: { string: 500 } },
      { name: 'body', type: 'text' },
      { name: 'entity', type: NAME, isNullable: true },
      { name: 'record_id', type: 'id', isNullable: true },
      { name: 'created_at', type: 'datetime' },
      { name: 'read_at', type: 'datetime', isNullable: true },
    ],
    primaryKey: ['id'],
    indexes: [{ name: 'stagecraft_notifications_user', columns: ['user_id', 'read_at', 'created_at'] }],
  },
  {
    name: ASSIGNMENT_CURSORS_TABLE,
    columns: [
      { name: 'team', type: { string: 200 } },
      { name: 'last_user_id', type: 'id', isNullable: true },
      { name: 'turns', type: 'integer' },
    ],
    primaryKey: ['team'],
    indexes: [],
  },
];

export async function ensureWorkflowTables(database: Database): Promise<void> {
  for (const table of WORKFLOW_TABLES) await ensureSystemTable(database, table);
}
