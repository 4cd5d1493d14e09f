// The side navigation, generated from metadata: one entry per entity the user may see that has a
// list layout (identity entities for administrators only), then what other parts contribute.
import { recordHref } from '../app/hrefs';
import type { NavContext, NavItem } from '../app/app-types';
import { extraNav } from '../app/extensions';

const IDENTITY_ENTITIES = new Set(['user', 'team', 'role']);

export function recordNav({ me, entities, layouts, i18n }: NavContext): NavItem[] {
  const listed = new Set(layouts.filter((layout) => layout.kind === 'list').map((layout) => layout.entity));
  return entities
    .filter((entity) => listed.has(entity.name) && (me.isAdmin || !IDENTITY_ENTITIES.has(entity.name)))
    .map((entity) => ({ href: recordHref.list(entity.name), label: i18n.text(entity.pluralLabel, entity.name), group: 'records' as const, ...(entity.color ? { color: entity.color } : {}), ...(entity.icon ? { icon: entity.icon } : {}) }));
}

export function navigationItems(context: NavContext): NavItem[] {
  return [...recordNav(context), ...extraNav.flatMap((contribute) => contribute(context))];
}
