// Meta-schema of layout documents (layouts/*.json): a form, a list or a board, discriminated on `kind`.
import type { JsonSchema } from '../compile/json-schema';
import {
  FILTER_OPERATORS, type BoardLayout, type FilterClause, type FormFieldPlacement, type FormLayout, type FormSection,
  type ListColumn, type ListLayout, type SortClause,
} from '../model/layout';
import {
  COMMON_DEFINITIONS, META_SCHEMA_BASE_URI, META_SCHEMA_DIALECT, OPTION_VALUE_PATTERN, SCHEMA_PROPERTY, ref, stringList,
  type SchemaPropertiesOf,
} from './common';

const CONDITION = (what: string): JsonSchema => ({ type: 'string', minLength: 1, description: `An expression over the record's fields; ${what} while it is true, e.g. "stage == 'closedLost'".` });

const HEADER = {
  $schema: SCHEMA_PROPERTY,
  name: ref('identifier', 'camelCase layout name, unique in the bundle.'),
  entity: ref('identifier', 'The entity whose records this layout shows.'),
  label: ref('localisedText'),
};

const PLACEMENT_PROPERTIES = {
  field: ref('identifier', 'A field (or relation) of the entity.'),
  helpText: ref('localisedText', 'Help shown under the input, replacing the field\'s own.'),
  visibleWhen: CONDITION('shown'),
  requiredWhen: CONDITION('required'),
  readOnlyWhen: CONDITION('read-only'),
  span: { type: 'integer', minimum: 1, maximum: 4, description: 'Grid columns this field spans (default 1).' },
} satisfies SchemaPropertiesOf<FormFieldPlacement>;

const SECTION_PROPERTIES = {
  name: ref('identifier', 'Section name, unique in the form.'),
  label: ref('localisedText'),
  columns: { type: 'integer', minimum: 1, maximum: 4, description: 'Grid columns in this section (default 2).' },
  visibleWhen: CONDITION('the section is shown'),
  fields: { type: 'array', items: ref('formFieldPlacement'), description: 'Fields in reading order.' },
} satisfies SchemaPropertiesOf<FormSection>;

const FORM_PROPERTIES = {
  ...HEADER,
  kind: { const: 'form' },
  sections: { type: 'array', items: ref('formSection'), minItems: 1, description: 'Sections from top to bottom.' },
} satisfies SchemaPropertiesOf<FormLayout>;

const COLUMN_PROPERTIES = {
  field: ref('identifier', 'A field or system field of the entity.'),
  label: ref('localisedText', 'Column heading, replacing the field\'s label.'),
  width: { type: 'integer', minimum: 20, maximum: 2000, description: 'Width in pixels.' },
} satisfies SchemaPropertiesOf<ListColumn>;

const SORT_PROPERTIES = {
  field: ref('identifier', 'A field or system field of the entity.'),
  direction: { enum: ['asc', 'desc'], description: 'Default "asc".' },
} satisfies SchemaPropertiesOf<SortClause>;

export const FILTER_PROPERTIES = {
  field: ref('identifier', 'A field or system field of the entity.'),
  op: { enum: [...FILTER_OPERATORS], description: 'Comparison operator.' },
  value: { description: 'The value compared with; an array for "in", a boolean for "isNull".' },
} satisfies SchemaPropertiesOf<FilterClause>;

const LIST_PROPERTIES = {
  ...HEADER,
  kind: { const: 'list' },
  columns: { type: 'array', items: ref('listColumn'), minItems: 1, description: 'Columns from left to right.' },
  defaultSort: { type: 'array', items: ref('sortClause'), description: 'Sort applied when the user chose none.' },
  defaultFilters: { type: 'array', items: ref('filterClause'), description: 'Filters applied when the user chose none (all must hold).' },
  pageSize: { type: 'integer', minimum: 1, maximum: 500, description: 'Rows per page (default 25).' },
} satisfies SchemaPropertiesOf<ListLayout>;

const BOARD_PROPERTIES = {
  ...HEADER,
  kind: { const: 'board' },
  groupBy: ref('identifier', 'An enum field (typically a process\'s stage field) whose values are the columns.'),
  cardFields: { ...stringList(ref('identifier'), 'Fields shown on each card.'), minItems: 1 },
  columnOrder: stringList({ type: 'string', pattern: OPTION_VALUE_PATTERN }, 'Column order by enum value; default: the option order.'),
  sumField: ref('identifier', 'A numeric field summed per column.'),
} satisfies SchemaPropertiesOf<BoardLayout>;

function layoutSchema(description: string, properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { type: 'object', description, properties, required: ['kind', 'name', 'entity', ...required], additionalProperties: false };
}

export const LAYOUT_META_SCHEMA: JsonSchema = {
  $schema: META_SCHEMA_DIALECT,
  $id: `${META_SCHEMA_BASE_URI}layout.schema.json`,
  title: 'Stagecraft layout',
  description: 'How an entity\'s records are shown: a form, a list or a board (`kind`).',
  type: 'object',
  properties: { kind: { type: 'string', enum: ['form', 'list', 'board'], description: 'form, list or board.' } },
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [ref('formLayout'), ref('listLayout'), ref('boardLayout')],
  $defs: {
    ...COMMON_DEFINITIONS,
    formLayout: layoutSchema('A record form in sections.', FORM_PROPERTIES, ['sections']),
    listLayout: layoutSchema('A table of records.', LIST_PROPERTIES, ['columns']),
    boardLayout: layoutSchema('A kanban board with one column per enum value.', BOARD_PROPERTIES, ['groupBy', 'cardFields']),
    formSection: { type: 'object', properties: SECTION_PROPERTIES, required: ['name', 'fields'], additionalProperties: false },
    formFieldPlacement: { type: 'object', properties: PLACEMENT_PROPERTIES, required: ['field'], additionalProperties: false },
    listColumn: { type: 'object', properties: COLUMN_PROPERTIES, required: ['field'], additionalProperties: false },
    sortClause: { type: 'object', properties: SORT_PROPERTIES, required: ['field'], additionalProperties: false },
    filterClause: { type: 'object', properties: FILTER_PROPERTIES, required: ['field', 'op'], additionalProperties: false },
  },
};
