// Pure edits of layout documents, applied inside `studio.change` (so every one lands in the draft
// with undo / redo): sections and field placements of a form, columns, sorts and filters of a
// list, the grouping, cards and sum of a board, and new layouts with sensible starting contents.
// Each edit mutates the document it is given (the draft store hands it a fresh copy) and refuses
// quietly what the meta-schema would refuse (a form without sections, a list without columns).
import type { BoardLayout, EntityDocument, FieldDefinition, FilterClause, FormFieldPlacement, FormLayout, FormSection, LayoutDocument, LayoutKind, ListLayout, MetadataBundle } from '@stagecraft/core';
import { NUMERIC_FIELD_TYPES } from '@stagecraft/core/field-types';

export const LAYOUT_KINDS: readonly LayoutKind[] = ['form', 'list', 'board'];
/** Grid columns a form section may have (the meta-schema's `columns`: 1–4). */
export const SECTION_COLUMNS = [1, 2, 3, 4] as const;
/** Numeric field types, as core's field-type definitions say. */
export { NUMERIC_FIELD_TYPES };
/** The conditions a placement may carry; a section carries only `visibleWhen`. */
export const PLACEMENT_CONDITIONS = ['visibleWhen', 'requiredWhen', 'readOnlyWhen'] as const;
export type PlacementCondition = (typeof PLACEMENT_CONDITIONS)[number];

export interface EntityLayouts {
  entity: string;
  byKind: Record<LayoutKind, LayoutDocument[]>;
}

/** Every layout of the bundle under its entity and kind, entities and names in alphabetical order. */
export function layoutsByEntity(bundle: MetadataBundle): EntityLayouts[] {
  const groups = new Map<string, EntityLayouts>();
  for (const name of Object.keys(bundle.entities).sort()) groups.set(name, { entity: name, byKind: { form: [], list: [], board: [] } });
  for (const layout of Object.values(bundle.layouts).sort((a, b) => a.name.localeCompare(b.name))) {
    let group = groups.get(layout.entity);
    if (!group) {
      // A layout of an entity the draft no longer has: still listed, so it can be deleted.
      group = { entity: layout.entity, byKind: { form: [], list: [], board: [] } };
      groups.set(layout.entity, group);
    }
    group.byKind[layout.kind].push(layout);
  }
  return [...groups.values()].sort((a, b) => a.entity.localeCompare(b.entity));
}

