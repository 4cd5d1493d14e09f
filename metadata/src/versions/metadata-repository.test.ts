import { ConfirmationRequiredError, ConflictError, NotFoundError, ValidationError } from '@stagecraft/core';
import type { EntityDocument, FieldDefinition, MetadataBundle } from '@stagecraft/core';
import type { Sequelize } from 'sequelize';
import { createTestDatabase, testDialects } from '../../../tests/support/databases';
import type { TestDatabase } from '../../../tests/support/databases';
import { openDatabase } from '../db/connection';
import { loadPacks } from '../load';
import { contentHashOf } from './content-hash';
import { MetadataRepository } from './metadata-repository';

const EXAMPLE = 'tests/fixtures/packs/example';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The bundle with `change` applied to a copy of one entity. */
function withEntity(bundle: MetadataBundle, name: string, change: (entity: EntityDocument) => void): MetadataBundle {
  const next = clone(bundle);
  const entity = next.entities[name];
  if (!entity) throw new Error(`no entity ${name}`);
  change(entity);
  return next;
}

function addField(bundle: MetadataBundle, entityName: string, field: FieldDefinition): MetadataBundle {
  return withEntity(bundle, entityName, (entity) => entity.fields.push(field));
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, nested]) => [key, reverseKeys(nested)]));
}

async function columnsOf(sequelize: Sequelize, table: string): Promise<string[]> {
  return Object.keys(await sequelize.getQueryInterface().describeTable(table)).sort();
}

async function tablesOf(sequelize: Sequelize): Promise<string[]> {
  const tables = (await sequelize.getQueryInterface().showAllTables()) as Array<string | { tableName: string }>;
  return tables.map((table) => (typeof table === 'string' ? table : table.tableName)).sort();
}

async function insertAccount(sequelize: Sequelize, id: string, name: string, website: string): Promise<void> {
  await sequelize.query('INSERT INTO account (id, version, created_at, updated_at, name, website) VALUES (?, 1, ?, ?, ?, ?)', {
    replacements: [id, '2025-01-01 10:00:00', '2025-01-01 10:00:00', name, website],
  });
}

async function selectRows(sequelize: Sequelize, sql: string): Promise<Array<Record<string, unknown>>> {
  const [rows] = await sequelize.query(sql);
  return rows as Array<Record<string, unknown>>;
}

let example: MetadataBundle;

beforeAll(async () => {
  example = (await loadPacks([EXAMPLE])).bundle;
});

