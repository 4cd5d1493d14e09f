// A process document as a graph, in plain data: a node per state (compound and parallel states
// are groups holding their children), an edge per transition and per timer, laid out left to right
// by dagre. Pure, so its shape is unit-tested and its layout cost measured apart from React. Each
// node and edge carries the JSON pointer of what it draws, so problems and edits find it.
import dagre from '@dagrejs/dagre';
import type { NamedCall, ProcessDocument, StateDefinition, TimerDefinition, TransitionDefinition } from '@stagecraft/core';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export type StateNodeData = {
  path: string;
  name: string;
  /** JSON pointer of the state inside the process, e.g. `/states/open/states/triage`. */
  pointer: string;
  label: string;
  kind: StateKind;
  isInitial: boolean;
  probability: number | null;
  /** Guard and action keys run on entry and exit. */
  entry: string[];
  exit: string[];
  requiredToEnter: string[];
  requiredToLeave: string[];
};

export interface ProcessGraphNode {
  id: string;
  parentId?: string;
  /** Relative to the parent group when there is one (React Flow's convention). */
  position: { x: number; y: number };
  width: number;
  height: number;
  data: StateNodeData;
}

export type TransitionEdgeData = {
  /** JSON pointer of the transition or timer inside the process. */
  pointer: string;
  kind: 'event' | 'timer';
  /** The event name, or the timer's name. */
  event: string;
  label: string;
  guards: string[];
  actions: string[];
  /** A timer's delay as people read it ("P2D", "8 business hours", "closeDate −P1D"). */
  delay?: string;
};

export interface ProcessGraphEdge {
  id: string;
  source: string;
  target: string;
  data: TransitionEdgeData;
}

export const STATE_WIDTH = 200;
export const STATE_HEIGHT = 84;
const GROUP_PADDING = 24;
/** Room for a group's title above its children. */
const GROUP_HEADER = 28;

export function kindOfState(definition: StateDefinition): StateKind {
  return definition.type ?? (definition.states && Object.keys(definition.states).length > 0 ? 'compound' : 'atomic');
}

function keysOf(calls: readonly NamedCall[] | undefined): string[] {
  return (calls ?? []).map((call) => call.name);
}

export function delayText(timer: TimerDefinition): string {
  const delay = timer.delay;
  if ('duration' in delay) return delay.duration;
  if ('businessHours' in delay) return `${delay.businessHours}h${delay.calendar ? ` (${delay.calendar})` : ''}`;
  return `${delay.field}${delay.offset ? ` ${delay.offset}` : ''}`;
}

interface WalkedState {
  path: string;
  parent?: string;
  pointer: string;
  definition: StateDefinition;
  siblings: string;
}

function walk(states: Readonly<Record<string, StateDefinition>>, parent: WalkedState | undefined, into: WalkedState[]): void {
  for (const [name, definition] of Object.entries(states)) {
    const state: WalkedState = {
      path: parent ? `${parent.path}.${name}` : name,
      pointer: `${parent?.pointer ?? ''}/states/${name}`,
      definition,
      siblings: parent?.path ?? '',
      ...(parent ? { parent: parent.path } : {}),
    };
    into.push(state);
    walk(definition.states ?? {}, state, into);
  }
}

/** A target is a sibling's name, or a dotted path from the root (the document's rule). */
export function resolveTargetPath(paths: ReadonlySet<string>, sourceParent: string | undefined, target: string): string | undefined {
  if (!target.includes('.')) {
    const sibling = sourceParent ? `${sourceParent}.${target}` : target;
    if (paths.has(sibling)) return sibling;
  }
  return paths.has(target) ? target : undefined;
}

