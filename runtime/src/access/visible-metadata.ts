// Entity metadata as one actor may see it. Metadata describes shape, not data, but a hidden field
// is "unknown to you" on every read path (400 unknownField, as for a field that does not exist),
// so the entity document and JSON Schema an actor gets leave out what their policy hides, and an
// entity they may neither read nor create is not listed and answers 404 like an unknown one.
// Administrators see everything. Derived once per compiled policy (WeakMap on the entity access).
import type { EntityAccess, EntityDocument, MetadataBundle } from '@stagecraft/core';

const documentsByAccess = new WeakMap<EntityAccess, EntityDocument>();

/** Whether the actor may know the entity: they may read or create some of its records. */
export function isEntityVisible(access: EntityAccess): boolean {
  return access.can('read') || access.can('create');
}

export function visibleEntityDocument(document: EntityDocument, access: EntityAccess): EntityDocument {
  if (access.hiddenFields.size === 0) return document;
  const cached = documentsByAccess.get(access);
  if (cached) return cached;
  const isVisible = (name: string): boolean => !access.hiddenFields.has(name);
  const visible: EntityDocument = { ...document, fields: document.fields.filter((field) => isVisible(field.name)) };
  if (document.relations) visible.relations = document.relations.filter((relation) => isVisible(relation.name));
  if (document.searchFields) visible.searchFields = document.searchFields.filter(isVisible);
  if (document.indexes) visible.indexes = document.indexes.filter((index) => index.fields.every(isVisible));
  if (document.displayField !== undefined && !isVisible(document.displayField)) delete visible.displayField;
  if (document.handover) visible.handover = { relations: document.handover.relations.filter((relation) => isVisible(relation.relation)) };
  documentsByAccess.set(access, visible);
  return visible;
}

/**
 * The bundle as one actor may see it, for documents compiled from a whole bundle (the OpenAPI
 * document): only the entities they may know, each without its hidden fields, relations to
 * entities they may not know and the processes of those entities. Layouts, reports and
 * permission sets are kept (they hold no record values).
 */
export function visibleBundle(bundle: MetadataBundle, accessOf: (entity: string) => EntityAccess): MetadataBundle {
  const documents = Object.values(bundle.entities).flatMap((document) => {
    const access = accessOf(document.name);
    return isEntityVisible(access) ? [visibleEntityDocument(document, access)] : [];
  });
  const known = new Set(documents.map((document) => document.name));
  const entities = Object.fromEntries(documents.map((document) => {
    const relations = document.relations?.filter((relation) => known.has(relation.entity));
    return [document.name, relations === undefined || relations.length === document.relations?.length ? document : { ...document, relations }];
  }));
  const processes = Object.fromEntries(Object.entries(bundle.processes).filter(([, process]) => known.has(process.entity)));
  return { ...bundle, entities, processes };
}
