import fs from 'node:fs';
import path from 'node:path';
import {
  compileTablePlans, ConfirmationRequiredError, planMigration, ValidationError,
  type EntityDocument, type FieldDefinition, type MetadataBundle, type MigrationPlan, type TablePlan,
} from '@stagecraft/core';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../tests/support/databases';
import { openDatabase } from '../db/connection';
import { applyMigrationPlan, type ApplyMigrationOptions } from './apply-migration-plan';
import { introspectTable } from './introspect-table';

function entity(name: string, fields: FieldDefinition[], extra: Partial<EntityDocument> = {}): EntityDocument {
  return { kind: 'entity', name, label: name, fields, ...extra };
}
function tablesOf(...entities: EntityDocument[]): TablePlan[] {
  const bundle: MetadataBundle = { packs: [], entities: Object.fromEntries(entities.map((document) => [document.name, document])), layouts: {}, processes: {} };
  return compileTablePlans(bundle);
}

const archive = entity('archive', [{ name: 'label', type: 'string' }]);
const dealV1 = entity('deal', [
  { name: 'title', type: 'string', maxLength: 100 },
  { name: 'amount', type: 'decimal', precision: 12, scale: 2 },
  { name: 'code', type: 'string', maxLength: 40 },
  { name: 'legacy', type: 'string' },
  { name: 'website', type: 'url' },
  { name: 'notes', type: 'text' },
], { indexes: [{ fields: ['website'] }] });

