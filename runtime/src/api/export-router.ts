// `GET /api/records/:entity/export?format=csv`: the records the caller may export, with the list
// endpoint's filters, search, sort and field list, streamed as CSV (one header row of field
// names, then a line per record). Mounted before the record routes, whose `/:entity/:id` would
// otherwise take "export" for an id (ids are UUIDs, so no record is shadowed).
import { once } from 'node:events';
import { BadRequestError, csvLine, UTF8_BOM, type Problem } from '@stagecraft/core';
import { Router, type Response } from 'express';
import type { ExportService } from '../export/export-service';
import { parseListQuery, type RawQuery } from './list-query-params';
import { actorOf } from './request-actor';
import { routeParam } from './route-params';

const FORMATS = ['csv'] as const;
/** List parameters that mean nothing for an export of every matching record. */
const PAGING_KEYS = ['page', 'pageSize', 'count', 'expand'];

/** Writes with backpressure; false when the client has gone away (the export then stops reading). */
async function write(response: Response, text: string): Promise<boolean> {
  if (!response.write(text)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
  return !response.destroyed;
}

export function exportRouter(exports: ExportService): Router {
  const router = Router();

  router.get('/:entity/export', async (request, response) => {
    const { format = 'csv', ...rest } = request.query as RawQuery;
    const problems: Problem[] = [];
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) problems.push({ path: '/format', message: `must be one of ${FORMATS.join(', ')}`, code: 'enum' });
    for (const key of PAGING_KEYS) if (key in rest) problems.push({ path: `/${key}`, message: `"${key}" is not an export parameter (an export has every matching record)`, code: 'unknownParameter' });
    if (problems.length > 0) throw new BadRequestError('The export query is not valid', problems);
    const query = parseListQuery(rest);
    const entity = routeParam(request, 'entity');
    const records = exports.records(entity, query, actorOf(request));
    const batches = records.batches();
    // The first batch is read before anything is sent, so a failing query is still a JSON error.
    let next = await batches.next();
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${entity}.csv"`);
    response.setHeader('Cache-Control', 'no-store');
    try {
      if (!(await write(response, UTF8_BOM + csvLine(records.fields.map((field) => field.name))))) return;
      while (!next.done) {
        for (const record of next.value) if (!(await write(response, csvLine(records.fields.map((field) => record[field.name]))))) return;
        next = await batches.next();
      }
      response.end();
    } catch (error) {
      // Headers are gone: the only honest signal left is a broken download.
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });

  return router;
}
