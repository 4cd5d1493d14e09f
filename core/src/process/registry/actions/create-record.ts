// Built-in action "createRecord": creates a related record (a task, an activity, a follow-up) in
// the transition's transaction, with literal values and expressions over the current record.
import { checkExpressionMap, checkFieldNames, valuesWithExpressions } from '../expression-scope';
import type { ActionDefinition } from '../registry-types';
import { ENTITY_NAME, FIELD_EXPRESSIONS, FIELD_VALUES } from '../schema-parts';

export type CreateRecordParams = { entity: string; values?: Record<string, unknown>; expressions?: Record<string, string> };
export type CreateRecordEffect = { entity: string; values: Record<string, unknown> };

export const createRecordAction: ActionDefinition<CreateRecordParams> = {
  key: 'createRecord',
  label: { en: 'Create a record', 'zh-CN': '创建记录' },
  delivery: 'transaction',
  paramsSchema: {
    type: 'object',
    properties: { entity: ENTITY_NAME, values: FIELD_VALUES, expressions: FIELD_EXPRESSIONS },
    required: ['entity'],
    additionalProperties: false,
  },
  checkParams(params, scope) {
    if (scope.bundle && !scope.bundle.entities[params.entity]) {
      return [{ path: '/entity', message: `"${params.entity}" is not an entity (entities: ${Object.keys(scope.bundle.entities).join(', ')})`, code: 'unknownEntity' }];
    }
    return [
      ...checkFieldNames(Object.keys(params.values ?? {}), params.entity, scope, (name) => `/values/${name}`),
      ...checkFieldNames(Object.keys(params.expressions ?? {}), params.entity, scope, (name) => `/expressions/${name}`),
      ...checkExpressionMap(params.expressions, scope, '/expressions'),
    ];
  },
  resolveParams: (params, context): CreateRecordEffect => ({ entity: params.entity, values: valuesWithExpressions(params.values, params.expressions, context) }),
};
