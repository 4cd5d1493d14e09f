// Users, teams and roles are records of the identity pack's entities, so the People screens use
// the record API (administrators may write them; every change applies at once, no publish) and
// the administrators' password route of the auth API. Errors keep the API's field paths
// (`/username`), which `fieldErrorsOf` turns into one message per input.
import { ApiError, api } from '../api/client';

interface RecordBase {
  id: string;
  version: number;
}

export interface UserRecord extends RecordBase {
  username: string;
  displayName: string;
  email: string | null;
  locale: string | null;
  active: boolean;
  role: string | null;
  team: string | null;
  partnerAccount: string | null;
}

export interface TeamRecord extends RecordBase {
  name: string;
  manager: string | null;
}

export interface RoleRecord extends RecordBase {
  name: string;
  label: string | null;
  parent: string | null;
}

type PeopleEntity = 'user' | 'team' | 'role';
type RecordOf<E extends PeopleEntity> = E extends 'user' ? UserRecord : E extends 'team' ? TeamRecord : RoleRecord;

const SORT: Record<PeopleEntity, string> = { user: 'username', team: 'name', role: 'name' };
const PAGE_SIZE = 500;

/** Every record of the entity (pages of 500, in name order). */
export async function listPeople<E extends PeopleEntity>(entity: E): Promise<Array<RecordOf<E>>> {
  const records: Array<RecordOf<E>> = [];
  for (let page = 1; ; page += 1) {
    const answer = await api.get<{ data: Array<RecordOf<E>>; total: number }>(`/api/records/${entity}?sort=${SORT[entity]}&pageSize=${PAGE_SIZE}&page=${page}`);
    records.push(...answer.data);
    if (answer.data.length < PAGE_SIZE || records.length >= answer.total) return records;
  }
}

export function createPerson<E extends PeopleEntity>(entity: E, values: Record<string, unknown>): Promise<RecordOf<E>> {
  return api.post<RecordOf<E>>(`/api/records/${entity}`, values);
}

/** An update checked against the version shown (a change made meanwhile is a 409, never overwritten). */
export function updatePerson<E extends PeopleEntity>(entity: E, record: RecordBase, values: Record<string, unknown>): Promise<RecordOf<E>> {
  return api.patch<RecordOf<E>>(`/api/records/${entity}/${record.id}`, { ...values, version: record.version });
}

/** Sets a user's password; every session and token of theirs ends. */
export function setUserPassword(userId: string, password: string): Promise<void> {
  return api.put<void>(`/api/auth/users/${encodeURIComponent(userId)}/password`, { password });
}

export interface FormErrors {
  /** Field name → message. */
  fields: Record<string, string>;
  /** What belongs to no input shown. */
  general: string | null;
}

/** The API's error as messages per input (`details[].path` `/username` → `username`). */
export function fieldErrorsOf(error: unknown, shownFields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const detail of error.details) {
    const field = /^\/([^/]+)/.exec(detail.path)?.[1];
    if (field !== undefined && shownFields.includes(field)) fields[field] = fields[field] ? `${fields[field]}; ${detail.message}` : detail.message;
    else rest.push(detail.message);
  }
  const general = rest.length > 0 || Object.keys(fields).length === 0 ? [error.message, ...rest].join(' — ') : null;
  return { fields, general };
}
