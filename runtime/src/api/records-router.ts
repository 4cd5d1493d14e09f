// The record API for every entity, with no code per entity: thin HTTP wrappers around the
// record service (parse the request → call the operation → shape the response), plus a record's
// audit history and its reassignment (handover).
import { BadRequestError, ForbiddenError, type Problem } from '@stagecraft/core';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { visibleHistory } from '../access/visible-process-data';
import { listAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import { isIdentityWriteLocked } from '../identity/identity-entities';
import type { RecordService } from '../records/record-service';
import { pagingOf } from './audit-router';
import { jsonBody } from './json-body';
import { nameList, parseListQuery, type RawQuery } from './list-query-params';
import { actorOf, originOf } from './request-actor';
import { routeParam } from './route-params';

/** Users, teams and roles are written by administrators only (isIdentityWriteLocked). */
const identityWritesNeedAdmin: RequestHandler = (request, _response, next) => {
  if (isIdentityWriteLocked(routeParam(request, 'entity'), actorOf(request))) {
    throw new ForbiddenError(`Only administrators may change ${routeParam(request, 'entity')} records`);
  }
  next();
};

/** If-Match: `"3"`, `W/"3"` or `3` → 3; `*` or absent → undefined. */
export function expectedVersionOf(request: Request): number | undefined {
  const header = request.get('if-match')?.trim();
  if (!header || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header);
  if (!match) throw new BadRequestError('If-Match must be the record version in quotes, e.g. "3"', [{ path: '/version', message: `"${header}" is not a version`, code: 'type' }]);
  return Number(match[1]);
}

/** `?confirm=overlap` (or a comma list): the rules (overlap rules by name) the writer accepts breaking. */
function confirmedOf(request: Request): string[] {
  return nameList((request.query as RawQuery).confirm);
}

function sendRecord(response: Response, status: number, record: Record<string, unknown>): void {
  response.setHeader('ETag', `"${String(record.version)}"`);
  response.status(status).json(record);
}

export function recordsRouter(records: RecordService, bodyLimit: string, database: Database): Router {
  const router = Router();
  const body = jsonBody({ limit: bodyLimit });

  router.get('/:entity', async (request, response) => {
    const page = await records.list(routeParam(request, 'entity'), parseListQuery(request.query as RawQuery), actorOf(request), originOf(request));
    response.json(page);
  });

  router.get('/:entity/:id/history', async (request, response) => {
    const [entity, id] = [routeParam(request, 'entity'), routeParam(request, 'id')];
    const problems: Problem[] = [];
    const query = request.query as Record<string, unknown>;
    const paging = pagingOf(query, problems);
    // Oldest first by default (a record's story); newest first for a timeline that pages backwards.
    const order = query.order ?? 'oldestFirst';
    if (order !== 'oldestFirst' && order !== 'newestFirst') problems.push({ path: '/order', message: 'must be oldestFirst or newestFirst', code: 'enum' });
    if (problems.length > 0) throw new BadRequestError('The history query is not valid', problems);
    // Reading the record first: its history is for those who may read it, and 404 when it is gone.
    await records.get(entity, id, { fields: ['id'] }, actorOf(request), originOf(request));
    const rows = await listAudit(database, { entity, recordId: id }, { ...paging, order: order === 'newestFirst' ? 'newestFirst' : 'oldestFirst' });
    response.json({ data: visibleHistory(rows, records.hiddenFieldsOf(entity, actorOf(request))), ...paging });
  });

  router.post('/:entity/:id/reassign', identityWritesNeedAdmin, ...body, async (request, response) => {
    const options: { expectedVersion?: number } = {};
    const expectedVersion = expectedVersionOf(request);
    if (expectedVersion !== undefined) options.expectedVersion = expectedVersion;
    const result = await records.reassign(routeParam(request, 'entity'), routeParam(request, 'id'), request.body, options, actorOf(request), originOf(request));
    response.setHeader('ETag', `"${String(result.record.version)}"`);
    response.json({ data: result.record, carried: result.carried });
  });

  // What the actor may do with this record now (the web app shows only the actions that will work).
  router.get('/:entity/:id/permissions', async (request, response) => {
    const [entity, id] = [routeParam(request, 'entity'), routeParam(request, 'id')];
    const actor = actorOf(request);
    await records.get(entity, id, { fields: ['id'] }, actor, originOf(request));
    const isIdentityLocked = isIdentityWriteLocked(entity, actor);
    const [update, remove, transition] = await Promise.all(
      (['update', 'delete', 'transition'] as const).map(async (operation) => !isIdentityLocked && (await records.allows(entity, id, operation, actor))),
    );
    response.json({ data: { read: true, update, delete: remove, transition } });
  });

  router.get('/:entity/:id', async (request, response) => {
    const query = request.query as RawQuery;
    const options: { fields?: string[]; expand?: string[] } = { expand: nameList(query.expand) };
    if (query.fields !== undefined) options.fields = nameList(query.fields);
    sendRecord(response, 200, await records.get(routeParam(request, 'entity'), routeParam(request, 'id'), options, actorOf(request), originOf(request)));
  });

  router.post('/:entity', identityWritesNeedAdmin, ...body, async (request, response) => {
    const record = await records.create(routeParam(request, 'entity'), request.body, actorOf(request), originOf(request), { confirm: confirmedOf(request) });
    response.location(`${request.baseUrl}/${routeParam(request, 'entity')}/${String(record.id)}`);
    sendRecord(response, 201, record);
  });

  router.patch('/:entity/:id', identityWritesNeedAdmin, ...body, async (request, response) => {
    const options: { expectedVersion?: number; confirm: string[] } = { confirm: confirmedOf(request) };
    const expectedVersion = expectedVersionOf(request);
    if (expectedVersion !== undefined) options.expectedVersion = expectedVersion;
    sendRecord(response, 200, await records.update(routeParam(request, 'entity'), routeParam(request, 'id'), request.body, options, actorOf(request), originOf(request)));
  });

  router.delete('/:entity/:id', identityWritesNeedAdmin, async (request, response) => {
    const options: { expectedVersion?: number } = {};
    const expectedVersion = expectedVersionOf(request);
    if (expectedVersion !== undefined) options.expectedVersion = expectedVersion;
    await records.delete(routeParam(request, 'entity'), routeParam(request, 'id'), options, actorOf(request), originOf(request));
    response.status(204).end();
  });

  return router;
}
