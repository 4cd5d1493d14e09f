// Display labels for reference and user groupings ("win rate per rep" shows names, not ids):
// one query per such column for the ids in the result, through the reader's own read rule on the
// referenced entity, so a label the reader may not see stays absent. Adds `<column>Label`.
import { resolveText } from '@stagecraft/core';
import { accessOf, readableWhere } from '../access/record-access';
import { visibleEntityOf } from '../access/visible-entity';
import { BindParameters } from '../db/database';
import type { RecordContext } from '../records/record-context';
import type { ReportColumn } from './report-columns';

export async function referenceLabelColumns(context: RecordContext, groupColumns: readonly ReportColumn[], rows: Array<Record<string, unknown>>, locale: string): Promise<ReportColumn[]> {
  const added: ReportColumn[] = [];
  for (const column of groupColumns) {
    if ((column.type !== 'reference' && column.type !== 'user') || column.entity === undefined) continue;
    const target = context.metadata.entities.get(column.entity);
    if (!target) continue;
    const access = accessOf(context, target);
    const visible = visibleEntityOf(target, access);
    const displayName = target.document.displayField;
    const display = displayName === undefined ? undefined : visible.fields.get(displayName);
    if (!access.can('read') || !display) continue;
    const ids = [...new Set(rows.map((row) => row[column.name]).filter((id): id is string => typeof id === 'string'))];
    const labels = new Map<string, string>();
    if (ids.length > 0) {
      const params = new BindParameters();
      const idColumn = target.fields.get('id')?.sql ?? context.database.quote('id');
      const conditions = [`${idColumn} IN (${ids.map((id) => params.add(id)).join(', ')})`];
      const readable = readableWhere(context, target, params);
      if (readable !== undefined) conditions.push(readable);
      const q = (identifier: string): string => context.database.quote(identifier);
      const found = await context.database.select(`SELECT ${idColumn} AS ${q('id')}, ${display.sql} AS ${q('label')} FROM ${target.tableSql} WHERE ${conditions.join(' AND ')}`, params.values);
      for (const row of found) if (row.label !== null && row.label !== undefined) labels.set(String(row.id), String(row.label));
    }
    const name = `${column.name}Label`;
    for (const row of rows) row[name] = typeof row[column.name] === 'string' ? (labels.get(row[column.name] as string) ?? null) : null;
    added.push({ name, label: `${column.label} (${resolveText({ en: 'name', 'zh-CN': '名称' }, locale)})`, type: 'string' });
  }
  return added;
}
