// Number functions. Numeric strings are accepted like numbers; null in gives null out, and
// min/max skip nulls so that an empty field does not blank the whole result.
import { finiteOrNull, toNumberOrNull } from '../values';
import type { ExpressionFunction, FunctionContext } from './definition';

const MAX_ROUNDING_DIGITS = 15;

function mapNumber(functionName: string, transform: (value: number) => number): ExpressionFunction {
  return {
    minArguments: 1,
    maxArguments: 1,
    evaluate: ([value], context) => {
      const number = toNumberOrNull(value, `${functionName}()`, context.position);
      return number === null ? null : finiteOrNull(transform(number));
    },
  };
}

/**
 * Rounds half away from zero at `digits` decimals. Shifting through the decimal exponent of the
 * number's text (not multiplying by 10^digits) keeps round(1.005, 2) at 1.01.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const shift = (number: number, places: number) => {
    const [mantissa, exponent = '0'] = String(number).split('e');
    return Number(`${mantissa}e${Number(exponent) + places}`);
  };
  const shifted = shift(Math.abs(value), digits);
  // Beyond double precision there is nothing left to round.
  if (!Number.isFinite(shifted)) return value;
  return Math.sign(value) * shift(Math.round(shifted), -digits);
}

function roundingDigits(value: unknown, context: FunctionContext): number {
  const digits = toNumberOrNull(value ?? 0, 'round() digits', context.position) ?? 0;
  if (!Number.isInteger(digits) || Math.abs(digits) > MAX_ROUNDING_DIGITS) {
    return context.fail(`round() digits must be a whole number from -${MAX_ROUNDING_DIGITS} to ${MAX_ROUNDING_DIGITS}`);
  }
  return digits;
}

/** The numbers among the arguments, with arrays flattened one level and nulls skipped. */
function numbersOf(args: readonly unknown[], functionName: string, context: FunctionContext): number[] {
  const numbers: number[] = [];
  for (const value of args.flatMap((arg: unknown) => (Array.isArray(arg) ? (arg as unknown[]) : [arg]))) {
    const number = toNumberOrNull(value, `${functionName}()`, context.position);
    if (number !== null) numbers.push(number);
  }
  return numbers;
}

function extreme(functionName: string, isBetter: (candidate: number, best: number) => boolean): ExpressionFunction {
  return {
    minArguments: 1,
    maxArguments: Infinity,
    evaluate: (args, context) => {
      const numbers = numbersOf(args, functionName, context);
      // A loop rather than Math.min(...numbers): spreading a large array can overflow the stack.
      let best: number | null = null;
      for (const number of numbers) if (best === null || isBetter(number, best)) best = number;
      return best;
    },
  };
}

export const MATH_FUNCTIONS = {
  round: {
    minArguments: 1,
    maxArguments: 2,
    evaluate: ([value, digits], context) => {
      const number = toNumberOrNull(value, 'round()', context.position);
      const places = roundingDigits(digits, context);
      return number === null ? null : finiteOrNull(roundHalfAwayFromZero(number, places));
    },
  },
  floor: mapNumber('floor', Math.floor),
  ceil: mapNumber('ceil', Math.ceil),
  abs: mapNumber('abs', Math.abs),
  min: extreme('min', (candidate, best) => candidate < best),
  max: extreme('max', (candidate, best) => candidate > best),
} satisfies Record<string, ExpressionFunction>;
