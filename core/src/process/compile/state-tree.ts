// The process's states as a tree with dotted paths ("open.triage"), and the statechart rules the
// engine needs besides XState: how targets resolve and which states a transition enters.
import type { ProcessDocument, StateDefinition } from '../../model/process';
import { pointerOf } from '../../validate/ajv-problems';
import { kindOfState } from '../../validate/process-checks';

export interface StateNodeInfo {
  /** Dotted path from the root, e.g. "open.triage"; also the stage for a top-level state. */
  path: string;
  name: string;
  /** JSON Pointer of the state in the document, e.g. "/states/open/states/triage". */
  pointer: string;
  kind: NonNullable<StateDefinition['type']>;
  definition: StateDefinition;
  parent?: StateNodeInfo;
  children: StateNodeInfo[];
}

export interface StateTree {
  topLevel: StateNodeInfo[];
  byPath: ReadonlyMap<string, StateNodeInfo>;
}

/** The root's path: the whole machine. */
export const ROOT_PATH = '';

export function buildStateTree(process: ProcessDocument): StateTree {
  const byPath = new Map<string, StateNodeInfo>();
  const build = (states: Readonly<Record<string, StateDefinition>>, parent: StateNodeInfo | undefined): StateNodeInfo[] =>
    Object.entries(states).map(([name, definition]) => {
      const node: StateNodeInfo = {
        path: parent ? `${parent.path}.${name}` : name,
        name,
        pointer: pointerOf(parent?.pointer ?? '', 'states', name),
        kind: kindOfState(definition),
        definition,
        ...(parent ? { parent } : {}),
        children: [],
      };
      byPath.set(node.path, node);
      node.children = build(definition.states ?? {}, node);
      return node;
    });
  return { topLevel: build(process.states, undefined), byPath };
}

/** True when `path` lies strictly inside `ancestor` (everything lies inside the root). */
export function isInside(path: string, ancestor: string): boolean {
  return ancestor === ROOT_PATH ? path !== ROOT_PATH : path.startsWith(`${ancestor}.`);
}

/** A target is a sibling's name, or a dotted path from the root (the document's rule). */
export function resolveTarget(tree: StateTree, source: StateNodeInfo, target: string): StateNodeInfo | undefined {
  if (!target.includes('.')) {
    const sibling = source.parent ? `${source.parent.path}.${target}` : target;
    const found = tree.byPath.get(sibling);
    if (found) return found;
  }
  return tree.byPath.get(target);
}

/** A state and the descendants entered with it by default (initial children, every region of a parallel state). */
export function defaultEntry(node: StateNodeInfo): StateNodeInfo[] {
  if (node.kind === 'parallel') return [node, ...node.children.flatMap(defaultEntry)];
  const initial = node.children.find((child) => child.name === node.definition.initial);
  return initial ? [node, ...defaultEntry(initial)] : [node];
}

export interface TransitionScope {
  /** States inside the domain are exited and entered; the domain itself stays active. */
  domain: string;
  entered: StateNodeInfo[];
}

/**
 * XState v5's rule: a target inside the source keeps the source; otherwise the least common
 * ancestor is the domain. A state targeting itself re-enters (the compiler sets `reenter`), so a
 * timer pointing at its own state starts over.
 */
export function transitionScope(source: StateNodeInfo, target: StateNodeInfo): TransitionScope {
  if (target === source) return { domain: source.parent?.path ?? ROOT_PATH, entered: defaultEntry(source) };
  let domain = ROOT_PATH;
  if (isInside(target.path, source.path)) domain = source.path;
  else {
    for (let ancestor = source.parent; ancestor; ancestor = ancestor.parent) {
      if (isInside(target.path, ancestor.path)) { domain = ancestor.path; break; }
    }
  }
  return { domain, entered: entryTowards(domain, target) };
}

function entryTowards(domain: string, target: StateNodeInfo): StateNodeInfo[] {
  const chain: StateNodeInfo[] = [];
  for (let node: StateNodeInfo | undefined = target; node && node.path !== domain; node = node.parent) chain.unshift(node);
  const entered: StateNodeInfo[] = [];
  chain.forEach((node, index) => {
    if (node === target) { entered.push(...defaultEntry(node)); return; }
    entered.push(node);
    // Entering a parallel state on the way enters its other regions by default.
    const next = chain[index + 1];
    if (node.kind === 'parallel') entered.push(...node.children.filter((child) => child !== next).flatMap(defaultEntry));
  });
  return entered;
}
