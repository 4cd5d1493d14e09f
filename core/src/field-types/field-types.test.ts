// The field-type definitions cover exactly the field types the published meta-schema allows, and
// each one is usable end to end: resolve, column, value schema, value kind and filter operators.
// (The `satisfies` in index.ts makes a missing definition a build error; this proves the
// meta-schema's enum and the map agree, as core/README.md's "Adding a field type" describes.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_TYPES, type FieldDefinition, type FieldType } from '../model/field';
import { columnTypeOf, fieldTypeDefinitions, fieldValueSchema, filterOperatorsFor, resolveField, valueKindOf } from '.';

const metaSchemaTypes = (): string[] => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/entity.schema.json'), 'utf8')) as { $defs: { field: { properties: { type: { enum: string[] } } } } };
  return schema.$defs.field.properties.type.enum;
};

/** The smallest valid field of each type. */
const SAMPLES: { [T in FieldType]: Extract<FieldDefinition, { type: T }> } = {
  string: { name: 'f', type: 'string' },
  text: { name: 'f', type: 'text' },
  email: { name: 'f', type: 'email' },
  phone: { name: 'f', type: 'phone' },
  url: { name: 'f', type: 'url' },
  integer: { name: 'f', type: 'integer' },
  decimal: { name: 'f', type: 'decimal' },
  currency: { name: 'f', type: 'currency' },
  percent: { name: 'f', type: 'percent' },
  boolean: { name: 'f', type: 'boolean' },
  date: { name: 'f', type: 'date' },
  datetime: { name: 'f', type: 'datetime' },
  enum: { name: 'f', type: 'enum', options: [{ value: 'a' }] },
  multiEnum: { name: 'f', type: 'multiEnum', options: [{ value: 'a' }] },
  reference: { name: 'f', type: 'reference', entity: 'account' },
  user: { name: 'f', type: 'user' },
  formula: { name: 'f', type: 'formula', expression: '1', resultType: 'decimal' },
  autonumber: { name: 'f', type: 'autonumber', format: 'N-{000}' },
};

describe('field-type definitions', () => {
  it('cover exactly the field types of the published meta-schema', () => {
    expect(Object.keys(fieldTypeDefinitions).sort()).toEqual([...metaSchemaTypes()].sort());
    expect(Object.keys(fieldTypeDefinitions).sort()).toEqual([...FIELD_TYPES].sort());
  });

  it('name their own type', () => {
    for (const [type, definition] of Object.entries(fieldTypeDefinitions)) expect(definition.type).toBe(type);
  });

  it.each(FIELD_TYPES)('make %s usable end to end', (type) => {
    const resolved = resolveField(SAMPLES[type]);
    expect(resolveField(resolved)).toEqual(resolved);
    expect(columnTypeOf(resolved).kind).toEqual(expect.any(String));
    expect(fieldValueSchema(resolved, 'en')).toEqual(expect.any(Object));
    expect(valueKindOf(resolved)).toEqual(expect.any(String));
    expect(filterOperatorsFor(type).length).toBeGreaterThan(0);
  });
});
