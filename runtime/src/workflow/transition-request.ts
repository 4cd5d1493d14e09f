// Reads the body of POST …/transitions — `{ event, data?, version?, process? }` — and validates
// `data` like a PATCH of those fields (its problems at `/data/<field>`); the stage field is never
// part of it, as moving the stage is what the event does.
import { BadRequestError, ValidationError, type Problem } from '@stagecraft/core';
import type { CompiledEntity } from '../live/compiled-types';
import { pointerSegment } from '../records/validation-problems';
import { isPlainObject, readWriteInput, validateValues } from '../records/write-input';

export interface TransitionRequest {
  event: string;
  /** Field values submitted with the event (validated). */
  data: Record<string, unknown>;
  expectedVersion?: number;
  process?: string;
}

const MAX_EVENT_LENGTH = 100;

export function readTransitionRequest(entity: CompiledEntity, body: unknown, stageFields: readonly string[]): TransitionRequest {
  if (!isPlainObject(body)) throw new BadRequestError('The request body must be a JSON object: { "event": "…", "data": { … } }');
  const problems: Problem[] = [];
  const { event, data, version, process } = body;
  for (const name of Object.keys(body)) {
    if (!['event', 'data', 'version', 'process'].includes(name)) problems.push({ path: `/${pointerSegment(name)}`, message: 'is not part of a transition (event, data, version, process)', code: 'unknownProperty' });
  }
  if (typeof event !== 'string' || event.length === 0 || event.length > MAX_EVENT_LENGTH) problems.push({ path: '/event', message: `must be an event name (1–${MAX_EVENT_LENGTH} characters)`, code: 'type' });
  if (version !== undefined && !(typeof version === 'number' && Number.isSafeInteger(version) && version > 0)) problems.push({ path: '/version', message: 'must be the record version you read (a positive whole number)', code: 'type' });
  if (process !== undefined && typeof process !== 'string') problems.push({ path: '/process', message: 'must be a process name', code: 'type' });
  if (data !== undefined && data !== null && !isPlainObject(data)) problems.push({ path: '/data', message: 'must be an object of field values', code: 'type' });
  const values = isPlainObject(data) ? dataValues(entity, data, stageFields, problems) : {};
  if (problems.length > 0) throw new ValidationError('The transition request is not valid', problems);
  return {
    event: String(event),
    data: values,
    ...(typeof version === 'number' ? { expectedVersion: version } : {}),
    ...(typeof process === 'string' ? { process } : {}),
  };
}

function dataValues(entity: CompiledEntity, data: Record<string, unknown>, stageFields: readonly string[], problems: Problem[]): Record<string, unknown> {
  const prefixed = (problem: Problem): Problem => ({ ...problem, path: `/data${problem.path}` });
  for (const name of Object.keys(data)) {
    if (stageFields.includes(name)) problems.push({ path: `/data/${pointerSegment(name)}`, message: 'is the stage: the event moves it', code: 'stageByTransition' });
    if (name === 'version') problems.push({ path: '/data/version', message: 'is read-only (send the version beside data)', code: 'readOnly' });
  }
  const allowed = Object.fromEntries(Object.entries(data).filter(([name]) => !stageFields.includes(name) && name !== 'version'));
  const input = readWriteInput(entity, allowed, 'update');
  for (const name of input.links.keys()) input.problems.push({ path: `/${pointerSegment(name)}`, message: 'cannot be set with a transition (PATCH the record)', code: 'readOnly' });
  try {
    validateValues(entity, input, 'update');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.details.map(prefixed));
  }
  return input.values;
}
