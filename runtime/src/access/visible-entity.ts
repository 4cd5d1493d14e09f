// An entity as one actor may see it: the compiled entity without the fields and relations the
// actor's policy hides. Reads run against this view, so a hidden field is unknown to the list's
// filters, sorts, search, field list and expand — refused exactly like a field that does not
// exist, and never selected.
import type { EntityAccess } from '@stagecraft/core';
import type { CompiledEntity } from '../live/compiled-types';

const viewsByAccess = new WeakMap<EntityAccess, CompiledEntity>();

export function visibleEntityOf(entity: CompiledEntity, access: EntityAccess): CompiledEntity {
  if (access.hiddenFields.size === 0) return entity;
  const cached = viewsByAccess.get(access);
  if (cached) return cached;
  const isVisible = (name: string): boolean => !access.hiddenFields.has(name);
  const fieldList = entity.fieldList.filter((field) => isVisible(field.name));
  const view: CompiledEntity = {
    ...entity,
    fieldList,
    fields: new Map(fieldList.map((field) => [field.name, field])),
    selectAll: fieldList.map((field) => field.sql).join(', '),
    references: entity.references.filter((reference) => isVisible(reference.field.name)),
    relations: new Map([...entity.relations].filter(([name]) => isVisible(name))),
    formulas: entity.formulas.filter((formula) => isVisible(formula.field.name)),
    searchFields: entity.searchFields.filter((field) => isVisible(field.name)),
  };
  viewsByAccess.set(access, view);
  return view;
}

/** Removes hidden properties from a record about to be returned (writes answer with the full row). */
export function withoutHiddenFields<T extends Record<string, unknown>>(record: T, access: EntityAccess): T {
  for (const name of access.hiddenFields) delete record[name];
  return record;
}
