// The named icons an entity may show before its label. Names only: the web app and the studio
// draw each one (runtime/web/src/ui/EntityIcon.tsx), so a pack stays data.
/** The icons an entity may show; the web app and the studio draw each one by this name. */
export const ENTITY_ICONS = [
  'building', 'person', 'users', 'briefcase', 'document', 'calendar', 'phone', 'mail', 'cart', 'box',
  'chart', 'flag', 'star', 'ticket', 'book', 'megaphone', 'map', 'tag', 'money', 'wrench',
] as const;
export type EntityIcon = (typeof ENTITY_ICONS)[number];
