import type { EntityDocument } from '../model/entity';
import type { FieldDefinition } from '../model/field';
import { emptyBundle } from '../model/pack';
import type { PermissionSetDocument } from '../model/permission';
import { resolveField } from '../field-types';
import { columnTypeOf, compileEntityTablePlan, compileTablePlans, sharingRuleFieldsOf } from './table-plan';

const opportunity: EntityDocument = {
  kind: 'entity',
  name: 'opportunity',
  label: 'Opportunity',
  fields: [
    { name: 'name', type: 'string', required: true, maxLength: 120 },
    { name: 'account', type: 'reference', entity: 'account' },
    { name: 'owner', type: 'user' },
    { name: 'amount', type: 'currency' },
    { name: 'code', type: 'autonumber', format: 'OPP-{0000}' },
    { name: 'email', type: 'email', unique: true },
    { name: 'closeDate', type: 'date' },
  ],
  indexes: [{ fields: ['closeDate', 'amount'] }, { fields: ['owner'], unique: true }],
  relations: [{ kind: 'manyToMany', name: 'tags', entity: 'tag' }],
};

describe('compileEntityTablePlan', () => {
  const plan = compileEntityTablePlan(opportunity);

  it('starts with the system columns and maps each field to a nullable snake_case column', () => {
    expect(plan.table).toBe('opportunity');
    expect(plan.primaryKey).toEqual(['id']);
    expect(plan.columns.slice(0, 4).map((column) => [column.name, column.nullable])).toEqual([
      ['id', false],
      ['version', false],
      ['created_at', false],
      ['updated_at', false],
    ]);
    const closeDate = plan.columns.find((column) => column.field === 'closeDate');
    expect(closeDate).toEqual({ name: 'close_date', field: 'closeDate', type: { kind: 'date' }, nullable: true });
    expect(plan.columns.find((column) => column.field === 'name')?.type).toEqual({ kind: 'string', length: 120 });
  });

  it('declares metadata indexes, unique fields, autonumbers and reference lookups once each', () => {
    const byColumns = new Map(plan.indexes.map((index) => [index.columns.join(','), index]));
    expect(byColumns.get('close_date,amount')).toMatchObject({ unique: false });
    expect(byColumns.get('email')).toMatchObject({ unique: true, name: 'ux_opportunity__email' });
    expect(byColumns.get('code')).toMatchObject({ unique: true });
    expect(byColumns.get('account')).toMatchObject({ unique: false, name: 'ix_opportunity__account' });
    // The declared unique index on owner wins over the automatic lookup index.
    expect(plan.indexes.filter((index) => index.columns.join(',') === 'owner')).toEqual([
      expect.objectContaining({ unique: true }),
    ]);
    expect(byColumns.get('updated_at')).toBeDefined();
  });

  it('carries an entity rename to the table plan', () => {
    expect(compileEntityTablePlan({ ...opportunity, name: 'deal', renamedFrom: 'opportunity' }).renamedFrom).toBe('opportunity');
  });
});

describe('compileTablePlans', () => {
  it('adds a link table per many-to-many relation after the entity tables', () => {
    const bundle = { ...emptyBundle(), entities: { opportunity, tag: { kind: 'entity', name: 'tag', label: 'Tag', fields: [] } as EntityDocument } };
    const plans = compileTablePlans(bundle);
    expect(plans.map((plan) => [plan.table, plan.role])).toEqual([
      ['opportunity', 'entity'],
      ['tag', 'entity'],
      ['opportunity__tags', 'link'],
    ]);
    expect(plans[2]?.primaryKey).toEqual(['source_id', 'target_id']);
  });

  it('indexes the fields sharing rules compare with a value, unless an index already leads with them', () => {
    const withNotes: EntityDocument = { ...opportunity, fields: [...opportunity.fields, { name: 'stage', type: 'string' }, { name: 'notes', type: 'text' }] };
    const sharing: PermissionSetDocument = {
      kind: 'permissionSet', name: 'desk', role: 'desk', entities: {},
      sharingRules: [
        { name: 'late', entity: 'opportunity', access: 'read', where: [{ field: 'stage', op: 'in', value: ['negotiation'] }, { field: 'closeDate', op: 'eq', value: '2026-01-01' }] },
        { name: 'noted', entity: 'opportunity', access: 'read', where: [{ field: 'notes', op: 'eq', value: 'x' }, { field: 'amount', op: 'gt', value: 5 }] },
        { name: 'other', entity: 'tag', access: 'read', where: [{ field: 'name', op: 'eq', value: 'x' }] },
      ],
    };
    const bundle = { ...emptyBundle(), entities: { opportunity: withNotes }, permissions: { desk: sharing } };
    expect(sharingRuleFieldsOf(bundle, 'opportunity')).toEqual(['closeDate', 'notes', 'stage']);
    const [plan] = compileTablePlans(bundle);
    // stage gets its own index; closeDate already leads (close_date, amount); a text column cannot be indexed; gt is not an equality.
    expect(plan?.indexes.map((index) => index.columns)).toEqual([['close_date', 'amount'], ['owner'], ['account'], ['code'], ['email'], ['stage'], ['updated_at']]);
  });
});

describe('columnTypeOf', () => {
  it.each<[FieldDefinition, unknown]>([
    [{ name: 'a', type: 'text' }, { kind: 'text' }],
    [{ name: 'a', type: 'multiEnum', options: [] }, { kind: 'text' }],
    [{ name: 'a', type: 'integer' }, { kind: 'integer' }],
    [{ name: 'a', type: 'decimal', precision: 10, scale: 3 }, { kind: 'decimal', precision: 10, scale: 3 }],
    [{ name: 'a', type: 'percent' }, { kind: 'decimal', precision: 9, scale: 4 }],
    [{ name: 'a', type: 'boolean' }, { kind: 'boolean' }],
    [{ name: 'a', type: 'datetime' }, { kind: 'datetime' }],
    [{ name: 'a', type: 'enum', options: [] }, { kind: 'string', length: 100 }],
    [{ name: 'a', type: 'user' }, { kind: 'string', length: 36 }],
    [{ name: 'a', type: 'formula', expression: 'b', resultType: 'boolean' }, { kind: 'boolean' }],
    [{ name: 'a', type: 'formula', expression: 'b', resultType: 'decimal', scale: 4 }, { kind: 'decimal', precision: 18, scale: 4 }],
    [{ name: 'a', type: 'url' }, { kind: 'string', length: 2048 }],
  ])('stores %j as %j', (field, expected) => {
    expect(columnTypeOf(resolveField(field))).toEqual(expected);
  });
});
