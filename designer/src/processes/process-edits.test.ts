/// <reference types="jest" />
import type { ProcessDocument } from '@stagecraft/core';
import { addState, addTimer, addTransition, pasteState, removeState, removeTransition, renameEvent, stateAt, transitionAt, transitionRefOf } from './process-edits';
import { processGraph } from './process-graph';

function ticket(): ProcessDocument {
  return {
    kind: 'process', name: 'ticketFlow', entity: 'ticket', stageField: 'stage', initial: 'open',
    states: {
      open: {
        initial: 'triage',
        states: { triage: { on: { ASSIGN: { target: 'working' } } }, working: { on: { WAIT: { target: 'waiting' } } }, waiting: {} },
        on: { RESOLVE: { target: 'resolved', guards: [{ name: 'fieldsFilled', params: { fields: ['resolution'] } }] } },
        after: [{ name: 'sla', delay: { duration: 'P2D' }, target: 'escalated' }],
      },
      escalated: { on: { RESOLVE: [{ target: 'resolved' }, { target: 'open' }] } },
      resolved: { type: 'final' },
    },
  };
}

describe('process edits', () => {
  it('names what an edge pointer points at', () => {
    const process = ticket();
    expect(transitionRefOf('/states/open/states/triage/on/ASSIGN')).toEqual({ kind: 'event', state: 'open.triage', event: 'ASSIGN', index: null });
    expect(transitionRefOf('/states/escalated/on/RESOLVE/1')).toEqual({ kind: 'event', state: 'escalated', event: 'RESOLVE', index: 1 });
    expect(transitionRefOf('/states/open/after/0')).toEqual({ kind: 'timer', state: 'open', index: 0 });
    expect(transitionAt(process, { kind: 'event', state: 'escalated', event: 'RESOLVE', index: 1 })).toEqual({ target: 'open' });
  });

  it('adds states, transitions named relative to their source, and timers', () => {
    const process = ticket();
    addState(process, null, 'onHold', 'On hold');
    addState(process, 'open', 'review', 'Review');
    expect(addTransition(process, 'open.working', 'onHold', 'HOLD')).toEqual({ kind: 'event', state: 'open.working', event: 'HOLD', index: null });
    expect(stateAt(process, 'open.working')?.on?.HOLD).toEqual({ target: 'onHold' });
    addTransition(process, 'open.working', 'open.review', 'REVIEW');
    expect(stateAt(process, 'open.working')?.on?.REVIEW).toEqual({ target: 'review' });
    expect(addTransition(process, 'open.working', 'onHold', 'WAIT')).toEqual({ kind: 'event', state: 'open.working', event: 'WAIT', index: 1 });
    expect(addTimer(process, 'onHold', 'open', 'wakeUp', 'P7D')).toEqual({ kind: 'timer', state: 'onHold', index: 0 });
    expect(stateAt(process, 'onHold')?.after).toEqual([{ name: 'wakeUp', delay: { duration: 'P7D' }, target: 'open' }]);
  });

  it('removes a state with the transitions and timers that led into it, and moves the initial state on', () => {
    const process = ticket();
    removeState(process, 'escalated');
    expect(stateAt(process, 'open')?.after).toBeUndefined();
    removeState(process, 'open.triage');
    expect(stateAt(process, 'open')?.initial).toBe('working');
    removeState(process, 'open.waiting');
    expect(stateAt(process, 'open.working')?.on).toBeUndefined();
    removeState(process, 'open.working');
    expect(stateAt(process, 'open')).toEqual(expect.not.objectContaining({ states: expect.anything() }));
    expect(stateAt(process, 'open')?.initial).toBeUndefined();
    removeState(process, 'open');
    expect(process.initial).toBe('resolved');
  });

  it('pastes a copy of a state under a free name, with its rules and its own moves', () => {
    const process = ticket();
    const copied = { name: 'escalated', definition: structuredClone(stateAt(process, 'escalated') ?? {}) };
    expect(pasteState(process, null, copied)).toBe('escalatedCopy');
    expect(pasteState(process, null, copied)).toBe('escalatedCopy2');
    expect(stateAt(process, 'escalatedCopy')?.on?.RESOLVE).toEqual([{ target: 'resolved' }, { target: 'open' }]);
    expect(pasteState(process, 'open', { name: 'triage', definition: {} })).toBe('open.triageCopy');
  });

  it('removes one transition of a list, and renames an event', () => {
    const process = ticket();
    removeTransition(process, { kind: 'event', state: 'escalated', event: 'RESOLVE', index: 0 });
    expect(stateAt(process, 'escalated')?.on?.RESOLVE).toEqual({ target: 'open' });
    expect(renameEvent(process, { kind: 'event', state: 'escalated', event: 'RESOLVE', index: null }, 'REOPEN')).toEqual({ kind: 'event', state: 'escalated', event: 'REOPEN', index: null });
    expect(stateAt(process, 'escalated')?.on).toEqual({ REOPEN: { target: 'open' } });
  });
});

