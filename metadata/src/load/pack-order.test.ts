import { formatProblem } from '@stagecraft/core';
import type { PackManifest } from '@stagecraft/core';
import { orderPacks } from './pack-order';

function pack(name: string, version: string, dependencies?: Record<string, string>): { manifest: PackManifest; manifestFile: string } {
  const manifest: PackManifest = { kind: 'pack', name, version };
  if (dependencies) manifest.dependencies = dependencies;
  return { manifest, manifestFile: `packs/${name}/pack.json` };
}

describe('orderPacks', () => {
  it('puts dependencies first and otherwise keeps the given order', () => {
    const { ordered, problems } = orderPacks([pack('sfa', '1.0.0', { core: '^1.2.0' }), pack('ma', '2.0.0'), pack('core', '1.4.1')]);
    expect(problems).toEqual([]);
    expect(ordered.map((entry) => entry.manifest.name)).toEqual(['core', 'sfa', 'ma']);
  });

  it('reports a version outside the range on the dependency entry', () => {
    const { problems } = orderPacks([pack('sfa', '1.0.0', { core: '^2.0.0' }), pack('core', '1.4.1')]);
    expect(problems.map(formatProblem)).toEqual(['packs/sfa/pack.json: /dependencies/core: depends on pack "core" ^2.0.0, but version 1.4.1 is loaded']);
  });

  it('reports an invalid range', () => {
    const { problems } = orderPacks([pack('sfa', '1.0.0', { core: 'not a range!' }), pack('core', '1.4.1')]);
    expect(problems.map(formatProblem)).toEqual(['packs/sfa/pack.json: /dependencies/core: "not a range!" is not a valid semver range']);
  });

  it('reports a cycle once and still returns every pack', () => {
    const { ordered, problems } = orderPacks([pack('a', '1.0.0', { b: '*' }), pack('b', '1.0.0', { c: '*' }), pack('c', '1.0.0', { a: '*' })]);
    expect(problems.map(formatProblem)).toEqual(['packs/c/pack.json: /dependencies/a: dependency cycle: a → b → c → a']);
    expect(ordered.map((entry) => entry.manifest.name).sort()).toEqual(['a', 'b', 'c']);
  });
});
