// Overlap rules (entity metadata `overlapRules`): after a create or update has written its row,
// inside the same transaction, look for another record of the rule's scope whose [start, end)
// range overlaps this one's. A hit is a 422 naming the other record — by its title only when the
// writer may read it — unless the writer confirmed the rule (`?confirm=<rule name>`). Touching
// ranges (one ends exactly when the other starts) do not overlap. Generic: the SFA pack turns it
// on for meetings in the owner's calendar.
import { ValidationError, resolveText, type OverlapRule, type Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { readableWhere } from '../access/record-access';
import { BindParameters } from '../db/database';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import { encodeValue, type RecordData } from '../records/record-rows';
import { conditionOf } from '../records/where-clause';

/** The fields whose change can make or unmake an overlap: ranges, scopes, filter fields. */
function fieldsOf(rule: OverlapRule): string[] {
  return [rule.start, rule.end, ...(rule.scope ?? []), ...(rule.where ?? []).map((clause) => clause.field)];
}

/** Whether an update of these fields needs the entity's overlap rules checked again. */
export function touchesOverlapRules(entity: CompiledEntity, changed: readonly string[]): boolean {
  return (entity.document.overlapRules ?? []).some((rule) => fieldsOf(rule).some((name) => changed.includes(name)));
}

/** Checks every overlap rule for the record just written (row `record.id` is in the table, in `transaction`). */
export async function checkOverlapRules(context: RecordContext, entity: CompiledEntity, record: RecordData, transaction: Transaction): Promise<void> {
  for (const rule of entity.document.overlapRules ?? []) {
    const problem = await overlapProblem(context, entity, rule, record, transaction);
    if (problem) throw new ValidationError(problem.code === 'overlap' ? problem.message : `The ${entity.name} record is not valid`, [problem]);
  }
}

function fieldIn(entity: CompiledEntity, name: string): CompiledField {
  const field = entity.fields.get(name);
  if (!field) throw new Error(`${entity.name} has no compiled field "${name}" (overlap rule)`);
  return field;
}

async function overlapProblem(context: RecordContext, entity: CompiledEntity, rule: OverlapRule, record: RecordData, transaction: Transaction): Promise<Problem | undefined> {
  const start = fieldIn(entity, rule.start);
  const end = fieldIn(entity, rule.end);
  const startValue = encodeValue(start, record[rule.start]);
  const endValue = encodeValue(end, record[rule.end]);
  if (startValue === null || endValue === null) return undefined;
  if (Date.parse(String(record[rule.end])) < Date.parse(String(record[rule.start]))) {
    return { path: `/${rule.end}`, message: `must not be before ${rule.start}`, code: 'invalidRange' };
  }
  const scopeValues = (rule.scope ?? []).map((name) => [fieldIn(entity, name), record[name]] as const);
  if (scopeValues.some(([, value]) => value === null || value === undefined)) return undefined;
  if (!(await matchesRuleFilter(context, entity, rule, String(record.id), transaction))) return undefined;
  if (context.confirmed?.has(rule.name)) return undefined;

  const params = new BindParameters();
  const q = (identifier: string): string => context.database.quote(identifier);
  const conditions = [
    `${q('id')} <> ${params.add(record.id)}`,
    `${start.sql} < ${params.add(endValue)}`,
    `${end.sql} > ${params.add(startValue)}`,
    ...scopeValues.map(([field, value]) => `${field.sql} = ${params.add(encodeValue(field, value))}`),
    ...filterConditions(entity, rule, params),
  ];
  const readable = readableWhere(context, entity, params);
  const titleField = titleFieldOf(entity);
  const readableSql = readable === undefined ? '1' : `CASE WHEN ${readable} THEN 1 ELSE 0 END`;
  const rows = await context.database.select(
    `SELECT ${q('id')}, ${titleField ? `${titleField.sql} AS ${q('title')}, ` : ''}${start.sql} AS ${q('rangeStart')}, ${readableSql} AS ${q('readable')} FROM ${entity.tableSql} WHERE ${conditions.join(' AND ')} ORDER BY ${start.sql} LIMIT 1`,
    params.values,
    transaction,
  );
  const other = rows[0];
  if (!other) return undefined;
  const lead = rule.message === undefined ? `This ${entity.name} overlaps another one in the same calendar` : resolveText(rule.message, context.actor.locale);
  const named = Number(other.readable) === 1 && titleField !== undefined
    ? `${lead}: "${String(other.title)}" (${String(start.codec.fromColumn(other.rangeStart))})`
    : `${lead} (a ${entity.name} you cannot see)`;
  return { path: `/${rule.start}`, message: `${named}. Send confirm=${rule.name} to keep both.`, code: 'overlap' };
}

function filterConditions(entity: CompiledEntity, rule: OverlapRule, params: BindParameters): string[] {
  return (rule.where ?? []).map((clause) => {
    const condition = conditionOf(fieldIn(entity, clause.field), { field: clause.field, op: clause.op, value: clause.value }, params);
    // The bundle checks filter values when it is published, so a bad one here is a bug.
    if (typeof condition !== 'string') throw new Error(`${entity.name} overlap rule ${rule.name}: ${condition.message}`);
    return condition;
  });
}

/** Whether the written record itself is one the rule concerns (e.g. a meeting, not a task). */
async function matchesRuleFilter(context: RecordContext, entity: CompiledEntity, rule: OverlapRule, id: string, transaction: Transaction): Promise<boolean> {
  if ((rule.where ?? []).length === 0) return true;
  const params = new BindParameters();
  const conditions = [`${context.database.quote('id')} = ${params.add(id)}`, ...filterConditions(entity, rule, params)];
  const rows = await context.database.select(`SELECT 1 AS ${context.database.quote('hit')} FROM ${entity.tableSql} WHERE ${conditions.join(' AND ')}`, params.values, transaction);
  return rows.length > 0;
}

function titleFieldOf(entity: CompiledEntity): CompiledField | undefined {
  const name = entity.document.displayField;
  return name === undefined ? undefined : entity.fields.get(name);
}
