// Picks a team member for the assignOwner effect, inside the transition's transaction. A team is
// named by its name (or id); its members are the active users whose `team` is it. Round-robin
// keeps a cursor row per team (locked on MySQL, serialised on SQLite) so concurrent assignments
// take turns; least-loaded counts the records of the entity each member holds in a non-final stage.
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { BindParameters, type Database } from '../db/database';
import type { CompiledEntity, CompiledMetadata } from '../live/compiled-types';
import { ASSIGNMENT_CURSORS_TABLE } from './workflow-tables';

export interface AssignmentScope {
  database: Database;
  metadata: CompiledMetadata;
  transaction: Transaction;
}

/** Active members of a team (by team name or id), in a stable order; empty when there is no such team. */
export async function teamMembers(scope: AssignmentScope, team: string): Promise<string[]> {
  const { database, metadata, transaction } = scope;
  const users = metadata.entities.get('user');
  const teams = metadata.entities.get('team');
  const teamField = users?.fields.get('team');
  const idField = users?.fields.get('id');
  if (!users || !teams || !teamField || !idField) return [];
  const teamName = teams.fields.get('name');
  const teamId = teams.fields.get('id');
  const q = (name: string): string => database.quote(name);
  const found = teamName && teamId
    ? await database.select(`SELECT ${teamId.sql} AS ${q('id')} FROM ${teams.tableSql} WHERE ${teamName.sql} = $1 OR ${teamId.sql} = $2`, [team, team], transaction)
    : [];
  const ids = found.map((row) => String(row.id));
  if (ids.length === 0) return [];
  const params = new BindParameters();
  const active = users.fields.get('active');
  const activeCondition = active ? ` AND ${active.sql} = ${params.add(active.codec.toColumn(true))}` : '';
  const rows = await database.select(
    `SELECT ${idField.sql} AS ${q('id')} FROM ${users.tableSql} WHERE ${teamField.sql} IN (${ids.map((id) => params.add(id)).join(', ')})${activeCondition} ORDER BY ${idField.sql}`,
    params.values,
    transaction,
  );
  return rows.map((row) => String(row.id));
}

/** The member after the team's last pick (wrapping), and the cursor moved to them. */
export async function nextInTurn(scope: AssignmentScope, team: string, members: readonly string[]): Promise<string | undefined> {
  const { database, transaction } = scope;
  if (members.length === 0) return undefined;
  const q = (name: string): string => database.quote(name);
  const lock = database.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const read = async (): Promise<{ last: string | null } | null> => {
    const rows = await database.select(`SELECT ${q('last_user_id')} FROM ${q(ASSIGNMENT_CURSORS_TABLE)} WHERE ${q('team')} = $1${lock}`, [team], transaction);
    const row = rows[0];
    return row ? { last: row.last_user_id === null ? null : String(row.last_user_id) } : null;
  };
  let cursor = await read();
  if (!cursor) {
    try {
      await database.insert(`INSERT INTO ${q(ASSIGNMENT_CURSORS_TABLE)} (${q('team')}, ${q('last_user_id')}, ${q('turns')}) VALUES ($1, NULL, 0)`, [team], transaction);
    } catch (error) {
      // Another transaction created it first; its row is the one to lock and advance.
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
    cursor = (await read()) ?? { last: null };
  }
  const last = cursor.last;
  const chosen = (last === null ? undefined : members.find((member) => member > last)) ?? members[0];
  await database.update(`UPDATE ${q(ASSIGNMENT_CURSORS_TABLE)} SET ${q('last_user_id')} = $1, ${q('turns')} = ${q('turns')} + 1 WHERE ${q('team')} = $2`, [chosen ?? null, team], transaction);
  return chosen;
}

/** The member holding the fewest records of the entity outside final stages (ties: the first). */
export async function leastLoaded(scope: AssignmentScope, entity: CompiledEntity, field: string, members: readonly string[], stage?: { field: string; finalStages: readonly string[] }): Promise<string | undefined> {
  const { database, transaction } = scope;
  const owner = entity.fields.get(field);
  if (members.length === 0 || !owner) return members[0];
  const params = new BindParameters();
  const q = (name: string): string => database.quote(name);
  const stageField = stage ? entity.fields.get(stage.field) : undefined;
  const openOnly = stageField && stage && stage.finalStages.length > 0
    ? ` AND (${stageField.sql} IS NULL OR ${stageField.sql} NOT IN (${stage.finalStages.map((name) => params.add(name)).join(', ')}))`
    : '';
  const rows = await database.select(
    `SELECT ${owner.sql} AS ${q('member')}, COUNT(*) AS ${q('load')} FROM ${entity.tableSql} WHERE ${owner.sql} IN (${members.map((member) => params.add(member)).join(', ')})${openOnly} GROUP BY ${owner.sql}`,
    params.values,
    transaction,
  );
  const loads = new Map(rows.map((row) => [String(row.member), Number(row.load)]));
  let best: string | undefined;
  for (const member of members) if (best === undefined || (loads.get(member) ?? 0) < (loads.get(best) ?? 0)) best = member;
  return best;
}
