import { changedFields } from './record-changes';

describe('changedFields', () => {
  it('keeps only fields whose value differs, with before and after', () => {
    const before = { id: 'a', version: 1, name: 'Acme', amount: 10, tags: ['x'], notes: null };
    const after = { id: 'a', version: 2, name: 'Acme', amount: 12, tags: ['x'], notes: 'hello' };
    expect(changedFields(before, after, Object.keys(after))).toEqual({ amount: { before: 10, after: 12 }, notes: { before: null, after: 'hello' } });
  });

  it('treats missing as null and compares lists by value', () => {
    expect(changedFields({}, { name: 'New', empty: null }, ['name', 'empty'])).toEqual({ name: { before: null, after: 'New' } });
    expect(changedFields({ tags: ['a', 'b'] }, { tags: ['a', 'b'] }, ['tags'])).toEqual({});
    expect(changedFields({ tags: ['a', 'b'] }, { tags: ['b', 'a'] }, ['tags'])).toEqual({ tags: { before: ['a', 'b'], after: ['b', 'a'] } });
  });

  it('never lists system fields', () => {
    expect(changedFields({ version: 1, updatedAt: 'x' }, { version: 2, updatedAt: 'y' }, ['version', 'updatedAt'])).toEqual({});
  });
});
