// Meta-schema of report documents (reports/*.json): filters, caller parameters, groupings,
// aggregates, sort, limit and chart over one entity; optionally a process funnel or a comparison
// of each group with the overall figure.
import type { JsonSchema } from '../compile/json-schema';
import { FILTER_OPERATORS } from '../model/layout';
import {
  AGGREGATE_FUNCTIONS, DATE_BUCKETS, MAX_REPORT_ROWS, REPORT_CHART_TYPES, REPORT_PARAMETER_TYPES, type ReportAggregate, type ReportChart,
  type ReportCompare, type ReportDocument, type ReportFunnel, type ReportGrouping, type ReportParameter, type ReportSort,
} from '../model/report';
import { COMMON_DEFINITIONS, META_SCHEMA_BASE_URI, META_SCHEMA_DIALECT, OPTION_VALUE_PATTERN, SCHEMA_PROPERTY, ref, stringList, type SchemaPropertiesOf } from './common';
import { FILTER_PROPERTIES } from './layout-schema';

const GROUPING_PROPERTIES = {
  field: ref('identifier', 'A field or system field of the entity.'),
  bucket: { enum: [...DATE_BUCKETS], description: 'For dates and date-times: day, week (its Monday), month, quarter or year.' },
  name: ref('identifier', 'The result column\'s name (default: the field\'s).'),
  label: ref('localisedText', 'Column heading (default: the field\'s label).'),
} satisfies SchemaPropertiesOf<ReportGrouping>;

const AGGREGATE_PROPERTIES = {
  name: ref('identifier', 'The result column\'s name, unique among the report\'s columns.'),
  function: { enum: [...AGGREGATE_FUNCTIONS], description: 'count, sum, avg, min, max, weightedSum (Σ field × weightField / 100), avgDaysBetween (field → endField) or ratio (numerator / denominator in %).' },
  field: ref('identifier', 'The field aggregated (not for count and ratio).'),
  weightField: ref('identifier', 'weightedSum: the percent field weighting `field`, e.g. probability.'),
  endField: ref('identifier', 'avgDaysBetween: the later date field.'),
  numerator: ref('identifier', 'ratio: the aggregate divided.'),
  denominator: ref('identifier', 'ratio: the aggregate dividing.'),
  where: { type: 'array', items: ref('filterClause'), minItems: 1, description: 'Only records matching every clause count towards this aggregate.' },
  label: ref('localisedText'),
} satisfies SchemaPropertiesOf<ReportAggregate>;

const PARAMETER_PROPERTIES = {
  name: ref('identifier', 'The query parameter\'s name: /api/reports/<report>?<name>=value.'),
  field: ref('identifier', 'The field filtered.'),
  op: { enum: [...FILTER_OPERATORS], description: 'Comparison operator; "in" takes a comma-separated list.' },
  type: { enum: [...REPORT_PARAMETER_TYPES], description: 'The value\'s type; must fit the field.' },
  required: { type: 'boolean', description: 'Whether the caller must pass it (default false).' },
  label: ref('localisedText'),
} satisfies SchemaPropertiesOf<ReportParameter>;

const SORT_PROPERTIES = {
  by: ref('identifier', 'A grouping\'s or an aggregate\'s column name.'),
  direction: { enum: ['asc', 'desc'], description: 'Default "asc".' },
} satisfies SchemaPropertiesOf<ReportSort>;

const CHART_PROPERTIES = {
  type: { enum: [...REPORT_CHART_TYPES], description: 'bar, pie, line, funnel, table or number.' },
  x: ref('identifier', 'The column along the x axis (default: the first grouping).'),
  series: stringList(ref('identifier'), 'The columns plotted (default: every aggregate).'),
} satisfies SchemaPropertiesOf<ReportChart>;

const FUNNEL_PROPERTIES = {
  process: ref('identifier', 'A process of the report\'s entity.'),
  stages: { ...stringList({ type: 'string', pattern: OPTION_VALUE_PATTERN }, 'Top-level states of the process in funnel order.'), minItems: 2 },
} satisfies SchemaPropertiesOf<ReportFunnel>;

const COMPARE_PROPERTIES = {
  aggregate: ref('identifier', 'The aggregate compared with its overall value.'),
  belowPercent: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Groups below this share (in %) of the overall value are flagged.' },
  label: ref('localisedText', 'Heading of the flag column.'),
} satisfies SchemaPropertiesOf<ReportCompare>;

const REPORT_PROPERTIES = {
  $schema: SCHEMA_PROPERTY,
  kind: { const: 'report', description: 'Always "report".' },
  name: ref('identifier', 'camelCase report name, unique in the bundle.'),
  label: ref('localisedText'),
  description: ref('localisedText'),
  entity: ref('identifier', 'The entity whose records the report reads.'),
  filters: { type: 'array', items: ref('filterClause'), description: 'Fixed filters: every clause must hold.' },
  parameters: { type: 'array', items: ref('reportParameter'), description: 'Filters the caller may pass as query parameters.' },
  groupBy: { type: 'array', items: ref('reportGrouping'), maxItems: 3, description: 'The groupings, outermost first.' },
  aggregates: { type: 'array', items: ref('reportAggregate'), minItems: 1, description: 'The figures computed per group.' },
  sort: { type: 'array', items: ref('reportSort'), description: 'Row order (default: by the groupings; enum groups in option order).' },
  limit: { type: 'integer', minimum: 1, maximum: MAX_REPORT_ROWS, description: `Most rows returned (default ${MAX_REPORT_ROWS}).` },
  chart: ref('reportChart'),
  funnel: ref('reportFunnel'),
  compare: ref('reportCompare'),
} satisfies SchemaPropertiesOf<ReportDocument>;

export const REPORT_META_SCHEMA: JsonSchema = {
  $schema: META_SCHEMA_DIALECT,
  $id: `${META_SCHEMA_BASE_URI}report.schema.json`,
  title: 'Stagecraft report',
  description: 'A report over one entity: filters, parameters, groupings, aggregates, sort and chart; or a process funnel.',
  type: 'object',
  properties: REPORT_PROPERTIES,
  required: ['kind', 'name', 'label', 'entity', 'chart'],
  additionalProperties: false,
  $defs: {
    ...COMMON_DEFINITIONS,
    filterClause: { type: 'object', properties: FILTER_PROPERTIES, required: ['field', 'op'], additionalProperties: false },
    reportGrouping: { type: 'object', properties: GROUPING_PROPERTIES, required: ['field'], additionalProperties: false },
    reportAggregate: { type: 'object', properties: AGGREGATE_PROPERTIES, required: ['name', 'function'], additionalProperties: false },
    reportParameter: { type: 'object', properties: PARAMETER_PROPERTIES, required: ['name', 'field', 'op', 'type'], additionalProperties: false },
    reportSort: { type: 'object', properties: SORT_PROPERTIES, required: ['by'], additionalProperties: false },
    reportChart: { type: 'object', properties: CHART_PROPERTIES, required: ['type'], additionalProperties: false },
    reportFunnel: { type: 'object', properties: FUNNEL_PROPERTIES, required: ['process', 'stages'], additionalProperties: false },
    reportCompare: { type: 'object', properties: COMPARE_PROPERTIES, required: ['aggregate', 'belowPercent'], additionalProperties: false },
  },
};
