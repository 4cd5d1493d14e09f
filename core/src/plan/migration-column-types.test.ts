import { classifyTypeChange, indexKeyBytesOf, isFullyIndexable, mysqlAlgorithmOfTypeChange } from './migration-column-types';
import type { ColumnType } from './table-plan';

const varchar = (length: number): ColumnType => ({ kind: 'string', length });
const decimal = (precision: number, scale: number): ColumnType => ({ kind: 'decimal', precision, scale });

describe('classifyTypeChange', () => {
  it.each<[ColumnType, ColumnType, string]>([
    [varchar(50), varchar(50), 'same'],
    [varchar(50), varchar(80), 'widen'],
    [varchar(80), varchar(50), 'narrow'],
    [varchar(80), { kind: 'text' }, 'widen'],
    [{ kind: 'text' }, varchar(80), 'narrow'],
    [{ kind: 'integer' }, decimal(18, 2), 'widen'],
    [{ kind: 'integer' }, decimal(10, 2), 'narrow'],
    [decimal(10, 2), { kind: 'integer' }, 'narrow'],
    [decimal(10, 2), decimal(12, 4), 'widen'],
    [decimal(10, 2), decimal(12, 6), 'narrow'],
    [decimal(10, 4), decimal(10, 2), 'narrow'],
    [{ kind: 'text' }, { kind: 'boolean' }, 'incompatible'],
    [varchar(10), { kind: 'integer' }, 'incompatible'],
    [{ kind: 'date' }, { kind: 'datetime' }, 'incompatible'],
  ])('%j -> %j is %s', (from, to, expected) => {
    expect(classifyTypeChange(from, to)).toBe(expected);
  });
});

describe('MySQL facts', () => {
  it('changes a VARCHAR in place only within the same length-prefix size', () => {
    expect(mysqlAlgorithmOfTypeChange(varchar(20), varchar(63))).toBe('inplace');
    expect(mysqlAlgorithmOfTypeChange(varchar(63), varchar(64))).toBe('copy');
    expect(mysqlAlgorithmOfTypeChange(varchar(100), varchar(255))).toBe('inplace');
    expect(mysqlAlgorithmOfTypeChange(varchar(100), { kind: 'text' })).toBe('copy');
  });

  it('indexes strings fully up to 768 characters and prefixes longer ones', () => {
    expect(isFullyIndexable(varchar(768))).toBe(true);
    expect(isFullyIndexable(varchar(769))).toBe(false);
    expect(isFullyIndexable({ kind: 'text' })).toBe(false);
    expect(indexKeyBytesOf(varchar(2048))).toBe(191 * 4);
  });
});
