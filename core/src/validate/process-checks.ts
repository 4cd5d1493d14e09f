// Rules for one process document: the initial states exist, compound and parallel states are
// well formed, final states are final, and every transition and timer targets a real state.
import type { Problem } from '../model/problem';
import type { ProcessDocument, StateDefinition, TransitionDefinition } from '../model/process';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';

export interface VisitedState {
  name: string;
  state: StateDefinition;
  /** JSON Pointer of the state within the document, e.g. "/states/negotiation/states/review". */
  path: string;
  /** The states sharing this state's parent (including itself). */
  siblings: Readonly<Record<string, StateDefinition>>;
}

/** Every state, depth first, parents before children. */
export function allStates(states: Readonly<Record<string, StateDefinition>>, parentPath = ''): VisitedState[] {
  return Object.entries(states).flatMap(([name, state]) => {
    const path = pointerOf(parentPath, 'states', name);
    return [{ name, state, path, siblings: states }, ...allStates(state.states ?? {}, path)];
  });
}

export function kindOfState(state: StateDefinition): NonNullable<StateDefinition['type']> {
  return state.type ?? (state.states ? 'compound' : 'atomic');
}

export function checkProcess(process: ProcessDocument): Problem[] {
  const problems: Problem[] = [];
  if (!(process.initial in process.states)) {
    problems.push({ path: '/initial', message: `"${process.initial}" is not a top-level state (states: ${Object.keys(process.states).join(', ')})`, code: 'unknownState' });
  }
  for (const visited of allStates(process.states)) {
    problems.push(...checkStateShape(visited), ...checkTargets(visited, process));
  }
  return problems;
}

function checkStateShape({ state, path }: VisitedState): Problem[] {
  const problems: Problem[] = [];
  const kind = kindOfState(state);
  const children = Object.keys(state.states ?? {});
  const report = (property: string, message: string, code: string): void => {
    problems.push({ path: pointerOf(path, property), message, code });
  };
  if ((kind === 'compound' || kind === 'parallel') && children.length === 0) report('states', `a ${kind} state needs child states`, 'invalidState');
  if ((kind === 'atomic' || kind === 'final') && state.states !== undefined) report('states', `a${kind === 'atomic' ? 'n atomic' : ' final'} state has no child states`, 'invalidState');
  if (kind === 'compound' && children.length > 0) {
    if (state.initial === undefined) report('initial', `is required for a compound state (one of: ${children.join(', ')})`, 'required');
    else if (!children.includes(state.initial)) report('initial', `"${state.initial}" is not a child state (one of: ${children.join(', ')})`, 'unknownState');
  } else if (state.initial !== undefined) {
    report('initial', `only a compound state has an initial state`, 'invalidState');
  }
  if (kind === 'final') {
    if (state.on !== undefined) report('on', 'a final state has no transitions', 'invalidState');
    if (state.after !== undefined) report('after', 'a final state has no timers', 'invalidState');
  }
  for (const duplicate of findDuplicates(state.after ?? [], (timer) => timer.name)) {
    problems.push({ path: pointerOf(path, 'after', duplicate.index, 'name'), message: `repeats the timer name "${duplicate.key}"`, code: 'duplicateName' });
  }
  return problems;
}

function checkTargets(visited: VisitedState, process: ProcessDocument): Problem[] {
  const problems: Problem[] = [];
  const check = (target: string | undefined, path: string): void => {
    if (target !== undefined && !targetExists(target, visited.siblings, process.states)) {
      problems.push({ path, message: `"${target}" is not a sibling state or a dotted path from the root`, code: 'unknownState' });
    }
  };
  for (const [event, transitions] of Object.entries(visited.state.on ?? {})) {
    const list: TransitionDefinition[] = Array.isArray(transitions) ? transitions : [transitions];
    list.forEach((transition, index) => {
      const transitionPath = Array.isArray(transitions) ? pointerOf(visited.path, 'on', event, index) : pointerOf(visited.path, 'on', event);
      check(transition.target, pointerOf(transitionPath, 'target'));
    });
  }
  (visited.state.after ?? []).forEach((timer, index) => check(timer.target, pointerOf(visited.path, 'after', index, 'target')));
  return problems;
}

/** A target is a sibling's name, or a path of state names from the root separated by dots. */
export function targetExists(target: string, siblings: Readonly<Record<string, StateDefinition>>, rootStates: Readonly<Record<string, StateDefinition>>): boolean {
  if (!target.includes('.') && target in siblings) return true;
  let states: Readonly<Record<string, StateDefinition>> | undefined = rootStates;
  for (const name of target.split('.')) {
    const state: StateDefinition | undefined = states?.[name];
    if (!state) return false;
    states = state.states;
  }
  return true;
}
