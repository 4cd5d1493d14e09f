// Routes of the record capabilities an entity turns on in its metadata — generic, for any entity
// that declares them (404 for one that does not): likely duplicates and merge (`duplicates`),
// conversion (`conversion`), re-running assignment rules (`assignment`). Thin wrappers: parse,
// call the operation with the record service's context, shape the answer.
import { NotFoundError } from '@stagecraft/core';
import { Router, type Request } from 'express';
import { assignRecord } from '../assignment/assign-record';
import { convertRecord } from '../conversion/convert-record';
import { findDuplicateCandidates } from '../duplicates/duplicate-matching';
import { mergeRecords } from '../duplicates/merge-records';
import { readRecord, recordNotFound } from '../records/operations/get-record';
import { entityOf } from '../records/record-context';
import type { RecordService } from '../records/record-service';
import { readableWhere } from '../access/record-access';
import { jsonBody } from './json-body';
import { nameList, type RawQuery } from './list-query-params';
import { expectedVersionOf } from './records-router';
import { actorOf, originOf } from './request-actor';
import { routeParam } from './route-params';

function versionOptions(request: Request): { expectedVersion?: number } {
  const expectedVersion = expectedVersionOf(request);
  return expectedVersion === undefined ? {} : { expectedVersion };
}

export function recordCapabilitiesRouter(records: RecordService, bodyLimit: string): Router {
  const router = Router();
  const body = jsonBody({ limit: bodyLimit });
  const optionalBody = jsonBody({ limit: bodyLimit, isOptional: true });
  const contextOf = (request: Request) => records.operationContext(actorOf(request), originOf(request), nameList((request.query as RawQuery).confirm));

  router.get('/:entity/:id/duplicates', async (request, response) => {
    const context = contextOf(request);
    const entity = entityOf(context, routeParam(request, 'entity'));
    const id = routeParam(request, 'id');
    const record = await readRecord(context, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, undefined, false, (params) => readableWhere(context, entity, params));
    if (!record) throw recordNotFound(entity, id);
    if (!entity.document.duplicates) throw new NotFoundError(`${entity.name} records have no duplicate rules`);
    const candidates = await findDuplicateCandidates(context, entity, record, id);
    response.json({ data: candidates });
  });

  router.post('/:entity/:id/merge', ...body, async (request, response) => {
    const result = await mergeRecords(contextOf(request), routeParam(request, 'entity'), routeParam(request, 'id'), request.body, versionOptions(request));
    response.setHeader('ETag', `"${String(result.record.version)}"`);
    response.json({ data: result.record, merged: result.merged, repointed: result.repointed });
  });

  router.post('/:entity/:id/convert', ...optionalBody, async (request, response) => {
    const result = await convertRecord(contextOf(request), routeParam(request, 'entity'), routeParam(request, 'id'), request.body, versionOptions(request));
    response.setHeader('ETag', `"${String(result.record.version)}"`);
    response.json({ data: result.record, targets: result.targets });
  });

  router.post('/:entity/:id/assign', async (request, response) => {
    const result = await assignRecord(contextOf(request), routeParam(request, 'entity'), routeParam(request, 'id'), versionOptions(request));
    response.setHeader('ETag', `"${String(result.record.version)}"`);
    response.json({ data: result.record, assignment: result.assignment });
  });

  return router;
}
