// Cross-document rules for a report: its entity exists; every field it groups, aggregates,
// filters or takes as a parameter is a field of that entity of a fitting type (sums of numbers,
// buckets of dates, parameters whose type fits the field); a funnel names a process of the
// entity and top-level states of it.
import { fieldTypeDefinitions, TEMPORAL_FIELD_TYPES } from '../field-types';
import type { EntityDocument } from '../model/entity';
import type { FieldType } from '../model/field';
import type { MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import type { ReportAggregate, ReportDocument, ReportParameter, ReportParameterType } from '../model/report';
import { pointerOf } from './ajv-problems';
import { checkFilter } from './bundle-layout-checks';
import { fieldOf, NUMERIC_TYPES, valueTypeOf } from './entity-lookup';
import { filterOperatorsFor } from './filter-operators';

const DATE_TYPES = TEMPORAL_FIELD_TYPES;
/** Grouping by a type that cannot be indexed (long text, JSON lists) would put every record in its own group or compare JSON text. */
const isGroupable = (type: FieldType): boolean => fieldTypeDefinitions[type].indexable;

/** The parameter types a field of each value type accepts. */
function parameterTypesFor(type: FieldType): readonly ReportParameterType[] {
  if (type === 'integer') return ['integer'];
  if (NUMERIC_TYPES.has(type)) return ['number', 'integer'];
  if (type === 'boolean') return ['boolean'];
  if (type === 'date') return ['date'];
  if (type === 'datetime') return ['datetime', 'date'];
  return ['string'];
}

export function checkReportInBundle(report: ReportDocument, bundle: MetadataBundle): Problem[] {
  const entity = bundle.entities[report.entity];
  if (!entity) return [{ path: '/entity', message: `"${report.entity}" is not an entity (entities: ${Object.keys(bundle.entities).join(', ')})`, code: 'unknownEntity' }];
  const problems: Problem[] = [];
  (report.filters ?? []).forEach((clause, index) => problems.push(...checkFilter(clause, entity, pointerOf('', 'filters', index))));
  (report.parameters ?? []).forEach((parameter, index) => problems.push(...checkParameter(parameter, entity, pointerOf('', 'parameters', index))));
  (report.groupBy ?? []).forEach((grouping, index) => {
    const path = pointerOf('', 'groupBy', index);
    const type = valueTypeOf(entity, grouping.field);
    if (type === undefined) problems.push(unknownField(entity, grouping.field, pointerOf(path, 'field')));
    else if (!isGroupable(type)) problems.push({ path: pointerOf(path, 'field'), message: `"${grouping.field}" is a ${type} field, which cannot be grouped by`, code: 'invalidGroupBy' });
    else if (grouping.bucket !== undefined && !DATE_TYPES.has(type)) problems.push({ path: pointerOf(path, 'bucket'), message: `"${grouping.field}" is a ${type} field; only dates and date-times are bucketed`, code: 'invalidGroupBy' });
  });
  (report.aggregates ?? []).forEach((aggregate, index) => problems.push(...checkAggregateFields(aggregate, entity, pointerOf('', 'aggregates', index))));
  if (report.funnel) problems.push(...checkFunnel(report, entity, bundle));
  return problems;
}

function unknownField(entity: EntityDocument, name: string, path: string): Problem {
  return { path, message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' };
}

function checkParameter(parameter: ReportParameter, entity: EntityDocument, path: string): Problem[] {
  const type = valueTypeOf(entity, parameter.field);
  if (type === undefined) return [unknownField(entity, parameter.field, pointerOf(path, 'field'))];
  const operators = filterOperatorsFor(type);
  if (!operators.includes(parameter.op)) return [{ path: pointerOf(path, 'op'), message: `"${parameter.op}" does not apply to ${type} field "${parameter.field}" (use one of: ${operators.join(', ')})`, code: 'invalidOperator' }];
  const types = parameter.op === 'isNull' ? ['boolean'] : parameterTypesFor(type);
  if (!types.includes(parameter.type)) return [{ path: pointerOf(path, 'type'), message: `a "${parameter.op}" parameter on ${type} field "${parameter.field}" is of type ${types.join(' or ')}`, code: 'invalidParameterType' }];
  return [];
}

function checkAggregateFields(aggregate: ReportAggregate, entity: EntityDocument, path: string): Problem[] {
  const problems: Problem[] = [];
  const expect = (operand: 'field' | 'weightField' | 'endField', allowed: ReadonlySet<FieldType>, what: string): void => {
    const name = aggregate[operand];
    if (name === undefined) return;
    const type = valueTypeOf(entity, name);
    if (type === undefined) problems.push(unknownField(entity, name, pointerOf(path, operand)));
    else if (!allowed.has(type)) problems.push({ path: pointerOf(path, operand), message: `"${name}" is a ${type} field; ${aggregate.function} needs ${what}`, code: 'invalidAggregate' });
  };
  switch (aggregate.function) {
    case 'sum':
    case 'avg':
      expect('field', NUMERIC_TYPES, 'a numeric field');
      break;
    case 'min':
    case 'max':
      expect('field', new Set([...NUMERIC_TYPES, ...DATE_TYPES]), 'a numeric or date field');
      break;
    case 'weightedSum':
      expect('field', NUMERIC_TYPES, 'a numeric field');
      expect('weightField', NUMERIC_TYPES, 'a numeric (percent) weight');
      break;
    case 'avgDaysBetween':
      expect('field', DATE_TYPES, 'a date or date-time field');
      expect('endField', DATE_TYPES, 'a date or date-time field');
      break;
    default:
      break;
  }
  (aggregate.where ?? []).forEach((clause, index) => problems.push(...checkFilter(clause, entity, pointerOf(path, 'where', index))));
  return problems;
}

function checkFunnel(report: ReportDocument, entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  const funnel = report.funnel;
  if (!funnel) return [];
  const process = bundle.processes[funnel.process];
  if (!process) return [{ path: '/funnel/process', message: `"${funnel.process}" is not a process (processes: ${Object.keys(bundle.processes).join(', ')})`, code: 'unknownProcess' }];
  if (process.entity !== entity.name) return [{ path: '/funnel/process', message: `"${funnel.process}" runs ${process.entity} records, not ${entity.name}`, code: 'invalidFunnel' }];
  const stageField = fieldOf(entity, process.stageField);
  const problems: Problem[] = [];
  if (stageField === undefined) problems.push({ path: '/funnel/process', message: `the stage field "${process.stageField}" is not a field of ${entity.name}`, code: 'invalidFunnel' });
  funnel.stages.forEach((stage, index) => {
    if (!Object.hasOwn(process.states, stage)) {
      problems.push({ path: pointerOf('', 'funnel', 'stages', index), message: `"${stage}" is not a top-level state of ${process.name} (states: ${Object.keys(process.states).join(', ')})`, code: 'unknownState' });
    }
  });
  return problems;
}
