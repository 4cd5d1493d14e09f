// The record API for every entity, with no code per entity: thin HTTP wrappers around the
// record service (parse the request → call the operation → shape the response).
import { BadRequestError } from '@stagecraft/core';
import { Router, type Request, type Response } from 'express';
import type { RecordService } from '../records/record-service';
import { jsonBody } from './json-body';
import { nameList, parseListQuery, type RawQuery } from './list-query-params';
import { actorOf } from './request-actor';
import { routeParam } from './route-params';

/** If-Match: `"3"`, `W/"3"` or `3` → 3; `*` or absent → undefined. */
export function expectedVersionOf(request: Request): number | undefined {
  const header = request.get('if-match')?.trim();
  if (!header || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header);
  if (!match) throw new BadRequestError('If-Match must be the record version in quotes, e.g. "3"', [{ path: '/version', message: `"${header}" is not a version`, code: 'type' }]);
  return Number(match[1]);
}

function sendRecord(response: Response, status: number, record: Record<string, unknown>): void {
  response.setHeader('ETag', `"${String(record.version)}"`);
  response.status(status).json(record);
}

export function recordsRouter(records: RecordService, bodyLimit: string): Router {
  const router = Router();
  const body = jsonBody({ limit: bodyLimit });

  router.get('/:entity', async (request, response) => {
    const page = await records.list(routeParam(request, 'entity'), parseListQuery(request.query as RawQuery), actorOf(request));
    response.json(page);
  });

  router.get('/:entity/:id', async (request, response) => {
    const query = request.query as RawQuery;
    const options: { fields?: string[]; expand?: string[] } = { expand: nameList(query.expand) };
    if (query.fields !== undefined) options.fields = nameList(query.fields);
    sendRecord(response, 200, await records.get(routeParam(request, 'entity'), routeParam(request, 'id'), options, actorOf(request)));
  });

  router.post('/:entity', ...body, async (request, response) => {
    const record = await records.create(routeParam(request, 'entity'), request.body, actorOf(request));
    response.location(`${request.baseUrl}/${routeParam(request, 'entity')}/${String(record.id)}`);
    sendRecord(response, 201, record);
  });

  router.patch('/:entity/:id', ...body, async (request, response) => {
    const options: { expectedVersion?: number } = {};
    const expectedVersion = expectedVersionOf(request);
    if (expectedVersion !== undefined) options.expectedVersion = expectedVersion;
    sendRecord(response, 200, await records.update(routeParam(request, 'entity'), routeParam(request, 'id'), request.body, options, actorOf(request)));
  });

  router.delete('/:entity/:id', async (request, response) => {
    const options: { expectedVersion?: number } = {};
    const expectedVersion = expectedVersionOf(request);
    if (expectedVersion !== undefined) options.expectedVersion = expectedVersion;
    await records.delete(routeParam(request, 'entity'), routeParam(request, 'id'), options, actorOf(request));
    response.status(204).end();
  });

  return router;
}
