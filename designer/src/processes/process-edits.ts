// Edits of a process document, as plain functions on a draft copy: add and remove states,
// transitions and timers, find what a JSON pointer names. The canvas and its panels call these
// inside a draft change, so every edit is one undoable step. Removing a state also removes the
// transitions and timers that lead to it (they could not be taken any more).
import type { LocalisedText, ProcessDocument, StateDefinition, TimerDefinition, TransitionDefinition } from '@stagecraft/core';
import { resolveTargetPath } from './process-graph';

export const STATE_NAME = /^[a-z][A-Za-z0-9]*$/;
export const EVENT_NAME = /^[A-Z][A-Z0-9_]*$/;

function decode(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The state at a dotted path, or undefined. */
export function stateAt(process: ProcessDocument, path: string): StateDefinition | undefined {
  let states: Record<string, StateDefinition> | undefined = process.states;
  let found: StateDefinition | undefined;
  for (const name of path.split('.')) {
    found = states && Object.hasOwn(states, name) ? states[name] : undefined;
    if (!found) return undefined;
    states = found.states;
  }
  return found;
}

/** The dotted path of the state a pointer lies in (`/states/open/states/triage/on/X` → `open.triage`). */
export function statePathOf(pointer: string): string {
  const segments = pointer.split('/').slice(1).map(decode);
  const names: string[] = [];
  for (let index = 0; index + 1 < segments.length && segments[index] === 'states'; index += 2) names.push(segments[index + 1] ?? '');
  return names.join('.');
}

export type TransitionRef = { kind: 'event'; state: string; event: string; index: number | null } | { kind: 'timer'; state: string; index: number };

/** What a transition edge's pointer names: an event's transition (one of a list, or the only one), or a timer. */
export function transitionRefOf(pointer: string): TransitionRef | undefined {
  const state = statePathOf(pointer);
  const rest = pointer.split('/').slice(1 + state.split('.').length * 2).map(decode);
  if (rest[0] === 'on' && rest[1] !== undefined) return { kind: 'event', state, event: rest[1], index: rest[2] === undefined ? null : Number(rest[2]) };
  if (rest[0] === 'after' && rest[1] !== undefined) return { kind: 'timer', state, index: Number(rest[1]) };
  return undefined;
}

export function transitionAt(process: ProcessDocument, ref: TransitionRef): TransitionDefinition | TimerDefinition | undefined {
  const state = stateAt(process, ref.state);
  if (!state) return undefined;
  if (ref.kind === 'timer') return state.after?.[ref.index];
  const found = state.on?.[ref.event];
  if (found === undefined) return undefined;
  return Array.isArray(found) ? found[ref.index ?? 0] : found;
}

/** How a transition from `source` names `target`: a sibling by its name, anything else by its path. */
export function targetNameFor(source: string, target: string): string {
  const sourceParent = source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : '';
  const targetParent = target.includes('.') ? target.slice(0, target.lastIndexOf('.')) : '';
  return sourceParent === targetParent ? (target.split('.').pop() ?? target) : target;
}

export function addState(process: ProcessDocument, parent: string | null, name: string, label: LocalisedText): void {
  const container = parent === null ? process.states : (stateAt(process, parent)?.states ?? undefined);
  if (!container) {
    const state = parent === null ? undefined : stateAt(process, parent);
    if (!state) return;
    state.states = { [name]: { label } };
    state.initial ??= name;
    return;
  }
  container[name] = { label };
}

/** Every state's dotted path, parents before their children. */
export function statePathsOf(states: Readonly<Record<string, StateDefinition>>, prefix = ''): string[] {
  return Object.entries(states).flatMap(([name, state]) => {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    return [path, ...statePathsOf(state.states ?? {}, path)];
  });
}

export function removeState(process: ProcessDocument, path: string): void {
  const parentPath = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
  const name = path.split('.').pop() ?? path;
  const container = parentPath === null ? process.states : stateAt(process, parentPath)?.states;
  if (!container || !Object.hasOwn(container, name)) return;
  const before = new Set(statePathsOf(process.states));
  // Transitions and timers that led into the removed state (or inside it) go with it.
  const leadsIn = (sourcePath: string, target: string | undefined): boolean => {
    if (target === undefined) return false;
    const sourceParent = sourcePath.includes('.') ? sourcePath.slice(0, sourcePath.lastIndexOf('.')) : undefined;
    const resolved = resolveTargetPath(before, sourceParent, target);
    return resolved !== undefined && (resolved === path || resolved.startsWith(`${path}.`));
  };
  for (const sourcePath of before) {
    const state = stateAt(process, sourcePath);
    if (!state) continue;
    for (const [event, definitions] of Object.entries(state.on ?? {})) {
      const kept = (Array.isArray(definitions) ? definitions : [definitions]).filter((definition) => !leadsIn(sourcePath, definition.target));
      if (!state.on) continue;
      if (kept.length === 0) delete state.on[event];
      else state.on[event] = Array.isArray(definitions) ? kept : (kept[0] as TransitionDefinition);
    }
    if (state.on && Object.keys(state.on).length === 0) delete state.on;
    if (state.after) state.after = state.after.filter((timer) => !leadsIn(sourcePath, timer.target));
    if (state.after?.length === 0) delete state.after;
  }
  delete container[name];
  const remaining = Object.keys(container)[0];
  if (parentPath === null) {
    if (process.initial === name && remaining !== undefined) process.initial = remaining;
    return;
  }
  const parent = stateAt(process, parentPath);
  if (!parent) return;
  if (remaining === undefined) {
    // Its last child gone, the parent is a plain state again.
    delete parent.states;
    delete parent.initial;
    if (parent.type === 'parallel' || parent.type === 'compound') delete parent.type;
  } else if (parent.initial === name) {
    parent.initial = remaining;
  }
}

export function addTransition(process: ProcessDocument, source: string, target: string, event: string): TransitionRef | undefined {
  const state = stateAt(process, source);
  if (!state) return undefined;
  const definition: TransitionDefinition = { target: targetNameFor(source, target) };
  state.on ??= {};
  const existing = state.on[event];
  if (existing === undefined) {
    state.on[event] = definition;
    return { kind: 'event', state: source, event, index: null };
  }
  const list = Array.isArray(existing) ? existing : [existing];
  state.on[event] = [...list, definition];
  return { kind: 'event', state: source, event, index: list.length };
}

export function addTimer(process: ProcessDocument, source: string, target: string, name: string, duration: string): TransitionRef | undefined {
  const state = stateAt(process, source);
  if (!state) return undefined;
  state.after = [...(state.after ?? []), { name, delay: { duration }, target: targetNameFor(source, target) }];
  return { kind: 'timer', state: source, index: state.after.length - 1 };
}

export function removeTransition(process: ProcessDocument, ref: TransitionRef): void {
  const state = stateAt(process, ref.state);
  if (!state) return;
  if (ref.kind === 'timer') {
    state.after?.splice(ref.index, 1);
    if (state.after?.length === 0) delete state.after;
    return;
  }
  const found = state.on?.[ref.event];
  if (!state.on || found === undefined) return;
  if (Array.isArray(found) && ref.index !== null) {
    found.splice(ref.index, 1);
    if (found.length === 0) delete state.on[ref.event];
    else if (found.length === 1) state.on[ref.event] = found[0] as TransitionDefinition;
  } else {
    delete state.on[ref.event];
  }
  if (Object.keys(state.on).length === 0) delete state.on;
}

/** Moves an event's transition to another event name (keeping its place among that event's transitions). */
export function renameEvent(process: ProcessDocument, ref: TransitionRef & { kind: 'event' }, event: string): TransitionRef | undefined {
  const definition = transitionAt(process, ref) as TransitionDefinition | undefined;
  if (!definition || ref.event === event) return ref;
  removeTransition(process, ref);
  const state = stateAt(process, ref.state);
  if (!state) return undefined;
  state.on ??= {};
  const existing = state.on[event];
  if (existing === undefined) {
    state.on[event] = definition;
    return { kind: 'event', state: ref.state, event, index: null };
  }
  const list = Array.isArray(existing) ? existing : [existing];
  state.on[event] = [...list, definition];
  return { kind: 'event', state: ref.state, event, index: list.length };
}

/**
 * Pastes a copy of a state (its labels, guidance, rules, actions and children; not the moves of other
 * states into it) beside `parent` under a free name derived from the original's; returns its path.
 * A move or timer inside the copy keeps its target, so a copy of a stage leads where the original led.
 */
export function pasteState(process: ProcessDocument, parent: string | null, copied: { name: string; definition: StateDefinition }): string | undefined {
  const container = parent === null ? process.states : stateAt(process, parent)?.states;
  if (!container) return undefined;
  let name = `${copied.name}Copy`;
  for (let index = 2; Object.hasOwn(container, name); index += 1) name = `${copied.name}Copy${index}`;
  container[name] = structuredClone(copied.definition);
  return parent === null ? name : `${parent}.${name}`;
}
