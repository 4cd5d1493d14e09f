// The whitelist of built-in functions, one group per file. A name that is not an own key of
// this map is an unknown function, whatever Object.prototype holds.
import { DATE_FUNCTIONS } from './date';
import type { ExpressionFunction } from './definition';
import { LOGIC_FUNCTIONS } from './logic';
import { MATH_FUNCTIONS } from './math';
import { TEXT_FUNCTIONS } from './text';

export type { ExpressionFunction, FunctionContext } from './definition';

/** `if` is built into the compiler (it evaluates lazily) but is a function to the author. */
export const IF_FUNCTION_NAME = 'if';

const FUNCTIONS: ReadonlyMap<string, ExpressionFunction> = new Map(
  Object.entries({ ...TEXT_FUNCTIONS, ...MATH_FUNCTIONS, ...LOGIC_FUNCTIONS, ...DATE_FUNCTIONS }),
);

export function findExpressionFunction(name: string): ExpressionFunction | undefined {
  return FUNCTIONS.get(name);
}

/** Every function name an author may call, e.g. for a designer's autocompletion. */
export const EXPRESSION_FUNCTION_NAMES: readonly string[] = Object.freeze([...FUNCTIONS.keys(), IF_FUNCTION_NAME].sort());
