// Date functions over ISO strings (or Date values). Calendar arithmetic is done in UTC so the
// result does not depend on the time zone of the machine evaluating it.
import { dayNumber, formatIsoDate, MILLISECONDS_PER_DAY, toTimestamp } from '../dates';
import { describeValue, toNumberOrNull } from '../values';
import type { ExpressionFunction, FunctionContext } from './definition';

function timestampOrNull(value: unknown, functionName: string, context: FunctionContext): number | null {
  if (value === null || value === undefined) return null;
  const timestamp = toTimestamp(value);
  if (timestamp === undefined) {
    return context.fail(`${functionName}() expects an ISO date such as "2026-11-23", got ${describeValue(value)}`);
  }
  return timestamp;
}

function datePart(functionName: string, part: (date: Date) => number): ExpressionFunction {
  return {
    minArguments: 1,
    maxArguments: 1,
    evaluate: ([value], context) => {
      const timestamp = timestampOrNull(value, functionName, context);
      return timestamp === null ? null : part(new Date(timestamp));
    },
  };
}

export const DATE_FUNCTIONS = {
  today: {
    minArguments: 0,
    maxArguments: 0,
    evaluate: (_args, context) => formatIsoDate(context.now().getTime()) ?? context.fail('The clock is out of range'),
  },
  now: {
    minArguments: 0,
    maxArguments: 0,
    evaluate: (_args, context) => context.now().toISOString(),
  },
  /** Whole UTC calendar days from the first date to the second (negative when it lies before). */
  daysBetween: {
    minArguments: 2,
    maxArguments: 2,
    evaluate: ([from, to], context) => {
      const start = timestampOrNull(from, 'daysBetween', context);
      const end = timestampOrNull(to, 'daysBetween', context);
      return start === null || end === null ? null : dayNumber(end) - dayNumber(start);
    },
  },
  addDays: {
    minArguments: 2,
    maxArguments: 2,
    evaluate: ([date, days], context) => {
      const timestamp = timestampOrNull(date, 'addDays', context);
      const count = toNumberOrNull(days, 'addDays()', context.position);
      if (timestamp === null || count === null) return null;
      if (!Number.isInteger(count)) return context.fail('addDays() expects a whole number of days');
      return formatIsoDate((dayNumber(timestamp) + count) * MILLISECONDS_PER_DAY) ?? context.fail('addDays() result is out of range');
    },
  },
  year: datePart('year', (date) => date.getUTCFullYear()),
  month: datePart('month', (date) => date.getUTCMonth() + 1),
  day: datePart('day', (date) => date.getUTCDate()),
} satisfies Record<string, ExpressionFunction>;