describe.each(testDialects())('applyMigrationPlan on %s', (dialect) => {
  let database: TestDatabase;
  let sequelize: Sequelize;
  let live: TablePlan[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    sequelize = await openDatabase({ url: database.url });
  });
  afterAll(async () => {
    await sequelize.close();
    await database.drop();
  });

  /** Plans from the live version to `next`, applies it, checks a re-run skips every step, and makes `next` live. */
  async function migrate(next: EntityDocument[], toVersion: number, options: ApplyMigrationOptions = { phase: 'all', confirm: true }): Promise<{ plan: MigrationPlan; statements: string[] }> {
    const plan = planMigration(live, tablesOf(...next), { toVersion });
    expect(plan.blocked).toEqual([]);
    const applied = await applyMigrationPlan(sequelize, plan, options);
    expect(applied.map((result) => result.skipped)).toEqual(plan.steps.map(() => false));
    const rerun = await applyMigrationPlan(sequelize, plan, options);
    expect(rerun.map((result) => result.skipped)).toEqual(plan.steps.map(() => true));
    expect(rerun.flatMap((result) => result.statements)).toEqual([]);
    live = tablesOf(...next);
    return { plan, statements: applied.flatMap((result) => result.statements) };
  }
  async function rows(sql: string): Promise<Array<Record<string, unknown>>> {
    return sequelize.query<Record<string, unknown>>(sql, { type: QueryTypes.SELECT });
  }
  async function insertDeal(id: string, values: Record<string, unknown>): Promise<void> {
    const columns = ['id', 'version', 'created_at', 'updated_at', ...Object.keys(values)];
    const quoted = columns.map((column) => sequelize.getQueryInterface().quoteIdentifier(column, true));
    await sequelize.query(`INSERT INTO deal (${quoted.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, {
      replacements: [id, 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00', ...Object.values(values)],
    });
  }

  it('creates the tables of a first version with their indexes, then holds rows', async () => {
    const { plan } = await migrate([dealV1, archive], 1);
    expect(plan.steps.map((step) => step.kind)).toEqual(['createTable', 'createTable']);
    const deal = await introspectTable(sequelize, 'deal');
    expect(deal?.primaryKey).toEqual(['id']);
    expect(deal?.columns.find((column) => column.name === 'amount')?.type).toEqual({ kind: 'decimal', precision: 12, scale: 2 });
    expect(deal?.indexes.map((index) => index.name)).toEqual(['ix_deal__updated_at', 'ix_deal__website']);

    await insertDeal('d1', { title: 'Big deal', amount: 1234.56, code: 'ABCDEFGH', legacy: 'old one', website: 'https://example.com', notes: 'first' });
    await insertDeal('d2', { title: 'Small deal', amount: 7.5, code: 'ABCDEFGH', legacy: 'old two', notes: '二' });
    await insertDeal('d3', { title: 'No amount', code: 'X1' });
    await sequelize.query(`INSERT INTO archive (id, version, created_at, updated_at, label) VALUES ('a1', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00', 'kept')`);
  });

  it('adds a column instantly: existing rows keep their values and read NULL in the new one', async () => {
    const { plan, statements } = await migrate([entity('deal', [...dealV1.fields, { name: 'nextStep', type: 'string' }], { indexes: dealV1.indexes }), archive], 2, { phase: 'expand' });
    expect(plan.steps.map((step) => step.kind)).toEqual(['addColumn']);
    expect(await rows('SELECT id, title, next_step FROM deal ORDER BY id')).toEqual([
      { id: 'd1', title: 'Big deal', next_step: null },
      { id: 'd2', title: 'Small deal', next_step: null },
      { id: 'd3', title: 'No amount', next_step: null },
    ]);
    if (dialect === 'mysql') expect(statements).toEqual(['ALTER TABLE `deal` ADD COLUMN `next_step` VARCHAR(255) NULL, ALGORITHM=INSTANT']);
  });

  const dealV3Fields: FieldDefinition[] = [
    { name: 'name', type: 'string', maxLength: 100, renamedFrom: 'title' },
    ...dealV1.fields.slice(1),
    { name: 'nextStep', type: 'string' },
  ];

  it('renames a column and keeps its values under the new name', async () => {
    const { plan } = await migrate([entity('deal', dealV3Fields, { indexes: dealV1.indexes }), archive], 3, { phase: 'expand' });
    expect(plan.steps.map((step) => step.kind)).toEqual(['renameColumn']);
    expect(await rows('SELECT id, name FROM deal ORDER BY id')).toEqual([
      { id: 'd1', name: 'Big deal' },
      { id: 'd2', name: 'Small deal' },
      { id: 'd3', name: 'No amount' },
    ]);
    const deal = await introspectTable(sequelize, 'deal');
    expect(deal?.columns.some((column) => column.name === 'title')).toBe(false);
  });

  const widened = dealV3Fields.map((field): FieldDefinition => {
    if (field.name === 'name') return { name: 'name', type: 'string', maxLength: 300, renamedFrom: 'title' };
    if (field.name === 'amount') return { name: 'amount', type: 'decimal', precision: 16, scale: 4 };
    return field;
  });

  it('widens columns and every stored value survives', async () => {
    const { plan, statements } = await migrate([entity('deal', widened, { indexes: dealV1.indexes }), archive], 4, { phase: 'expand' });
    expect(plan.steps.map((step) => step.kind)).toEqual(['widenColumn', 'widenColumn']);
    if (dialect === 'mysql') expect(statements.map((statement) => /ALGORITHM=(\w+)$/.exec(statement)?.[1])).toEqual(['INPLACE', 'COPY']);
    const deal = await introspectTable(sequelize, 'deal');
    expect(deal?.columns.find((column) => column.name === 'name')?.type).toEqual({ kind: 'string', length: 300 });
    expect(deal?.columns.find((column) => column.name === 'amount')?.type).toEqual({ kind: 'decimal', precision: 16, scale: 4 });
    expect(deal?.indexes.map((index) => index.name)).toEqual(['ix_deal__updated_at', 'ix_deal__website']);
    expect(await rows('SELECT id, name, amount, notes FROM deal ORDER BY id')).toEqual([
      { id: 'd1', name: 'Big deal', amount: 1234.56, notes: 'first' },
      { id: 'd2', name: 'Small deal', amount: 7.5, notes: '二' },
      { id: 'd3', name: 'No amount', amount: null, notes: null },
    ]);
  });

  it('refuses to narrow while a stored value is too long, and narrows with confirmation once all fit', async () => {
    const narrowed = widened.map((field): FieldDefinition => (field.name === 'code' ? { name: 'code', type: 'string', maxLength: 5 } : field));
    const next = tablesOf(entity('deal', narrowed, { indexes: dealV1.indexes }), archive);
    const plan = planMigration(live, next, { toVersion: 5 });
    expect(plan.steps.map((step) => `${step.kind}:${step.phase}:${step.destructive}`)).toEqual(['narrowColumn:contract:true']);
    expect(await applyMigrationPlan(sequelize, plan, { phase: 'expand' })).toEqual([]);

    await expect(applyMigrationPlan(sequelize, plan, { phase: 'contract' })).rejects.toBeInstanceOf(ConfirmationRequiredError);
    const refusal = await applyMigrationPlan(sequelize, plan, { phase: 'contract', confirm: true }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).details).toEqual([expect.objectContaining({ path: '/deal/code', message: expect.stringMatching(/^2 stored values would not fit in varchar\(5\)/) })]);
    expect((await introspectTable(sequelize, 'deal'))?.columns.find((column) => column.name === 'code')?.type).toEqual({ kind: 'string', length: 40 });

    await sequelize.query("UPDATE deal SET code = 'ABCDE' WHERE code = 'ABCDEFGH'");
    await migrate([entity('deal', narrowed, { indexes: dealV1.indexes }), archive], 5, { phase: 'contract', confirm: true });
    expect((await introspectTable(sequelize, 'deal'))?.columns.find((column) => column.name === 'code')?.type).toEqual({ kind: 'string', length: 5 });
    expect(await rows('SELECT id, code, name FROM deal ORDER BY id')).toEqual([
      { id: 'd1', code: 'ABCDE', name: 'Big deal' },
      { id: 'd2', code: 'ABCDE', name: 'Small deal' },
      { id: 'd3', code: 'X1', name: 'No amount' },
    ]);
  });

  it('retires a removed field only with confirmation, keeping its values under the retired name', async () => {
    const fields = live.find((table) => table.table === 'deal')?.columns.filter((column) => column.name !== 'legacy') ?? [];
    const withoutLegacy: TablePlan[] = live.map((table) => (table.table === 'deal' ? { ...table, columns: fields } : table));
    const plan = planMigration(live, withoutLegacy, { toVersion: 6 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['retireColumn']);

    const refusal = await applyMigrationPlan(sequelize, plan, { phase: 'contract' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConfirmationRequiredError);
    expect((refusal as ConfirmationRequiredError).details).toEqual([expect.objectContaining({ path: '/deal/legacy', code: 'retireColumn' })]);
    expect((await introspectTable(sequelize, 'deal'))?.columns.some((column) => column.name === 'legacy')).toBe(true);

    await applyMigrationPlan(sequelize, plan, { phase: 'contract', confirm: true });
    expect(await rows('SELECT id, _dropped_v6_legacy FROM deal ORDER BY id')).toEqual([
      { id: 'd1', _dropped_v6_legacy: 'old one' },
      { id: 'd2', _dropped_v6_legacy: 'old two' },
      { id: 'd3', _dropped_v6_legacy: null },
    ]);
    expect((await introspectTable(sequelize, 'deal'))?.columns.some((column) => column.name === 'legacy')).toBe(false);
    expect((await applyMigrationPlan(sequelize, plan, { phase: 'all', confirm: true })).map((result) => result.skipped)).toEqual([true]);
    live = withoutLegacy;
  });

  it('refuses a unique index over duplicate values, leaving the table unchanged, and adds it once they are unique', async () => {
    const deal = live.find((table) => table.table === 'deal') as TablePlan;
    const uniqueCode: TablePlan = { ...deal, indexes: [...deal.indexes, { name: 'ux_deal__code', columns: ['code'], unique: true }] };
    const next = live.map((table) => (table.table === 'deal' ? uniqueCode : table));
    const plan = planMigration(live, next, { toVersion: 7 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['addIndex']);

    const refusal = await applyMigrationPlan(sequelize, plan, { phase: 'expand' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).details).toEqual([expect.objectContaining({ path: '/deal/code', code: 'duplicateValues', message: expect.stringMatching(/^1 value of code occurs in more than one row/) })]);
    const unchanged = await introspectTable(sequelize, 'deal');
    expect(unchanged?.indexes.map((index) => index.name)).toEqual(['ix_deal__updated_at', 'ix_deal__website']);
    expect(await rows('SELECT COUNT(*) AS n FROM deal')).toEqual([{ n: 3 }]);

    await sequelize.query("UPDATE deal SET code = 'ZZ' WHERE id = 'd2'");
    const applied = await applyMigrationPlan(sequelize, plan, { phase: 'expand' });
    expect(applied.map((result) => result.skipped)).toEqual([false]);
    if (dialect === 'mysql') expect(applied[0]?.statements[0]).toMatch(/ALGORITHM=INPLACE LOCK=NONE$/);
    expect((await introspectTable(sequelize, 'deal'))?.indexes).toContainEqual({ name: 'ux_deal__code', columns: ['code'], unique: true });
    expect((await applyMigrationPlan(sequelize, plan, { phase: 'expand' })).map((result) => result.skipped)).toEqual([true]);
    live = next;
  });

  it('retires a removed entity by renaming its table with its rows', async () => {
    const next = live.filter((table) => table.table !== 'archive');
    const plan = planMigration(live, next, { toVersion: 8 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['dropIndex', 'retireTable']);
    await expect(applyMigrationPlan(sequelize, plan, { phase: 'all' })).rejects.toBeInstanceOf(ConfirmationRequiredError);
    expect(await introspectTable(sequelize, 'archive')).not.toBeNull();

    const applied = await applyMigrationPlan(sequelize, plan, { phase: 'all', confirm: true });
    expect(applied.map((result) => result.skipped)).toEqual([false, false]);
    expect(await introspectTable(sequelize, 'archive')).toBeNull();
    expect(await rows('SELECT id, label FROM _dropped_v8_archive')).toEqual([{ id: 'a1', label: 'kept' }]);
    expect((await applyMigrationPlan(sequelize, plan, { phase: 'all', confirm: true })).map((result) => result.skipped)).toEqual([true, true]);
    live = next;
  });

  it('renames a table with its rows and lets a renamed field and a new field with its old name coexist', async () => {
    const deal = live.find((table) => table.table === 'deal') as TablePlan;
    const opportunity: TablePlan = {
      ...deal,
      table: 'opportunity',
      renamedFrom: 'deal',
      columns: [...deal.columns.map((column) => (column.name === 'notes' ? { ...column, name: 'remarks', renamedFrom: 'notes' } : column)), { name: 'notes', type: { kind: 'string', length: 20 }, nullable: true }],
      indexes: deal.indexes.map((index) => ({ ...index, name: index.name.replace('deal', 'opportunity') })),
    };
    const plan = planMigration(live, [opportunity], { toVersion: 9 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['renameTable', 'renameColumn', 'dropIndex', 'dropIndex', 'dropIndex', 'addColumn', 'addIndex', 'addIndex', 'addIndex']);
    const applied = await applyMigrationPlan(sequelize, plan, { phase: 'all' });
    expect(applied.every((result) => !result.skipped)).toBe(true);
    expect(await rows('SELECT id, remarks, notes FROM opportunity ORDER BY id')).toEqual([
      { id: 'd1', remarks: 'first', notes: null },
      { id: 'd2', remarks: '二', notes: null },
      { id: 'd3', remarks: null, notes: null },
    ]);
    expect((await applyMigrationPlan(sequelize, plan, { phase: 'all' })).every((result) => result.skipped)).toBe(true);
    live = [opportunity];
  });

  it('completes a half-created table on resume instead of failing', async () => {
    const tag = tablesOf(entity('tag', [{ name: 'name', type: 'string', maxLength: 60, unique: true }]));
    const plan = planMigration([], tag, { toVersion: 10 });
    await applyMigrationPlan(sequelize, plan, { phase: 'expand' });
    await sequelize.query(dialect === 'mysql' ? 'ALTER TABLE tag DROP INDEX ux_tag__name' : 'DROP INDEX ux_tag__name');
    const resumed = await applyMigrationPlan(sequelize, plan, { phase: 'expand' });
    expect(resumed.map((result) => result.skipped)).toEqual([false]);
    expect((await introspectTable(sequelize, 'tag'))?.indexes.map((index) => index.name)).toEqual(['ix_tag__updated_at', 'ux_tag__name']);
  });

  it('refuses a plan with blocked changes', async () => {
    const before = tablesOf(entity('thing', [{ name: 'notes', type: 'text' }]));
    const plan = planMigration(before, tablesOf(entity('thing', [{ name: 'notes', type: 'boolean' }])), { toVersion: 11 });
    await expect(applyMigrationPlan(sequelize, plan, { phase: 'all', confirm: true })).rejects.toBeInstanceOf(ValidationError);
  });

  it('creates every table of the example pack', async () => {
    const directory = path.join(__dirname, '../../../tests/fixtures/packs/example/entities');
    const entities = fs.readdirSync(directory).map((file) => JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as EntityDocument);
    const prefixed = entities.map((document) => ({ ...document, name: `ex${document.name[0]?.toUpperCase()}${document.name.slice(1)}` }));
    const tables = tablesOf(...prefixed);
    const plan = planMigration([], tables, { toVersion: 1 });
    expect(plan.blocked).toEqual([]);
    await applyMigrationPlan(sequelize, plan, { phase: 'all' });
    for (const table of tables) expect((await introspectTable(sequelize, table.table))?.indexes.length).toBe(table.indexes.length);
  });
});
