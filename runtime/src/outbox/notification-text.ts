// A notification's title and body for one recipient: the texts in the recipient's locale, with
// each `{field}` placeholder filled from the values captured at the transition — and masked when
// the recipient may not read that field, or not that record, so a notification never says what
// the record API would hide from its reader.
import { fillPlaceholders, NotFoundError, resolveText, type NotifyEffect } from '@stagecraft/core';
import { entityAccessOf } from '../access/access-policies';
import { requireRecordAccess } from '../access/record-access';
import type { Database } from '../db/database';
import { NO_ORIGIN } from '../identity/actor';
import type { UserRow } from '../identity/identity-entities';
import { actorOfUser } from '../identity/resolve-actor';
import type { RoleNode } from '../identity/role-hierarchy';
import type { CompiledEntity, CompiledField, CompiledMetadata } from '../live/compiled-types';

export const MASKED_VALUE = '•••';
const EMPTY_VALUE = '—';
const DEFAULT_SUBJECT = { en: 'Notification', 'zh-CN': '通知' };

export interface NotificationText {
  title: string;
  body: string;
}

export interface NotificationTextScope {
  database: Database;
  metadata: CompiledMetadata;
  roles: readonly RoleNode[];
  /** The record the effect came from (empty strings when it came from none). */
  source: { entity: string; recordId: string };
  now: Date;
}

export async function notificationTextFor(scope: NotificationTextScope, effect: NotifyEffect, user: UserRow): Promise<NotificationText> {
  const locale = user.locale ?? 'en';
  const title = resolveText(effect.subject ?? DEFAULT_SUBJECT, locale);
  const body = resolveText(effect.message, locale);
  if (!effect.values) return { title, body };
  const entity = scope.metadata.entities.get(scope.source.entity);
  const isVisible = await visibilityFor(scope, entity, user);
  const render = (field: string): string => {
    if (!isVisible(field)) return MASKED_VALUE;
    return formatValue(entity?.fields.get(field), effect.values?.[field], locale);
  };
  return { title: fillPlaceholders(title, render), body: fillPlaceholders(body, render) };
}

/** Which placeholder fields the user may read on the source record. */
async function visibilityFor(scope: NotificationTextScope, entity: CompiledEntity | undefined, user: UserRow): Promise<(field: string) => boolean> {
  if (!entity || scope.source.recordId === '') return () => false;
  const actor = actorOfUser(user, scope.roles);
  const access = entityAccessOf(scope.metadata, actor, entity.name);
  if (!access.can('read')) return () => false;
  const context = { database: scope.database, metadata: scope.metadata, actor, origin: NO_ORIGIN, now: () => scope.now, knownSequences: new Set<string>() };
  try {
    await requireRecordAccess(context, entity, scope.source.recordId, 'read', () => new NotFoundError('not readable'));
  } catch (error) {
    if (error instanceof NotFoundError) return () => false;
    throw error;
  }
  return (field) => access.fieldAccess(field) !== 'hidden';
}

function formatValue(field: CompiledField | undefined, value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  const definition = field?.definition;
  if (definition && (definition.type === 'enum' || definition.type === 'multiEnum')) {
    const labelOf = (raw: unknown): string => {
      const option = definition.options.find((candidate) => candidate.value === raw);
      return option?.label === undefined ? String(raw) : resolveText(option.label, locale);
    };
    return Array.isArray(value) ? value.map(labelOf).join(', ') : labelOf(value);
  }
  if (typeof value === 'number') return value.toLocaleString(locale);
  if (typeof value === 'boolean') return resolveText(value ? { en: 'yes', 'zh-CN': '是' } : { en: 'no', 'zh-CN': '否' }, locale);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
