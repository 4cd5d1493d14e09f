// Built-in action "assignOwner": sets a user field (default "owner") to a fixed user, round-robin
// or least-loaded over a team, or by the first matching rule. Rules and team fields are resolved
// here, so the runtime only picks a member of a team in its transaction.
import { fieldOf } from '../../../validate/entity-lookup';
import { checkStepExpression, evaluateInStep } from '../expression-scope';
import { isTruthy } from '../../../expr/values';
import type { ActionDefinition, StepContext } from '../registry-types';
import { EXPRESSION, FIELD_NAME } from '../schema-parts';
import type { Problem } from '../../../model/problem';

export type TeamStrategy = 'roundRobin' | 'leastLoaded';
export type AssignmentRule = { when: string; user?: string; team?: string; strategy?: TeamStrategy };
export type AssignOwnerParams = {
  strategy: 'user' | TeamStrategy | 'rule';
  field?: string;
  user?: string;
  team?: string;
  /** A field of the record naming the team (e.g. the queue a ticket was routed to). */
  teamField?: string;
  rules?: AssignmentRule[];
};
/** What the runtime receives. `none`: no rule matched, leave the field as it is. */
export type AssignOwnerEffect =
  | { field: string; strategy: 'user'; user: string; rule?: number }
  | { field: string; strategy: TeamStrategy; team: string; rule?: number }
  | { field: string; strategy: 'none' };

const TEAM = { type: 'string', minLength: 1 } as const;

export const assignOwnerAction: ActionDefinition<AssignOwnerParams> = {
  key: 'assignOwner',
  label: { en: 'Assign owner', 'zh-CN': '分配负责人' },
  delivery: 'transaction',
  paramsSchema: {
    type: 'object',
    properties: {
      strategy: { enum: ['user', 'roundRobin', 'leastLoaded', 'rule'] },
      field: { ...FIELD_NAME, description: 'The user field to set (default "owner").' },
      user: { type: 'string', minLength: 1 },
      team: TEAM,
      teamField: FIELD_NAME,
      rules: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: { when: EXPRESSION, user: { type: 'string', minLength: 1 }, team: TEAM, strategy: { enum: ['roundRobin', 'leastLoaded'] } },
          required: ['when'],
          oneOf: [{ required: ['user'] }, { required: ['team'] }],
          additionalProperties: false,
        },
      },
    },
    required: ['strategy'],
    additionalProperties: false,
    allOf: [
      { if: { properties: { strategy: { const: 'user' } } }, then: { required: ['user'] } },
      { if: { properties: { strategy: { enum: ['roundRobin', 'leastLoaded'] } } }, then: { oneOf: [{ required: ['team'] }, { required: ['teamField'] }] } },
      { if: { properties: { strategy: { const: 'rule' } } }, then: { required: ['rules'] } },
    ],
  },
  checkParams(params, scope) {
    const problems: Problem[] = [];
    const field = params.field ?? 'owner';
    if (scope.entity && fieldOf(scope.entity, field)?.type !== 'user') problems.push({ path: '/field', message: `"${field}" must be a user field of ${scope.entity.name}`, code: 'invalidField' });
    if (scope.entity && params.teamField !== undefined && !fieldOf(scope.entity, params.teamField)) problems.push({ path: '/teamField', message: `"${params.teamField}" is not a field of ${scope.entity.name}`, code: 'unknownField' });
    (params.rules ?? []).forEach((rule, index) => problems.push(...checkStepExpression(rule.when, scope, `/rules/${index}/when`)));
    return problems;
  },
  resolveParams: (params, context): AssignOwnerEffect => resolveAssignment(params, context),
};

function resolveAssignment(params: AssignOwnerParams, context: StepContext): AssignOwnerEffect {
  const field = params.field ?? 'owner';
  if (params.strategy === 'user') return { field, strategy: 'user', user: params.user ?? '' };
  if (params.strategy !== 'rule') {
    const team = params.team ?? String(params.teamField === undefined ? '' : context.record[params.teamField] ?? '');
    return team === '' ? { field, strategy: 'none' } : { field, strategy: params.strategy, team };
  }
  const index = (params.rules ?? []).findIndex((rule) => isTruthy(evaluateInStep(rule.when, context)));
  const rule = params.rules?.[index];
  if (!rule) return { field, strategy: 'none' };
  if (rule.user !== undefined) return { field, strategy: 'user', user: rule.user, rule: index };
  return { field, strategy: rule.strategy ?? 'roundRobin', team: rule.team ?? '', rule: index };
}
