import type { EntityDocument, MetadataBundle } from '@stagecraft/core';
import { entityGraph } from './entity-graph';

const entity = (name: string, fields: EntityDocument['fields'], extra: Partial<EntityDocument> = {}): EntityDocument => ({ kind: 'entity', name, label: { en: name.toUpperCase() }, fields, ...extra });
const bundleOf = (...entities: EntityDocument[]): MetadataBundle => ({ packs: [], entities: Object.fromEntries(entities.map((document) => [document.name, document])), layouts: {}, processes: {} });
const text = (value: unknown): string => (typeof value === 'string' ? value : ((value as Record<string, string> | undefined)?.en ?? ''));

describe('entityGraph', () => {
  const bundle = bundleOf(
    entity('account', [{ name: 'name', type: 'string' }, { name: 'parent', type: 'reference', entity: 'account', label: 'Parent' }]),
    entity('contact', [{ name: 'account', type: 'reference', entity: 'account', label: 'Account' }], { relations: [{ kind: 'manyToMany', name: 'tags', entity: 'tag' }] }),
    entity('tag', [{ name: 'name', type: 'string' }]),
  );

  it('draws an edge per reference and many-to-many relation, and lists references on their node', () => {
    const { nodes, edges } = entityGraph(bundle, bundleOf(entity('account', [])), text);
    expect(edges).toEqual([
      { id: 'account.parent', source: 'account', target: 'account', label: 'Parent', kind: 'reference' },
      { id: 'contact.account', source: 'contact', target: 'account', label: 'Account', kind: 'reference' },
      { id: 'contact.tags', source: 'contact', target: 'tag', label: 'tags', kind: 'manyToMany' },
    ]);
    expect(nodes.find((node) => node.id === 'contact')?.data).toEqual({ name: 'contact', label: 'CONTACT', fieldCount: 1, references: ['Account → ACCOUNT'], isNew: true, color: null, icon: null });
    expect(nodes.find((node) => node.id === 'account')?.data.isNew).toBe(false);
  });

  it('lays referring entities above the ones they refer to, without overlaps', () => {
    const { nodes } = entityGraph(bundle, bundle, text);
    const position = (id: string) => nodes.find((node) => node.id === id)?.position ?? { x: Number.NaN, y: Number.NaN };
    expect(position('contact').y).toBeLessThan(position('account').y);
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const apart = a.position.x + a.width <= b.position.x || b.position.x + b.width <= a.position.x || a.position.y + a.height <= b.position.y || b.position.y + b.height <= a.position.y;
        expect([a.id, b.id, apart]).toEqual([a.id, b.id, true]);
      }
    }
  });

  it('ignores references to entities that are not in the bundle', () => {
    const { edges } = entityGraph(bundleOf(entity('lonely', [{ name: 'ghost', type: 'reference', entity: 'nowhere' }])), bundleOf(), text);
    expect(edges).toEqual([]);
  });
});
