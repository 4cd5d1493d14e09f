// Turns a presented secret into the request's actor with ONE query per request, nothing cached:
// the session by its secret's digest (unique index) ⋈ its user by primary key — so revoking a
// token or disabling a user acts at once — with the role table (small) joined alongside, one
// row per role, to name the user's roles and those below them without a second round trip.
import type { Database } from '../db/database';
import type { CompiledMetadata } from '../live/compiled-types';
import { decodeRow } from '../records/record-rows';
import { toSqlDateTime } from '../records/value-kinds';
import { ADMIN_ROLE, type Actor } from './actor';
import { userColumns, userEntityOf, userRowOf, type UserRow } from './identity-entities';
import { SESSIONS_TABLE } from './identity-tables';
import { roleNamesOf, subordinateRoleNames, type RoleNode } from './role-hierarchy';
import { digestOf } from './secrets';
import type { SessionKind } from './session-store';

export interface Authenticated {
  actor: Actor;
  user: UserRow;
  sessionId: string;
  kind: SessionKind;
}

const ROLE_FIELDS = ['id', 'name', 'parent'] as const;
const ROLE_ALIASES = ['role_node_id', 'role_node_name', 'role_node_parent'] as const;

export async function readRoles(database: Database, metadata: CompiledMetadata): Promise<RoleNode[]> {
  const role = metadata.entities.get('role');
  const fields = ROLE_FIELDS.map((name) => role?.fields.get(name));
  if (!role || fields.some((field) => field === undefined)) return [];
  const rows = await database.select(`SELECT ${fields.map((field) => field?.sql).join(', ')} FROM ${role.tableSql}`, []);
  return rows.map((row) => {
    const data = decodeRow(role.fieldList.filter((field) => (ROLE_FIELDS as readonly string[]).includes(field.name)), row);
    return { id: String(data.id), name: String(data.name), parent: typeof data.parent === 'string' ? data.parent : null };
  });
}

export function actorOfUser(user: UserRow, roles: readonly RoleNode[]): Actor {
  const roleIds = user.role ? [user.role] : [];
  const roleNames = roleNamesOf(roles, roleIds);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    roles: roleNames,
    subordinateRoles: subordinateRoleNames(roles, roleIds),
    teamIds: user.team ? [user.team] : [],
    partnerAccountId: user.partnerAccount,
    isAdmin: roleNames.includes(ADMIN_ROLE),
    locale: user.locale ?? 'en',
  };
}

/** The actor a secret stands for, or null: unknown, expired, of another kind, or its user disabled. */
export async function authenticateSecret(database: Database, metadata: CompiledMetadata, presented: string, kinds: readonly SessionKind[], now: Date): Promise<Authenticated | null> {
  const user = userEntityOf(metadata);
  const q = (name: string): string => database.quote(name);
  const s = (name: string): string => `${q('s')}.${q(name)}`;
  const columns = userColumns(user).map((field) => `${q('u')}.${field.sql}`);
  const idColumn = user.fields.get('id')?.sql ?? q('id');
  const role = metadata.entities.get('role');
  const roleFields = ROLE_FIELDS.map((name) => role?.fields.get(name));
  const joinsRoles = role !== undefined && roleFields.every((field) => field !== undefined);
  if (joinsRoles) roleFields.forEach((field, index) => columns.push(`${q('r')}.${field?.sql ?? ''} AS ${q(ROLE_ALIASES[index] ?? '')}`));
  const sql =
    `SELECT ${s('id')} AS ${q('session_id')}, ${s('kind')} AS ${q('session_kind')}, ${columns.join(', ')} ` +
    `FROM ${q(SESSIONS_TABLE)} ${q('s')} JOIN ${user.tableSql} ${q('u')} ON ${q('u')}.${idColumn} = ${s('user_id')} ` +
    (joinsRoles ? `LEFT JOIN ${role.tableSql} ${q('r')} ON 1 = 1 ` : '') +
    `WHERE ${s('secret_hash')} = $1 AND (${s('expires_at')} IS NULL OR ${s('expires_at')} > $2)`;
  const rows = await database.select(sql, [digestOf(presented), toSqlDateTime(now)]);
  const row = rows[0];
  if (!row) return null;
  const kind = String(row.session_kind) as SessionKind;
  const account = userRowOf(user, row);
  if (!kinds.includes(kind) || !account.active) return null;
  const roles: RoleNode[] = rows
    .filter((roleRow) => roleRow.role_node_id !== null && roleRow.role_node_id !== undefined)
    .map((roleRow) => ({ id: String(roleRow.role_node_id), name: String(roleRow.role_node_name), parent: roleRow.role_node_parent === null || roleRow.role_node_parent === undefined ? null : String(roleRow.role_node_parent) }));
  return { actor: actorOfUser(account, roles), user: account, sessionId: String(row.session_id), kind };
}
