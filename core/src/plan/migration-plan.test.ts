import type { EntityDocument } from '../model/entity';
import type { FieldDefinition } from '../model/field';
import type { MetadataBundle } from '../model/pack';
import { planMigration } from './migration-plan';
import type { MigrationStep } from './migration-step';
import { compileEntityTablePlan, compileTablePlans, type TablePlan } from './table-plan';

function entity(name: string, fields: FieldDefinition[], extra: Partial<EntityDocument> = {}): EntityDocument {
  return { kind: 'entity', name, label: name, fields, ...extra };
}
function tables(...entities: EntityDocument[]): TablePlan[] {
  const bundle: MetadataBundle = { packs: [], entities: Object.fromEntries(entities.map((document) => [document.name, document])), layouts: {}, processes: {} };
  return compileTablePlans(bundle);
}
function kinds(steps: MigrationStep[]): string[] {
  return steps.map((step) => `${step.kind} ${step.table}`);
}

const opportunity = entity('opportunity', [
  { name: 'title', type: 'string', maxLength: 100 },
  { name: 'amount', type: 'decimal', precision: 12, scale: 2 },
  { name: 'notes', type: 'text' },
]);

describe('planMigration', () => {
  it('returns an empty plan when nothing changed', () => {
    const plan = planMigration(tables(opportunity), tables(opportunity), { toVersion: 2 });
    expect(plan).toEqual({ steps: [], blocked: [], requiresConfirmation: false });
  });

  it('creates every table of a first version, with its columns, primary key and indexes', () => {
    const tag = entity('tag', [{ name: 'name', type: 'string', unique: true, maxLength: 60 }]);
    const plan = planMigration([], tables(opportunity, tag), { toVersion: 1 });
    expect(kinds(plan.steps)).toEqual(['createTable opportunity', 'createTable tag']);
    const createTag = plan.steps[1];
    if (createTag?.kind !== 'createTable') throw new Error('expected createTable');
    expect(createTag.plan.primaryKey).toEqual(['id']);
    expect(createTag.plan.indexes.map((index) => index.name)).toEqual(['ux_tag__name', 'ix_tag__updated_at']);
    expect(plan.requiresConfirmation).toBe(false);
    expect(plan.steps.every((step) => step.phase === 'expand')).toBe(true);
  });

  it('adds a new field as a nullable column in the expand phase', () => {
    const next = entity('opportunity', [...opportunity.fields, { name: 'nextStep', type: 'string' }]);
    const plan = planMigration(tables(opportunity), tables(next), { toVersion: 2 });
    expect(plan.steps).toEqual([
      expect.objectContaining({ kind: 'addColumn', table: 'opportunity', phase: 'expand', destructive: false, column: expect.objectContaining({ name: 'next_step', nullable: true }) }),
    ]);
    expect(plan.steps[0]?.description).toBe('add column opportunity.next_step varchar(255) NULL (instant)');
  });

  it('renames a column for a field with renamedFrom, before adding a new field under the old name', () => {
    const next = entity('opportunity', [
      { name: 'name', type: 'string', maxLength: 100, renamedFrom: 'title' },
      { name: 'title', type: 'string', maxLength: 20 },
      { name: 'amount', type: 'decimal', precision: 12, scale: 2 },
      { name: 'notes', type: 'text' },
    ]);
    const plan = planMigration(tables(opportunity), tables(next), { toVersion: 2 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['renameColumn', 'addColumn']);
    expect(plan.steps[0]).toMatchObject({ from: 'title', to: 'name' });
    expect(plan.steps[1]).toMatchObject({ column: { name: 'title', type: { kind: 'string', length: 20 } } });
  });

  it('ignores a renamedFrom that was already applied', () => {
    const renamed = entity('opportunity', [{ name: 'name', type: 'string', maxLength: 100, renamedFrom: 'title' }, ...opportunity.fields.slice(1)]);
    expect(planMigration(tables(renamed), tables(renamed), { toVersion: 3 }).steps).toEqual([]);
  });

  it('renames a table for an entity with renamedFrom and moves its derived index names', () => {
    const deal = entity('deal', opportunity.fields, { renamedFrom: 'opportunity' });
    const plan = planMigration(tables(opportunity), tables(deal), { toVersion: 2 });
    expect(kinds(plan.steps)).toEqual(['renameTable deal', 'dropIndex deal', 'addIndex deal']);
    expect(plan.steps[0]).toMatchObject({ from: 'opportunity', phase: 'expand' });
    expect(plan.steps[1]).toMatchObject({ phase: 'expand', index: { name: 'ix_opportunity__updated_at' } });
    expect(plan.steps[2]).toMatchObject({ index: { name: 'ix_deal__updated_at' } });
  });

  it('lets a new entity take the name of a renamed one', () => {
    const deal = entity('deal', opportunity.fields, { renamedFrom: 'opportunity' });
    const fresh = entity('opportunity', [{ name: 'stage', type: 'string' }]);
    const plan = planMigration(tables(opportunity), tables(deal, fresh), { toVersion: 2 });
    expect(kinds(plan.steps).slice(0, 3)).toEqual(['renameTable deal', 'dropIndex deal', 'createTable opportunity']);
    expect(plan.steps.some((step) => step.kind === 'retireTable')).toBe(false);
  });

  it('widens string lengths, string to text, integer to a wide decimal and decimals that keep their digits', () => {
    const before = entity('thing', [
      { name: 'a', type: 'string', maxLength: 50 },
      { name: 'b', type: 'string', maxLength: 40 },
      { name: 'c', type: 'string' },
      { name: 'd', type: 'integer' },
      { name: 'e', type: 'decimal', precision: 10, scale: 2 },
    ]);
    const after = entity('thing', [
      { name: 'a', type: 'string', maxLength: 60 },
      { name: 'b', type: 'string', maxLength: 300 },
      { name: 'c', type: 'text' },
      { name: 'd', type: 'decimal', precision: 20, scale: 2 },
      { name: 'e', type: 'decimal', precision: 14, scale: 4 },
    ]);
    const plan = planMigration(tables(before), tables(after), { toVersion: 2 });
    expect(plan.blocked).toEqual([]);
    expect(plan.steps.map((step) => (step.kind === 'widenColumn' ? `${step.column.name}:${step.algorithm}` : step.kind))).toEqual(['a:inplace', 'b:copy', 'c:copy', 'd:copy', 'e:copy']);
    expect(plan.steps.every((step) => step.phase === 'expand' && !step.destructive)).toBe(true);
    expect(plan.steps[1]?.description).toBe('widen column thing.b varchar(40) -> varchar(300) (copy: rebuilds the table)');
    expect(plan.requiresConfirmation).toBe(false);
  });

  it('narrows lengths, text to string and decimal digits as destructive contract steps', () => {
    const before = entity('thing', [
      { name: 'a', type: 'string', maxLength: 100 },
      { name: 'b', type: 'text' },
      { name: 'c', type: 'decimal', precision: 12, scale: 4 },
      { name: 'd', type: 'integer' },
    ]);
    const after = entity('thing', [
      { name: 'a', type: 'string', maxLength: 10 },
      { name: 'b', type: 'string', maxLength: 500 },
      { name: 'c', type: 'decimal', precision: 12, scale: 2 },
      { name: 'd', type: 'decimal', precision: 6, scale: 2 },
    ]);
    const plan = planMigration(tables(before), tables(after), { toVersion: 2 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['narrowColumn', 'narrowColumn', 'narrowColumn', 'narrowColumn']);
    expect(plan.steps.every((step) => step.phase === 'contract' && step.destructive)).toBe(true);
    expect(plan.requiresConfirmation).toBe(true);
  });

  it('blocks incompatible type changes with a message that asks for a new field', () => {
    const before = entity('thing', [{ name: 'notes', type: 'text' }, { name: 'code', type: 'string' }]);
    const after = entity('thing', [{ name: 'notes', type: 'boolean' }, { name: 'code', type: 'integer' }]);
    const plan = planMigration(tables(before), tables(after), { toVersion: 2 });
    expect(plan.steps).toEqual([]);
    expect(plan.blocked.map((problem) => [problem.path, problem.code])).toEqual([
      ['/thing/notes', 'incompatibleType'],
      ['/thing/code', 'incompatibleType'],
    ]);
    expect(plan.blocked[0]?.message).toMatch(/cannot change from text to boolean.*Add a new field/);
  });

  it('retires a removed field by renaming its column after dropping its index', () => {
    const before = entity('contact', [{ name: 'email', type: 'email', unique: true }, { name: 'phone', type: 'phone' }]);
    const after = entity('contact', [{ name: 'phone', type: 'phone' }]);
    const plan = planMigration(tables(before), tables(after), { toVersion: 7 });
    expect(kinds(plan.steps)).toEqual(['dropIndex contact', 'retireColumn contact']);
    expect(plan.steps[0]).toMatchObject({ phase: 'contract', destructive: false });
    expect(plan.steps[1]).toMatchObject({ column: 'email', retiredName: '_dropped_v7_email', phase: 'contract', destructive: true });
    expect(plan.requiresConfirmation).toBe(true);
  });

  describe('restoring a retired column', () => {
    const before = entity('contact', [{ name: 'email', type: 'email' }, { name: 'nickname', type: 'string', maxLength: 40 }]);
    const after = entity('contact', [{ name: 'email', type: 'email' }]);
    const retiredNickname = (maxLength: number, retiredInVersion: number) => {
      const column = tables(entity('contact', [{ name: 'nickname', type: 'string', maxLength }]))[0]?.columns.find((candidate) => candidate.name === 'nickname');
      if (!column) throw new Error('no nickname column');
      return { table: 'contact', column, retiredName: `_dropped_v${retiredInVersion}_nickname`, retiredInVersion };
    };

    it('renames the newest retired column back instead of adding an empty one', () => {
      const plan = planMigration(tables(after), tables(before), { toVersion: 9, retiredColumns: [retiredNickname(40, 3), retiredNickname(40, 6)] });
      expect(plan.steps).toEqual([expect.objectContaining({ kind: 'restoreColumn', table: 'contact', from: '_dropped_v6_nickname', phase: 'expand', destructive: false, retiredInVersion: 6 })]);
      expect(plan.steps[0]?.description).toBe('restore column contact.nickname <- _dropped_v6_nickname (instant rename; the values kept since version 6 come back)');
      expect(plan.requiresConfirmation).toBe(false);
    });

    it('restores and widens when the field comes back larger', () => {
      const wider = entity('contact', [{ name: 'email', type: 'email' }, { name: 'nickname', type: 'string', maxLength: 80 }]);
      const plan = planMigration(tables(after), tables(wider), { toVersion: 9, retiredColumns: [retiredNickname(40, 6)] });
      expect(kinds(plan.steps)).toEqual(['restoreColumn contact', 'widenColumn contact']);
    });

    it('adds an empty column when the retired values would not fit the field that comes back', () => {
      const narrower = entity('contact', [{ name: 'email', type: 'email' }, { name: 'nickname', type: 'string', maxLength: 10 }]);
      const plan = planMigration(tables(after), tables(narrower), { toVersion: 9, retiredColumns: [retiredNickname(40, 6)] });
      expect(kinds(plan.steps)).toEqual(['addColumn contact']);
    });

    it('never restores into another table or over a live column', () => {
      const elsewhere = { ...retiredNickname(40, 6), table: 'account' };
      expect(kinds(planMigration(tables(after), tables(before), { toVersion: 9, retiredColumns: [elsewhere] }).steps)).toEqual(['addColumn contact']);
      expect(planMigration(tables(before), tables(before), { toVersion: 9, retiredColumns: [retiredNickname(40, 6)] }).steps).toEqual([]);
    });
  });

  it('retires a removed entity by renaming its table, last', () => {
    const tag = entity('tag', [{ name: 'name', type: 'string' }]);
    const next = entity('opportunity', [...opportunity.fields, { name: 'stage', type: 'string' }]);
    const plan = planMigration(tables(opportunity, tag), tables(next), { toVersion: 4 });
    expect(kinds(plan.steps)).toEqual(['addColumn opportunity', 'dropIndex tag', 'retireTable tag']);
    expect(plan.steps[2]).toMatchObject({ retiredName: '_dropped_v4_tag', destructive: true });
  });

  it('adds and drops declared indexes, creating tables before indexing other tables', () => {
    const indexed = entity('opportunity', opportunity.fields, { indexes: [{ fields: ['title'] }] });
    const tag = entity('tag', [{ name: 'name', type: 'string' }]);
    const plan = planMigration(tables(opportunity), tables(indexed, tag), { toVersion: 2 });
    expect(kinds(plan.steps)).toEqual(['createTable tag', 'addIndex opportunity']);
    const back = planMigration(tables(indexed), tables(opportunity), { toVersion: 3 });
    expect(back.steps).toEqual([expect.objectContaining({ kind: 'dropIndex', phase: 'contract', destructive: false, index: expect.objectContaining({ name: 'ix_opportunity__title' }) })]);
  });

  it('drops and recreates an index whose definition changed under the same name', () => {
    const named = entity('opportunity', opportunity.fields, { indexes: [{ name: 'ix_custom', fields: ['title'] }] });
    const changed = entity('opportunity', opportunity.fields, { indexes: [{ name: 'ix_custom', fields: ['title', 'amount'] }] });
    const plan = planMigration(tables(named), tables(changed), { toVersion: 2 });
    expect(plan.steps.map((step) => `${step.kind}:${step.phase}`)).toEqual(['dropIndex:expand', 'addIndex:expand']);
  });

  it('blocks unique indexes MySQL could only enforce on a prefix, and prefixes long non-unique ones', () => {
    const plan = planMigration([], tables(entity('site', [{ name: 'homepage', type: 'url', unique: true }])), { toVersion: 1 });
    expect(plan.blocked).toEqual([expect.objectContaining({ path: '/site/indexes/ux_site__homepage', code: 'indexTooLong' })]);

    const before = entity('site', [{ name: 'homepage', type: 'url' }]);
    const indexed = entity('site', [{ name: 'homepage', type: 'url' }], { indexes: [{ fields: ['homepage'] }] });
    const prefixed = planMigration(tables(before), tables(indexed), { toVersion: 2 });
    expect(prefixed.blocked).toEqual([]);
    expect(prefixed.steps[0]?.description).toContain('MySQL indexes the first 191 characters of homepage');
  });

  it('blocks widening an indexed column past what MySQL can index', () => {
    const before = entity('site', [{ name: 'code', type: 'string', unique: true }]);
    const after = entity('site', [{ name: 'code', type: 'string', maxLength: 1000, unique: true }]);
    const plan = planMigration(tables(before), tables(after), { toVersion: 2 });
    expect(plan.blocked.map((problem) => problem.path)).toContain('/site/code');
    expect(plan.steps.some((step) => step.kind === 'widenColumn')).toBe(false);
  });

  it('blocks primary key, nullability and NOT NULL additions on hand-built plans', () => {
    const base = compileEntityTablePlan(entity('thing', [{ name: 'a', type: 'string' }]));
    const changed: TablePlan = {
      ...base,
      primaryKey: ['id', 'version'],
      columns: [...base.columns.map((column) => (column.name === 'a' ? { ...column, nullable: false } : column)), { name: 'b', type: { kind: 'integer' }, nullable: false }],
    };
    const plan = planMigration([base], [changed], { toVersion: 2 });
    expect(plan.blocked.map((problem) => problem.code).sort()).toEqual(['notNullColumn', 'nullabilityChange', 'primaryKeyChange']);
  });

  it('orders renames, creates, adds and widens before contract steps', () => {
    const before = [entity('account', [{ name: 'title', type: 'string', maxLength: 50 }, { name: 'old', type: 'string' }, { name: 'size', type: 'string', maxLength: 40 }]), entity('legacy', [])];
    const after = [
      entity('account', [{ name: 'name', type: 'string', maxLength: 50, renamedFrom: 'title' }, { name: 'size', type: 'string', maxLength: 30 }, { name: 'region', type: 'string', maxLength: 60 }]),
      entity('lead', [{ name: 'source', type: 'string' }]),
    ];
    const plan = planMigration(tables(...before), tables(...after), { toVersion: 5 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['renameColumn', 'createTable', 'addColumn', 'narrowColumn', 'dropIndex', 'retireColumn', 'retireTable']);
    const firstContract = plan.steps.findIndex((step) => step.phase === 'contract');
    expect(plan.steps.slice(firstContract).every((step) => step.phase === 'contract')).toBe(true);
  });

  it('plans the example-like bundle from scratch without blocked problems', () => {
    const account = entity('account', [{ name: 'name', type: 'string', maxLength: 120 }, { name: 'website', type: 'url' }], { indexes: [{ fields: ['name'] }], relations: [{ kind: 'manyToMany', name: 'tags', entity: 'tag' }] });
    const plan = planMigration([], tables(account), { toVersion: 1 });
    expect(plan.blocked).toEqual([]);
    expect(kinds(plan.steps)).toEqual(['createTable account', 'createTable account__tags']);
  });
});
