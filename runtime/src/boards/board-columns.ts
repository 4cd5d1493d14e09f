// A board's columns with their counts and sums: ONE grouped query over the entity table, with the
// caller's filters and search and the reader's row filter in its WHERE clause — the same clause a
// list builds — so a column never counts a record its reader could not open. Values come from the
// compiled metadata (quoted identifiers) and bind parameters only.
import type { BoardLayout, EnumOption, LocalisedText } from '@stagecraft/core';
import { readableSource, readsNothing } from '../access/record-access';
import { BindParameters } from '../db/database';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';
import type { ListFilter } from '../records/list-query';
import type { RecordContext } from '../records/record-context';
import { buildWhereClause } from '../records/where-clause';

export interface BoardColumn {
  value: string;
  label: LocalisedText;
  color?: string;
  count: number;
  /** The column's sum of the board's sumField; absent when the board has none or it is hidden from the reader. */
  sum?: number;
}

export interface BoardColumnsInput {
  /** The entity as stored (table, row rules). */
  stored: CompiledEntity;
  /** The entity as the reader sees it (hidden fields unknown to filters and search). */
  visible: CompiledEntity;
  groupBy: CompiledField;
  sumField: CompiledField | undefined;
  filters: readonly ListFilter[];
  search: string | undefined;
}

/** The enum options of the group-by field in the board's column order (unknown names in columnOrder are skipped). */
export function columnOptionsOf(layout: BoardLayout, groupBy: CompiledField): EnumOption[] {
  const definition = groupBy.definition;
  const options = definition && definition.type === 'enum' ? definition.options : [];
  if (!layout.columnOrder) return options;
  const byValue = new Map(options.map((option) => [option.value, option]));
  return layout.columnOrder.flatMap((value) => byValue.get(value) ?? []);
}

/** A count or sum from the driver (MariaDB answers DECIMAL sums as text); rounded to the field's scale, as SQLite sums in floating point. */
function numberOf(value: unknown, scale = 0): number {
  if (value === null || value === undefined) return 0;
  const number = Number(value);
  return Number.isFinite(number) ? Number(number.toFixed(scale)) : 0;
}

export async function boardColumns(context: RecordContext, layout: BoardLayout, input: BoardColumnsInput): Promise<BoardColumn[]> {
  const params = new BindParameters();
  const q = (identifier: string): string => context.database.quote(identifier);
  const group = input.groupBy.sql;
  const sum = input.sumField ? `, SUM(${input.sumField.sql}) AS ${q('total')}` : '';
  // Under an "own or shared" rule the rows come from one indexed SELECT per alternative.
  const columns = [input.stored.fields.get('id')?.sql ?? q('id'), group, ...(input.sumField ? [input.sumField.sql] : [])];
  const filterWhere = (into: BindParameters): string => buildWhereClause(input.visible, input.filters, input.search, into);
  let rows: Array<Record<string, unknown>> = [];
  if (readsNothing(context, input.stored)) {
    // No readable record: every column is empty, no query (the filter is still checked).
    filterWhere(new BindParameters());
  } else {
    const source = readableSource(context, input.stored, filterWhere, [...new Set(columns)], params);
    rows = await context.database.select(`SELECT ${group} AS ${q('value')}, COUNT(*) AS ${q('count')}${sum} FROM ${source} GROUP BY ${group}`, params.values);
  }
  const byValue = new Map(rows.map((row) => [String(row.value), row]));
  return columnOptionsOf(layout, input.groupBy).map((option) => {
    const row = byValue.get(option.value);
    const column: BoardColumn = { value: option.value, label: option.label ?? { en: option.value }, count: numberOf(row?.count) };
    if (option.color) column.color = option.color;
    if (input.sumField) column.sum = numberOf(row?.total, input.sumField.scale ?? 0);
    return column;
  });
}
