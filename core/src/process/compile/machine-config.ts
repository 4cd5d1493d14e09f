// Builds the XState v5 machine of a process with `setup({ guards, actions })`: every registry
// guard is a named guard (reading the step's facts from the event), every action a named no-op —
// the machine never runs actions, a step returns them as effects — and required fields are one
// implicit guard per transition. Targets are absolute ids, so nothing depends on XState's
// relative-target rules.
import { and, setup, type AnyStateMachine } from 'xstate';
import type { NamedCall } from '../../model/process';
import { ARM_TIMERS_ACTION, CANCEL_TIMERS_ACTION, REQUIRED_FIELDS_GUARD, RESTART_TIMERS_ACTION, type ActionSource, type EffectPhase, type MachineEvent } from '../engine/machine-event';
import type { ProcessRegistry } from '../registry/registry-types';
import { callsOf } from './collect-transitions';
import type { CompiledCall, CompiledTimer, CompiledTransition } from './compiled-process';
import type { StateNodeInfo, StateTree } from './state-tree';

type GuardReference = { type: string; params: Record<string, unknown> };
type ActionReference = { type: string; params: ActionSource | Record<string, unknown> };

interface TransitionConfig {
  target?: string;
  reenter?: boolean;
  guard?: GuardReference | ReturnType<typeof allOf>;
  actions: ActionReference[];
  meta: { transition: string };
}

interface StateConfig {
  type?: 'parallel' | 'final';
  initial?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, TransitionConfig[]>;
  entry: ActionReference[];
  exit: ActionReference[];
}

export interface MachineParts {
  name: string;
  initial: string;
  tree: StateTree;
  transitions: readonly CompiledTransition[];
  timersByState: ReadonlyMap<string, readonly CompiledTimer[]>;
  registry: ProcessRegistry;
  /** Evaluates one registry guard for the step carried by the event. */
  isGuardAllowed(name: string, params: Record<string, unknown>, event: MachineEvent): boolean;
  /** Evaluates a transition's required fields for the step carried by the event. */
  areRequiredFieldsFilled(transitionId: string, event: MachineEvent): boolean;
}

export function createProcessMachine(parts: MachineParts): AnyStateMachine {
  const guards = Object.fromEntries(Object.keys(parts.registry.guards).map((name) => [
    name, ({ event }: { event: MachineEvent }, params: Record<string, unknown>) => parts.isGuardAllowed(name, params, event),
  ]));
  guards[REQUIRED_FIELDS_GUARD] = ({ event }: { event: MachineEvent }, params: Record<string, unknown>) => parts.areRequiredFieldsFilled(String(params['transition']), event);
  const noOp = (): void => undefined;
  const actionNames = [...Object.keys(parts.registry.actions), ARM_TIMERS_ACTION, CANCEL_TIMERS_ACTION, RESTART_TIMERS_ACTION];
  const machineSetup = setup({
    types: { context: {} as Record<string, never>, events: {} as MachineEvent },
    guards,
    actions: Object.fromEntries(actionNames.map((name) => [name, noOp])),
  });
  const config = {
    id: parts.name,
    initial: parts.initial,
    context: {},
    states: Object.fromEntries(parts.tree.topLevel.map((node) => [node.name, stateConfigOf(node, parts)])),
  };
  // The config is built from validated metadata at run time, so XState's literal-inferred config
  // types cannot follow it; its shape is ours (StateConfig) and XState validates it on creation.
  return machineSetup.createMachine(config as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}

function stateConfigOf(node: StateNodeInfo, parts: MachineParts): StateConfig {
  const definition = node.definition;
  const hasTimers = (parts.timersByState.get(node.path) ?? []).length > 0;
  const on: Record<string, TransitionConfig[]> = {};
  for (const transition of parts.transitions.filter((candidate) => candidate.source === node)) {
    (on[transition.event] ??= []).push(transitionConfigOf(transition, parts.name));
  }
  return {
    ...(node.kind === 'parallel' || node.kind === 'final' ? { type: node.kind } : {}),
    ...(node.kind === 'compound' && definition.initial !== undefined ? { initial: definition.initial } : {}),
    ...(node.children.length > 0 ? { states: Object.fromEntries(node.children.map((child) => [child.name, stateConfigOf(child, parts)])) } : {}),
    ...(Object.keys(on).length > 0 ? { on } : {}),
    entry: [...actionsOf(definition.entry, node, 'entry', 'entry'), ...(hasTimers ? [{ type: ARM_TIMERS_ACTION, params: { state: node.path } }] : [])],
    exit: [...(hasTimers ? [{ type: CANCEL_TIMERS_ACTION, params: { state: node.path } }] : []), ...actionsOf(definition.exit, node, 'exit', 'exit')],
  };
}

function transitionConfigOf(transition: CompiledTransition, machineId: string): TransitionConfig {
  const guards: GuardReference[] = transition.guards.map((call) => ({ type: call.name, params: call.params }));
  if (transition.scope) guards.push({ type: REQUIRED_FIELDS_GUARD, params: { transition: transition.id } });
  const actions: ActionReference[] = transition.actions.map((call) => actionReferenceOf(call, transition.source, 'transition'));
  if (transition.kind === 'restart') actions.push({ type: RESTART_TIMERS_ACTION, params: { timers: transition.timers } });
  return {
    ...(transition.target ? { target: `#${machineId}.${transition.target.path}` } : {}),
    // XState v5 does not leave a state for a transition to itself unless told; a document that
    // names its own state as the target means "start this state over".
    ...(transition.target === transition.source ? { reenter: true } : {}),
    ...guardConfigOf(guards),
    actions,
    meta: { transition: transition.id },
  };
}

/** XState's `and`: every guard must allow the transition. */
function allOf(guards: GuardReference[]) {
  return and(guards);
}

function guardConfigOf(guards: GuardReference[]): Pick<TransitionConfig, 'guard'> {
  const [only] = guards;
  if (guards.length > 1) return { guard: allOf(guards) };
  return only ? { guard: only } : {};
}

function actionsOf(calls: readonly NamedCall[] | undefined, node: StateNodeInfo, property: string, phase: EffectPhase): ActionReference[] {
  return callsOf(calls, `${node.pointer}/${property}`).map((call) => actionReferenceOf(call, node, phase));
}

function actionReferenceOf(call: CompiledCall, node: StateNodeInfo, phase: EffectPhase): ActionReference {
  const source: ActionSource = { call: call.pointer, params: call.params, state: node.path, phase };
  return { type: call.name, params: source };
}
