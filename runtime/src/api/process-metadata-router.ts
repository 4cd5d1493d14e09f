// Process metadata endpoints: the published processes (bound entity and stage field), one
// process's document with its states (labels, guidance, probability) for boards and guidance
// panels, the dry run (live or unpublished document; writes nothing) and, for administrators,
// moving records from an older process version to the live one.
import { NotFoundError, resolveText, type ProcessDocument, type StateDefinition } from '@stagecraft/core';
import { Router } from 'express';
import type { CompiledMetadata } from '../live/compiled-types';
import { migrateProcessInstances, readMigrationRequest } from '../workflow/process-migration';
import { runningInstancesOf } from '../workflow/process-running';
import { processToSimulate, readSimulationRequest, runSimulation } from '../workflow/process-simulation';
import type { WorkflowService } from '../workflow/workflow-service';
import { requireAdmin } from './authenticate';
import { jsonBody } from './json-body';
import { actorOf, originOf } from './request-actor';
import { routeParam } from './route-params';

export interface StateSummary {
  path: string;
  name: string;
  type: string;
  label: StateDefinition['label'] | null;
  guidance: StateDefinition['guidance'] | null;
  probability: number | null;
  parent: string | null;
}

export function stateSummaries(document: ProcessDocument): StateSummary[] {
  const summaries: StateSummary[] = [];
  const walk = (states: Readonly<Record<string, StateDefinition>>, parent: string | null): void => {
    for (const [name, state] of Object.entries(states)) {
      const path = parent === null ? name : `${parent}.${name}`;
      const type = state.type ?? (state.states ? 'compound' : 'atomic');
      summaries.push({ path, name, type, label: state.label ?? null, guidance: state.guidance ?? null, probability: state.probability ?? null, parent });
      if (state.states) walk(state.states, path);
    }
  };
  walk(document.states, null);
  return summaries;
}

function processOf(metadata: CompiledMetadata, name: string): ProcessDocument {
  // Own properties only: "__proto__" or "toString" is no process, whatever Object.prototype holds.
  const process = Object.hasOwn(metadata.bundle.processes, name) ? metadata.bundle.processes[name] : undefined;
  if (!process) throw new NotFoundError(`There is no process "${name}"`);
  return process;
}

export function processMetadataRouter(workflow: WorkflowService, bodyLimit: string): Router {
  const router = Router();
  const body = jsonBody({ limit: bodyLimit });

  router.get('/processes', (request, response) => {
    const locale = typeof request.query.locale === 'string' ? request.query.locale : undefined;
    const processes = Object.values(workflow.metadata().bundle.processes).map((process) => ({
      name: process.name,
      entity: process.entity,
      stageField: process.stageField,
      label: process.label ?? process.name,
      title: resolveText(process.label ?? process.name, locale),
      initial: process.initial,
    }));
    response.json({ data: processes });
  });

  router.get('/processes/:name', (request, response) => {
    const metadata = workflow.metadata();
    const process = processOf(metadata, routeParam(request, 'name'));
    response.json({ name: process.name, entity: process.entity, stageField: process.stageField, metadataVersion: metadata.version, document: process, states: stateSummaries(process) });
  });

  router.post('/processes/:name/simulate', ...body, (request, response) => {
    const metadata = workflow.metadata();
    const simulation = readSimulationRequest(request.body, actorOf(request), workflow.now());
    const compiled = processToSimulate(workflow.catalog, metadata, routeParam(request, 'name'), simulation.document, simulation.entity);
    response.json(runSimulation(compiled, simulation));
  });

  // Before a publish that removes states: how many records run each version, and where.
  router.get('/processes/:name/running', requireAdmin, async (request, response) => {
    const name = routeParam(request, 'name');
    const metadata = workflow.metadata();
    // A process of the live version, or one of an older version that records may still run.
    if (!Object.hasOwn(metadata.bundle.processes, name) && !/^[a-z][A-Za-z0-9]*$/.test(name)) throw new NotFoundError(`There is no process "${name}"`);
    response.json({ process: name, live: metadata.version, data: await runningInstancesOf(workflow.database, name) });
  });

  router.post('/processes/:name/migrate', requireAdmin, ...body, async (request, response) => {
    const report = await migrateProcessInstances(workflow, routeParam(request, 'name'), readMigrationRequest(request.body), actorOf(request), originOf(request));
    response.json(report);
  });

  return router;
}
