// Resolved metadata: each default is filled once, by the field type's definition, and both the
// column plan and the value bounds read the one resolved value.
import { compileEntitySchema } from '../compile/entity-schema';
import { columnTypeOf, DECIMAL_DEFAULTS, DEFAULT_CURRENCY, DEFAULT_STRING_LENGTH, fieldValueSchema, resolveField, type ResolvedDecimalField } from '../field-types';
import type { EntityDocument } from '../model/entity';
import { compileEntityTablePlan } from '../plan/table-plan';
import { resolveEntity } from './resolve-entity';

const deal: EntityDocument = {
  kind: 'entity',
  name: 'deal',
  label: 'Deal',
  fields: [
    { name: 'title', type: 'string' },
    { name: 'amount', type: 'currency' },
    { name: 'currency', type: 'string', maxLength: 3 },
    { name: 'fee', type: 'currency', currency: 'EUR', currencyField: 'feeCurrency' },
    { name: 'feeCurrency', type: 'enum', options: [{ value: 'EUR' }, { value: 'CHF' }] },
    { name: 'rate', type: 'decimal' },
    { name: 'account', type: 'reference', entity: 'account' },
    { name: 'code', type: 'autonumber', format: 'D-{000}' },
  ],
};

describe('resolveEntity', () => {
  const resolved = resolveEntity(deal);
  const field = (name: string) => resolved.fields.find((candidate) => candidate.name === name);

  it('fills every default of every field', () => {
    expect(field('title')).toMatchObject({ maxLength: DEFAULT_STRING_LENGTH });
    expect(field('amount')).toMatchObject({ precision: DECIMAL_DEFAULTS.precision, scale: DECIMAL_DEFAULTS.scale, currency: DEFAULT_CURRENCY });
    expect(field('rate')).toMatchObject({ precision: DECIMAL_DEFAULTS.precision, scale: DECIMAL_DEFAULTS.scale });
    expect(field('account')).toMatchObject({ onDelete: 'restrict' });
    expect(field('code')).toMatchObject({ start: 1 });
  });

  it('makes the currency-code field explicit: a text sibling named "currency", or the one the field names', () => {
    expect(field('amount')).toMatchObject({ currencyField: 'currency' });
    expect(field('fee')).toMatchObject({ currency: 'EUR', currencyField: 'feeCurrency' });
    const withoutSibling = resolveEntity({ ...deal, fields: [{ name: 'amount', type: 'currency' }, { name: 'currency', type: 'integer' }] });
    expect(withoutSibling.fields[0]).not.toHaveProperty('currencyField');
  });

  it('fills the entity defaults: display field, search fields, owner field', () => {
    expect(resolved).toMatchObject({ displayField: 'title', searchFields: ['title'] });
    expect(resolved).not.toHaveProperty('ownerField');
    const owned = resolveEntity({ ...deal, displayField: 'code', fields: [...deal.fields, { name: 'owner', type: 'user' }] });
    expect(owned).toMatchObject({ displayField: 'code', searchFields: ['code'], ownerField: 'owner' });
    const bare = resolveEntity({ kind: 'entity', name: 'tally', label: 'Tally', fields: [{ name: 'count', type: 'integer' }] });
    expect(bare.searchFields).toEqual([]);
    expect(bare).not.toHaveProperty('displayField');
  });

  it('leaves the authored document alone and resolves only once', () => {
    expect(deal.fields[0]).toEqual({ name: 'title', type: 'string' });
    expect(resolveEntity(resolved)).toBe(resolved);
    expect(resolveEntity({ ...resolved })).toEqual(resolved);
  });
});

describe('one resolved value feeds both the column and the validation bounds', () => {
  it('uses the default precision and scale for both when the field declares none', () => {
    const entity: EntityDocument = { kind: 'entity', name: 'thing', label: 'Thing', fields: [{ name: 'rate', type: 'decimal' }] };
    const column = compileEntityTablePlan(entity).columns.find((candidate) => candidate.field === 'rate');
    const schema = compileEntitySchema(entity, { mode: 'update' }).properties?.rate;
    const { precision, scale } = DECIMAL_DEFAULTS;
    const bound = Number((10 ** (precision - scale) - 10 ** -scale).toFixed(scale));
    expect(column?.type).toEqual({ kind: 'decimal', precision, scale });
    expect(schema).toMatchObject({ maximum: Math.min(bound, Number.MAX_SAFE_INTEGER), multipleOf: 10 ** -scale });
  });

  it('follows a different resolved precision in both places (the default lives only in resolve)', () => {
    // As if DECIMAL_DEFAULTS were { precision: 7, scale: 3 }: nothing downstream re-derives it.
    const resolved: ResolvedDecimalField = { ...(resolveField({ name: 'rate', type: 'decimal' }) as ResolvedDecimalField), precision: 7, scale: 3 };
    expect(columnTypeOf(resolved)).toEqual({ kind: 'decimal', precision: 7, scale: 3 });
    expect(fieldValueSchema(resolved, 'en')).toMatchObject({ minimum: -9999.999, maximum: 9999.999, multipleOf: 0.001 });
    const entity = resolveEntity({ kind: 'entity', name: 'thing', label: 'Thing', fields: [{ name: 'rate', type: 'decimal' }] });
    entity.fields[0] = resolved;
    expect(compileEntityTablePlan(entity).columns.find((candidate) => candidate.field === 'rate')?.type).toEqual({ kind: 'decimal', precision: 7, scale: 3 });
    expect(compileEntitySchema(entity, { mode: 'update' }).properties?.rate).toMatchObject({ maximum: 9999.999 });
  });
});