function edgesOf(state: WalkedState, paths: ReadonlySet<string>, text: (value: unknown) => string): ProcessGraphEdge[] {
  const edges: ProcessGraphEdge[] = [];
  const targetOf = (target: string | undefined): string => (target === undefined ? state.path : (resolveTargetPath(paths, state.parent, target) ?? state.path));
  for (const [event, definitions] of Object.entries(state.definition.on ?? {})) {
    const list: TransitionDefinition[] = Array.isArray(definitions) ? definitions : [definitions];
    list.forEach((definition, index) => {
      const pointer = Array.isArray(definitions) ? `${state.pointer}/on/${event}/${index}` : `${state.pointer}/on/${event}`;
      edges.push({
        id: pointer,
        source: state.path,
        target: targetOf(definition.target),
        data: { pointer, kind: 'event', event, label: text(definition.label) || event, guards: keysOf(definition.guards), actions: keysOf(definition.actions) },
      });
    });
  }
  (state.definition.after ?? []).forEach((timer, index) => {
    const pointer = `${state.pointer}/after/${index}`;
    edges.push({
      id: pointer,
      source: state.path,
      target: targetOf(timer.target ?? timer.branches?.[0]?.target),
      data: { pointer, kind: 'timer', event: timer.name, label: timer.name, guards: keysOf(timer.guards), actions: keysOf(timer.actions), delay: delayText(timer) },
    });
  });
  return edges;
}

type Box = { x: number; y: number; width: number; height: number };

/** Flat charts past this many states are laid out in layers by breadth from the initial state (dagre's crossing minimisation grows too slow). */
export const LAYERED_ABOVE = 60;
const RANK_GAP = 64;
const NODE_GAP = 30;

function layoutWithDagre(states: readonly WalkedState[], edges: readonly ProcessGraphEdge[], isGroup: (state: WalkedState) => boolean): Map<string, Box> {
  const graph = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const byPath = new Map(states.map((state) => [state.path, state]));
  for (const state of states) {
    graph.setNode(state.path, isGroup(state) ? { paddingTop: GROUP_PADDING * 2, paddingBottom: GROUP_PADDING, paddingLeft: GROUP_PADDING, paddingRight: GROUP_PADDING } : { width: STATE_WIDTH, height: STATE_HEIGHT });
    if (state.parent) graph.setParent(state.path, state.parent);
  }
  // Dagre lays out edges between leaves only: an edge to or from a group goes to its first leaf.
  const leafOf = (path: string): string => {
    const state = byPath.get(path);
    const first = state && isGroup(state) ? Object.keys(state.definition.states ?? {})[0] : undefined;
    return first === undefined ? path : leafOf(`${path}.${first}`);
  };
  for (const edge of edges) {
    const source = leafOf(edge.source);
    const target = leafOf(edge.target);
    if (source !== target) graph.setEdge(source, target, {}, edge.id);
  }
  dagre.layout(graph);
  const boxes = new Map<string, Box>();
  for (const state of states) {
    const laid = graph.node(state.path) as Box;
    boxes.set(state.path, { x: laid.x - laid.width / 2, y: laid.y - laid.height / 2, width: laid.width, height: laid.height });
  }
  return boxes;
}

/**
 * A flat chart in columns: each state in the column of its distance from the initial state (states
 * not reached go after the last), ordered within a column by where the states leading to them sit.
 * Linear in states and moves.
 */
