// Flattens a process document into the engine's tables: one CompiledTransition per transition,
// timer, reminder and restart event, and one CompiledTimer per timer and reminder.
import type { BusinessCalendar, NamedCall, ProcessDocument, TimerDefinition, TransitionDefinition } from '../../model/process';
import { pointerOf } from '../../validate/ajv-problems';
import { DEFAULT_CALENDAR_NAME, resolvePauseState } from '../../validate/process-timer-checks';
import type { CompiledCall, CompiledTimer, CompiledTransition } from './compiled-process';
import { resolveTarget, transitionScope, type StateNodeInfo, type StateTree } from './state-tree';
import { timerKeyOf, timerMachineEventOf } from './timer-keys';

export interface CollectedProcess {
  transitions: CompiledTransition[];
  timers: CompiledTimer[];
}

export function collectTransitions(process: ProcessDocument, tree: StateTree): CollectedProcess {
  const transitions: CompiledTransition[] = [];
  const timers: CompiledTimer[] = [];
  for (const node of tree.byPath.values()) {
    for (const [event, definitions] of Object.entries(node.definition.on ?? {})) {
      const list: TransitionDefinition[] = Array.isArray(definitions) ? definitions : [definitions];
      list.forEach((definition, index) => {
        const id = Array.isArray(definitions) ? pointerOf(node.pointer, 'on', event, index) : pointerOf(node.pointer, 'on', event);
        transitions.push(transitionOf({ id, kind: 'event', event, node, tree, definition, label: definition.label ?? event, timers: [] }));
      });
    }
    const restartKeys = new Map<string, string[]>();
    (node.definition.after ?? []).forEach((timer, index) => {
      const collected = timersOf(process, node, timer, pointerOf(node.pointer, 'after', index), tree);
      timers.push(...collected.timers);
      transitions.push(...collected.transitions);
      // A restart re-arms the timer and its reminders: they share one clock.
      for (const event of timer.restartOn ?? []) restartKeys.set(event, [...(restartKeys.get(event) ?? []), ...collected.timers.map((compiled) => compiled.key)]);
    });
    for (const [event, keys] of restartKeys) {
      transitions.push({ id: pointerOf(node.pointer, 'after', 'restartOn', event), kind: 'restart', event, source: node, label: event, guards: [], actions: [], timers: keys });
    }
  }
  return { transitions, timers };
}

function timersOf(process: ProcessDocument, node: StateNodeInfo, timer: TimerDefinition, pointer: string, tree: StateTree): CollectedProcess {
  const mainKey = timerKeyOf(process.name, node.path, timer.name);
  const pausedIn = (timer.pausedIn ?? []).map((reference) => resolvePauseState(reference, node.path, process) ?? reference);
  const calendarName = 'businessHours' in timer.delay ? timer.delay.calendar ?? DEFAULT_CALENDAR_NAME : undefined;
  const calendar: BusinessCalendar | undefined = calendarName === undefined ? undefined : process.calendars?.[calendarName];
  const clock = { state: node.path, timer: timer.name, mainKey, delay: timer.delay, pausedIn, ...(calendar && calendarName ? { calendar, calendarName } : {}) };
  const timers: CompiledTimer[] = [{ key: mainKey, ...clock }];
  const branches = timer.branches?.map((branch, index) => ({ id: pointerOf(pointer, 'branches', index), definition: branch })) ?? [{ id: pointer, definition: timer }];
  const transitions: CompiledTransition[] = branches.map(({ id, definition }) =>
    transitionOf({ id, kind: 'timer', event: timerMachineEventOf(mainKey), node, tree, definition, label: timer.name, timers: [mainKey] }));
  (timer.reminders ?? []).forEach((reminder, index) => {
    const key = timerKeyOf(process.name, node.path, timer.name, reminder.name);
    timers.push({ key, ...clock, reminder: reminder.name, percent: reminder.percent });
    transitions.push(transitionOf({
      id: pointerOf(pointer, 'reminders', index), kind: 'reminder', event: timerMachineEventOf(key), node, tree,
      definition: { actions: reminder.actions ?? [] }, label: reminder.name, timers: [key],
    }));
  });
  return { timers, transitions };
}

interface TransitionSource {
  id: string;
  kind: CompiledTransition['kind'];
  event: string;
  node: StateNodeInfo;
  tree: StateTree;
  definition: { target?: string; guards?: NamedCall[]; actions?: NamedCall[] };
  label: CompiledTransition['label'];
  timers: string[];
}

function transitionOf({ id, kind, event, node, tree, definition, label, timers }: TransitionSource): CompiledTransition {
  const target = definition.target === undefined ? undefined : resolveTarget(tree, node, definition.target);
  return {
    id, kind, event, source: node, label, timers,
    guards: callsOf(definition.guards, pointerOf(id, 'guards')),
    actions: callsOf(definition.actions, pointerOf(id, 'actions')),
    ...(target ? { target, scope: transitionScope(node, target) } : {}),
  };
}

export function callsOf(calls: readonly NamedCall[] | undefined, pointer: string): CompiledCall[] {
  return (calls ?? []).map((call, index) => ({ name: call.name, params: call.params ?? {}, pointer: pointerOf(pointer, index) }));
}
