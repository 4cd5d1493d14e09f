// The value rules shared by operators and functions: what counts as empty, true, a number or
// equal. Kept in one place so that `==`, `in`, contains() and the comparisons agree.
import { failEvaluation } from './expression-error';

const MAX_EQUALITY_DEPTH = 32;
const NUMERIC_STRING = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function isNumericString(value: unknown): value is string {
  return typeof value === 'string' && NUMERIC_STRING.test(value);
}

/**
 * Converts a value coming from the scope (or an array in it) into a language value:
 * undefined → null, Date → ISO datetime string; functions and other host-only values are refused
 * so that an expression can never hand one back to its caller.
 */
export function toLanguageValue(value: unknown, position: number): unknown {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'number':
      return Number.isFinite(value) ? normaliseZero(value) : null;
    case 'function':
    case 'symbol':
    case 'bigint':
      return failEvaluation(`A ${typeof value} is not a value the expression language can read`, position);
    default:
      return value instanceof Date ? dateAsText(value) : value;
  }
}

/** A Date as the language sees it: its ISO datetime string, or null when it is invalid. */
function dateAsText(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** null, false, 0, '' are false; everything else (including empty arrays) is true. */
export function isTruthy(value: unknown): boolean {
  return !(value === null || value === undefined || value === false || value === 0 || value === '' || Number.isNaN(value));
}

/** null for null; a finite number for numbers and numeric strings; an evaluation error otherwise. */
export function toNumberOrNull(value: unknown, what: string, position: number): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (isNumericString(value)) return Number(value);
  return failEvaluation(`${what} expects a number, got ${describeValue(value)}`, position);
}

/** Non-finite results (overflow, 0/0) become null, the language's "no value". */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? normaliseZero(value) : null;
}

function normaliseZero(value: number): number {
  return value === 0 ? 0 : value;
}

/**
 * Strict equality, except that a number equals a numeric string with the same value (decimal
 * columns may arrive as strings) and arrays are equal element by element.
 */
export function valuesEqual(left: unknown, right: unknown, depth = 0): boolean {
  const a = left instanceof Date ? dateAsText(left) : left ?? null;
  const b = right instanceof Date ? dateAsText(right) : right ?? null;
  if (a === b) return true;
  if (typeof a === 'number' && isNumericString(b)) return a === Number(b);
  if (typeof b === 'number' && isNumericString(a)) return Number(a) === b;
  // The depth bound keeps cyclic or absurdly nested arrays from the scope from recursing forever.
  if (Array.isArray(a) && Array.isArray(b) && depth < MAX_EQUALITY_DEPTH) {
    return a.length === b.length && a.every((element: unknown, index) => valuesEqual(element, b[index], depth + 1));
  }
  return false;
}

/**
 * Orders two values for < <= > >=: numbers (and a number against a numeric string) numerically,
 * two strings by code unit (so ISO dates order correctly, identically in every runtime).
 * Returns null when either side is null; mixing other types is an evaluation error.
 */
export function compareValues(left: unknown, right: unknown, position: number): number | null {
  if (left === null || left === undefined || right === null || right === undefined) return null;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  const isComparableNumber = (value: unknown) => typeof value === 'number' || isNumericString(value);
  if (isComparableNumber(left) && isComparableNumber(right)) return Number(left) - Number(right);
  return failEvaluation(`Cannot compare ${describeValue(left)} with ${describeValue(right)}`, position);
}

/** How a scalar reads inside concatenated text; null reads as nothing. */
export function toText(value: unknown, what: string, position: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return failEvaluation(`${what} cannot turn ${describeValue(value)} into text`, position);
}

/** A short, safe description of a value for error messages (never the value's own toString). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
