// Built-in action "setFields": writes literal values and evaluated expressions to the record,
// inside the transition's transaction. Later actions of the same step see the new values.
import { checkExpressionMap, checkFieldNames, valuesWithExpressions } from '../expression-scope';
import type { ActionDefinition } from '../registry-types';
import { FIELD_EXPRESSIONS, FIELD_VALUES } from '../schema-parts';

export type SetFieldsParams = { values?: Record<string, unknown>; expressions?: Record<string, string> };
/** What the runtime receives: plain values only. */
export type SetFieldsEffect = { values: Record<string, unknown> };

export const setFieldsAction: ActionDefinition<SetFieldsParams> = {
  key: 'setFields',
  label: { en: 'Set fields', 'zh-CN': '设置字段' },
  delivery: 'transaction',
  paramsSchema: {
    type: 'object',
    properties: { values: FIELD_VALUES, expressions: FIELD_EXPRESSIONS },
    minProperties: 1,
    additionalProperties: false,
  },
  checkParams: (params, scope) => [
    ...checkFieldNames(Object.keys(params.values ?? {}), undefined, scope, (name) => `/values/${name}`),
    ...checkFieldNames(Object.keys(params.expressions ?? {}), undefined, scope, (name) => `/expressions/${name}`),
    ...checkExpressionMap(params.expressions, scope, '/expressions'),
  ],
  resolveParams: (params, context): SetFieldsEffect => ({ values: valuesWithExpressions(params.values, params.expressions, context) }),
  applyToRecord(resolved, record) {
    const values = resolved['values'];
    return typeof values === 'object' && values !== null ? { ...record, ...values } : record;
  },
};
