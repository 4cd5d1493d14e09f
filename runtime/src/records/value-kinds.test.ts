import { resolveField, type FieldDefinition } from '@stagecraft/core';
import { compileAutonumberFormat } from './autonumbers';
import { toSqlDateTime, VALUE_CODECS, valueKindOf } from './value-kinds';

describe('value codecs', () => {
  it('store booleans as 1/0 and read 1/0 (MySQL TINYINT, SQLite INTEGER) back as booleans', () => {
    expect(VALUE_CODECS.boolean.toColumn(true)).toBe(1);
    expect(VALUE_CODECS.boolean.toColumn(false)).toBe(0);
    expect(VALUE_CODECS.boolean.fromColumn(1)).toBe(true);
    expect(VALUE_CODECS.boolean.fromColumn('0')).toBe(false);
    expect(VALUE_CODECS.boolean.fromColumn(null)).toBeNull();
  });

  it('store datetimes as UTC text with milliseconds and read Date or text back as ISO with Z', () => {
    expect(VALUE_CODECS.datetime.toColumn('2025-01-02T03:04:05.678+02:00')).toBe('2025-01-02 01:04:05.678');
    expect(VALUE_CODECS.datetime.fromColumn('2025-01-02 01:04:05.678')).toBe('2025-01-02T01:04:05.678Z');
    expect(VALUE_CODECS.datetime.fromColumn(new Date(Date.UTC(2025, 0, 2, 1, 4, 5, 678)))).toBe('2025-01-02T01:04:05.678Z');
    expect(toSqlDateTime(new Date(Date.UTC(999, 11, 31, 23, 59, 59, 9)))).toBe('0999-12-31 23:59:59.009');
  });

  it('round decimals to the column scale and keep multi-enums as JSON arrays', () => {
    expect(VALUE_CODECS.number.toColumn(1.005 + 1e-9, 2)).toBe(1.01);
    expect(VALUE_CODECS.list.toColumn(['a', 'b'])).toBe('["a","b"]');
    expect(VALUE_CODECS.list.fromColumn('["a","b"]')).toEqual(['a', 'b']);
    expect(VALUE_CODECS.list.fromColumn('legacy')).toEqual(['legacy']);
    expect(VALUE_CODECS.date.fromColumn(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });

  it('give formulas the kind of their result type', () => {
    const formula = (resultType: 'decimal' | 'boolean'): FieldDefinition => ({ name: 'f', type: 'formula', expression: '1', resultType });
    expect(valueKindOf(resolveField(formula('decimal')))).toBe('number');
    expect(valueKindOf(resolveField(formula('boolean')))).toBe('boolean');
    expect(valueKindOf(resolveField({ name: 'm', type: 'multiEnum', options: [] }))).toBe('list');
  });
});

describe('compileAutonumberFormat', () => {
  it('pads to the width of the zeros in braces, keeping the text around them', () => {
    expect(compileAutonumberFormat('ACC-{00000}')(42)).toBe('ACC-00042');
    expect(compileAutonumberFormat('OPP-{0000}/A')(123456)).toBe('OPP-123456/A');
    expect(compileAutonumberFormat('N{}')(7)).toBe('N7');
    expect(compileAutonumberFormat('T-')(7)).toBe('T-7');
  });
});
