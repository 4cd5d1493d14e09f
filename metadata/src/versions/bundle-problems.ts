// Checks a bundle that did not come from the loader (the designer, a draft, an API call) before
// it can be published: every document on its own, then the bundle as a whole. Paths start at
// the bundle's root, e.g. `/entities/account/fields/2/type`.
import { validateBundle, validateDocument } from '@stagecraft/core';
import type { MetadataBundle, Problem } from '@stagecraft/core';

const COLLECTIONS = [
  { key: 'entities', documentKind: 'entity', kinds: ['entity'] },
  { key: 'layouts', documentKind: 'layout', kinds: ['form', 'list', 'board'] },
  { key: 'processes', documentKind: 'process', kinds: ['process'] },
  { key: 'permissions', documentKind: 'permissionSet', kinds: ['permissionSet'] },
  { key: 'reports', documentKind: 'report', kinds: ['report'] },
] as const;
/** Collections a bundle may leave out: published before they existed. */
const OPTIONAL_COLLECTIONS: ReadonlySet<string> = new Set(['permissions', 'reports']);

export function bundleProblems(bundle: MetadataBundle): Problem[] {
  const shape = shapeProblems(bundle);
  if (shape.length > 0) return shape;

  const problems: Problem[] = [];
  for (const collection of COLLECTIONS) {
    for (const [name, document] of Object.entries((bundle[collection.key] ?? {}) as Record<string, unknown>)) {
      const base = `/${collection.key}/${escapePointer(name)}`;
      const kind = typeof document === 'object' && document !== null ? (document as { kind?: unknown }).kind : undefined;
      if (!(collection.kinds as readonly unknown[]).includes(kind)) {
        problems.push({ path: `${base}/kind`, code: 'misplacedDocument', message: `must be one of: ${collection.kinds.join(', ')}` });
        continue;
      }
      problems.push(...validateDocument(document).problems.map((problem) => ({ ...problem, path: `${base}${problem.path}` })));
    }
  }
  // Cross-document rules assume valid documents; checking broken ones would only echo them.
  if (problems.length > 0) return problems;

  const keyOf = Object.fromEntries(COLLECTIONS.map((collection) => [collection.documentKind, collection.key]));
  return validateBundle(bundle).map((problem): Problem => {
    const located: Problem = { path: `/${keyOf[problem.documentKind] ?? ''}/${escapePointer(problem.documentName)}${problem.path}`, message: problem.message };
    if (problem.code !== undefined) located.code = problem.code;
    return located;
  });
}

function shapeProblems(bundle: unknown): Problem[] {
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return [{ path: '', code: 'type', message: 'must be an object with packs, entities, layouts and processes' }];
  const record = bundle as Record<string, unknown>;
  const problems: Problem[] = [];
  if (!Array.isArray(record.packs)) problems.push({ path: '/packs', code: 'type', message: 'must be an array of { name, version }' });
  for (const { key } of COLLECTIONS) {
    const value = record[key];
    if (value === undefined && OPTIONAL_COLLECTIONS.has(key)) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push({ path: `/${key}`, code: 'type', message: 'must be an object keyed by document name' });
  }
  return problems;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
