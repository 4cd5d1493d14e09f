import { FIELD_TYPES } from '@stagecraft/core';
import type { MetadataBundle } from '@stagecraft/core';
import { loadPacks } from '../load';
import { bundleProblems } from './bundle-problems';

let example: MetadataBundle;

beforeAll(async () => {
  example = (await loadPacks(['tests/fixtures/packs/example'])).bundle;
});

function copy(): MetadataBundle {
  return JSON.parse(JSON.stringify(example)) as MetadataBundle;
}

describe('bundleProblems', () => {
  it('finds nothing wrong with the example pack', () => {
    expect(bundleProblems(example)).toEqual([]);
  });

  it('checks each document on its own, with paths from the bundle root', () => {
    const bundle = copy() as unknown as { entities: { tag: { fields: Array<{ type: string }> } }; layouts: { accountList: { kind: string } } };
    (bundle.entities.tag.fields[1] as { type: string }).type = 'colour';
    bundle.layouts.accountList.kind = 'entity';
    expect(bundleProblems(bundle as unknown as MetadataBundle)).toEqual([
      expect.objectContaining({ path: '/entities/tag/fields/1/type', message: `must be one of: ${FIELD_TYPES.join(', ')}` }),
      { path: '/layouts/accountList/kind', code: 'misplacedDocument', message: 'must be one of: form, list, board' },
    ]);
  });

  it('checks references between documents once every document is valid', () => {
    const bundle = copy();
    delete bundle.entities.tag;
    const paths = bundleProblems(bundle).map((problem) => problem.path);
    expect(paths.length).toBeGreaterThan(0);
    // The relation to tags, and the permission sets granting access to tags.
    expect(paths.every((path) => path.startsWith('/entities/account/relations/') || /^\/permissions\/\w+\/entities\/tag$/.test(path))).toBe(true);
    expect(paths).toContain('/permissions/salesRep/entities/tag');
  });

  it('reports a bundle of the wrong shape instead of failing on it', () => {
    expect(bundleProblems({ packs: {}, entities: [] } as unknown as MetadataBundle).map((problem) => problem.path)).toEqual(['/packs', '/entities', '/layouts', '/processes']);
  });
});
