// Rules for one layout document: no field placed twice, unique section names, filter values of
// the shape their operator needs. Whether the fields exist is a bundle check (it needs the entity).
import type { FilterClause, LayoutDocument } from '../model/layout';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';

export function checkLayout(layout: LayoutDocument): Problem[] {
  switch (layout.kind) {
    case 'form': {
      const placements = layout.sections.flatMap((section, sectionIndex) =>
        section.fields.map((placement, index) => ({ field: placement.field, path: pointerOf('', 'sections', sectionIndex, 'fields', index, 'field') })),
      );
      return [
        ...findDuplicates(layout.sections, (section) => section.name).map((duplicate) => ({
          path: pointerOf('', 'sections', duplicate.index, 'name'), message: `repeats the section name "${duplicate.key}"`, code: 'duplicateName',
        })),
        ...findDuplicates(placements, (placement) => placement.field).map((duplicate) => ({
          path: duplicate.item.path, message: `"${duplicate.key}" is already placed at ${placements[duplicate.firstIndex]?.path ?? ''}`, code: 'duplicateName',
        })),
      ];
    }
    case 'list':
      return [
        ...findDuplicates(layout.columns, (column) => column.field).map((duplicate) => ({
          path: pointerOf('', 'columns', duplicate.index, 'field'), message: `"${duplicate.key}" is already a column`, code: 'duplicateName',
        })),
        ...(layout.defaultFilters ?? []).flatMap((filter, index) => checkFilterValue(filter, pointerOf('', 'defaultFilters', index))),
      ];
    case 'board':
      return [];
  }
}

export function checkFilterValue(filter: FilterClause, path: string): Problem[] {
  const at = pointerOf(path, 'value');
  if (filter.op === 'isNull') {
    return filter.value === undefined || typeof filter.value === 'boolean' ? [] : [{ path: at, message: 'must be true or false for "isNull"', code: 'invalidFilter' }];
  }
  if (filter.value === undefined) return [{ path: at, message: `is required for "${filter.op}"`, code: 'required' }];
  if (filter.op === 'in' && !Array.isArray(filter.value)) return [{ path: at, message: 'must be an array for "in"', code: 'invalidFilter' }];
  if (filter.op !== 'in' && (typeof filter.value === 'object' && filter.value !== null)) {
    return [{ path: at, message: `must be a single value for "${filter.op}"`, code: 'invalidFilter' }];
  }
  return [];
}
