// A published bundle → CompiledMetadata: every entity compiled, then the cross-entity facts
// (which references and link tables point at each entity) that deletes need.
import { resolveBundle, type LayoutDocument, type MetadataBundle } from '@stagecraft/core';
import type { CompiledEntity, CompiledMetadata } from './compiled-types';
import { compileEntity, type Quote } from './compile-entity';
import { createRecordAjv } from './record-validators';

export interface VersionIdentity {
  number: number;
  hash: string;
}

export function compileMetadata(published: MetadataBundle, version: VersionIdentity | null, quote: Quote): CompiledMetadata {
  // Every default is filled here, once per version; the rest of the runtime reads resolved metadata.
  const bundle = resolveBundle(published);
  const ajv = createRecordAjv();
  const entities = new Map<string, CompiledEntity>();
  for (const document of Object.values(bundle.entities)) entities.set(document.name, compileEntity(document, quote, ajv));
  for (const entity of entities.values()) {
    for (const reference of entity.references) {
      entities.get(reference.target)?.inboundReferences.push({ entity: entity.name, field: reference.field, onDelete: reference.onDelete });
    }
    for (const relation of entity.relations.values()) {
      if (relation.kind === 'manyToMany') entities.get(relation.entity)?.inboundLinkTables.push(relation.tableSql);
    }
  }
  const layouts = new Map<string, LayoutDocument>(Object.values(bundle.layouts).map((layout) => [layout.name, layout]));
  return { version: version?.number ?? null, hash: version?.hash ?? null, bundle, entities, layouts, derived: new Map() };
}

/** Computes a derived document once per version (JSON Schemas, OpenAPI). */
export function derivedOnce<T>(metadata: CompiledMetadata, key: string, compute: () => T): T {
  if (metadata.derived.has(key)) return metadata.derived.get(key) as T;
  const value = compute();
  metadata.derived.set(key, value);
  return value;
}
