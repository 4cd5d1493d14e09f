// Orders packs so every pack comes after the packs it depends on, and reports dependencies that
// are missing, whose version does not satisfy the declared semver range, or that form a cycle.
import semver from 'semver';
import type { PackManifest, Problem } from '@stagecraft/core';

export interface OrderablePack {
  manifest: PackManifest;
  /** The manifest's path as shown in problems. */
  manifestFile: string;
}

/** Dependencies first; otherwise the order given, so the result is deterministic. */
export function orderPacks<T extends OrderablePack>(packs: readonly T[]): { ordered: T[]; problems: Problem[] } {
  const byName = new Map(packs.map((pack) => [pack.manifest.name, pack]));
  const problems: Problem[] = [];
  const usableDependencies = new Map<T, T[]>();

  for (const pack of packs) {
    const usable: T[] = [];
    for (const [name, range] of Object.entries(pack.manifest.dependencies ?? {})) {
      const problem = dependencyProblem(byName.get(name)?.manifest, name, range);
      if (problem) problems.push({ ...problem, file: pack.manifestFile, path: dependencyPath(name) });
      const dependency = byName.get(name);
      if (dependency) usable.push(dependency);
    }
    usableDependencies.set(pack, usable);
  }

  const ordered: T[] = [];
  const state = new Map<T, 'visiting' | 'done'>();
  const visit = (pack: T, trail: T[]): void => {
    if (state.get(pack) === 'done') return;
    if (state.get(pack) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(pack)), pack].map((member) => member.manifest.name);
      const from = trail[trail.length - 1] ?? pack;
      problems.push({ file: from.manifestFile, path: dependencyPath(pack.manifest.name), code: 'dependencyCycle', message: `dependency cycle: ${cycle.join(' → ')}` });
      return;
    }
    state.set(pack, 'visiting');
    for (const dependency of usableDependencies.get(pack) ?? []) visit(dependency, [...trail, pack]);
    state.set(pack, 'done');
    ordered.push(pack);
  };
  for (const pack of packs) visit(pack, []);
  return { ordered, problems };
}

function dependencyProblem(dependency: PackManifest | undefined, name: string, range: string): Omit<Problem, 'path'> | undefined {
  if (!semver.validRange(range)) return { code: 'invalidRange', message: `"${range}" is not a valid semver range` };
  if (!dependency) return { code: 'missingDependency', message: `depends on pack "${name}" (${range}), which is not loaded` };
  if (!semver.satisfies(dependency.version, range, { includePrerelease: true })) {
    return { code: 'dependencyVersion', message: `depends on pack "${name}" ${range}, but version ${dependency.version} is loaded` };
  }
  return undefined;
}

/** JSON Pointer of a dependency entry; names may hold "/" or "~" (e.g. scoped names). */
function dependencyPath(name: string): string {
  return `/dependencies/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
