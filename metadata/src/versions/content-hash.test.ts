import type { MetadataBundle } from '@stagecraft/core';
import { canonicalJson, contentHashOf } from './content-hash';

const bundle: MetadataBundle = {
  packs: [{ name: 'example', version: '1.0.0' }],
  entities: { tag: { kind: 'entity', name: 'tag', label: { en: 'Tag', 'zh-CN': '标签' }, fields: [{ name: 'name', type: 'string' }] } },
  layouts: {},
  processes: {},
};

describe('contentHashOf', () => {
  it('sorts keys at every level but keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  it('is the same whatever the key order, and changes with the content', () => {
    const reordered: MetadataBundle = {
      processes: {},
      layouts: {},
      entities: { tag: { fields: [{ type: 'string', name: 'name' }], label: { 'zh-CN': '标签', en: 'Tag' }, name: 'tag', kind: 'entity' } },
      packs: [{ version: '1.0.0', name: 'example' }],
    };
    expect(contentHashOf(reordered)).toBe(contentHashOf(bundle));
    expect(contentHashOf(bundle)).toMatch(/^[0-9a-f]{64}$/);
    const changed: MetadataBundle = { ...bundle, packs: [{ name: 'example', version: '1.0.1' }] };
    expect(contentHashOf(changed)).not.toBe(contentHashOf(bundle));
  });
});
