// Checks every guard and action a process names against the registry: the name is registered,
// its params match the definition's JSON Schema, and the definition's own rules hold. Problems
// point into the document, e.g. "/states/proposal/on/WIN/0/guards/0/params/fields".
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema } from '../../compile/json-schema';
import type { Problem } from '../../model/problem';
import type { NamedCall, ProcessDocument, TransitionDefinition } from '../../model/process';
import { ajvErrorsToProblems, pointerOf } from '../../validate/ajv-problems';
import { allStates } from '../../validate/process-checks';
import type { ParamsCheckScope, ProcessRegistry } from '../registry/registry-types';

type CallKind = 'guard' | 'action';

const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
const validators = new WeakMap<JsonSchema, ValidateFunction>();

export function checkProcessCalls(process: ProcessDocument, registry: ProcessRegistry, scope: ParamsCheckScope): Problem[] {
  const problems: Problem[] = [];
  const check = (calls: readonly NamedCall[] | undefined, kind: CallKind, path: string): void => {
    (calls ?? []).forEach((call, index) => problems.push(...checkCall(call, kind, registry, scope, pointerOf(path, index))));
  };
  for (const { state, path } of allStates(process.states)) {
    check(state.entry, 'action', pointerOf(path, 'entry'));
    check(state.exit, 'action', pointerOf(path, 'exit'));
    for (const [event, transitions] of Object.entries(state.on ?? {})) {
      const list: TransitionDefinition[] = Array.isArray(transitions) ? transitions : [transitions];
      list.forEach((transition, index) => {
        const at = Array.isArray(transitions) ? pointerOf(path, 'on', event, index) : pointerOf(path, 'on', event);
        check(transition.guards, 'guard', pointerOf(at, 'guards'));
        check(transition.actions, 'action', pointerOf(at, 'actions'));
      });
    }
    (state.after ?? []).forEach((timer, index) => {
      const at = pointerOf(path, 'after', index);
      check(timer.guards, 'guard', pointerOf(at, 'guards'));
      check(timer.actions, 'action', pointerOf(at, 'actions'));
      (timer.branches ?? []).forEach((branch, branchIndex) => {
        check(branch.guards, 'guard', pointerOf(at, 'branches', branchIndex, 'guards'));
        check(branch.actions, 'action', pointerOf(at, 'branches', branchIndex, 'actions'));
      });
      (timer.reminders ?? []).forEach((reminder, reminderIndex) => check(reminder.actions, 'action', pointerOf(at, 'reminders', reminderIndex, 'actions')));
    });
  }
  return problems;
}

function checkCall(call: NamedCall, kind: CallKind, registry: ProcessRegistry, scope: ParamsCheckScope, path: string): Problem[] {
  const definitions = kind === 'guard' ? registry.guards : registry.actions;
  const definition = Object.prototype.hasOwnProperty.call(definitions, call.name) ? definitions[call.name] : undefined;
  if (!definition) {
    return [{ path: pointerOf(path, 'name'), message: `"${call.name}" is not a registered ${kind} (${kind}s: ${Object.keys(definitions).join(', ')})`, code: kind === 'guard' ? 'unknownGuard' : 'unknownAction' }];
  }
  const params = call.params ?? {};
  const paramsPath = pointerOf(path, 'params');
  const validate = validatorOf(definition.paramsSchema);
  // An `if` error only says which `then` failed; that `then`'s own error says what is wrong.
  if (!validate(params)) return ajvErrorsToProblems(validate.errors?.filter((error) => error.keyword !== 'if')).map((problem) => ({ ...problem, path: paramsPath + problem.path }));
  return (definition.checkParams?.(params, scope) ?? []).map((problem) => ({ ...problem, path: paramsPath + problem.path }));
}

function validatorOf(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}
