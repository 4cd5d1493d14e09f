// The statechart rules the engine computes itself: target resolution and what a transition enters.
import type { ProcessDocument } from '../../model/process';
import { buildStateTree, resolveTarget, transitionScope, type StateNodeInfo, type StateTree } from './state-tree';

const PROCESS: ProcessDocument = {
  kind: 'process', name: 'p', entity: 'e', stageField: 's', initial: 'a',
  states: {
    a: { initial: 'a1', states: { a1: {}, a2: {} } },
    b: { type: 'parallel', states: { left: { initial: 'l1', states: { l1: {}, l2: {} } }, right: { initial: 'r1', states: { r1: {} } } } },
    c: { type: 'final' },
  },
};

function node(tree: StateTree, path: string): StateNodeInfo {
  const found = tree.byPath.get(path);
  if (!found) throw new Error(`no state ${path}`);
  return found;
}

describe('the state tree', () => {
  const tree = buildStateTree(PROCESS);
  const paths = (nodes: readonly StateNodeInfo[]): string[] => nodes.map((entered) => entered.path);

  it('gives every state its path, pointer and kind', () => {
    expect([...tree.byPath.keys()]).toEqual(['a', 'a.a1', 'a.a2', 'b', 'b.left', 'b.left.l1', 'b.left.l2', 'b.right', 'b.right.r1', 'c']);
    expect(node(tree, 'b.left.l2')).toMatchObject({ pointer: '/states/b/states/left/states/l2', kind: 'atomic' });
    expect(node(tree, 'b').kind).toBe('parallel');
  });

  it('resolves a sibling name before a root path', () => {
    expect(resolveTarget(tree, node(tree, 'a.a1'), 'a2')?.path).toBe('a.a2');
    expect(resolveTarget(tree, node(tree, 'a.a1'), 'c')?.path).toBe('c');
    expect(resolveTarget(tree, node(tree, 'a.a1'), 'b.left.l2')?.path).toBe('b.left.l2');
    expect(resolveTarget(tree, node(tree, 'a.a1'), 'l2')).toBeUndefined();
  });

  it('enters a parallel state\'s other regions by default', () => {
    const scope = transitionScope(node(tree, 'a.a1'), node(tree, 'b.left.l2'));
    expect(scope.domain).toBe('');
    expect(paths(scope.entered).sort()).toEqual(['b', 'b.left', 'b.left.l2', 'b.right', 'b.right.r1']);
  });

  it('keeps the common ancestor, and the source when the target lies inside it', () => {
    expect(transitionScope(node(tree, 'a.a1'), node(tree, 'a.a2'))).toMatchObject({ domain: 'a' });
    expect(paths(transitionScope(node(tree, 'a.a1'), node(tree, 'a.a2')).entered)).toEqual(['a.a2']);
    expect(transitionScope(node(tree, 'b'), node(tree, 'b.left.l2'))).toMatchObject({ domain: 'b' });
    expect(paths(transitionScope(node(tree, 'b'), node(tree, 'b.left.l2')).entered)).toEqual(['b.left', 'b.left.l2']);
  });

  it('re-enters a state that targets itself', () => {
    const scope = transitionScope(node(tree, 'a'), node(tree, 'a'));
    expect(scope.domain).toBe('');
    expect(paths(scope.entered)).toEqual(['a', 'a.a1']);
  });
});
