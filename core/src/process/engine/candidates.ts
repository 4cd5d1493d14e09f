// The transitions that could handle an event in the current state, from XState's
// getNextTransitions (the state's own first, then its ancestors', every region of a parallel state).
import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import type { Locale } from '../../model/label';
import type { CompiledProcess, CompiledTransition, TransitionKind } from '../compile/compiled-process';
import type { StepContext } from '../registry/registry-types';
import { evaluateTransition, type TransitionReason, type TransitionVerdict } from './guard-evaluation';

export function candidateTransitions(compiled: CompiledProcess, machineSnapshot: AnyMachineSnapshot, kinds: readonly TransitionKind[], event?: string): CompiledTransition[] {
  const seen = new Set<string>();
  const candidates: CompiledTransition[] = [];
  for (const definition of getNextTransitions(machineSnapshot)) {
    const meta: unknown = definition.meta;
    const id = typeof meta === 'object' && meta !== null && 'transition' in meta ? String(meta.transition) : undefined;
    const transition = id === undefined ? undefined : compiled.transitions.get(id);
    if (!transition || seen.has(transition.id) || !kinds.includes(transition.kind)) continue;
    if (event !== undefined && transition.event !== event) continue;
    seen.add(transition.id);
    candidates.push(transition);
  }
  return candidates;
}

export interface JudgedTransition {
  transition: CompiledTransition;
  verdict: TransitionVerdict;
}

export function judgeAll(compiled: CompiledProcess, transitions: readonly CompiledTransition[], context: StepContext, active: readonly string[], locale?: Locale): JudgedTransition[] {
  return transitions.map((transition) => ({ transition, verdict: evaluateTransition(compiled, transition, context, active, locale) }));
}

/** The reasons of every blocked candidate, each once. */
export function reasonsOf(judged: readonly JudgedTransition[]): TransitionReason[] {
  const seen = new Set<string>();
  return judged.flatMap(({ verdict }) => verdict.reasons).filter((reason) => {
    const key = `${reason.path}\n${reason.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** User events with at least one candidate whose guards pass now. */
export function allowedEventsOf(compiled: CompiledProcess, machineSnapshot: AnyMachineSnapshot, context: StepContext, active: readonly string[]): string[] {
  const judged = judgeAll(compiled, candidateTransitions(compiled, machineSnapshot, ['event']), context, active);
  return [...new Set(judged.filter(({ verdict }) => verdict.allowed).map(({ transition }) => transition.event))];
}
