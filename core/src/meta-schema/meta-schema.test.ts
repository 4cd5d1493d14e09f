import Ajv2020 from 'ajv/dist/2020';
import { validateDocument } from '../validate/document-validator';
import { exampleDocument, exampleFiles } from '../validate/testing/example-pack';
import { META_SCHEMAS } from './index';

type Json = Record<string, unknown>;

function problemsOf(document: unknown): Array<{ path: string; message: string; code?: string }> {
  return validateDocument(document).problems.map(({ path, message, code }) => ({ path, message, ...(code !== undefined && { code }) }));
}

function entity(): Json & { fields: Json[] } {
  return exampleDocument('entities/opportunity.json');
}

describe('meta-schemas', () => {
  it.each(Object.entries(META_SCHEMAS))('%s is a valid draft 2020-12 schema that compiles strictly', (_name, schema) => {
    const ajv = new Ajv2020({ discriminator: true, allowUnionTypes: true, strict: true, strictRequired: false });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each(exampleFiles().map((file) => [file.file, file.json] as const))('accepts the example document %s', (_file, json) => {
    const result = validateDocument(json);
    expect(result.problems).toEqual([]);
    expect(result.document).toBe(json);
  });

  it('reports an unknown field type once, at its type, listing the allowed types', () => {
    const document = entity();
    document.fields[3] = { name: 'amount', type: 'money' };
    const problems = problemsOf(document);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('/fields/3/type');
    expect(problems[0]?.message).toMatch(/^must be one of: string, text, integer, .*autonumber$/);
  });

  it('reports a misspelt property with its path and a suggestion', () => {
    const document = entity();
    document.fields[0] = { name: 'name', type: 'string', maxLenght: 10 };
    expect(problemsOf(document)).toEqual([{ path: '/fields/0/maxLenght', message: 'unknown property "maxLenght" (did you mean "maxLength"?)', code: 'unknownProperty' }]);
  });

  it('rejects a property that belongs to another field type', () => {
    const document = entity();
    document.fields[0] = { name: 'name', type: 'boolean', maxLength: 10 };
    expect(problemsOf(document)).toEqual([expect.objectContaining({ path: '/fields/0/maxLength', code: 'unknownProperty' })]);
  });

  it('reports wrong value types with the expected type', () => {
    const document = entity();
    document.fields[0] = { name: 'name', type: 'string', required: 'yes', maxLength: 1.5 };
    expect(problemsOf(document)).toEqual([
      { path: '/fields/0/required', message: 'must be boolean', code: 'type' },
      { path: '/fields/0/maxLength', message: 'must be integer', code: 'type' },
    ]);
  });

  it.each([
    ['Amount', 'must be camelCase'],
    ['amount_total', 'must be camelCase'],
    ['a'.repeat(49), 'must NOT have more than 48 characters'],
  ])('rejects the field name %s', (name, message) => {
    const document = entity();
    document.fields[0] = { name, type: 'string' };
    expect(problemsOf(document)).toEqual([expect.objectContaining({ path: '/fields/0/name', message: expect.stringContaining(message) })]);
  });

  it('requires the properties a field type needs', () => {
    const document = entity();
    document.fields.push({ name: 'region', type: 'enum' }, { name: 'parent', type: 'reference' });
    expect(problemsOf(document)).toEqual([
      { path: '/fields/13/options', message: 'is required', code: 'required' },
      { path: '/fields/14/entity', message: 'is required', code: 'required' },
    ]);
  });

  it('checks localised text: a string or a locale map with valid keys', () => {
    const document = entity();
    document.label = { en: 'Deal', EN_us: 'Deal' };
    document.pluralLabel = 42;
    expect(problemsOf(document)).toEqual([
      { path: '/label/EN_us', message: 'property name "EN_us" must be a locale tag such as "en" or "zh-CN"', code: 'propertyName' },
      { path: '/pluralLabel', message: 'must be string or object', code: 'type' },
    ]);
  });

  it('checks option colours are CSS hex colours', () => {
    const document = entity();
    document.fields[2] = { name: 'stage', type: 'enum', options: [{ value: 'open', color: 'red' }] };
    expect(problemsOf(document)).toEqual([{ path: '/fields/2/options/0/color', message: 'must be a CSS hex colour such as "#2f80ed"', code: 'pattern' }]);
  });

  it('accepts a $schema property and rejects an unknown document kind', () => {
    expect(problemsOf({ $schema: 'x', kind: 'pack', name: 'crm-core', version: '1.0.0' })).toEqual([]);
    expect(problemsOf({ kind: 'dashboard', name: 'x' })).toEqual([{ path: '/kind', message: 'must be one of: pack, entity, form, list, board, process, permissionSet, report', code: 'enum' }]);
    expect(problemsOf({ name: 'x' })).toEqual([expect.objectContaining({ path: '/kind', code: 'required' })]);
    expect(problemsOf([1])).toEqual([{ path: '', message: 'must be a JSON object', code: 'type' }]);
  });

  it('rejects a pack without a semantic version', () => {
    expect(problemsOf({ kind: 'pack', name: 'example', version: '1.0' })).toEqual([
      { path: '/version', message: 'must be a semantic version such as "1.2.0"', code: 'pattern' },
    ]);
  });

  it('validates layouts by kind with paths into the chosen kind', () => {
    const board = exampleDocument<Json>('layouts/opportunity-board.json');
    board.cardField = ['name'];
    expect(problemsOf(board)).toEqual([expect.objectContaining({ path: '/cardField', message: expect.stringContaining('did you mean "cardFields"') })]);
    const list = exampleDocument<Json>('layouts/opportunity-list.json');
    list.defaultFilters = [{ field: 'stage', op: 'like', value: 'x' }];
    expect(problemsOf(list)).toEqual([expect.objectContaining({ path: '/defaultFilters/0/op', message: 'must be one of: eq, ne, lt, lte, gt, gte, in, contains, isNull' })]);
  });

  it('validates process timers: ISO 8601 durations and exactly one kind of delay', () => {
    const process = exampleDocument<{ states: Record<string, Json> }>('processes/opportunity-sales.json');
    const prospecting = process.states.prospecting ?? {};
    prospecting.after = [
      { name: 'a', delay: { duration: '14 days' } },
      { name: 'b', delay: { duration: 'P1D', field: 'closeDate' } },
      { name: 'c', delay: { duration: 'P1D', calendar: 'office' } },
    ];
    expect(problemsOf(process)).toEqual([
      { path: '/states/prospecting/after/0/delay/duration', message: 'must be an ISO 8601 duration such as "PT4H" or "P2D"', code: 'pattern' },
      { path: '/states/prospecting/after/1/delay', message: 'must have exactly one of: duration, businessHours, field', code: 'oneOf' },
      { path: '/states/prospecting/after/2/delay/businessHours', message: 'is required when "calendar" is given', code: 'required' },
    ]);
  });

  it('rejects a probability outside 0–100 and a misspelt transition property', () => {
    const process = exampleDocument<{ states: Record<string, Json & { on?: Record<string, Json> }> }>('processes/opportunity-sales.json');
    const qualification = process.states.qualification ?? {};
    qualification.probability = 130;
    qualification.on = { PROPOSE: { targte: 'proposal' } };
    expect(problemsOf(process)).toEqual([
      expect.objectContaining({ path: '/states/qualification/probability', code: 'maximum' }),
      expect.objectContaining({ path: '/states/qualification/on/PROPOSE/targte', code: 'unknownProperty' }),
    ]);
  });

  it('accepts a list of guarded transitions', () => {
    const process = exampleDocument<{ states: Record<string, Json> }>('processes/opportunity-sales.json');
    (process.states.qualification ?? {}).on = { PROPOSE: [{ target: 'proposal', guards: [{ name: 'fieldsFilled' }] }, { target: 'closedLost' }] };
    expect(problemsOf(process)).toEqual([]);
  });
});
