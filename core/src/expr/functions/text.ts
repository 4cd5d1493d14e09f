// Text functions. A null text stays null (lower/upper/trim) or counts as empty (len, concat,
// contains), so formulas over empty fields do not fail.
import { describeValue, toText, valuesEqual } from '../values';
import type { ExpressionFunction, FunctionContext } from './definition';

function textOrNull(value: unknown, functionName: string, context: FunctionContext): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return context.fail(`${functionName}() expects text, got ${describeValue(value)}`);
}

function mapText(functionName: string, transform: (text: string) => string): ExpressionFunction {
  return {
    minArguments: 1,
    maxArguments: 1,
    evaluate: ([value], context) => {
      const text = textOrNull(value, functionName, context);
      return text === null ? null : transform(text);
    },
  };
}

function testText(functionName: string, test: (text: string, part: string) => boolean): ExpressionFunction {
  return {
    minArguments: 2,
    maxArguments: 2,
    evaluate: ([value, part], context) => {
      const text = textOrNull(value, functionName, context);
      const search = textOrNull(part, functionName, context);
      return text !== null && search !== null && test(text, search);
    },
  };
}

export const TEXT_FUNCTIONS = {
  len: {
    minArguments: 1,
    maxArguments: 1,
    evaluate: ([value], context) => {
      if (value === null || value === undefined) return 0;
      if (typeof value === 'string' || Array.isArray(value)) return value.length;
      return context.fail(`len() expects text or an array, got ${describeValue(value)}`);
    },
  },
  lower: mapText('lower', (text) => text.toLowerCase()),
  upper: mapText('upper', (text) => text.toUpperCase()),
  trim: mapText('trim', (text) => text.trim()),
  concat: {
    minArguments: 1,
    maxArguments: Infinity,
    evaluate: (args, context) => args.map((value) => toText(value, 'concat()', context.position)).join(''),
  },
  contains: {
    minArguments: 2,
    maxArguments: 2,
    evaluate: ([haystack, needle], context) => {
      if (haystack === null || haystack === undefined) return false;
      if (Array.isArray(haystack)) return haystack.some((element: unknown) => valuesEqual(element, needle));
      const text = textOrNull(haystack, 'contains', context);
      if (text === null || needle === null || needle === undefined) return false;
      return text.includes(toText(needle, 'contains()', context.position));
    },
  },
  startsWith: testText('startsWith', (text, prefix) => text.startsWith(prefix)),
  endsWith: testText('endsWith', (text, suffix) => text.endsWith(suffix)),
} satisfies Record<string, ExpressionFunction>;
