import type { CompiledField } from '../live/compiled-types';
import { normalisedValue } from './duplicate-matching';

const fieldOf = (type: 'email' | 'phone' | 'string' | 'url' | 'reference'): CompiledField => ({ definition: { name: 'x', type } }) as unknown as CompiledField;

describe('duplicate normalisation', () => {
  it.each<[string, 'email' | 'phone' | 'string' | 'url' | 'reference', unknown, string | null]>([
    ['an e-mail, trimmed and lower-cased', 'email', '  Buyer@ACME.example ', 'buyer@acme.example'],
    ['a phone, by its digits', 'phone', '+1 (555) 010-2000', '15550102000'],
    ['a company without case, spaces or punctuation', 'string', 'Acme, Inc.', 'acmeinc'],
    ['a company written otherwise', 'string', 'ACME INC', 'acmeinc'],
    ['Chinese text as it is', 'string', '华为 技术', '华为技术'],
    ['a reference exactly', 'reference', '0190A', '0190A'],
    ['an empty value as nothing', 'string', ' - ', null],
    ['null as nothing', 'email', null, null],
  ])('compares %s', (_case, type, value, expected) => {
    expect(normalisedValue(fieldOf(type), value)).toBe(expected);
  });
});
