// Cross-document rules for a layout: its entity exists, every field it names is a field of that
// entity, filters use operators and values that fit the field, conditions read known fields,
// and a board groups by an enum and sums a number.
import { checkExpression } from '../expr';
import type { EntityDocument } from '../model/entity';
import type { BoardLayout, FilterClause, FormLayout, LayoutDocument, ListLayout } from '../model/layout';
import type { MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { expressionScopeOf, fieldOf, relationOf, valueTypeOf, NUMERIC_TYPES } from './entity-lookup';
import { filterOperatorsFor } from './filter-operators';

export function checkLayoutInBundle(layout: LayoutDocument, bundle: MetadataBundle): Problem[] {
  const entity = bundle.entities[layout.entity];
  if (!entity) {
    return [{ path: '/entity', message: `"${layout.entity}" is not an entity (entities: ${Object.keys(bundle.entities).join(', ')})`, code: 'unknownEntity' }];
  }
  switch (layout.kind) {
    case 'form':
      return checkForm(layout, entity);
    case 'list':
      return checkList(layout, entity);
    case 'board':
      return checkBoard(layout, entity);
  }
}

function unknownField(entity: EntityDocument, name: string, path: string): Problem[] {
  return valueTypeOf(entity, name) === undefined ? [{ path, message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' }] : [];
}

function checkCondition(condition: string | undefined, entity: EntityDocument, path: string): Problem[] {
  if (condition === undefined) return [];
  return checkExpression(condition, expressionScopeOf(entity)).map((problem) => ({ ...problem, path, code: problem.code ?? 'invalidExpression' }));
}

function checkForm(form: FormLayout, entity: EntityDocument): Problem[] {
  return form.sections.flatMap((section, sectionIndex) => {
    const sectionPath = pointerOf('', 'sections', sectionIndex);
    return [
      ...checkCondition(section.visibleWhen, entity, pointerOf(sectionPath, 'visibleWhen')),
      ...section.fields.flatMap((placement, index) => {
        const path = pointerOf(sectionPath, 'fields', index);
        // A form may also place a relation (shown as a related list or a multi-select).
        const placementProblems = relationOf(entity, placement.field) ? [] : unknownField(entity, placement.field, pointerOf(path, 'field'));
        return [
          ...placementProblems,
          ...checkCondition(placement.visibleWhen, entity, pointerOf(path, 'visibleWhen')),
          ...checkCondition(placement.requiredWhen, entity, pointerOf(path, 'requiredWhen')),
          ...checkCondition(placement.readOnlyWhen, entity, pointerOf(path, 'readOnlyWhen')),
        ];
      }),
    ];
  });
}

function checkList(list: ListLayout, entity: EntityDocument): Problem[] {
  return [
    ...list.columns.flatMap((column, index) => unknownField(entity, column.field, pointerOf('', 'columns', index, 'field'))),
    ...(list.defaultSort ?? []).flatMap((sort, index) => unknownField(entity, sort.field, pointerOf('', 'defaultSort', index, 'field'))),
    ...(list.defaultFilters ?? []).flatMap((filter, index) => checkFilter(filter, entity, pointerOf('', 'defaultFilters', index))),
  ];
}

export function checkFilter(filter: FilterClause, entity: EntityDocument, path: string): Problem[] {
  const type = valueTypeOf(entity, filter.field);
  if (type === undefined) return unknownField(entity, filter.field, pointerOf(path, 'field'));
  const operators = filterOperatorsFor(type);
  if (!operators.includes(filter.op)) {
    return [{ path: pointerOf(path, 'op'), message: `"${filter.op}" does not apply to ${type} field "${filter.field}" (use one of: ${operators.join(', ')})`, code: 'invalidOperator' }];
  }
  const field = fieldOf(entity, filter.field);
  if (field?.type !== 'enum' || filter.op === 'isNull') return [];
  const options = new Set(field.options.map((option) => option.value));
  const values: unknown[] = Array.isArray(filter.value) ? filter.value : [filter.value];
  return values
    .filter((value) => typeof value !== 'string' || !options.has(value))
    .map((value) => ({ path: pointerOf(path, 'value'), message: `${JSON.stringify(value)} is not an option of "${field.name}" (options: ${[...options].join(', ')})`, code: 'invalidFilter' }));
}

function checkBoard(board: BoardLayout, entity: EntityDocument): Problem[] {
  const problems: Problem[] = [];
  const groupBy = fieldOf(entity, board.groupBy);
  if (groupBy?.type !== 'enum') {
    problems.push({ path: '/groupBy', message: `"${board.groupBy}" must be an enum field of ${entity.name}`, code: 'invalidGroupBy' });
  } else if (board.columnOrder) {
    const options = new Set(groupBy.options.map((option) => option.value));
    board.columnOrder.forEach((value, index) => {
      if (!options.has(value)) problems.push({ path: pointerOf('', 'columnOrder', index), message: `"${value}" is not an option of "${groupBy.name}"`, code: 'invalidOption' });
    });
  }
  board.cardFields.forEach((name, index) => problems.push(...unknownField(entity, name, pointerOf('', 'cardFields', index))));
  if (board.sumField !== undefined) {
    const type = valueTypeOf(entity, board.sumField);
    if (type === undefined) problems.push(...unknownField(entity, board.sumField, '/sumField'));
    else if (!NUMERIC_TYPES.has(type)) problems.push({ path: '/sumField', message: `"${board.sumField}" is a ${type} field; a board sums a numeric field`, code: 'invalidSumField' });
  }
  return problems;
}
