// What a rollback publishes: the earlier version's content, with the renames made since then
// turned around. Version 3 renamed `contractValue` to `annualValue` (its field says
// `renamedFrom: "contractValue"`); rolling back to version 2 must rename the column back, not
// add an empty `contract_value` and retire `annual_value` with the data in it. So each field (and
// entity) of the target that the live version renamed gets `renamedFrom` = its live name.
import type { EntityDocument, MetadataBundle } from '@stagecraft/core';

/** Live name → earlier name, for the renames the live documents declare. */
function renamesOf<T extends { name: string; renamedFrom?: string }>(documents: readonly T[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const document of documents) if (document.renamedFrom !== undefined && document.renamedFrom !== document.name) renames.set(document.renamedFrom, document.name);
  return renames;
}

function reversedFields(target: EntityDocument, live: EntityDocument | undefined): EntityDocument {
  if (!live) return target;
  const renamedTo = renamesOf(live.fields);
  const targetNames = new Set(target.fields.map((field) => field.name));
  const fields = target.fields.map((field) => {
    const liveName = renamedTo.get(field.name);
    // Only when the live name is not a field of the target too (then nothing was renamed away from it).
    if (liveName === undefined || targetNames.has(liveName)) return field;
    return { ...field, renamedFrom: liveName };
  });
  return { ...target, fields };
}

export function rollbackBundle(live: MetadataBundle | null, target: MetadataBundle): MetadataBundle {
  if (!live) return target;
  const liveEntities = Object.values(live.entities);
  const entityRenamedTo = renamesOf(liveEntities);
  const entities: Record<string, EntityDocument> = {};
  for (const [name, entity] of Object.entries(target.entities)) {
    const liveName = entityRenamedTo.get(name);
    const isRenamedBack = liveName !== undefined && target.entities[liveName] === undefined;
    const reversed = reversedFields(entity, live.entities[isRenamedBack ? liveName : name]);
    entities[name] = isRenamedBack ? { ...reversed, renamedFrom: liveName } : reversed;
  }
  return { ...target, entities };
}
