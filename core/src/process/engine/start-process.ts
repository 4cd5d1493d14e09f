// startProcess: the process of a new record — XState's pure initial transition, the initial
// states' required fields, entry effects and the first timers.
import { initialTransition } from 'xstate';
import type { CompiledProcess } from '../compile/compiled-process';
import { completeStep } from './apply-transition';
import { missingFieldsToEnter, requiredFieldReasons } from './guard-evaluation';
import { activeStatePaths, type ProcessStateValue } from './process-snapshot';
import { stepContextOf, type StepInput } from './step-input';
import type { StepResult } from './step-result';
import { openLedger } from './timer-ledger';

export const START_EVENT = 'stagecraft.start';

export function startProcess(compiled: CompiledProcess, input: StepInput): StepResult {
  const context = stepContextOf(compiled, input);
  const [next, actions] = initialTransition(compiled.machine);
  const entered = activeStatePaths(next.value as ProcessStateValue).flatMap((path) => compiled.tree.byPath.get(path) ?? []);
  const missing = missingFieldsToEnter(entered, context);
  if (missing.length > 0) {
    return { ok: false, error: 'guardFailed', event: START_EVENT, allowedEvents: [], reasons: requiredFieldReasons(missing, context, input.locale) };
  }
  return completeStep(compiled, { next, actions, previousStateValue: null }, context, openLedger({}, 0), START_EVENT);
}
