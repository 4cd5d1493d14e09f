// Navigation entries for the boards: each board layout with a label of its own (e.g. "Pipeline"),
// and "Boards" for the page listing them all. (A board without a label is named after its entity,
// which would read like the entity's list entry, so it is reached through "Boards".)
import type { NavContributor } from '../app/app-types';
import './board-strings';

export const boardNav: NavContributor = ({ entities, layouts, i18n }) => {
  const boards = layouts.filter((layout) => layout.kind === 'board' && entities.some((entity) => entity.name === layout.entity));
  if (boards.length === 0) return [];
  const labelled = boards.flatMap((layout) => {
    const label = i18n.text(layout.label, '');
    return label === '' ? [] : [{ href: `/boards/${encodeURIComponent(layout.name)}`, label, group: 'records' as const }];
  });
  return [...labelled, { href: '/boards', label: i18n.t('board.boards'), group: 'records' as const }];
};
