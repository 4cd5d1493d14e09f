import type { EntityDocument } from '../model/entity';
import type { ListLayout } from '../model/layout';
import type { MetadataBundle } from '../model/pack';
import { countChanges, diffBundles, isEmptyDiff } from './bundle-diff';

function account(fields: EntityDocument['fields']): EntityDocument {
  return { kind: 'entity', name: 'account', label: 'Account', fields };
}

const accountList: ListLayout = { kind: 'list', name: 'accountList', entity: 'account', columns: [{ field: 'name' }] };

function bundle(entities: EntityDocument[], layouts: ListLayout[] = [], version = '1.0.0'): MetadataBundle {
  return {
    packs: [{ name: 'example', version }],
    entities: Object.fromEntries(entities.map((entity) => [entity.name, entity])),
    layouts: Object.fromEntries(layouts.map((layout) => [layout.name, layout])),
    processes: {},
  };
}

const base = bundle([account([{ name: 'name', type: 'string' }, { name: 'phone', type: 'phone' }])], [accountList]);

describe('diffBundles', () => {
  it('lists everything as created when nothing was published before', () => {
    const diff = diffBundles(null, base);
    expect(diff.entities.created.map((entity) => entity.name)).toEqual(['account']);
    expect(diff.layouts.created.map((layout) => layout.name)).toEqual(['accountList']);
    expect(diff.packs.created).toEqual([{ name: 'example', version: '1.0.0' }]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('is empty for the same bundle, whatever the key order', () => {
    const reordered: MetadataBundle = JSON.parse(JSON.stringify(base));
    const entity = reordered.entities.account as EntityDocument;
    reordered.entities.account = { fields: entity.fields.map((field) => ({ type: field.type, name: field.name }) as typeof field), label: entity.label, name: entity.name, kind: 'entity' };
    const diff = diffBundles(base, reordered);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(countChanges(diff)).toBe(0);
  });

  it('reports created, deleted and updated fields of an entity', () => {
    const next = bundle([account([{ name: 'name', type: 'string', maxLength: 80 }, { name: 'website', type: 'url' }])], [accountList]);
    const diff = diffBundles(base, next);
    expect(diff.entities.created).toEqual([]);
    expect(diff.entities.deleted).toEqual([]);
    expect(diff.entities.updated).toHaveLength(1);
    const fields = diff.entities.updated[0]?.fields;
    expect(fields?.created.map((field) => field.name)).toEqual(['website']);
    expect(fields?.deleted.map((field) => field.name)).toEqual(['phone']);
    expect(fields?.updated).toEqual([{ from: { name: 'name', type: 'string' }, to: { name: 'name', type: 'string', maxLength: 80 } }]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('pairs a renamed field through renamedFrom instead of a deletion and a creation', () => {
    const next = bundle([account([{ name: 'name', type: 'string' }, { name: 'telephone', type: 'phone', renamedFrom: 'phone' }])], [accountList]);
    const fields = diffBundles(base, next).entities.updated[0]?.fields;
    expect(fields?.created).toEqual([]);
    expect(fields?.deleted).toEqual([]);
    expect(fields?.updated).toEqual([{ from: { name: 'phone', type: 'phone' }, to: { name: 'telephone', type: 'phone', renamedFrom: 'phone' } }]);
  });

  it('pairs a renamed entity through renamedFrom', () => {
    const company: EntityDocument = { ...account([{ name: 'name', type: 'string' }]), name: 'company', renamedFrom: 'account' };
    const diff = diffBundles(base, bundle([company], [accountList]));
    expect(diff.entities.created).toEqual([]);
    expect(diff.entities.deleted).toEqual([]);
    expect(diff.entities.updated[0]?.from.name).toBe('account');
    expect(diff.entities.updated[0]?.to.name).toBe('company');
    expect(diff.entities.updated[0]?.fields.deleted.map((field) => field.name)).toEqual(['phone']);
  });

  it('reports deleted documents and pack version changes, in name order', () => {
    const zebra: EntityDocument = { kind: 'entity', name: 'zebra', label: 'Zebra', fields: [] };
    const from = bundle([zebra, account([])], [accountList]);
    const diff = diffBundles(from, bundle([], [], '2.0.0'));
    expect(diff.entities.deleted.map((entity) => entity.name)).toEqual(['account', 'zebra']);
    expect(diff.layouts.deleted.map((layout) => layout.name)).toEqual(['accountList']);
    expect(diff.packs.updated).toEqual([{ from: { name: 'example', version: '1.0.0' }, to: { name: 'example', version: '2.0.0' } }]);
    expect(countChanges(diff)).toBe(4);
  });

  it('reports permission sets, and reads a bundle published before them as having none', () => {
    const withSets: MetadataBundle = { ...base, permissions: { rep: { kind: 'permissionSet', name: 'rep', role: 'salesRep', entities: { account: { read: 'own' } } } } };
    expect(diffBundles(base, withSets).permissions.created.map((set) => set.name)).toEqual(['rep']);
    const widened: MetadataBundle = { ...base, permissions: { rep: { kind: 'permissionSet', name: 'rep', role: 'salesRep', entities: { account: { read: 'team' } } } } };
    expect(diffBundles(withSets, widened).permissions.updated.map((change) => change.to.entities.account?.read)).toEqual(['team']);
    expect(diffBundles(withSets, base).permissions.deleted.map((set) => set.name)).toEqual(['rep']);
    expect(countChanges(diffBundles(withSets, widened))).toBe(1);
    expect(isEmptyDiff(diffBundles(base, { ...base, permissions: {} }))).toBe(true);
  });

  it('is deterministic: the same inputs give the same JSON', () => {
    const next = bundle([account([{ name: 'website', type: 'url' }])], []);
    expect(JSON.stringify(diffBundles(base, next))).toBe(JSON.stringify(diffBundles(base, next)));
  });
});
