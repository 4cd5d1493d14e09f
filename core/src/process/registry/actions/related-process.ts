// Shared by "startProcess" and "signalProcess": which other record they act on, either a fixed
// id or the id held by a reference field of this record (read when the action runs).
import type { JsonSchema } from '../../../compile/json-schema';
import type { Problem } from '../../../model/problem';
import { fieldOf } from '../../../validate/entity-lookup';
import type { ParamsCheckScope, StepContext } from '../registry-types';
import { ENTITY_NAME, FIELD_NAME } from '../schema-parts';

export type RelatedRecordParams = { entity: string; recordField?: string; recordId?: string };

export const RELATED_RECORD_PROPERTIES: Record<string, JsonSchema> = {
  entity: ENTITY_NAME,
  recordField: { ...FIELD_NAME, description: 'A reference field of this record holding the other record\'s id.' },
  recordId: { type: 'string', minLength: 1, maxLength: 36 },
};
export const ONE_RECORD_SOURCE: JsonSchema[] = [{ required: ['recordField'] }, { required: ['recordId'] }];

export function checkRelatedRecord(params: RelatedRecordParams, scope: ParamsCheckScope): Problem[] {
  if (scope.bundle && !scope.bundle.entities[params.entity]) {
    return [{ path: '/entity', message: `"${params.entity}" is not an entity`, code: 'unknownEntity' }];
  }
  if (params.recordField === undefined || !scope.entity) return [];
  const field = fieldOf(scope.entity, params.recordField);
  if (field?.type !== 'reference' || field.entity !== params.entity) {
    return [{ path: '/recordField', message: `"${params.recordField}" must be a reference field of ${scope.entity.name} to ${params.entity}`, code: 'invalidField' }];
  }
  return [];
}

/** The other record's id, or null when the reference field is empty. */
export function relatedRecordId(params: RelatedRecordParams, context: StepContext): string | null {
  if (params.recordId !== undefined) return params.recordId;
  const value = params.recordField === undefined ? undefined : context.record[params.recordField];
  return typeof value === 'string' && value !== '' ? value : null;
}
