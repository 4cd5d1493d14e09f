// Record process endpoints: the events the user may send now (with reasons for the blocked ones),
// sending one (one transaction; 409 when the state does not take it, 422 when guards block it),
// and the record's process state with its armed timers and transition log.
import { ValidationError } from '@stagecraft/core';
import { Router, type RequestHandler } from 'express';
import { visibleTransitions } from '../access/visible-process-data';
import type { RecordService } from '../records/record-service';
import { readInstances } from '../workflow/process-instances';
import { startRecordProcesses } from '../workflow/process-start-existing';
import { listTransitions } from '../workflow/transition-log';
import type { WorkflowService } from '../workflow/workflow-service';
import { jsonBody } from './json-body';
import { actorOf, originOf } from './request-actor';
import { routeParam } from './route-params';

export interface WorkflowRouterOptions {
  bodyLimit: string;
  /** Extra checks before a transition (e.g. who may change the entity). */
  beforeTransition?: RequestHandler[];
}

const NOT_YOURS_TEXT = { en: 'You may not move this record', 'zh-CN': '您无权推进此记录' };
const notYoursToMove = (locale: string) => ({ path: '', message: locale === 'zh-CN' ? NOT_YOURS_TEXT['zh-CN'] : NOT_YOURS_TEXT.en, code: 'forbidden', text: NOT_YOURS_TEXT });

export function workflowRouter(workflow: WorkflowService, records: RecordService, options: WorkflowRouterOptions): Router {
  const router = Router();
  const body = jsonBody({ limit: options.bodyLimit });
  const optionalBody = jsonBody({ limit: options.bodyLimit, isOptional: true });
  // Reading the record through the record service first: process state is for those who may read
  // the record, and a missing (or hidden) record is a 404 before any process detail is looked at.
  const readable = async (entity: string, id: string, request: Parameters<RequestHandler>[0]): Promise<void> => {
    await records.get(entity, id, { fields: ['id'] }, actorOf(request), originOf(request));
  };

  router.get('/:entity/:id/transitions', async (request, response) => {
    const [entity, id] = [routeParam(request, 'entity'), routeParam(request, 'id')];
    await readable(entity, id, request);
    const process = typeof request.query.process === 'string' ? request.query.process : undefined;
    const state = await workflow.available(entity, id, actorOf(request), process);
    // A reader without the transition grant on this record sees every event as not allowed for them.
    const actor = actorOf(request);
    const transitions = (await records.allows(entity, id, 'transition', actor)) ? state.transitions : state.transitions.map((transition) => ({ ...transition, allowed: false, reasons: [...transition.reasons, notYoursToMove(actor.locale)] }));
    response.json({ process: state.process, metadataVersion: state.metadataVersion, state: state.state, stage: state.stage, done: state.done, data: transitions });
  });

  // The transition checks readability itself, in the order a GET answers (no extra query).
  router.post('/:entity/:id/transitions', ...(options.beforeTransition ?? []), ...body, async (request, response) => {
    const [entity, id] = [routeParam(request, 'entity'), routeParam(request, 'id')];
    const result = await workflow.transition(entity, id, request.body, actorOf(request), originOf(request));
    response.setHeader('ETag', `"${String(result.record.version)}"`);
    response.json(result);
  });

  // A record created before its entity's process was published starts it here (admin or the transition grant).
  router.post('/:entity/:id/process/start', ...(options.beforeTransition ?? []), ...optionalBody, async (request, response) => {
    const [entity, id] = [routeParam(request, 'entity'), routeParam(request, 'id')];
    await readable(entity, id, request);
    const requested = (request.body as { process?: unknown } | undefined)?.process;
    if (requested !== undefined && typeof requested !== 'string') throw new ValidationError('The process to start is named by a string', [{ path: '/process', message: 'must be a process name' }]);
    const process = requested ?? (typeof request.query.process === 'string' ? request.query.process : undefined);
    const result = await startRecordProcesses(workflow, entity, id, process, actorOf(request), originOf(request));
    response.setHeader('ETag', `"${String(result.record.version)}"`);
    response.status(201).json(result);
  });

  router.get('/:entity/:id/process', async (request, response) => {
    const [entity, id] = [routeParam(request, 'entity'), routeParam(request, 'id')];
    await readable(entity, id, request);
    const actor = actorOf(request);
    const hidden = records.hiddenFieldsOf(entity, actor);
    const [instances, timers, transitions] = await Promise.all([
      readInstances(workflow.database, entity, id),
      workflow.timers.listOfRecord(entity, id),
      listTransitions(workflow.database, entity, id),
    ]);
    response.json({
      data: instances.map((instance) => ({
        process: instance.process,
        metadataVersion: instance.metadataVersion,
        state: JSON.parse(instance.state) as unknown,
        status: instance.status,
        startedAt: instance.startedAt,
        updatedAt: instance.updatedAt,
        timers: timers.filter((timer) => timer.process === instance.process).map(({ key, state, generation, dueAt, attempts }) => ({ key, state, generation, dueAt, attempts })),
        transitions: visibleTransitions(transitions.filter((transition) => transition.process === instance.process), hidden, actor.isAdmin),
      })),
    });
  });

  return router;
}
