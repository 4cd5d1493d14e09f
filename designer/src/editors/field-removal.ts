// Removing a field from an entity also takes it off the places that only show it: the entity's
// title and search fields, its form placements, list columns, sorts and filters, board cards and
// sums, and per-role field access. What cannot simply go (a board grouped by it, a formula, a rule
// or a process naming it) stays and shows as a problem on that element until the administrator
// decides.
import type { MetadataBundle } from '@stagecraft/core';

export function removeField(bundle: MetadataBundle, entityName: string, fieldName: string): void {
  const entity = bundle.entities[entityName];
  if (!entity) return;
  entity.fields = entity.fields.filter((field) => field.name !== fieldName);
  if (entity.displayField === fieldName) delete entity.displayField;
  if (entity.searchFields) entity.searchFields = entity.searchFields.filter((searched) => searched !== fieldName);

  for (const layout of Object.values(bundle.layouts)) {
    if (layout.entity !== entityName) continue;
    if (layout.kind === 'form') {
      for (const section of layout.sections) section.fields = section.fields.filter((placement) => placement.field !== fieldName);
    } else if (layout.kind === 'list') {
      if (layout.columns.length > 1) layout.columns = layout.columns.filter((column) => column.field !== fieldName);
      if (layout.defaultSort) layout.defaultSort = layout.defaultSort.filter((sort) => sort.field !== fieldName);
      if (layout.defaultSort?.length === 0) delete layout.defaultSort;
      if (layout.defaultFilters) layout.defaultFilters = layout.defaultFilters.filter((filter) => filter.field !== fieldName);
      if (layout.defaultFilters?.length === 0) delete layout.defaultFilters;
    } else {
      if (layout.cardFields.length > 1) layout.cardFields = layout.cardFields.filter((field) => field !== fieldName);
      if (layout.sumField === fieldName) delete layout.sumField;
    }
  }

  for (const set of Object.values(bundle.permissions ?? {})) {
    const fields = set.entities[entityName]?.fields;
    if (!fields || !(fieldName in fields)) continue;
    delete fields[fieldName];
    if (Object.keys(fields).length === 0) delete set.entities[entityName]?.fields;
  }
}
