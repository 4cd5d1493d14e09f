// ajv's errors → our Problems: one readable message per bad property, at its JSON Pointer.
import { CONTROL_FREE_MESSAGE, CONTROL_FREE_PATTERN, STORED_DATE_RANGE, type Problem } from '@stagecraft/core';
import type { ErrorObject } from 'ajv';

const FORMAT_MESSAGES: Record<string, string> = {
  date: `must be a date (YYYY-MM-DD) ${STORED_DATE_RANGE}`,
  'date-time': `must be a date and time in ISO 8601 with a time zone, e.g. 2025-01-31T09:30:00Z, ${STORED_DATE_RANGE} in UTC`,
  email: 'must be an e-mail address',
  uri: 'must be a URL',
  url: 'must be a URL',
  uuid: 'must be a record id (UUID)',
};

export function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function typeMessage(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map(String).filter((name) => name !== 'null');
  const names = types.map((name) => ({ string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' })[name] ?? name);
  return `must be ${names.join(' or ')}`;
}

function problemOf(error: ErrorObject): Problem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${error.instancePath}/${pointerSegment(String(params.missingProperty))}`, message: 'is required', code: 'required' };
    case 'additionalProperties':
      return { path: `${error.instancePath}/${pointerSegment(String(params.additionalProperty))}`, message: 'is not a field of this entity', code: 'unknownField' };
    case 'type':
      return { path: error.instancePath, message: typeMessage(params.type), code: 'type' };
    case 'enum':
      return { path: error.instancePath, message: `must be one of: ${(params.allowedValues as unknown[]).filter((value) => value !== null).map(String).join(', ')}`, code: 'enum' };
    case 'format':
      return { path: error.instancePath, message: FORMAT_MESSAGES[String(params.format)] ?? `must be a valid ${String(params.format)}`, code: 'format' };
    case 'pattern':
      if (params.pattern === CONTROL_FREE_PATTERN) return { path: error.instancePath, message: CONTROL_FREE_MESSAGE, code: 'controlCharacter' };
      return { path: error.instancePath, message: `does not match the pattern ${String(params.pattern)}`, code: 'pattern' };
    default:
      return { path: error.instancePath, message: error.message ?? 'is not valid', code: error.keyword };
  }
}

/** Converts ajv errors, keeping the first (most specific) problem per path; anyOf/oneOf summaries drop out when a branch said more. */
export function problemsFromAjv(errors: readonly ErrorObject[] | null | undefined): Problem[] {
  const byPath = new Map<string, Problem>();
  for (const error of errors ?? []) {
    if ((error.keyword === 'anyOf' || error.keyword === 'oneOf') && byPath.has(error.instancePath)) continue;
    const problem = problemOf(error);
    if (!byPath.has(problem.path)) byPath.set(problem.path, problem);
  }
  return [...byPath.values()];
}
