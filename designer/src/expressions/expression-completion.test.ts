/// <reference types="jest" />
// Completion of field and function names at the caret of the expression editor.
import { EXPRESSION_FUNCTION_NAMES } from '@stagecraft/core';
import { applyCompletion, completionsAt, isInsideString } from './expression-completion';

const vocabulary = { fields: [{ name: 'tier', label: 'Tier' }, { name: 'annualRevenue', label: 'Annual revenue' }, { name: 'industry', label: 'Industry' }], functions: EXPRESSION_FUNCTION_NAMES };
const names = (source: string, caret = source.length, explicit = false) => completionsAt(source, caret, vocabulary, explicit).items.map((item) => item.name);

describe('expression completion', () => {
  it('offers the fields and functions starting with the name at the caret, then those containing it', () => {
    expect(names('ti')).toEqual(['tier']);
    expect(names('tier == "gold" && up')).toEqual(['upper']);
    expect(names('re')).toEqual(['annualRevenue']);
    expect(names('is')).toEqual(['isEmpty']);
  });

  it('matches a field by its label too', () => {
    expect(names('revenue')).toEqual(['annualRevenue']);
  });

  it('offers nothing inside text, after a dot, in a number, or with no name typed unless asked', () => {
    expect(names("tier == 'ti")).toEqual([]);
    expect(names('account.ti')).toEqual([]);
    expect(names('1e3')).toEqual([]);
    expect(names('tier == ')).toEqual([]);
    expect(names('tier == ', 8, true)).toContain('annualRevenue');
    expect(names('tier == ', 8, true)).toContain('daysBetween');
  });

  it('replaces the whole name around the caret and puts a function call in brackets', () => {
    const source = 'annual > 10 && up';
    const found = completionsAt(source, 3, vocabulary);
    expect(found).toMatchObject({ from: 0, to: 6 });
    expect(applyCompletion(source, found, { name: 'annualRevenue', kind: 'field' })).toEqual({ source: 'annualRevenue > 10 && up', caret: 13 });
    const call = completionsAt(source, source.length, vocabulary);
    expect(applyCompletion(source, call, { name: 'upper', kind: 'function' })).toEqual({ source: 'annual > 10 && upper()', caret: 21 });
    expect(applyCompletion('len(x)', { from: 0, to: 3 }, { name: 'lower', kind: 'function' })).toEqual({ source: 'lower(x)', caret: 5 });
  });

  it('knows when the caret is inside quotes, escapes included', () => {
    expect(isInsideString("a == 'x", 7)).toBe(true);
    expect(isInsideString("a == 'x' && b", 13)).toBe(false);
    expect(isInsideString("'it\\'s", 6)).toBe(true);
    expect(isInsideString('"a" + "', 7)).toBe(true);
  });
});
