// The entity icons by name (core's ENTITY_ICONS): one small stroked SVG each, drawn in the
// entity's colour (or the current text colour). The studio draws the same icons from this file, so
// an icon looks the same where it is chosen and where it is used. Decorative: the label beside it
// names the entity.
import type { EntityIcon as EntityIconName } from '@stagecraft/core';

export const ENTITY_ICON_PATHS = {
  building: 'M4 21V3h10v18M14 9h6v12M7 7h2M7 11h2M7 15h2M17 13h1M17 17h1M2 21h20',
  person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  users: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2 20a7 7 0 0 1 14 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6 6 0 0 1 4 6',
  briefcase: 'M3 8h18v12H3zM8 8V5h8v3M3 13h18',
  document: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  calendar: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  mail: 'M3 6h18v12H3zM3 6l9 7 9-7',
  cart: 'M3 4h2l2.5 11h11L21 7H6.2M9 21a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM18 21a1 1 0 1 0 0-2 1 1 0 0 0 0 2z',
  box: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
  chart: 'M4 3v17h17M8 16v-4M12 16V8M16 16v-6M20 16V5',
  flag: 'M5 21V4M5 4h12l-2 4 2 4H5',
  star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3l-5.5 2.9 1-6.2L3 9.6l6.2-.9z',
  ticket: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zM14 7v10',
  book: 'M4 4h6a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4zM20 4h-6a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h6z',
  megaphone: 'M3 10v4h4l9 5V5l-9 5zM19 9a4 4 0 0 1 0 6',
  map: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14',
  tag: 'M3 3h8l10 10-8 8L3 11zM7.5 7.5h.01',
  money: 'M3 6h18v12H3zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6.5 9v.01M17.5 15v.01',
  wrench: 'M14.5 4.5a5 5 0 0 0 5 5l-2 2-9.5 9.5a2 2 0 0 1-3-3L14.5 8.5z',
} satisfies Record<EntityIconName, string>;

export function isEntityIconName(name: string | undefined | null): name is EntityIconName {
  return typeof name === 'string' && Object.hasOwn(ENTITY_ICON_PATHS, name);
}

export function EntityIcon({ name, color, className = 'entity-icon' }: { name: string | undefined | null; color?: string | null | undefined; className?: string }) {
  if (!isEntityIconName(name)) return null;
  return (
    <svg className={className} viewBox="0 0 24 24" width="16" height="16" fill="none" stroke={color ?? 'currentColor'} strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={ENTITY_ICON_PATHS[name]} />
    </svg>
  );
}
