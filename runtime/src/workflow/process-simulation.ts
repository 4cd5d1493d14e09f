// The dry run: a sequence of events against a sample record, through the pure engine only —
// nothing is read from or written to the record tables. The process is the live one, or an
// unpublished document sent along (validated and compiled against the live bundle first, so a
// process can be tried before it is published; its problems come back at `/process/...`).
import { BadRequestError, compileProcess, isStorableInstant, validateDocument, type EntityDocument, STORED_DATE_RANGE, simulateProcess, ValidationError, type CompiledProcess, type Problem, type ProcessDocument, type ProcessUser, type SimulatedEvent, type Simulation } from '@stagecraft/core';
import type { Actor } from '../identity/actor';
import type { CompiledMetadata } from '../live/compiled-types';
import { isPlainObject } from '../records/write-input';
import { processIn, type ProcessCatalog } from './process-catalog';
import { processUserOf } from './process-start';

export interface SimulationRequest {
  record: Record<string, unknown>;
  events: SimulatedEvent[];
  user: ProcessUser;
  now: Date;
  document?: ProcessDocument;
  /** The process's entity as drafted (the studio simulates a process on an entity not yet published). */
  entity?: EntityDocument;
}

const MAX_EVENTS = 500;

export function readSimulationRequest(body: unknown, actor: Actor, now: Date): SimulationRequest {
  if (!isPlainObject(body)) throw new BadRequestError('The body must be a JSON object: { "record": { … }, "events": [ … ] }');
  const problems: Problem[] = [];
  const record = body.record === undefined ? {} : body.record;
  if (!isPlainObject(record)) problems.push({ path: '/record', message: 'must be an object of field values', code: 'type' });
  const events = Array.isArray(body.events) ? body.events : [];
  if (!Array.isArray(body.events)) problems.push({ path: '/events', message: 'must be a list of events ({ "type": "QUALIFY", "data"?: { … } })', code: 'type' });
  if (events.length > MAX_EVENTS) problems.push({ path: '/events', message: `may list at most ${MAX_EVENTS} events`, code: 'maxItems' });
  events.forEach((event: unknown, index) => {
    if (!isPlainObject(event) || typeof event.type !== 'string' || event.type === '') problems.push({ path: `/events/${index}`, message: 'must be an object with a "type"', code: 'type' });
    else if (event.data !== undefined && !isPlainObject(event.data)) problems.push({ path: `/events/${index}/data`, message: 'must be an object', code: 'type' });
    else if (event.at !== undefined && !isSimulatedTime(event.at)) problems.push({ path: `/events/${index}/at`, message: `must be a date-time ${STORED_DATE_RANGE}`, code: 'format' });
  });
  const user = readUser(body.user, actor, problems);
  const start = body.now === undefined ? now : isSimulatedTime(body.now) ? new Date(body.now) : undefined;
  if (!start) problems.push({ path: '/now', message: `must be a date-time ${STORED_DATE_RANGE}`, code: 'format' });
  if (body.process !== undefined && !isPlainObject(body.process)) problems.push({ path: '/process', message: 'must be a process document', code: 'type' });
  let entity: EntityDocument | undefined;
  if (body.entity !== undefined) {
    if (body.process === undefined) problems.push({ path: '/entity', message: 'is only taken with a "process" document', code: 'dependentRequired' });
    const validation = validateDocument(body.entity);
    if (validation.document?.kind === 'entity') entity = validation.document;
    else problems.push(...(validation.problems.length > 0 ? validation.problems : [{ path: '/kind', message: 'must be "entity"', code: 'const' }]).map((problem) => ({ ...problem, path: `/entity${problem.path}` })));
  }
  if (problems.length > 0) throw new ValidationError('The simulation request is not valid', problems);
  return {
    record: record as Record<string, unknown>,
    events: events as SimulatedEvent[],
    user,
    now: start ?? now,
    ...(isPlainObject(body.process) ? { document: body.process as unknown as ProcessDocument } : {}),
    ...(entity ? { entity } : {}),
  };
}

function readUser(raw: unknown, actor: Actor, problems: Problem[]): ProcessUser {
  if (raw === undefined) return processUserOf(actor);
  if (!isPlainObject(raw) || (raw.id !== undefined && typeof raw.id !== 'string') || (raw.roles !== undefined && !(Array.isArray(raw.roles) && raw.roles.every((role) => typeof role === 'string')))) {
    problems.push({ path: '/user', message: 'must be { "id"?: string, "roles"?: [string] }', code: 'type' });
    return processUserOf(actor);
  }
  return { id: typeof raw.id === 'string' ? raw.id : 'simulated-user', roles: Array.isArray(raw.roles) ? (raw.roles as string[]) : [] };
}

/** The process to simulate: the sent document (compiled now) or the live one of that name. */
/** A simulated clock stays where real ones can be: years 1–9999 (timers added to it stay valid dates). */
function isSimulatedTime(raw: unknown): raw is string {
  return typeof raw === 'string' && isStorableInstant(new Date(raw));
}

export function processToSimulate(catalog: ProcessCatalog, metadata: CompiledMetadata, name: string, document?: ProcessDocument, entity?: EntityDocument): CompiledProcess {
  if (!document) return processIn(catalog.of(metadata), name);
  if (document.name !== undefined && document.name !== name) {
    throw new ValidationError('The process document has another name than the route', [{ path: '/process/name', message: `must be "${name}"`, code: 'const' }]);
  }
  if (entity && entity.name !== document.entity) {
    throw new ValidationError('The entity document is not the process\'s entity', [{ path: '/entity/name', message: `must be "${document.entity}"`, code: 'const' }]);
  }
  const entities = entity ? { ...metadata.bundle.entities, [entity.name]: entity } : metadata.bundle.entities;
  const bundle = { ...metadata.bundle, entities, processes: { ...metadata.bundle.processes, [name]: document } };
  try {
    return compileProcess(document, catalog.registry, { bundle });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.message, error.details.map((problem) => ({ ...problem, path: `/process${problem.path}` })));
  }
}

export function runSimulation(compiled: CompiledProcess, request: SimulationRequest): Simulation {
  return simulateProcess(compiled, request.record, request.events, { now: request.now, user: request.user });
}
