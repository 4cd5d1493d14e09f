// Turns ajv's errors into Problems people can act on: JSON Pointer paths that point at the
// offending property, "must be one of: …" for enums, "unknown property" with a suggestion, and
// without the noise of discriminator and oneOf branches.
import type { ErrorObject } from 'ajv/dist/2020';
import { PATTERN_EXPLANATIONS } from '../meta-schema/common';
import type { Problem } from '../model/problem';

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((token) => `/${escapePointerToken(String(token))}`).join('');
}

export function ajvErrorsToProblems(errors: readonly ErrorObject[] | null | undefined): Problem[] {
  const relevant = withoutBranchNoise(errors ?? []);
  const problems = relevant.filter((error) => error.keyword !== 'discriminator').map(problemOf);
  for (const error of relevant.filter((candidate) => candidate.keyword === 'discriminator')) {
    const tag = stringParam(error, 'tag') ?? '';
    const tagPath = pointerOf(error.instancePath, tag);
    // The discriminated schema also declares the tag's allowed values: that error says it better.
    if (!problems.some((problem) => problem.path === tagPath)) problems.push({ path: tagPath, message: 'has an unknown value', code: 'enum' });
  }
  return dedupe(problems);
}

/**
 * Drops the errors of every oneOf branch (the oneOf error itself remains), propertyNames wrappers
 * and `if` errors (they only say which branch failed; that branch's own errors say why).
 */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfPaths = errors.filter((error) => error.keyword === 'oneOf').map((error) => `${error.schemaPath}/`);
  return errors.filter((error) =>
    error.keyword !== 'propertyNames' && error.keyword !== 'if' && !oneOfPaths.some((prefix) => error.schemaPath.startsWith(prefix)),
  );
}

function problemOf(error: ErrorObject): Problem {
  const at = error.instancePath;
  if (error.propertyName !== undefined) {
    return { path: pointerOf(at, error.propertyName), message: `property name "${error.propertyName}" ${messageOf(error)}`, code: 'propertyName' };
  }
  switch (error.keyword) {
    case 'required':
      return { path: pointerOf(at, stringParam(error, 'missingProperty') ?? ''), message: 'is required', code: 'required' };
    case 'additionalProperties': {
      const property = stringParam(error, 'additionalProperty') ?? '';
      const suggestion = closestName(property, Object.keys(error.parentSchema?.properties ?? {}));
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      return { path: pointerOf(at, property), message: `unknown property "${property}"${hint}`, code: 'unknownProperty' };
    }
    case 'dependentRequired': {
      const missing = stringParam(error, 'missingProperty') ?? '';
      return { path: pointerOf(at, missing), message: `is required when "${stringParam(error, 'property') ?? ''}" is given`, code: 'required' };
    }
    case 'uniqueItems': {
      // ajv reports the later duplicate as `i` and the earlier one as `j`.
      const { i, j } = error.params as { i?: unknown; j?: unknown };
      return { path: pointerOf(at, String(i)), message: `repeats the item at ${at}/${String(j)}`, code: 'uniqueItems' };
    }
    default:
      return { path: at, message: messageOf(error), code: error.keyword };
  }
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'enum':
      return `must be one of: ${arrayParam(error, 'allowedValues').map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(error.params['allowedValue'])}`;
    case 'type':
      return `must be ${typesParam(error).join(' or ')}`;
    case 'pattern': {
      const pattern = stringParam(error, 'pattern') ?? '';
      return PATTERN_EXPLANATIONS[pattern] ?? `must match the pattern ${pattern}`;
    }
    case 'oneOf':
      return oneOfMessage(error);
    default:
      return error.message ?? `is not valid (${error.keyword})`;
  }
}

/** oneOf branches that each only require one property read as "exactly one of". */
function oneOfMessage(error: ErrorObject): string {
  const branches: unknown = error.schema;
  if (Array.isArray(branches)) {
    const soleRequired = branches.map((branch: unknown) => {
      const required = typeof branch === 'object' && branch !== null && 'required' in branch ? branch.required : undefined;
      return Array.isArray(required) && required.length === 1 ? String(required[0]) : undefined;
    });
    if (soleRequired.every((name) => name !== undefined)) return `must have exactly one of: ${soleRequired.join(', ')}`;
  }
  return 'must match exactly one of the allowed forms';
}

function stringParam(error: ErrorObject, name: string): string | undefined {
  const value: unknown = error.params[name];
  return typeof value === 'string' ? value : undefined;
}

function typesParam(error: ErrorObject): string[] {
  const value: unknown = error.params['type'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(',') : [];
}

function arrayParam(error: ErrorObject, name: string): unknown[] {
  const value: unknown = error.params[name];
  return Array.isArray(value) ? value : [];
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The candidate within two edits (or differing only in case) of the typo, if any. */
export function closestName(typo: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === typo.toLowerCase() ? 0 : editDistance(typo, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
