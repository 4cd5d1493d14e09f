// The identity entities (`user`, `role`, `team`) as the live metadata compiled them, and the
// user row the identity code reads. Their tables are ordinary entity tables, so administrators
// manage them through the record API; columns are taken from the compiled fields, never guessed.
import { UnauthorizedError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import type { CompiledEntity, CompiledField, CompiledMetadata } from '../live/compiled-types';
import { decodeRow } from '../records/record-rows';

export const IDENTITY_ENTITIES = ['user', 'team', 'role'] as const;
const IDENTITY_ENTITY_NAMES: ReadonlySet<string> = new Set(IDENTITY_ENTITIES);

/**
 * Users, teams and roles decide who may do what, so only administrators write them (until the
 * permission layer covers every entity; then this becomes one of its rules).
 */
export function isIdentityWriteLocked(entity: string, actor: { isAdmin: boolean }): boolean {
  return IDENTITY_ENTITY_NAMES.has(entity) && !actor.isAdmin;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string | null;
  email: string | null;
  locale: string | null;
  active: boolean;
  role: string | null;
  team: string | null;
  partnerAccount: string | null;
}

const USER_FIELDS = ['id', 'username', 'displayName', 'email', 'locale', 'active', 'role', 'team', 'partnerAccount'] as const;

export function hasIdentityEntities(metadata: CompiledMetadata): boolean {
  return IDENTITY_ENTITIES.every((name) => metadata.entities.has(name));
}

/** The compiled `user` entity; without it nobody can sign in (nothing published yet). */
export function userEntityOf(metadata: CompiledMetadata): CompiledEntity {
  const entity = metadata.entities.get('user');
  if (!entity) throw new UnauthorizedError('No user entity is published yet, so nobody can sign in');
  return entity;
}

/** The user columns identity reads, in a fixed order, for SELECT lists (optionally table-qualified). */
export function userColumns(entity: CompiledEntity): CompiledField[] {
  return USER_FIELDS.map((name) => entity.fields.get(name)).filter((field): field is CompiledField => field !== undefined);
}

export function userRowOf(entity: CompiledEntity, row: Record<string, unknown>): UserRow {
  const data = decodeRow(userColumns(entity), row);
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    id: String(data.id),
    username: String(data.username),
    displayName: text(data.displayName),
    email: text(data.email),
    locale: text(data.locale),
    // Only an explicit true lets a user in.
    active: data.active === true,
    role: text(data.role),
    team: text(data.team),
    partnerAccount: text(data.partnerAccount),
  };
}

export async function findUser(database: Database, metadata: CompiledMetadata, by: 'id' | 'username', value: string, transaction?: Transaction): Promise<UserRow | null> {
  const entity = userEntityOf(metadata);
  const field = entity.fields.get(by);
  if (!field) return null;
  const columns = userColumns(entity).map((column) => column.sql).join(', ');
  const rows = await database.select(`SELECT ${columns} FROM ${entity.tableSql} WHERE ${field.sql} = $1`, [value], transaction);
  return rows[0] ? userRowOf(entity, rows[0]) : null;
}