/** `<entity><Kind>` (e.g. accountForm), numbered when taken: accountForm2, accountForm3… */
export function newLayoutName(entity: string, kind: LayoutKind, taken: Iterable<string>): string {
  const names = new Set(taken);
  const base = `${entity}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  if (!names.has(base)) return base;
  let number = 2;
  while (names.has(`${base}${number}`)) number += 1;
  return `${base}${number}`;
}

export function enumFields(entity: EntityDocument): FieldDefinition[] {
  return entity.fields.filter((field) => field.type === 'enum');
}

export function numericFields(entity: EntityDocument): FieldDefinition[] {
  return entity.fields.filter((field) => NUMERIC_FIELD_TYPES.has(field.type) || (field.type === 'formula' && NUMERIC_FIELD_TYPES.has(field.resultType)));
}

function titleField(entity: EntityDocument): string | undefined {
  return entity.displayField ?? entity.fields[0]?.name;
}

/** A new layout of `kind` for the entity; undefined for a board when the entity has no enum field to group by. */
export function createLayout(entity: EntityDocument, kind: LayoutKind, name: string): LayoutDocument | undefined {
  const title = titleField(entity);
  switch (kind) {
    case 'form':
      return { kind, name, entity: entity.name, sections: [{ name: 'main', columns: 2, fields: entity.fields.map((field) => ({ field: field.name })) }] };
    case 'list':
      return { kind, name, entity: entity.name, columns: entity.fields.slice(0, 5).map((field) => ({ field: field.name })) };
    case 'board': {
      const groupBy = enumFields(entity)[0];
      if (!groupBy || !title) return undefined;
      const sum = numericFields(entity)[0];
      return { kind, name, entity: entity.name, groupBy: groupBy.name, cardFields: [title], ...(sum && { sumField: sum.name }) };
    }
  }
}

/** Moves one item of an array to `to` (clamped); a no-op when either end is out of range. */
export function moveItem<T>(items: T[], from: number, to: number): void {
  if (from < 0 || from >= items.length) return;
  const target = Math.max(0, Math.min(to, items.length - 1));
  const [item] = items.splice(from, 1);
  if (item !== undefined) items.splice(target, 0, item);
}

// ── Forms ────────────────────────────────────────────────────────────────────────────────────

export interface PlacementAt {
  section: number;
  index: number;
}

/** Field and relation names a form may place, in the entity's order. */
export function placeableNames(entity: EntityDocument): string[] {
  return [...entity.fields.map((field) => field.name), ...(entity.relations ?? []).map((relation) => relation.name)];
}

/** Names the form has not placed yet (a field is placed once per form). */
export function unplacedNames(entity: EntityDocument, form: FormLayout): string[] {
  const placed = new Set(form.sections.flatMap((section) => section.fields.map((placement) => placement.field)));
  return placeableNames(entity).filter((name) => !placed.has(name));
}

export function newSectionName(form: FormLayout): string {
  const names = new Set(form.sections.map((section) => section.name));
  let number = form.sections.length + 1;
  while (names.has(`section${number}`)) number += 1;
  return `section${number}`;
}

/** Appends an empty section and returns its index. */
export function addSection(form: FormLayout, section: Partial<FormSection> = {}): number {
  form.sections.push({ name: newSectionName(form), columns: 1, ...section, fields: section.fields ?? [] });
  return form.sections.length - 1;
}

/** Removes a section with its placements (those fields become placeable again); the last section stays. */
export function removeSection(form: FormLayout, index: number): boolean {
  if (form.sections.length <= 1 || !form.sections[index]) return false;
  form.sections.splice(index, 1);
  return true;
}

export function addPlacement(form: FormLayout, section: number, field: string): void {
  const target = form.sections[section];
  if (!target || form.sections.some((candidate) => candidate.fields.some((placement) => placement.field === field))) return;
  target.fields.push({ field });
}

export function removePlacement(form: FormLayout, at: PlacementAt): void {
  form.sections[at.section]?.fields.splice(at.index, 1);
}

/**
 * Moves a placement to another position, in its own section or another one (`to.index` is the
 * position it takes there, counted before the move; past the end appends). Returns where it landed.
 */
export function movePlacement(form: FormLayout, from: PlacementAt, to: PlacementAt): PlacementAt | undefined {
  const source = form.sections[from.section];
  const target = form.sections[to.section];
  const placement = source?.fields[from.index];
  if (!source || !target || !placement) return undefined;
  source.fields.splice(from.index, 1);
  let index = Math.max(0, to.index);
  if (from.section === to.section && from.index < to.index) index -= 1;
  index = Math.min(index, target.fields.length);
  target.fields.splice(index, 0, placement);
  return { section: to.section, index };
}

/**
 * Where "move up" / "move down" takes a placement: one step within its section, and from the
 * first (last) position to the end (start) of the previous (next) section.
 */
export function stepTarget(form: FormLayout, at: PlacementAt, direction: -1 | 1): PlacementAt | undefined {
  const section = form.sections[at.section];
  if (!section) return undefined;
  if (direction === -1) {
    if (at.index > 0) return { section: at.section, index: at.index - 1 };
    const previous = form.sections[at.section - 1];
    return previous ? { section: at.section - 1, index: previous.fields.length } : undefined;
  }
  if (at.index < section.fields.length - 1) return { section: at.section, index: at.index + 2 };
  return form.sections[at.section + 1] ? { section: at.section + 1, index: 0 } : undefined;
}

/** Sets or (with blank text) removes a condition; an empty condition would fail the meta-schema. */
export function setCondition(target: FormFieldPlacement | FormSection, key: PlacementCondition, source: string): void {
  const record = target as unknown as Record<string, unknown>;
  if (source.trim() === '') delete record[key];
  else record[key] = source;
}

// ── Lists ────────────────────────────────────────────────────────────────────────────────────

export function addColumn(list: ListLayout, field: string): void {
  if (!list.columns.some((column) => column.field === field)) list.columns.push({ field });
}

/** Removes a column; the last one stays (a list needs one). */
export function removeColumn(list: ListLayout, index: number): boolean {
  if (list.columns.length <= 1 || !list.columns[index]) return false;
  list.columns.splice(index, 1);
  return true;
}

/** Sets a column's width in pixels; blank or not a number removes it (the list sizes it). */
export function setColumnWidth(list: ListLayout, index: number, text: string): void {
  const column = list.columns[index];
  if (!column) return;
  const width = Number.parseInt(text, 10);
  if (text.trim() === '' || !Number.isFinite(width)) delete column.width;
  else column.width = width;
}

export function setDefaultSort(list: ListLayout, field: string, direction: 'asc' | 'desc'): void {
  if (field === '') delete list.defaultSort;
  else list.defaultSort = [{ field, direction }];
}

/** The default filters; none leaves no empty list behind. */
export function setDefaultFilters(list: ListLayout, filters: FilterClause[]): void {
  if (filters.length === 0) delete list.defaultFilters;
  else list.defaultFilters = filters;
}

/** A filter value typed as text, in the shape its operator needs: a list for `in`, a boolean for `isNull`, a number for numeric fields. */
export function filterValueOf(op: FilterClause['op'], text: string, isNumeric: boolean): unknown {
  const one = (part: string): unknown => {
    const trimmed = part.trim();
    return isNumeric && trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  };
  if (op === 'isNull') return text.trim() !== 'false';
  if (op === 'in') return text.split(',').map(one).filter((value) => value !== '');
  return one(text);
}

export function filterValueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  return value === undefined || value === null ? '' : String(value);
}

// ── Boards ───────────────────────────────────────────────────────────────────────────────────

/** Groups by another enum field; a column order of the old field's options no longer applies. */
export function setGroupBy(board: BoardLayout, field: string): void {
  if (board.groupBy === field) return;
  board.groupBy = field;
  delete board.columnOrder;
}

/** Shows or hides a field on the cards; the last card field stays (a card needs one). */
export function toggleCardField(board: BoardLayout, field: string, isShown: boolean): void {
  if (isShown) {
    if (!board.cardFields.includes(field)) board.cardFields.push(field);
  } else if (board.cardFields.length > 1) {
    board.cardFields = board.cardFields.filter((name) => name !== field);
  }
}

export function setSumField(board: BoardLayout, field: string): void {
  if (field === '') delete board.sumField;
  else board.sumField = field;
}

/** The board's column order: its own, else the enum's option order; options it misses go last. */
export function boardColumnOrder(board: BoardLayout, entity: EntityDocument): string[] {
  const field = entity.fields.find((candidate) => candidate.name === board.groupBy);
  const options = field?.type === 'enum' ? field.options.map((option) => option.value) : [];
  const own = (board.columnOrder ?? []).filter((value) => options.includes(value));
  return [...own, ...options.filter((value) => !own.includes(value))];
}

export function moveBoardColumn(board: BoardLayout, entity: EntityDocument, from: number, to: number): void {
  const order = boardColumnOrder(board, entity);
  moveItem(order, from, to);
  board.columnOrder = order;
}
