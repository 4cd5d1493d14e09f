import type { FieldDefinition } from '../model/field';
import { checkField } from './field-checks';
import { validateDocument } from './document-validator';
import { pathsAndCodes } from './testing/problems';

function problemsOf(field: FieldDefinition): string[] {
  return pathsAndCodes(checkField(field, '/fields/0'));
}

const OPTIONS = [{ value: 'a' }, { value: 'b' }];

describe('field rules', () => {
  it.each<[string, FieldDefinition, string[]]>([
    ['minLength above maxLength', { name: 'f', type: 'string', minLength: 5, maxLength: 3 }, ['/fields/0/minLength invalidRange']],
    ['a pattern that does not compile', { name: 'f', type: 'string', pattern: '([a-z' }, ['/fields/0/pattern invalidPattern']],
    ['a default that breaks the pattern', { name: 'f', type: 'string', pattern: '^[A-Z]+$', default: 'abc' }, ['/fields/0/default invalidDefault']],
    ['a phone pattern that does not compile', { name: 'f', type: 'phone', pattern: '[' }, ['/fields/0/pattern invalidPattern']],
    ['a unique string too long to index', { name: 'f', type: 'string', unique: true, maxLength: 2000 }, ['/fields/0/unique invalidUnique']],
    ['a unique text field', { name: 'f', type: 'text', unique: true }, ['/fields/0/unique invalidUnique']],
    ['integer minimum above maximum', { name: 'f', type: 'integer', minimum: 10, maximum: 1 }, ['/fields/0/minimum invalidRange']],
    ['an integer default out of range', { name: 'f', type: 'integer', minimum: 1, default: 0 }, ['/fields/0/default invalidDefault']],
    ['percent minimum above maximum', { name: 'f', type: 'percent', minimum: 100, maximum: 0 }, ['/fields/0/minimum invalidRange']],
    ['decimal scale above precision', { name: 'f', type: 'decimal', precision: 4, scale: 6 }, ['/fields/0/scale invalidScale']],
    ['currency precision below the default scale', { name: 'f', type: 'currency', precision: 1 }, ['/fields/0/precision invalidScale']],
    ['date minimum after maximum', { name: 'f', type: 'date', minimum: '2025-01-01', maximum: '2024-01-01' }, ['/fields/0/minimum invalidRange']],
    ['an enum default outside the options', { name: 'f', type: 'enum', options: OPTIONS, default: 'c' }, ['/fields/0/default invalidDefault']],
    ['a repeated option value', { name: 'f', type: 'enum', options: [...OPTIONS, { value: 'a' }] }, ['/fields/0/options/2/value duplicateName']],
    ['a multiEnum default outside the options', { name: 'f', type: 'multiEnum', options: OPTIONS, default: ['a', 'z'] }, ['/fields/0/default/1 invalidDefault']],
    ['a multiEnum default above maxItems', { name: 'f', type: 'multiEnum', options: OPTIONS, default: ['a', 'b'], maxItems: 1 }, ['/fields/0/default invalidDefault']],
    ['an autonumber format without a counter', { name: 'f', type: 'autonumber', format: 'Q-####' }, ['/fields/0/format invalidFormat']],
    ['an autonumber format with two counters', { name: 'f', type: 'autonumber', format: '{00}-{00}' }, ['/fields/0/format invalidFormat']],
  ])('reports %s', (_case, field, expected) => {
    expect(problemsOf(field)).toEqual(expected);
  });

  it.each<[string, FieldDefinition]>([
    ['equal length bounds and a matching default', { name: 'f', type: 'string', minLength: 3, maxLength: 3, pattern: '^[a-z]+$', default: 'abc' }],
    ['a unique string short enough to index', { name: 'f', type: 'string', unique: true, maxLength: 768 }],
    ['an integer default in range', { name: 'f', type: 'integer', minimum: 0, maximum: 0, default: 0 }],
    ['scale equal to precision', { name: 'f', type: 'decimal', precision: 4, scale: 4 }],
    ['ordered dates', { name: 'f', type: 'date', minimum: '2024-01-01', maximum: '2024-01-01', default: '2024-01-01' }],
    ['an enum default among the options', { name: 'f', type: 'enum', options: OPTIONS, default: 'b' }],
    ['a multiEnum default among the options', { name: 'f', type: 'multiEnum', options: OPTIONS, default: ['a', 'b'], maxItems: 2 }],
    ['an autonumber with one counter', { name: 'f', type: 'autonumber', format: 'Q-{0000}' }],
  ])('accepts %s', (_case, field) => {
    expect(problemsOf(field)).toEqual([]);
  });

  it('runs the field rules as part of document validation', () => {
    const document = { kind: 'entity', name: 'thing', label: 'Thing', fields: [{ name: 'size', type: 'integer', minimum: 5, maximum: 1 }] };
    expect(pathsAndCodes(validateDocument(document).problems)).toEqual(['/fields/0/minimum invalidRange']);
  });
});
