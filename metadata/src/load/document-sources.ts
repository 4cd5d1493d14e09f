// Which file each document of a bundle came from, so problems found on the bundle as a whole
// (references between documents) can still name the file a person has to edit.
import type { Problem } from '@stagecraft/core';

export interface DocumentSources {
  /** Pack name → its pack.json. */
  packs: Record<string, string>;
  /** Entity name → file. */
  entities: Record<string, string>;
  /** Layout name → file. */
  layouts: Record<string, string>;
  /** Process name → file. */
  processes: Record<string, string>;
  /** Permission set name → file. */
  permissions: Record<string, string>;
  /** Report name → file. */
  reports: Record<string, string>;
}

export type SourcedDocumentKind = 'entity' | 'layout' | 'process' | 'permissionSet' | 'report';

export function emptySources(): DocumentSources {
  return { packs: {}, entities: {}, layouts: {}, processes: {}, permissions: {}, reports: {} };
}

const SOURCE_TABLE = {
  entity: 'entities',
  layout: 'layouts',
  process: 'processes',
  permissionSet: 'permissions',
  report: 'reports',
} as const satisfies Record<SourcedDocumentKind, keyof DocumentSources>;

export function sourceOf(sources: DocumentSources, kind: SourcedDocumentKind, name: string): string | undefined {
  const table = sources[SOURCE_TABLE[kind]];
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** A bundle-level problem (path relative to its document) as a file problem. */
export function attachSource(
  sources: DocumentSources,
  problem: Problem & { documentKind: SourcedDocumentKind; documentName: string },
): Problem {
  const file = sourceOf(sources, problem.documentKind, problem.documentName);
  const located: Problem = { path: problem.path, message: problem.message };
  if (problem.code !== undefined) located.code = problem.code;
  if (file !== undefined) located.file = file;
  else located.message = `${problem.documentKind} "${problem.documentName}": ${problem.message}`;
  return located;
}
