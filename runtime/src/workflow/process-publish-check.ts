// A publish (API, CLI, start) must not make a process live that the workflow runtime could not
// compile: every guard and action a process names is checked against the registry the runtime
// runs (built-ins plus pack hooks) — name, params schema and the definition's own rules, such as
// a notification placeholder naming a field — with paths from the bundle's root.
import { checkProcessCalls, createProcessRegistry, type MetadataBundle, type Problem, type RegistryExtension } from '@stagecraft/core';
import type { BundleCheck } from '@stagecraft/metadata';

export function processCallsCheck(extensions: readonly RegistryExtension[] = []): BundleCheck {
  const registry = createProcessRegistry(...extensions);
  return (bundle: MetadataBundle): Problem[] =>
    Object.entries(bundle.processes).flatMap(([key, process]) => {
      const entity = bundle.entities[process.entity];
      return checkProcessCalls(process, registry, { ...(entity ? { entity } : {}), bundle }).map((problem) => ({ ...problem, path: `/processes/${escapePointer(key)}${problem.path}` }));
    });
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
