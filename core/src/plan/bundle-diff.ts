// What changed between two metadata bundles, per document kind, in Twenty's shape:
// `{ created, deleted, updated: { from, to } }`, with field-level detail for entities.
// Pure and deterministic: names are visited in code-point order, fields in document order.
import type { EntityDocument } from '../model/entity';
import type { FieldDefinition } from '../model/field';
import type { LayoutDocument } from '../model/layout';
import { permissionSetsOf, reportsOf, type MetadataBundle, type PackManifest } from '../model/pack';
import type { PermissionSetDocument } from '../model/permission';
import type { ProcessDocument } from '../model/process';
import type { ReportDocument } from '../model/report';

export interface DocumentChange<T> {
  from: T;
  to: T;
}

export interface DocumentsDiff<T> {
  created: T[];
  deleted: T[];
  updated: Array<DocumentChange<T>>;
}

/** Fields matched by name, or through `renamedFrom` (then `from.name !== to.name`). */
export type FieldsDiff = DocumentsDiff<FieldDefinition>;

export interface EntityChange extends DocumentChange<EntityDocument> {
  fields: FieldsDiff;
}

export type PackReference = Pick<PackManifest, 'name' | 'version'>;

export interface MetadataDiff {
  packs: DocumentsDiff<PackReference>;
  entities: { created: EntityDocument[]; deleted: EntityDocument[]; updated: EntityChange[] };
  layouts: DocumentsDiff<LayoutDocument>;
  processes: DocumentsDiff<ProcessDocument>;
  permissions: DocumentsDiff<PermissionSetDocument>;
  reports: DocumentsDiff<ReportDocument>;
}

/** Compares `from` (null: nothing published yet) with `to`. */
export function diffBundles(from: MetadataBundle | null, to: MetadataBundle): MetadataDiff {
  const packsOf = (bundle: MetadataBundle | null): Record<string, PackReference> =>
    Object.fromEntries((bundle?.packs ?? []).map((pack) => [pack.name, { name: pack.name, version: pack.version }]));
  const entities = diffNamed(from?.entities ?? {}, to.entities, (entity) => entity.renamedFrom);
  return {
    packs: diffNamed(packsOf(from), packsOf(to), () => undefined),
    entities: {
      created: entities.created,
      deleted: entities.deleted,
      updated: entities.updated.map((change) => ({ ...change, fields: diffFields(change.from.fields, change.to.fields) })),
    },
    layouts: diffNamed(from?.layouts ?? {}, to.layouts, () => undefined),
    processes: diffNamed(from?.processes ?? {}, to.processes, () => undefined),
    permissions: diffNamed(from ? permissionSetsOf(from) : {}, permissionSetsOf(to), () => undefined),
    reports: diffNamed(from ? reportsOf(from) : {}, reportsOf(to), () => undefined),
  };
}

export function diffFields(from: readonly FieldDefinition[], to: readonly FieldDefinition[]): FieldsDiff {
  const byName = (fields: readonly FieldDefinition[]): Record<string, FieldDefinition> =>
    Object.fromEntries(fields.map((field) => [field.name, field]));
  const diff = diffNamed(byName(from), byName(to), (field) => field.renamedFrom);
  // Document order reads naturally in a publish preview; diffNamed sorted by name.
  const positionIn = (fields: readonly FieldDefinition[]) => (field: FieldDefinition) => fields.findIndex((candidate) => candidate.name === field.name);
  const toPosition = positionIn(to);
  const fromPosition = positionIn(from);
  return {
    created: [...diff.created].sort((a, b) => toPosition(a) - toPosition(b)),
    deleted: [...diff.deleted].sort((a, b) => fromPosition(a) - fromPosition(b)),
    updated: [...diff.updated].sort((a, b) => toPosition(a.to) - toPosition(b.to)),
  };
}

export function isEmptyDiff(diff: MetadataDiff): boolean {
  const kinds: Array<DocumentsDiff<unknown>> = [diff.packs, diff.entities, diff.layouts, diff.processes, diff.permissions, diff.reports];
  return kinds.every((kind) => kind.created.length === 0 && kind.deleted.length === 0 && kind.updated.length === 0);
}

/** Counts per kind, for summaries such as "2 entities changed". */
export function countChanges(diff: MetadataDiff): number {
  const kinds: Array<DocumentsDiff<unknown>> = [diff.packs, diff.entities, diff.layouts, diff.processes, diff.permissions, diff.reports];
  return kinds.reduce((total, kind) => total + kind.created.length + kind.deleted.length + kind.updated.length, 0);
}

/**
 * Pairs documents by name; a `to` document whose previous name (`renamedFrom`) names an
 * unpaired `from` document is an update of it rather than a creation plus a deletion.
 */
function diffNamed<T>(from: Record<string, T>, to: Record<string, T>, previousNameOf: (document: T) => string | undefined): DocumentsDiff<T> {
  const diff: DocumentsDiff<T> = { created: [], deleted: [], updated: [] };
  const claimed = new Set<string>();
  const toNames = Object.keys(to).sort(compareText);
  const fromNames = Object.keys(from).sort(compareText);
  for (const name of toNames) {
    const target = to[name] as T;
    const previous = previousNameOf(target);
    const sourceName = Object.hasOwn(from, name)
      ? name
      : previous !== undefined && Object.hasOwn(from, previous) && !Object.hasOwn(to, previous) && !claimed.has(previous)
        ? previous
        : undefined;
    if (sourceName === undefined) {
      diff.created.push(target);
      continue;
    }
    claimed.add(sourceName);
    const source = from[sourceName] as T;
    if (canonicalJson(source) !== canonicalJson(target)) diff.updated.push({ from: source, to: target });
  }
  for (const name of fromNames) if (!claimed.has(name)) diff.deleted.push(from[name] as T);
  return diff;
}

/** JSON with object keys sorted, so key order never counts as a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) => {
    if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) return nested;
    const entries = Object.entries(nested as Record<string, unknown>).sort(([a], [b]) => compareText(a, b));
    return Object.fromEntries(entries);
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
