// Rules for one field definition that its meta-schema cannot express: the checks its field type's
// definition makes (ranges in order, defaults within them, patterns that compile), options without
// repeats, and uniques only on indexable types.
import { checkFieldOfType, fieldTypeDefinitions } from '../field-types';
import type { FieldDefinition } from '../model/field';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';

export { MAX_INDEXED_STRING_LENGTH } from '../field-types';

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

  if (field.unique && !fieldTypeDefinitions[field.type].indexable) report(at('unique'), `is not supported on ${field.type} fields (they cannot be indexed)`, 'invalidUnique');
  checkFieldOfType(field, { report: (property, message, code) => report(at(property), message, code), checkRange, checkDefaultInRange, checkPattern });
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
