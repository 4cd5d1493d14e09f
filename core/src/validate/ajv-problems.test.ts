import { closestName, escapePointerToken, pointerOf } from './ajv-problems';
import { validateDocument } from './document-validator';

describe('ajv problems', () => {
  it('escapes JSON Pointer tokens', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(pointerOf('/states', 'on', 'a/b', 0)).toBe('/states/on/a~1b/0');
  });

  it('suggests a close property name, or none', () => {
    expect(closestName('maxLenght', ['minLength', 'maxLength'])).toBe('maxLength');
    expect(closestName('Required', ['required'])).toBe('required');
    expect(closestName('colour', ['options', 'default'])).toBeUndefined();
  });

  it.each([null, 1, 'entity', { kind: 'entity', fields: [null, 5, 'x', { type: 7 }] }, { kind: 'process', states: { a: null } }, { kind: 'board', cardFields: {} }])(
    'returns problems for %j without throwing',
    (input) => {
      const result = validateDocument(input);
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.document).toBeUndefined();
    },
  );

  it('reports each problem once', () => {
    const problems = validateDocument({ kind: 'entity', name: 'x', label: 'X', fields: [{ name: 'a' }] }).problems;
    expect(problems).toEqual([{ path: '/fields/0/type', message: 'is required', code: 'required' }]);
  });
});
