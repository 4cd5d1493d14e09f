import type { EntityDocument } from '../model/entity';
import { exampleDocument } from '../validate/testing/example-pack';
import { compileEntitySchema, type EntitySchemaMode } from './entity-schema';
import { createEntitySchemaAjv } from './entity-schema-ajv';

const ACCOUNT_ID = '0190b6a0-1c2d-7e3f-8a9b-0c1d2e3f4a5b';
const RECORD_ID = '0190b6a0-1c2d-7e3f-8a9b-aaaaaaaaaaaa';

function opportunity(): EntityDocument {
  return exampleDocument<EntityDocument>('entities/opportunity.json');
}

/** Validates with ajv and returns "path keyword" per error (empty when valid). */
function errorsOf(entity: EntityDocument, mode: EntitySchemaMode, record: unknown): string[] {
  const validate = createEntitySchemaAjv().compile(compileEntitySchema(entity, { mode }));
  validate(record);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`);
}

const VALID_CREATE = {
  name: 'Big deal',
  account: ACCOUNT_ID,
  stage: 'proposal',
  amount: 1234.07,
  probability: 12.5,
  closeDate: '2025-03-31',
  quantity: 3,
  discount: 0.07,
  lostReason: null,
  owner: 'user-42',
};

describe('compileEntitySchema', () => {
  describe('create', () => {
    it('accepts a valid record, including decimals like 0.07 that floating point makes awkward', () => {
      expect(errorsOf(opportunity(), 'create', VALID_CREATE)).toEqual([]);
    });

    it('lists required fields and excludes computed ones', () => {
      const schema = compileEntitySchema(opportunity(), { mode: 'create' });
      expect(schema.required).toEqual(['name', 'account']);
      expect(Object.keys(schema.properties ?? {})).not.toEqual(expect.arrayContaining(['weightedAmount']));
      expect(schema.properties).not.toHaveProperty('code');
      expect(schema.properties).not.toHaveProperty('id');
      expect(schema.additionalProperties).toBe(false);
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['a missing required field', { name: 'x' }, [' required', '/name minLength']],
      ['null in a required field', { ...VALID_CREATE, name: null }, ['/name type']],
      ['an unknown property', { ...VALID_CREATE, budget: 1 }, [' additionalProperties']],
      ['a computed field', { ...VALID_CREATE, weightedAmount: 5 }, [' additionalProperties']],
      ['a system field', { ...VALID_CREATE, id: RECORD_ID }, [' additionalProperties']],
      ['an unknown enum value', { ...VALID_CREATE, stage: 'won' }, ['/stage enum']],
      ['too many decimals', { ...VALID_CREATE, amount: 10.001 }, ['/amount multipleOf']],
      ['a number above the field maximum', { ...VALID_CREATE, discount: 100.01 }, ['/discount maximum']],
      ['a number below the field minimum', { ...VALID_CREATE, quantity: 0 }, ['/quantity minimum']],
      ['a fractional integer', { ...VALID_CREATE, quantity: 1.5 }, ['/quantity type']],
      ['a malformed date', { ...VALID_CREATE, closeDate: '31/03/2025' }, ['/closeDate format']],
      ['a reference that is not an id', { ...VALID_CREATE, account: 'acme' }, ['/account format']],
      ['a string of the wrong type', { ...VALID_CREATE, name: 42 }, ['/name type']],
    ])('rejects %s', (_case, record, expected) => {
      expect(errorsOf(opportunity(), 'create', record)).toEqual(expected);
    });

    it('bounds decimals by their column precision', () => {
      const entity: EntityDocument = { kind: 'entity', name: 'x', label: 'X', fields: [{ name: 'rate', type: 'decimal', precision: 4, scale: 2 }] };
      const schema = compileEntitySchema(entity, { mode: 'create' });
      expect(schema.properties?.rate).toMatchObject({ minimum: -99.99, maximum: 99.99, multipleOf: 0.01 });
      expect(errorsOf(entity, 'create', { rate: 99.99 })).toEqual([]);
      expect(errorsOf(entity, 'create', { rate: 100 })).toEqual(['/rate maximum']);
    });

    it('checks the other field types', () => {
      const contact = exampleDocument<EntityDocument>('entities/contact.json');
      const valid = { lastName: 'Li', email: 'li@example.com', phone: '+86 10 1234 5678', channels: ['email', 'sms'], lastContactedAt: '2025-01-02T03:04:05Z', birthday: null };
      expect(errorsOf(contact, 'create', valid)).toEqual([]);
      expect(errorsOf(contact, 'create', { ...valid, email: 'li@', phone: 'call me', channels: ['email', 'email', 'fax'], lastContactedAt: '2025-01-02' })).toEqual([
        '/email format', '/phone pattern', '/channels/2 enum', '/channels uniqueItems', '/lastContactedAt format',
      ]);
      const account = exampleDocument<EntityDocument>('entities/account.json');
      expect(errorsOf(account, 'create', { name: 'Acme', website: 'https://acme.example', active: true, tags: [ACCOUNT_ID], employees: 2 ** 53 })).toEqual(['/employees maximum']);
      expect(errorsOf(account, 'create', { name: 'Acme', website: 'not a url', active: 'yes', tags: [ACCOUNT_ID, ACCOUNT_ID] })).toEqual([
        '/website format', '/active type', '/tags uniqueItems',
      ]);
    });

    it('annotates fields for UIs and carries defaults and localised titles', () => {
      const schema = compileEntitySchema(opportunity(), { mode: 'create', locale: 'zh-CN' });
      expect(schema.title).toBe('商机');
      expect(schema.properties?.stage).toMatchObject({
        title: '阶段',
        default: 'prospecting',
        'x-field-type': 'enum',
        'x-enum-colors': { prospecting: '#9b51e0', closedWon: '#27ae60' },
        'x-enum-labels': { prospecting: '潜在客户' },
        enum: ['prospecting', 'qualification', 'proposal', 'closedWon', 'closedLost', null],
      });
      expect(schema.properties?.amount).toMatchObject({ 'x-field-type': 'currency', 'x-currency': 'USD' });
      expect(schema.properties?.account).toMatchObject({ 'x-reference': 'account', type: 'string' });
    });
  });

  describe('update', () => {
    it('requires nothing and lets optional fields be cleared, but not required ones', () => {
      expect(compileEntitySchema(opportunity(), { mode: 'update' }).required).toBeUndefined();
      expect(errorsOf(opportunity(), 'update', {})).toEqual([]);
      expect(errorsOf(opportunity(), 'update', { amount: null, stage: null, closeDate: null })).toEqual([]);
      expect(errorsOf(opportunity(), 'update', { name: null, code: 'OPP-1' })).toEqual([' additionalProperties', '/name type']);
    });

    it('does not carry create defaults', () => {
      expect(compileEntitySchema(opportunity(), { mode: 'update' }).properties?.stage).not.toHaveProperty('default');
    });
  });

  describe('read', () => {
    const stored = { id: RECORD_ID, version: 3, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00.123Z' };

    it('includes system and computed fields, read-only, and nullable data fields', () => {
      const schema = compileEntitySchema(opportunity(), { mode: 'read' });
      expect(schema.required).toEqual(['id', 'version', 'createdAt', 'updatedAt']);
      expect(schema.properties?.weightedAmount).toMatchObject({ readOnly: true, type: ['number', 'null'] });
      expect(schema.properties?.code).toMatchObject({ readOnly: true });
      expect(errorsOf(opportunity(), 'read', { ...stored, name: null, weightedAmount: 12.5, code: 'OPP-1000' })).toEqual([]);
    });

    it('rejects missing or null system fields', () => {
      expect(errorsOf(opportunity(), 'read', { ...stored, id: null, version: undefined })).toEqual([' required', '/id type']);
    });

    it('reads many-to-many relations as id arrays', () => {
      const account = exampleDocument<EntityDocument>('entities/account.json');
      expect(errorsOf(account, 'read', { ...stored, tags: [ACCOUNT_ID] })).toEqual([]);
      expect(errorsOf(account, 'read', { ...stored, tags: 'x' })).toEqual(['/tags type']);
    });
  });
});
