import type { ProcessDocument, StateDefinition } from '../model/process';
import { validateDocument } from './document-validator';
import { targetExists } from './process-checks';
import { exampleDocument } from './testing/example-pack';
import { pathsAndCodes } from './testing/problems';

function sales(change: (process: ProcessDocument) => void = () => undefined): ProcessDocument {
  const process = exampleDocument<ProcessDocument>('processes/opportunity-sales.json');
  change(process);
  return process;
}

function state(process: ProcessDocument, name: string): StateDefinition {
  const found = process.states[name];
  if (!found) throw new Error(`no state ${name}`);
  return found;
}

const NEGOTIATION: StateDefinition = {
  initial: 'review',
  states: {
    review: { on: { APPROVE: { target: 'signed' }, ESCALATE: { target: 'closedLost' } } },
    signed: { type: 'final' },
  },
  on: { WIN: { target: 'closedWon' } },
};

describe('process document rules', () => {
  it.each<[string, ProcessDocument, string[]]>([
    ['an initial state that does not exist', sales((p) => { p.initial = 'lead'; }), ['/initial unknownState']],
    ['a transition to an unknown state', sales((p) => { state(p, 'proposal').on = { WIN: { target: 'won' } }; }), ['/states/proposal/on/WIN/target unknownState']],
    ['an unknown target in a transition list', sales((p) => { state(p, 'proposal').on = { WIN: [{ target: 'closedWon' }, { target: 'won' }] }; }), ['/states/proposal/on/WIN/1/target unknownState']],
    ['a timer with an unknown target', sales((p) => { state(p, 'proposal').after = [{ name: 'late', delay: { duration: 'P1D' }, target: 'stale' }]; }), ['/states/proposal/after/0/target unknownState']],
    ['a dotted path that does not resolve', sales((p) => { p.states.negotiation = NEGOTIATION; state(p, 'proposal').on = { NEGOTIATE: { target: 'negotiation.legal' } }; }), ['/states/proposal/on/NEGOTIATE/target unknownState']],
    ['a compound state without initial', sales((p) => { p.states.negotiation = { ...NEGOTIATION, initial: undefined }; }), ['/states/negotiation/initial required']],
    ['a compound state whose initial is not a child', sales((p) => { p.states.negotiation = { ...NEGOTIATION, initial: 'proposal' }; }), ['/states/negotiation/initial unknownState']],
    ['a compound type without children', sales((p) => { state(p, 'proposal').type = 'compound'; }), ['/states/proposal/states invalidState']],
    ['an initial on an atomic state', sales((p) => { state(p, 'proposal').initial = 'x'; }), ['/states/proposal/initial invalidState']],
    ['a final state with transitions', sales((p) => { state(p, 'closedWon').on = { REOPEN: { target: 'proposal' } }; }), ['/states/closedWon/on invalidState']],
    ['a final state with timers', sales((p) => { state(p, 'closedWon').after = [{ name: 'archive', delay: { duration: 'P30D' } }]; }), ['/states/closedWon/after invalidState']],
    ['two timers with one name', sales((p) => { state(p, 'proposal').after = [{ name: 'a', delay: { duration: 'P1D' } }, { name: 'a', delay: { duration: 'P2D' } }]; }), ['/states/proposal/after/1/name duplicateName']],
  ])('reports %s', (_case, process, expected) => {
    expect(pathsAndCodes(validateDocument(process).problems)).toEqual(expected);
  });

  it('accepts nested states with sibling and root-path targets', () => {
    const process = sales((p) => {
      p.states.negotiation = NEGOTIATION;
      state(p, 'proposal').on = { NEGOTIATE: { target: 'negotiation.review' }, WIN: { target: 'closedWon' } };
    });
    expect(validateDocument(process).problems).toEqual([]);
  });

  it('resolves a sibling name, a root path, and nothing else', () => {
    const root = { a: { states: { b: {}, c: { states: { d: {} } } } }, e: {} };
    const siblingsOfB = root.a.states;
    expect(targetExists('c', siblingsOfB, root)).toBe(true);
    expect(targetExists('a.c.d', siblingsOfB, root)).toBe(true);
    expect(targetExists('e', siblingsOfB, root)).toBe(true);
    expect(targetExists('d', siblingsOfB, root)).toBe(false);
    expect(targetExists('a.d', siblingsOfB, root)).toBe(false);
  });
});