describe('processGraph', () => {
  it('draws states as nodes (groups holding their children) and transitions and timers as edges', () => {
    const { nodes, edges } = processGraph(ticket(), (value) => (typeof value === 'string' ? value : ''));
    expect(nodes.map((node) => [node.id, node.parentId ?? null, node.data.kind, node.data.isInitial])).toEqual([
      ['open', null, 'compound', true],
      ['escalated', null, 'atomic', false],
      ['resolved', null, 'final', false],
      ['open.triage', 'open', 'atomic', true],
      ['open.working', 'open', 'atomic', false],
      ['open.waiting', 'open', 'atomic', false],
    ]);
    expect(edges.map((edge) => [edge.source, edge.target, edge.data.event, edge.data.kind])).toEqual([
      ['open', 'resolved', 'RESOLVE', 'event'],
      ['open', 'escalated', 'sla', 'timer'],
      ['open.triage', 'open.working', 'ASSIGN', 'event'],
      ['open.working', 'open.waiting', 'WAIT', 'event'],
      ['escalated', 'resolved', 'RESOLVE', 'event'],
      ['escalated', 'open', 'RESOLVE', 'event'],
    ]);
    expect(edges[0]?.data.guards).toEqual(['fieldsFilled']);
    expect(edges[1]?.data.delay).toBe('P2D');
    const group = nodes[0];
    const child = nodes[3];
    // Children sit inside their group (positions relative to it).
    expect(child && group && child.position.x >= 0 && child.position.y >= 0 && child.position.x + child.width <= group.width && child.position.y + child.height <= group.height).toBe(true);
  });

  it('lays a large flat chart out in columns by distance from the initial state, each state once', () => {
    const states: ProcessDocument['states'] = {};
    for (let index = 1; index <= 80; index += 1) states[`s${index}`] = { on: { NEXT: { target: `s${index === 80 ? 1 : index + 1}` }, SKIP: { target: `s${index + 2 > 80 ? 1 : index + 2}` } } };
    states.orphan = {};
    const { nodes } = processGraph({ kind: 'process', name: 'big', entity: 'e', stageField: 'stage', initial: 's1', states }, () => '');
    const x = new Map(nodes.map((node) => [node.id, node.position.x]));
    expect(nodes).toHaveLength(81);
    expect(x.get('s1')).toBeLessThan(x.get('s2') ?? 0);
    expect(x.get('s2')).toBe(x.get('s3'));
    expect(x.get('s3')).toBeLessThan(x.get('s4') ?? 0);
    // A state nothing leads to goes after the last column.
    expect(Math.max(...x.values())).toBe(x.get('orphan'));
    const seen = new Set(nodes.map((node) => `${node.position.x}:${node.position.y}`));
    expect(seen.size).toBe(81);
  });
});
