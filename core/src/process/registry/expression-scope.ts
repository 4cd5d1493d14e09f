// How guards and actions read expressions: the scope is the record's fields plus `user`
// ({ id, roles }), and `today()` / `now()` read the step's clock — the same on server and browser.
import { compileExpression } from '../../expr/compile';
import { checkExpression } from '../../expr/check';
import type { Problem } from '../../model/problem';
import { pointerOf } from '../../validate/ajv-problems';
import { expressionScopeOf, fieldOf } from '../../validate/entity-lookup';
import type { ParamsCheckScope, StepContext } from './registry-types';

export const USER_SCOPE_NAME = 'user';

export function evaluateInStep(expression: string, context: StepContext): unknown {
  const scope = { ...context.record, [USER_SCOPE_NAME]: { id: context.user.id, roles: [...context.user.roles] } };
  return compileExpression(expression).evaluate(scope, { now: context.now });
}

/** Literal values overlaid with evaluated expressions (expressions win). */
export function valuesWithExpressions(values: Readonly<Record<string, unknown>> | undefined, expressions: Readonly<Record<string, string>> | undefined, context: StepContext): Record<string, unknown> {
  const result: Record<string, unknown> = { ...(values ?? {}) };
  for (const [field, expression] of Object.entries(expressions ?? {})) result[field] = evaluateInStep(expression, context);
  return result;
}

/** Problems of an expression at `path`; names are checked against the entity when it is known. */
export function checkStepExpression(expression: string, scope: ParamsCheckScope, path: string): Problem[] {
  const known = scope.entity ? new Set([...expressionScopeOf(scope.entity), USER_SCOPE_NAME]) : undefined;
  return checkExpression(expression, known).map((problem) => ({ ...problem, path: path + problem.path }));
}

/** Problems for names that are not fields of `entity` (nothing to check without one). */
export function checkFieldNames(names: readonly string[], entityName: string | undefined, scope: ParamsCheckScope, pathOf: (name: string, index: number) => string): Problem[] {
  const entity = entityName === undefined ? scope.entity : scope.bundle?.entities[entityName];
  if (!entity) return [];
  return names
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !fieldOf(entity, name))
    .map(({ name, index }) => ({ path: pathOf(name, index), message: `"${name}" is not a field of ${entity.name}`, code: 'unknownField' }));
}

export function checkExpressionMap(expressions: Readonly<Record<string, string>> | undefined, scope: ParamsCheckScope, basePath: string): Problem[] {
  return Object.entries(expressions ?? {}).flatMap(([field, expression]) => checkStepExpression(expression, scope, pointerOf(basePath, field)));
}
