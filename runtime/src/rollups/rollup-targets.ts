// Which roll-up fields a child entity's writes must keep up to date: for every numeric field of
// the bundle declaring `rollup` over a hasMany relation, the parent entity, the field, and the
// child's reference field pointing at the parent. Worked out once per metadata version.
import type { FilterClause, RollupAggregate } from '@stagecraft/core';
import { rollupOf } from '@stagecraft/core';
import type { CompiledEntity, CompiledField, CompiledMetadata } from '../live/compiled-types';

export interface RollupTarget {
  parent: CompiledEntity;
  child: CompiledEntity;
  /** The parent's roll-up field. */
  field: CompiledField;
  aggregate: RollupAggregate;
  /** The child's reference to the parent. */
  foreignKey: CompiledField;
  /** The child's aggregated field (none for count). */
  source?: CompiledField;
  where: readonly FilterClause[];
}

const DERIVED_KEY = 'rollupTargetsByChild';

function compileRollupTargets(metadata: CompiledMetadata): Map<string, RollupTarget[]> {
  const byChild = new Map<string, RollupTarget[]>();
  for (const parent of metadata.entities.values()) {
    for (const field of parent.fieldList) {
      const rollup = field.definition ? rollupOf(field.definition) : undefined;
      const relation = rollup ? parent.relations.get(rollup.relation) : undefined;
      if (!rollup || relation?.kind !== 'hasMany') continue;
      const child = metadata.entities.get(relation.entity);
      const foreignKey = child?.fields.get(relation.field);
      if (!child || !foreignKey) continue;
      const target: RollupTarget = { parent, child, field, aggregate: rollup.aggregate, foreignKey, where: rollup.where ?? [] };
      const source = rollup.field === undefined ? undefined : child.fields.get(rollup.field);
      if (source) target.source = source;
      byChild.set(child.name, [...(byChild.get(child.name) ?? []), target]);
    }
  }
  return byChild;
}

/** The roll-ups a write of `child` records feeds (empty for most entities). */
export function rollupTargetsOf(metadata: CompiledMetadata, child: CompiledEntity): readonly RollupTarget[] {
  let byChild = metadata.derived.get(DERIVED_KEY) as Map<string, RollupTarget[]> | undefined;
  if (!byChild) {
    byChild = compileRollupTargets(metadata);
    metadata.derived.set(DERIVED_KEY, byChild);
  }
  return byChild.get(child.name) ?? [];
}

/** Roll-up fields of an entity and the value a record without related records has (0 for sum/count). */
export function emptyRollupValues(entity: CompiledEntity): Array<[string, number | null]> {
  const values: Array<[string, number | null]> = [];
  for (const field of entity.fieldList) {
    const rollup = field.definition ? rollupOf(field.definition) : undefined;
    if (rollup) values.push([field.name, rollup.aggregate === 'sum' || rollup.aggregate === 'count' ? 0 : null]);
  }
  return values;
}
