/// <reference types="jest" />
// The web app's field-type map covers exactly the field types core defines (the `satisfies` in
// field-types.ts is the build-time half of this; see core/README.md, "Adding a field type").
import { FIELD_TYPES, fieldTypeDefinitions, resolveField, type ResolvedFieldOf } from '@stagecraft/core';
import { currencyCodeOf, isNumericField, webFieldTypes } from './field-types';

describe('web field types', () => {
  it('cover every field type core defines, and no other', () => {
    expect(Object.keys(webFieldTypes).sort()).toEqual([...FIELD_TYPES].sort());
    expect(Object.keys(webFieldTypes).sort()).toEqual(Object.keys(fieldTypeDefinitions).sort());
  });

  it('mark numbers by type, and formulas by their result', () => {
    expect(isNumericField(resolveField({ name: 'a', type: 'currency' }))).toBe(true);
    expect(isNumericField(resolveField({ name: 'a', type: 'string' }))).toBe(false);
    expect(isNumericField(resolveField({ name: 'a', type: 'formula', expression: '1', resultType: 'integer' }))).toBe(true);
    expect(isNumericField(resolveField({ name: 'a', type: 'formula', expression: '1', resultType: 'date' }))).toBe(false);
  });

  it('take a currency code from the field the server resolved, else the field currency', () => {
    const amount = resolveField({ name: 'amount', type: 'currency', currency: 'EUR' }, [{ name: 'currency', type: 'string' }]) as ResolvedFieldOf<'currency'>;
    expect(currencyCodeOf(amount, { currency: 'JPY' })).toBe('JPY');
    expect(currencyCodeOf(amount, { currency: '' })).toBe('EUR');
    const fee = resolveField({ name: 'fee', type: 'currency' }, [{ name: 'currency', type: 'integer' }]) as ResolvedFieldOf<'currency'>;
    expect(currencyCodeOf(fee, { currency: 'JPY' })).toBe('USD');
  });
});