function layoutInLayers(states: readonly WalkedState[], edges: readonly ProcessGraphEdge[], initial: string): Map<string, Box> {
  const next = new Map<string, string[]>();
  for (const edge of edges) if (edge.source !== edge.target) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const rank = new Map<string, number>([[initial, 0]]);
  const queue = [initial];
  for (let index = 0; index < queue.length; index += 1) {
    const path = queue[index] as string;
    for (const target of next.get(path) ?? []) {
      if (rank.has(target)) continue;
      rank.set(target, (rank.get(path) ?? 0) + 1);
      queue.push(target);
    }
  }
  const last = Math.max(0, ...rank.values());
  for (const state of states) if (!rank.has(state.path)) rank.set(state.path, last + 1);
  const columns = new Map<number, string[]>();
  for (const state of states) {
    const column = rank.get(state.path) ?? 0;
    columns.set(column, [...(columns.get(column) ?? []), state.path]);
  }
  const row = new Map<string, number>();
  const sources = new Map<string, string[]>();
  for (const edge of edges) sources.set(edge.target, [...(sources.get(edge.target) ?? []), edge.source]);
  const boxes = new Map<string, Box>();
  for (const column of [...columns.keys()].sort((left, right) => left - right)) {
    const paths = columns.get(column) ?? [];
    const weight = (path: string): number => {
      const placed = (sources.get(path) ?? []).map((source) => row.get(source)).filter((value): value is number => value !== undefined);
      return placed.length === 0 ? Number.MAX_SAFE_INTEGER : placed.reduce((sum, value) => sum + value, 0) / placed.length;
    };
    paths.sort((left, right) => weight(left) - weight(right));
    paths.forEach((path, index) => {
      row.set(path, index);
      boxes.set(path, { x: 16 + column * (STATE_WIDTH + RANK_GAP), y: 16 + index * (STATE_HEIGHT + NODE_GAP), width: STATE_WIDTH, height: STATE_HEIGHT });
    });
  }
  return boxes;
}

export function processGraph(process: ProcessDocument, text: (value: unknown) => string): { nodes: ProcessGraphNode[]; edges: ProcessGraphEdge[] } {
  const states: WalkedState[] = [];
  walk(process.states, undefined, states);
  const paths = new Set(states.map((state) => state.path));
  const isGroup = (state: WalkedState): boolean => Object.keys(state.definition.states ?? {}).length > 0;
  const edges = states.flatMap((state) => edgesOf(state, paths, text));

  const boxes = !states.some(isGroup) && states.length > LAYERED_ABOVE ? layoutInLayers(states, edges, process.initial) : layoutWithDagre(states, edges, isGroup);
  // A group's own title sits above its children: each group grows by a header per level of groups in it.
  const headerRoom = new Map<string, number>();
  const roomOf = (state: WalkedState): number => {
    const known = headerRoom.get(state.path);
    if (known !== undefined) return known;
    const children = states.filter((candidate) => candidate.parent === state.path && isGroup(candidate));
    const room = isGroup(state) ? GROUP_HEADER + Math.max(0, ...children.map(roomOf)) : 0;
    headerRoom.set(state.path, room);
    return room;
  };
  const nodes: ProcessGraphNode[] = states.map((state) => {
    const laid = boxes.get(state.path) ?? { x: 0, y: 0, width: STATE_WIDTH, height: STATE_HEIGHT };
    const box = { ...laid, y: laid.y + (state.parent ? GROUP_HEADER : 0), height: laid.height + roomOf(state) };
    const parentBox = state.parent ? boxes.get(state.parent) : undefined;
    const definition = state.definition;
    const siblingsInitial = state.parent === undefined ? process.initial : states.find((candidate) => candidate.path === state.parent)?.definition.initial;
    return {
      id: state.path,
      ...(state.parent ? { parentId: state.parent } : {}),
      position: { x: box.x - (parentBox?.x ?? 0), y: box.y - (parentBox?.y ?? 0) },
      width: box.width,
      height: box.height,
      data: {
        path: state.path,
        name: state.path.slice(state.siblings === '' ? 0 : state.siblings.length + 1),
        pointer: state.pointer,
        label: text(definition.label) || state.path.split('.').pop() || state.path,
        kind: kindOfState(definition),
        isInitial: siblingsInitial === state.path.split('.').pop(),
        probability: definition.probability ?? null,
        entry: keysOf(definition.entry),
        exit: keysOf(definition.exit),
        requiredToEnter: definition.requiredFields?.enter ?? [],
        requiredToLeave: definition.requiredFields?.leave ?? [],
      },
    };
  });
  // React Flow draws a parent before its children.
  nodes.sort((left, right) => left.id.split('.').length - right.id.split('.').length);
  return { nodes, edges };
}