describe.each(testDialects())('MetadataRepository on %s', (dialect) => {
  let database: TestDatabase;
  let sequelize: Sequelize;
  let repository: MetadataRepository;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    sequelize = await openDatabase({ url: database.url });
    repository = new MetadataRepository(sequelize);
    await repository.ensureSchema();
  });

  afterEach(async () => {
    await sequelize.close();
    await database.drop();
  });

  it('starts with nothing live and creates only its own system tables', async () => {
    expect(await repository.liveVersionNumber()).toBeNull();
    expect(await repository.live()).toBeNull();
    expect(await repository.listVersions()).toEqual([]);
    await repository.ensureSchema();
    expect(await tablesOf(sequelize)).toEqual(['stagecraft_metadata_drafts', 'stagecraft_metadata_live', 'stagecraft_metadata_versions']);
  });

  it('first publish creates the tables of the example pack and records version 1', async () => {
    const result = await repository.publish(example, { author: 'ann', message: 'Initial' });
    expect(result.unchanged).toBe(false);
    expect(result.version).toMatchObject({ number: 1, author: 'ann', message: 'Initial', rolledBackFrom: null, complete: true, hash: contentHashOf(example) });
    expect(result.version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.version.bundle).toEqual(example);
    expect(result.version.diff.entities.created.map((entity) => entity.name)).toEqual(['account', 'contact', 'opportunity', 'tag']);
    expect(result.applied.length).toBeGreaterThan(0);
    expect(await repository.liveVersionNumber()).toBe(1);
    const tables = await tablesOf(sequelize);
    for (const table of ['account', 'account__tags', 'contact', 'opportunity', 'tag']) expect(tables).toContain(table);
    expect(await columnsOf(sequelize, 'opportunity')).toEqual(expect.arrayContaining(['id', 'version', 'created_at', 'updated_at', 'name', 'amount', 'close_date', 'weighted_amount']));
  });

  it('re-publishing the same bundle, whatever its key order, is a no-op', async () => {
    const first = await repository.publish(example, { author: 'ann' });
    const reordered = reverseKeys(example) as MetadataBundle;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(example));
    expect(contentHashOf(reordered)).toBe(contentHashOf(example));
    const again = await repository.publish(reordered, { author: 'bob' });
    expect(again.unchanged).toBe(true);
    expect(again.applied).toEqual([]);
    expect(again.version.number).toBe(first.version.number);
    expect((await repository.listVersions()).map((version) => version.number)).toEqual([1]);
  });

  it('publishing an added field adds its column and keeps existing rows', async () => {
    await repository.publish(example, { author: 'ann' });
    await insertAccount(sequelize, 'a1', 'Acme', 'https://acme.example');
    const v2 = addField(example, 'account', { name: 'rating', type: 'integer' });
    const result = await repository.publish(v2, { author: 'bob', message: 'Rating' });
    expect(result.version.number).toBe(2);
    expect(result.plan.steps.map((step) => step.kind)).toEqual(['addColumn']);
    expect(result.version.diff.entities.updated.map((change) => change.to.name)).toEqual(['account']);
    expect(result.version.diff.entities.updated[0]?.fields.created.map((field) => field.name)).toEqual(['rating']);
    expect(result.version.diff.entities.created).toEqual([]);
    expect(await columnsOf(sequelize, 'account')).toContain('rating');
    expect(await selectRows(sequelize, 'SELECT name, website, rating FROM account')).toEqual([{ name: 'Acme', website: 'https://acme.example', rating: null }]);
    expect(await repository.liveVersionNumber()).toBe(2);
  });

  it('refuses a destructive change without confirmation and changes nothing', async () => {
    await repository.publish(example, { author: 'ann' });
    await insertAccount(sequelize, 'a1', 'Acme', 'https://acme.example');
    const withoutWebsite = withEntity(example, 'account', (entity) => {
      entity.fields = entity.fields.filter((field) => field.name !== 'website');
      entity.searchFields = ['name'];
    });
    const columnsBefore = await columnsOf(sequelize, 'account');
    const tablesBefore = await tablesOf(sequelize);

    const refusal = await repository.publish(withoutWebsite, { author: 'bob' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConfirmationRequiredError);
    expect((refusal as ConfirmationRequiredError).details).toEqual([expect.objectContaining({ path: '/account/website', code: 'retireColumn' })]);
    expect(await repository.liveVersionNumber()).toBe(1);
    expect(await repository.listVersions()).toHaveLength(1);
    expect(await columnsOf(sequelize, 'account')).toEqual(columnsBefore);
    expect(await tablesOf(sequelize)).toEqual(tablesBefore);

    const confirmed = await repository.publish(withoutWebsite, { author: 'bob', confirm: true });
    expect(confirmed.version).toMatchObject({ number: 2, complete: true });
    expect(confirmed.version.diff.entities.updated[0]?.fields.deleted.map((field) => field.name)).toEqual(['website']);
    const columns = await columnsOf(sequelize, 'account');
    expect(columns).not.toContain('website');
    expect(columns).toContain('_dropped_v2_website');
    expect(await selectRows(sequelize, 'SELECT name, _dropped_v2_website AS kept FROM account')).toEqual([{ name: 'Acme', kept: 'https://acme.example' }]);
  });

  it('a failing step leaves the old version live, and publishing again resumes where it stopped', async () => {
    await repository.publish(example, { author: 'ann' });
    for (const [id, name] of [['t1', 'hot'], ['t2', 'cold']]) {
      await sequelize.query("INSERT INTO tag (id, version, created_at, updated_at, name, color) VALUES (?, 1, '2025-01-01 10:00:00', '2025-01-01 10:00:00', ?, '#ff0000')", { replacements: [id, name] });
    }
    const v2 = withEntity(example, 'tag', (entity) => {
      entity.fields.push({ name: 'weight', type: 'integer' });
      entity.fields = entity.fields.map((field) => (field.name === 'color' ? { ...field, unique: true } : field));
    });

    await expect(repository.publish(v2, { author: 'bob' })).rejects.toBeInstanceOf(ValidationError);
    expect(await repository.liveVersionNumber()).toBe(1);
    expect(await repository.listVersions()).toHaveLength(1);
    expect(await columnsOf(sequelize, 'tag')).toContain('weight'); // expand ran part-way; v1 ignores the column

    await sequelize.query("UPDATE tag SET color = '#0000ff' WHERE id = 't2'");
    const resumed = await repository.publish(v2, { author: 'bob' });
    expect(resumed.version.number).toBe(2);
    expect(resumed.applied.map((applied) => [applied.step.kind, applied.skipped])).toEqual([['addColumn', true], ['addIndex', false]]);
    expect(await selectRows(sequelize, 'SELECT name, color FROM tag ORDER BY id')).toEqual([{ name: 'hot', color: '#ff0000' }, { name: 'cold', color: '#0000ff' }]);
  });

  it('finishes the contract phase of a live version that was interrupted, on the next publish', async () => {
    await repository.publish(example, { author: 'ann' });
    const withoutPhone = withEntity(example, 'contact', (entity) => {
      entity.fields = entity.fields.filter((field) => field.name !== 'phone');
    });
    await repository.publish(withoutPhone, { author: 'ann', confirm: true });
    // As if the process died after the switch, before the confirmed rename ran.
    await sequelize.query('ALTER TABLE contact RENAME COLUMN _dropped_v2_phone TO phone');
    await sequelize.query('UPDATE stagecraft_metadata_versions SET completed_at = NULL WHERE number = 2');
    expect((await repository.listVersions())[0]).toMatchObject({ number: 2, complete: false });

    const again = await repository.publish(withoutPhone, { author: 'ann' });
    expect(again.unchanged).toBe(true);
    expect(again.applied.map((applied) => [applied.step.kind, applied.skipped])).toEqual([['retireColumn', false]]);
    expect(await columnsOf(sequelize, 'contact')).toContain('_dropped_v2_phone');
    expect(await columnsOf(sequelize, 'contact')).not.toContain('phone');
    expect((await repository.live())?.complete).toBe(true);
  });

  it('rolls back in one call by publishing an earlier version as a new version', async () => {
    const v1 = await repository.publish(example, { author: 'ann' });
    await repository.publish(addField(example, 'tag', { name: 'weight', type: 'integer' }), { author: 'ann' });
    const refusal = await repository.rollback(1, { author: 'bob' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConfirmationRequiredError);
    expect(await repository.liveVersionNumber()).toBe(2);

    const rolledBack = await repository.rollback(1, { author: 'bob', confirm: true });
    expect(rolledBack.version).toMatchObject({ number: 3, rolledBackFrom: 1, author: 'bob', message: 'Rollback to version 1', hash: v1.version.hash });
    expect(rolledBack.version.diff.entities.updated[0]?.fields.deleted.map((field) => field.name)).toEqual(['weight']);
    expect(await repository.liveVersionNumber()).toBe(3);
    expect((await repository.listVersions()).map((version) => [version.number, version.rolledBackFrom])).toEqual([[3, 1], [2, null], [1, null]]);
    expect(await columnsOf(sequelize, 'tag')).toContain('_dropped_v3_weight');
    await expect(repository.rollback(42, { author: 'bob' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a removed field added back, or rolled back past its removal, gets its values back; purged, they are gone', async () => {
    await repository.publish(example, { author: 'ann' });
    await insertAccount(sequelize, 'a1', 'Acme', 'https://acme.example');
    const withoutWebsite = withEntity(example, 'account', (entity) => {
      entity.fields = entity.fields.filter((field) => field.name !== 'website');
      entity.searchFields = ['name'];
    });
    await repository.publish(withoutWebsite, { author: 'bob', confirm: true });
    expect(await repository.retiredFields()).toEqual([
      expect.objectContaining({ entity: 'account', table: 'account', retiredName: '_dropped_v2_website', retiredInVersion: 2, field: expect.objectContaining({ name: 'website', type: 'url' }) }),
    ]);

    // Rolling back to version 1 restores the column instead of adding an empty one: no confirmation needed.
    const { plan } = await repository.planRollback(1);
    expect(plan.steps.map((step) => step.kind)).toEqual(['restoreColumn']);
    const rolledBack = await repository.rollback(1, { author: 'bob' });
    expect(rolledBack.version.number).toBe(3);
    expect(await selectRows(sequelize, 'SELECT name, website FROM account')).toEqual([{ name: 'Acme', website: 'https://acme.example' }]);
    expect(await repository.retiredFields()).toEqual([]);

    // Removed again, then purged: the values are dropped for good, and adding the field back starts empty.
    await repository.publish(withoutWebsite, { author: 'bob', confirm: true });
    const unconfirmed = await repository.purgeRetiredField('account', '_dropped_v4_website', { confirm: false }).catch((error: unknown) => error);
    expect(unconfirmed).toBeInstanceOf(ConfirmationRequiredError);
    expect(await columnsOf(sequelize, 'account')).toContain('_dropped_v4_website');
    await expect(repository.purgeRetiredField('account', 'name', { confirm: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(repository.purgeRetiredField('account', '_dropped_v2_website', { confirm: true })).rejects.toBeInstanceOf(NotFoundError);
    const purged = await repository.purgeRetiredField('account', '_dropped_v4_website', { confirm: true });
    expect(purged.purged.field.name).toBe('website');
    expect(await columnsOf(sequelize, 'account')).not.toContain('_dropped_v4_website');
    expect(await repository.retiredFields()).toEqual([]);
    const readded = await repository.publish(example, { author: 'ann' });
    expect(readded.plan.steps.map((step) => step.kind)).toEqual(['addColumn']);
    expect(await selectRows(sequelize, 'SELECT name, website FROM account')).toEqual([{ name: 'Acme', website: null }]);
  });

  it('keeps drafts apart from what is live until one is published', async () => {
    await repository.publish(example, { author: 'ann' });
    const draftBundle = addField(example, 'contact', { name: 'nickname', type: 'string' });
    const saved = await repository.saveDraft('nicknames', draftBundle, 'carl');
    expect(saved).toMatchObject({ name: 'nicknames', author: 'carl', baseVersion: 1 });
    await repository.saveDraft('nicknames', draftBundle, 'dana');
    expect(await repository.liveVersionNumber()).toBe(1);
    expect(await columnsOf(sequelize, 'contact')).not.toContain('nickname');
    expect((await repository.getDraft('nicknames'))?.bundle).toEqual(draftBundle);
    expect(await repository.listDrafts()).toEqual([expect.objectContaining({ name: 'nicknames', author: 'dana', baseVersion: 1 })]);
    expect(await repository.getDraft('nothing')).toBeNull();

    const published = await repository.publishDraft('nicknames', { author: 'dana' });
    expect(published.version.number).toBe(2);
    expect(await columnsOf(sequelize, 'contact')).toContain('nickname');
    expect(await repository.listDrafts()).toEqual([]);
    expect(await repository.deleteDraft('nicknames')).toBe(false);
    await expect(repository.publishDraft('nicknames', { author: 'dana' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('plans against the live version without applying anything', async () => {
    await repository.publish(example, { author: 'ann' });
    const { plan, diff } = await repository.plan(addField(example, 'tag', { name: 'weight', type: 'integer' }));
    expect(plan.steps.map((step) => [step.kind, step.table])).toEqual([['addColumn', 'tag']]);
    expect(diff.entities.updated.map((change) => change.to.name)).toEqual(['tag']);
    expect(await columnsOf(sequelize, 'tag')).not.toContain('weight');
    expect(await repository.liveVersionNumber()).toBe(1);
  });

  it('rejects an invalid bundle with paths from the bundle root', async () => {
    const invalid = withEntity(example, 'contact', (entity) => entity.fields.push({ name: 'employer', type: 'reference', entity: 'company' }));
    const error = await repository.publish(invalid, { author: 'ann' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((problem) => problem.path)).toEqual(['/entities/contact/fields/9/entity']);
    expect(await repository.liveVersionNumber()).toBeNull();
  });

  it('two concurrent publishes from two processes end with one version each or a conflict, never half', async () => {
    await repository.publish(example, { author: 'ann' });
    const other = await openDatabase({ url: database.url });
    try {
      const otherRepository = new MetadataRepository(other);
      const left = addField(example, 'tag', { name: 'weight', type: 'integer' });
      const right = addField(example, 'contact', { name: 'nickname', type: 'string' });
      const outcomes = await Promise.allSettled([
        repository.publish(left, { author: 'left' }),
        otherRepository.publish(right, { author: 'right' }),
      ]);
      const published = outcomes.filter((outcome) => outcome.status === 'fulfilled').map((outcome) => outcome.value);
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason as unknown);
      for (const failure of failures) expect(failure).toBeInstanceOf(ConflictError);
      expect(published.length).toBeGreaterThanOrEqual(1);

      const versions = await repository.listVersions();
      expect(versions).toHaveLength(1 + published.length);
      expect(versions.map((version) => version.number)).toEqual(versions.map((_version, index) => versions.length - index));
      const live = await repository.live();
      expect(live?.number).toBe(versions[0]?.number);
      expect(published.map((result) => result.version.number).sort()).toEqual(versions.slice(0, published.length).map((version) => version.number).sort());
      expect([contentHashOf(left), contentHashOf(right)]).toContain(live?.hash);
      expect(live?.hash).toBe(contentHashOf(live?.bundle as MetadataBundle));
    } finally {
      await other.close();
    }
  });

  it('returns null for a version that does not exist and lists versions newest first without bundles', async () => {
    await repository.publish(example, { author: 'ann', message: 'one' });
    await repository.publish(addField(example, 'tag', { name: 'weight', type: 'integer' }), { author: 'bob', message: 'two' });
    expect(await repository.getVersion(7)).toBeNull();
    const versions = await repository.listVersions();
    expect(versions.map((version) => [version.number, version.author, version.message])).toEqual([[2, 'bob', 'two'], [1, 'ann', 'one']]);
    expect(versions[0]).not.toHaveProperty('bundle');
    expect(versions[0]?.createdAt).toBeInstanceOf(Date);
    expect((await repository.getVersion(1))?.bundle).toEqual(example);
  });
});
