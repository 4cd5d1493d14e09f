// Which records point at a record: the entity's declared hasMany relations, plus any other
// entity (the user may see) with a reference field to it that no relation names yet.
import type { EntityDocument } from '../api/types';
import { metadata } from '../metadata/metadata';

export interface RelatedList {
  key: string;
  entity: EntityDocument;
  /** The reference field on the related entity that holds this record's id. */
  field: string;
  label: EntityDocument['label'];
}

export async function relatedListsOf(entity: EntityDocument): Promise<RelatedList[]> {
  const summaries = await metadata.entities();
  const documents = await Promise.all(summaries.map((summary) => metadata.entity(summary.name).catch(() => undefined)));
  const byName = new Map(documents.flatMap((document) => (document ? [[document.name, document]] : [])));
  const lists: RelatedList[] = [];
  const covered = new Set<string>();
  for (const relation of entity.relations ?? []) {
    if (relation.kind !== 'hasMany') continue;
    const related = byName.get(relation.entity);
    if (!related || !related.fields.some((field) => field.name === relation.field)) continue;
    lists.push({ key: relation.name, entity: related, field: relation.field, label: relation.label ?? related.pluralLabel ?? related.label });
    covered.add(`${relation.entity}.${relation.field}`);
  }
  for (const related of byName.values()) {
    for (const field of related.fields) {
      if (field.type !== 'reference' || field.entity !== entity.name || covered.has(`${related.name}.${field.name}`)) continue;
      // A self reference (parent account) is a relation the metadata names when it wants it shown.
      if (related.name === entity.name) continue;
      lists.push({ key: `${related.name}.${field.name}`, entity: related, field: field.name, label: related.pluralLabel ?? related.label });
    }
  }
  return lists;
}
