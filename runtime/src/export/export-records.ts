// An entity's records for export: the list's filters, search and sort, limited to the records the
// actor may both read and export (the export grant's row rule inside the SQL, ANDed with the read
// rule), with only the fields they may see. Rows are read in batches, so an export of any size
// holds one batch in memory while the response streams. Batches are pages of one ordering with
// the id as tie-breaker; a record written meanwhile may shift between pages, as in a paged list.
import { accessOf, andWhere, readableAccess, requireOperation, rowAccess } from '../access/record-access';
import { visibleEntityOf } from '../access/visible-entity';
import { BindParameters } from '../db/database';
import type { CompiledField } from '../live/compiled-types';
import type { ListQuery } from '../records/list-query';
import { orderByOf } from '../records/operations/list-records';
import { entityOf, type RecordContext } from '../records/record-context';
import { decodeRow, selectionOf, type RecordData } from '../records/record-rows';
import { buildWhereClause } from '../records/where-clause';

export const EXPORT_BATCH_SIZE = 500;

export interface RecordExport {
  /** The exported fields, in column order. */
  fields: readonly CompiledField[];
  /** The records, a batch at a time. */
  batches(): AsyncGenerator<RecordData[]>;
}

/** Checks the request (403 without the export grant, 400 for unknown or hidden fields) before anything is sent. */
export function exportRecords(context: RecordContext, entityName: string, query: Pick<ListQuery, 'filters' | 'sort' | 'search' | 'fields'>): RecordExport {
  const stored = entityOf(context, entityName);
  const access = accessOf(context, stored);
  requireOperation(access, 'read');
  requireOperation(access, 'export');
  const entity = visibleEntityOf(stored, access);
  const selection = selectionOf(entity, query.fields, []);
  const params = new BindParameters();
  const filtered = buildWhereClause(entity, query.filters, query.search, params);
  const readable = readableAccess(context, stored, params);
  const exportable = rowAccess(context, stored, 'export', params);
  // No record both readable and exportable: the file has its header and no row, without a query.
  const reachesNothing = readable.kind === 'none' || exportable.kind === 'none';
  const where = andWhere(andWhere(filtered, readable), exportable);
  const baseSql = `SELECT ${selection.sql} FROM ${entity.tableSql}${where}${orderByOf(entity, query.sort)}`;
  return {
    fields: selection.fields,
    async *batches() {
      if (reachesNothing) return;
      for (let offset = 0; ; offset += EXPORT_BATCH_SIZE) {
        // LIMIT and OFFSET are integers we computed, inlined because not every driver binds them.
        const rows = await context.database.select(`${baseSql} LIMIT ${EXPORT_BATCH_SIZE} OFFSET ${offset}`, params.values);
        if (rows.length > 0) yield rows.map((row) => decodeRow(selection.fields, row));
        if (rows.length < EXPORT_BATCH_SIZE) return;
      }
    },
  };
}
