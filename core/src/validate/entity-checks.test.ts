import type { EntityDocument } from '../model/entity';
import type { FieldDefinition } from '../model/field';
import { validateDocument } from './document-validator';
import { exampleDocument } from './testing/example-pack';
import { pathsAndCodes } from './testing/problems';

function opportunity(): EntityDocument {
  return exampleDocument<EntityDocument>('entities/opportunity.json');
}

function withField(field: FieldDefinition): EntityDocument {
  const entity = opportunity();
  entity.fields.push(field);
  return entity;
}

const NEW = '/fields/13';

describe('entity document rules', () => {
  it.each<[string, EntityDocument, string[]]>([
    ['a field name used twice', withField({ name: 'amount', type: 'integer' }), [`${NEW}/name duplicateName`]],
    ['a relation named like a field', { ...opportunity(), relations: [{ kind: 'manyToMany', name: 'amount', entity: 'tag' }] }, ['/relations/0/name duplicateName']],
    ['a system field name', withField({ name: 'createdAt', type: 'datetime' }), [`${NEW}/name reservedName`]],
    ['the reserved prefix', withField({ name: 'stagecraftFlag', type: 'boolean' }), [`${NEW}/name reservedName`]],
    ['an entity with the reserved prefix', { ...opportunity(), name: 'stagecraftJob' }, ['/name reservedName']],
    ['two names with one column', withField({ name: 'closeDATE', type: 'date' }), [`${NEW}/name duplicateColumn`]],
    ['a column name past 64 characters', withField({ name: `a${'Ba'.repeat(23)}B`, type: 'date' }), [`${NEW}/name nameTooLong`]],
    ['an unknown displayField', { ...opportunity(), displayField: 'title' }, ['/displayField unknownField']],
    ['an unknown search field', { ...opportunity(), searchFields: ['name', 'title'] }, ['/searchFields/1 unknownField']],
    ['a numeric search field', { ...opportunity(), searchFields: ['amount'] }, ['/searchFields/0 invalidSearchField']],
    ['an unknown index field', { ...opportunity(), indexes: [{ fields: ['stage', 'region'] }] }, ['/indexes/0/fields/1 unknownField']],
    ['an index on a text field', { ...opportunity(), indexes: [{ fields: ['lostReason'] }] }, ['/indexes/0/fields/0 invalidIndex']],
    ['an index naming a field twice', { ...opportunity(), indexes: [{ fields: ['stage', 'stage'] }] }, ['/indexes/0/fields/1 uniqueItems']],
    ['two indexes with one name', { ...opportunity(), indexes: [{ name: 'ix_a', fields: ['stage'] }, { name: 'ix_a', fields: ['owner'] }] }, ['/indexes/1/name duplicateIndexName']],
  ])('reports %s', (_case, document, expected) => {
    expect(pathsAndCodes(validateDocument(document).problems)).toEqual(expected);
  });

  it.each<[string, EntityDocument]>([
    ['distinct names', withField({ name: 'region', type: 'string' })],
    ['an index on system fields', { ...opportunity(), indexes: [{ name: 'ix_recent', fields: ['createdAt', 'stage'] }] }],
    ['a displayField and search fields that exist', { ...opportunity(), displayField: 'code', searchFields: ['name', 'code', 'stage'] }],
  ])('accepts %s', (_case, document) => {
    const result = validateDocument(document);
    expect(result.problems).toEqual([]);
    expect(result.document).toBe(document);
  });
});
