// Functions about presence. `if(cond, a, b)` is not here: the compiler lowers it to a
// conditional node so that only the chosen branch is evaluated.
import { isPlainObject } from '../values';
import type { ExpressionFunction } from './definition';

/** null, text that is blank after trimming, and empty arrays and objects are empty. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

export const LOGIC_FUNCTIONS = {
  coalesce: {
    minArguments: 1,
    maxArguments: Infinity,
    evaluate: (args) => args.find((value) => value !== null && value !== undefined) ?? null,
  },
  isEmpty: {
    minArguments: 1,
    maxArguments: 1,
    evaluate: ([value]) => isEmptyValue(value),
  },
} satisfies Record<string, ExpressionFunction>;
