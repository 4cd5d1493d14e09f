// `POST /api/records/:entity/import`: records from a CSV file (Content-Type: text/csv, the format
// the export writes) or JSON (`{"records": [{…}, …]}`), written through the record operations.
// Query: `dryRun=true` (validate, write nothing), `mode=create|upsert` with `key=id|<field>`,
// `atomic=false` (each row on its own; default all or nothing), `confirm=duplicate,…` (for every
// row). Mounted before the record routes, whose `/:entity/:id` would take "import" for an id.
import { BadRequestError, ForbiddenError, UnsupportedMediaTypeError, type Problem } from '@stagecraft/core';
import express, { Router, type RequestHandler } from 'express';
import { isIdentityWriteLocked } from '../identity/identity-entities';
import type { ImportOptions } from '../import/import-records';
import type { ImportService } from '../import/import-service';
import { nameList, type RawQuery } from './list-query-params';
import { actorOf, originOf } from './request-actor';
import { routeParam } from './route-params';

/** Bodies of imports may be far larger than one record's: 5,000 rows of a wide entity. */
export const DEFAULT_IMPORT_BODY_LIMIT = '10mb';
const CSV_TYPES = ['text/csv', 'application/csv'];
const JSON_TYPES = ['application/json', 'application/*+json'];
const PARAMETERS = new Set(['dryRun', 'mode', 'key', 'atomic', 'confirm']);

function requireCsvOrJson(): RequestHandler {
  return (request, _response, next) => {
    if (request.is([...CSV_TYPES, ...JSON_TYPES])) next();
    else next(new UnsupportedMediaTypeError(`Send the records as CSV (Content-Type: text/csv) or JSON (application/json), not ${request.headers['content-type'] ?? 'without a content type'}`));
  };
}

function flag(query: RawQuery, name: string, fallback: boolean, problems: Problem[]): boolean {
  const value = query[name];
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  problems.push({ path: `/${name}`, message: 'must be true or false', code: 'type' });
  return fallback;
}

export function importOptionsOf(query: RawQuery): ImportOptions {
  const problems: Problem[] = [];
  for (const name of Object.keys(query)) if (!PARAMETERS.has(name)) problems.push({ path: `/${name}`, message: `"${name}" is not an import parameter`, code: 'unknownParameter' });
  const { mode = 'create', key } = query;
  if (mode !== 'create' && mode !== 'upsert') problems.push({ path: '/mode', message: 'must be one of create, upsert', code: 'enum' });
  if (key !== undefined && (typeof key !== 'string' || key === '')) problems.push({ path: '/key', message: 'must be a field name', code: 'type' });
  const options: ImportOptions = { dryRun: flag(query, 'dryRun', false, problems), mode: mode === 'upsert' ? 'upsert' : 'create', atomic: flag(query, 'atomic', true, problems) };
  if (typeof key === 'string' && key !== '') options.key = key;
  if (problems.length > 0) throw new BadRequestError('The import query is not valid', problems);
  return options;
}

export function importRouter(imports: ImportService, bodyLimit: string = DEFAULT_IMPORT_BODY_LIMIT): Router {
  const router = Router();
  const parsers = [requireCsvOrJson(), express.text({ type: CSV_TYPES, limit: bodyLimit, defaultCharset: 'utf-8' }), express.json({ type: JSON_TYPES, limit: bodyLimit, strict: true })];

  router.post('/:entity/import', ...parsers, async (request, response) => {
    const entity = routeParam(request, 'entity');
    const actor = actorOf(request);
    // Users, teams and roles are written by administrators only, as through the record routes.
    if (isIdentityWriteLocked(entity, actor)) throw new ForbiddenError(`Only administrators may change ${entity} records`);
    const query = request.query as RawQuery;
    const confirm = nameList(query.confirm);
    const options = importOptionsOf(query);
    const source = request.is(CSV_TYPES) ? { format: 'csv' as const, text: typeof request.body === 'string' ? request.body : '' } : { format: 'json' as const, body: request.body as unknown };
    response.json(await imports.run(entity, source, options, actor, originOf(request), confirm));
  });

  return router;
}
