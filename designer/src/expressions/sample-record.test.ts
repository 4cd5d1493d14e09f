/// <reference types="jest" />
// The sample record of the expression editor: typed values per field type, and the results shown.
import { compileExpression, type EntityDocument } from '@stagecraft/core';
import { describeResult, sampleInputKind, sampleScope, sampleValueOf } from './sample-record';

const account: EntityDocument = {
  kind: 'entity',
  name: 'account',
  label: 'Account',
  fields: [
    { name: 'tier', type: 'enum', options: [{ value: 'standard' }, { value: 'gold' }] },
    { name: 'employees', type: 'integer' },
    { name: 'isActive', type: 'boolean' },
    { name: 'since', type: 'date' },
    { name: 'tags', type: 'multiEnum', options: [{ value: 'a' }, { value: 'b' }] },
  ],
};
const field = (name: string) => account.fields.find((candidate) => candidate.name === name);

describe('sample record', () => {
  it('picks an input per field type', () => {
    expect(['tier', 'employees', 'isActive', 'since', 'tags'].map((name) => sampleInputKind(field(name)))).toEqual(['select', 'number', 'checkbox', 'date', 'text']);
    expect(sampleInputKind(undefined)).toBe('text');
  });

  it('turns what was typed into the value the field holds', () => {
    expect(sampleValueOf(field('employees'), '250')).toBe(250);
    expect(sampleValueOf(field('employees'), '')).toBeNull();
    expect(sampleValueOf(field('isActive'), 'true')).toBe(true);
    expect(sampleValueOf(field('isActive'), '')).toBe(false);
    expect(sampleValueOf(field('tags'), 'a, b')).toEqual(['a', 'b']);
    expect(sampleValueOf(field('tier'), 'gold')).toBe('gold');
  });

  it('evaluates an expression against the sample as the form would', () => {
    const expression = compileExpression("tier == 'gold' && employees > 100");
    const scope = sampleScope(expression.identifiers, account.fields, { tier: 'gold', employees: '250' });
    expect(expression.evaluate(scope)).toBe(true);
    expect(expression.evaluate(sampleScope(expression.identifiers, account.fields, { tier: 'gold' }))).toBe(false);
  });

  it('describes results plainly', () => {
    expect([true, 3, 'gold', null, ['a']].map(describeResult)).toEqual(['true', '3', '"gold"', 'null', '["a"]']);
  });
});
