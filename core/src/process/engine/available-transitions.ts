// availableTransitions: the user events of the current state for the UI — one entry per event with
// its label and target, and, when guards block it, why (so a disabled button can explain itself).
import { resolveText, type LocalisedText } from '../../model/label';
import type { CompiledProcess } from '../compile/compiled-process';
import { candidateTransitions, judgeAll, reasonsOf, type JudgedTransition } from './candidates';
import type { TransitionReason } from './guard-evaluation';
import { activeStatePaths, machineSnapshotOf, parseProcessSnapshot } from './process-snapshot';
import { stepContextOf, type StepInput } from './step-input';

export interface AvailableTransition {
  event: string;
  /** The label in the requested locale; `labelText` has every locale. */
  label: string;
  labelText: LocalisedText;
  /** Path of the state the event leads to now (absent for a transition that only runs actions). */
  target?: string;
  allowed: boolean;
  reasons: TransitionReason[];
}

export function availableTransitions(compiled: CompiledProcess, persisted: unknown, input: StepInput): AvailableTransition[] {
  const snapshot = parseProcessSnapshot(persisted, compiled);
  if (snapshot.status === 'done') return [];
  const machineSnapshot = machineSnapshotOf(compiled, snapshot.value);
  const active = activeStatePaths(snapshot.value);
  const context = stepContextOf(compiled, input);
  const byEvent = new Map<string, JudgedTransition[]>();
  for (const judged of judgeAll(compiled, candidateTransitions(compiled, machineSnapshot, ['event']), context, active, input.locale)) {
    byEvent.set(judged.transition.event, [...(byEvent.get(judged.transition.event) ?? []), judged]);
  }
  return [...byEvent].map(([event, judged]) => {
    const chosen = judged.find(({ verdict }) => verdict.allowed) ?? judged[0];
    const allowed = judged.some(({ verdict }) => verdict.allowed);
    const labelText = chosen?.transition.label ?? event;
    const target = chosen?.transition.target?.path;
    return { event, label: resolveText(labelText, input.locale), labelText, ...(target === undefined ? {} : { target }), allowed, reasons: allowed ? [] : reasonsOf(judged) };
  });
}
