// Rules for one field definition that its meta-schema cannot express: ranges in order, defaults
// within their constraints, patterns that compile, options without repeats, indexable uniques.
import type { FieldDefinition } from '../model/field';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';

/** Longest string MariaDB can put in a unique index with utf8mb4 (3072 bytes / 4). */
export const MAX_INDEXED_STRING_LENGTH = 768;
const DEFAULT_PRECISION = 18;
const DEFAULT_SCALE = 2;
const AUTONUMBER_COUNTER = /\{0+\}/g;

export function checkField(field: FieldDefinition, path: string): Problem[] {
  const problems: Problem[] = [];
  const at = (property: string | number, ...more: Array<string | number>): string => pointerOf(path, property, ...more);
  const report = (where: string, message: string, code: string): void => {
    problems.push({ path: where, message, code });
  };
  const checkRange = (minimum: number | string | undefined, maximum: number | string | undefined): void => {
    if (minimum !== undefined && maximum !== undefined && minimum > maximum) {
      report(at('minimum'), `must not be greater than maximum (${String(maximum)})`, 'invalidRange');
    }
  };
  const checkDefaultInRange = (value: number | string | undefined, minimum: number | string | undefined, maximum: number | string | undefined): void => {
    if (value === undefined) return;
    if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
      report(at('default'), 'must lie between minimum and maximum', 'invalidDefault');
    }
  };
  const checkPattern = (pattern: string | undefined, value: string | undefined): void => {
    if (pattern === undefined) return;
    const compiled = compilePattern(pattern);
    if (typeof compiled === 'string') report(at('pattern'), `is not a valid regular expression: ${compiled}`, 'invalidPattern');
    else if (value !== undefined && !compiled.test(value)) report(at('default'), 'does not match the pattern', 'invalidDefault');
  };

  switch (field.type) {
    case 'string':
      if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
        report(at('minLength'), `must not be greater than maxLength (${field.maxLength})`, 'invalidRange');
      }
      checkPattern(field.pattern, field.default);
      if (field.unique && (field.maxLength ?? 255) > MAX_INDEXED_STRING_LENGTH) {
        report(at('unique'), `needs maxLength ≤ ${MAX_INDEXED_STRING_LENGTH} (longer strings cannot be indexed on MariaDB)`, 'invalidUnique');
      }
      break;
    case 'phone':
      checkPattern(field.pattern, field.default);
      break;
    case 'text':
    case 'multiEnum':
      if (field.unique) report(at('unique'), `is not supported on ${field.type} fields (they cannot be indexed)`, 'invalidUnique');
      break;
    case 'integer':
    case 'percent':
      checkRange(field.minimum, field.maximum);
      checkDefaultInRange(field.default, field.minimum, field.maximum);
      break;
    case 'decimal':
    case 'currency': {
      const precision = field.precision ?? DEFAULT_PRECISION;
      const scale = field.scale ?? DEFAULT_SCALE;
      if (scale > precision) report(at(field.scale === undefined ? 'precision' : 'scale'), `scale (${scale}) must not exceed precision (${precision})`, 'invalidScale');
      checkRange(field.minimum, field.maximum);
      checkDefaultInRange(field.default, field.minimum, field.maximum);
      break;
    }
    case 'date':
      checkRange(field.minimum, field.maximum);
      checkDefaultInRange(field.default, field.minimum, field.maximum);
      break;
    case 'autonumber': {
      const counters = field.format.match(AUTONUMBER_COUNTER)?.length ?? 0;
      if (counters !== 1) report(at('format'), 'must contain exactly one counter such as "{0000}"', 'invalidFormat');
      break;
    }
    default:
      break;
  }
  if (field.type === 'enum' || field.type === 'multiEnum') problems.push(...checkOptions(field, path));
  return problems;
}

function checkOptions(field: Extract<FieldDefinition, { type: 'enum' | 'multiEnum' }>, path: string): Problem[] {
  const problems: Problem[] = findDuplicates(field.options, (option) => option.value).map((duplicate) => ({
    path: pointerOf(path, 'options', duplicate.index, 'value'),
    message: `repeats the option "${duplicate.key}" (also at /options/${duplicate.firstIndex})`,
    code: 'duplicateName',
  }));
  const values = new Set(field.options.map((option) => option.value));
  const defaults = field.default === undefined ? [] : typeof field.default === 'string' ? [field.default] : field.default;
  defaults.forEach((value, index) => {
    if (values.has(value)) return;
    const where = field.type === 'enum' ? pointerOf(path, 'default') : pointerOf(path, 'default', index);
    problems.push({ path: where, message: `"${value}" is not one of the options: ${[...values].join(', ')}`, code: 'invalidDefault' });
  });
  if (field.type === 'multiEnum' && field.maxItems !== undefined && defaults.length > field.maxItems) {
    problems.push({ path: pointerOf(path, 'default'), message: `selects more than maxItems (${field.maxItems}) values`, code: 'invalidDefault' });
  }
  return problems;
}

/** The compiled pattern, or the reason it does not compile. Patterns are checked with the `u` flag, as ajv does. */
export function compilePattern(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern, 'u');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
