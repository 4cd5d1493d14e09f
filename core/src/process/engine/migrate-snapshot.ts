// migrateSnapshot: moves a record's process state from one version of a process to another. Each
// active state keeps its path, or follows the mapping (old path → new path, the old path may be
// an ancestor of the active state); a state that does neither is a problem, never a guess. Timers
// of states that remain active keep their clocks; the others are cancelled and new states arm theirs.
import { pointerOf } from '../../validate/ajv-problems';
import type { Problem } from '../../model/problem';
import type { CompiledProcess } from '../compile/compiled-process';
import { defaultEntry, type StateNodeInfo, type StateTree } from '../compile/state-tree';
import { activeStatePaths, parseProcessSnapshot, stageOf, type ProcessSnapshot, type ProcessStateValue } from './process-snapshot';
import { stepContextOf, type StepInput } from './step-input';
import { armTimers, closeLedger, openLedger, type TimerInstructions } from './timer-ledger';

export type StateMapping = Readonly<Record<string, string>>;

export type MigrationResult =
  | { ok: true; snapshot: ProcessSnapshot; stage: string; stateValue: ProcessStateValue; timers: TimerInstructions }
  | { ok: false; problems: Problem[] };

export function migrateSnapshot(from: CompiledProcess, to: CompiledProcess, persisted: unknown, mapping: StateMapping, input: StepInput): MigrationResult {
  const snapshot = parseProcessSnapshot(persisted, from);
  const problems = mappingProblems(from.tree, to.tree, mapping);
  const targets: StateNodeInfo[] = [];
  for (const path of activeStatePaths(snapshot.value)) {
    const node = from.tree.byPath.get(path);
    if (!node || node.children.length > 0) continue;
    const target = targetOf(node, mapping, to.tree);
    if (target) targets.push(target);
    else problems.push({ path: node.pointer, message: `the state "${path}" is not in the new version; map it to one of: ${[...to.tree.byPath.keys()].join(', ')}`, code: 'unmappedState' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const built = stateValueOf(targets, to.tree);
  if (!('value' in built)) return { ok: false, problems: [built] };
  const machineSnapshot = to.machine.resolveState({ value: built.value, context: {} });
  const active = new Set(activeStatePaths(built.value));
  const context = stepContextOf(to, input);
  const kept = Object.fromEntries(Object.entries(snapshot.timers).filter(([key]) => {
    const timer = to.timers.get(key);
    return timer !== undefined && active.has(timer.state);
  }));
  const ledger = openLedger(snapshot.timers, snapshot.timerSequence);
  ledger.clocks = kept;
  const toArm = [...active].flatMap((path) => (to.timersByState.get(path) ?? []).map((timer) => timer.key)).filter((key) => !(key in kept));
  armTimers(ledger, to, toArm, context);
  const timers = closeLedger(ledger, to, active, context.now);
  const migrated: ProcessSnapshot = { process: to.name, value: built.value, status: machineSnapshot.status === 'done' ? 'done' : 'active', timers: ledger.clocks, timerSequence: ledger.sequence };
  return { ok: true, snapshot: migrated, stage: stageOf(built.value), stateValue: built.value, timers };
}

function mappingProblems(fromTree: StateTree, toTree: StateTree, mapping: StateMapping): Problem[] {
  return Object.entries(mapping).flatMap(([oldPath, newPath]) => [
    ...(fromTree.byPath.has(oldPath) ? [] : [{ path: pointerOf('', oldPath), message: `"${oldPath}" is not a state of the old version`, code: 'unknownState' }]),
    ...(toTree.byPath.has(newPath) ? [] : [{ path: pointerOf('', oldPath), message: `"${newPath}" is not a state of the new version`, code: 'unknownState' }]),
  ]);
}

/** The mapping of the state or its nearest mapped ancestor, else the same path in the new version. */
function targetOf(node: StateNodeInfo, mapping: StateMapping, toTree: StateTree): StateNodeInfo | undefined {
  for (let current: StateNodeInfo | undefined = node; current; current = current.parent) {
    const mapped = mapping[current.path];
    if (mapped !== undefined) return toTree.byPath.get(mapped);
  }
  return toTree.byPath.get(node.path);
}

class MappingConflict extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** The state value whose active states are the targets, their ancestors and default entries. */
function stateValueOf(targets: readonly StateNodeInfo[], tree: StateTree): { value: ProcessStateValue } | Problem {
  const active = new Set<string>();
  for (const target of targets) {
    for (let ancestor = target.parent; ancestor; ancestor = ancestor.parent) active.add(ancestor.path);
    for (const entered of defaultEntry(target)) active.add(entered.path);
  }
  const chosenAmong = (nodes: readonly StateNodeInfo[], pointer: string): ProcessStateValue => {
    const present = nodes.filter((node) => active.has(node.path));
    const [only] = present;
    if (present.length !== 1 || !only) {
      throw new MappingConflict({ path: pointer, message: `the mapping makes ${present.map((node) => `"${node.path}"`).join(' and ')} active at once, but only one can be`, code: 'conflictingStates' });
    }
    return only.children.length === 0 ? only.name : { [only.name]: valueBelow(only) };
  };
  const valueBelow = (node: StateNodeInfo): ProcessStateValue => {
    if (node.kind !== 'parallel') return chosenAmong(node.children, node.pointer);
    // Every region of a parallel state is active; a region no target reached starts at its default.
    for (const region of node.children) if (!active.has(region.path)) defaultEntry(region).forEach((entered) => active.add(entered.path));
    return Object.fromEntries(node.children.map((region) => [region.name, region.children.length === 0 ? {} : valueBelow(region)]));
  };
  try {
    return { value: chosenAmong(tree.topLevel, '') };
  } catch (error) {
    if (error instanceof MappingConflict) return error.problem;
    throw error;
  }
}
