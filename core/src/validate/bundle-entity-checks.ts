// Cross-document rules for one entity: references and relations point at real entities and
// fields, and formula expressions parse and read only the entity's own fields.
import { checkExpression } from '../expr';
import type { EntityDocument } from '../model/entity';
import type { MetadataBundle } from '../model/pack';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { expressionScopeOf, fieldOf } from './entity-lookup';

export function checkEntityInBundle(entity: EntityDocument, bundle: MetadataBundle): Problem[] {
  const problems: Problem[] = [];
  const unknownEntity = (name: string): string => `"${name}" is not an entity (entities: ${Object.keys(bundle.entities).join(', ')})`;
  const scope = expressionScopeOf(entity);
  entity.fields.forEach((field, index) => {
    if (field.type === 'reference' && !bundle.entities[field.entity]) {
      problems.push({ path: pointerOf('', 'fields', index, 'entity'), message: unknownEntity(field.entity), code: 'unknownEntity' });
    }
    if (field.type === 'formula') {
      const path = pointerOf('', 'fields', index, 'expression');
      // A formula may not read itself: its own name is left out of its scope.
      const formulaScope = new Set([...scope].filter((name) => name !== field.name));
      for (const problem of checkExpression(field.expression, formulaScope)) problems.push({ ...problem, path, code: problem.code ?? 'invalidExpression' });
    }
  });
  (entity.relations ?? []).forEach((relation, index) => {
    const path = (property: string): string => pointerOf('', 'relations', index, property);
    const target = bundle.entities[relation.entity];
    if (!target) {
      problems.push({ path: path('entity'), message: unknownEntity(relation.entity), code: 'unknownEntity' });
      return;
    }
    if (relation.kind !== 'hasMany') return;
    const backReference = fieldOf(target, relation.field);
    if (!backReference) {
      problems.push({ path: path('field'), message: `"${relation.field}" is not a field of ${target.name}`, code: 'unknownField' });
    } else if (backReference.type !== 'reference' || backReference.entity !== entity.name) {
      problems.push({ path: path('field'), message: `${target.name}.${relation.field} must be a reference to ${entity.name}`, code: 'invalidRelation' });
    }
  });
  return problems;
}
