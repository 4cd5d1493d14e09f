// compileProcess: bad documents are reported with JSON Pointers before anything runs; good ones
// become XState machines with nested and parallel states.
import { ValidationError, type Problem } from '../../model/problem';
import type { ProcessDocument, StateDefinition } from '../../model/process';
import { exampleBundle } from '../../validate/testing/example-pack';
import { createProcessRegistry } from '../registry/create-registry';
import type { GuardDefinition } from '../registry/registry-types';
import { compileWorkflow, REP, workflowProcess, workflowsBundle } from '../testing/workflows-pack';
import { startProcess } from '../engine/start-process';
import { compileProcess, findProcessProblems } from './compile-process';

function problemsOf(change: (process: ProcessDocument, state: (name: string) => StateDefinition) => void): string[] {
  const bundle = workflowsBundle();
  const process = workflowProcess('salesPipeline', bundle);
  change(process, (name) => {
    const found = process.states[name];
    if (!found) throw new Error(`no state ${name}`);
    return found;
  });
  return findProcessProblems(process, createProcessRegistry(), { bundle }).map((problem: Problem) => `${problem.path} ${problem.code ?? ''}`);
}

describe('compileProcess', () => {
  it('compiles the reference processes to machines with nested and parallel states', () => {
    const tickets = compileWorkflow('ticketRouting');
    expect(tickets.machine.getStateNodeById('ticketRouting.open').type).toBe('parallel');
    expect(tickets.machine.getStateNodeById('ticketRouting.open.response').type).toBe('compound');
    expect(tickets.machine.getStateNodeById('ticketRouting.closed').type).toBe('final');
    expect(compileWorkflow('salesPipeline').machine.getStateNodeById('salesPipeline.negotiation.legalReview').type).toBe('atomic');
    expect([...tickets.timers.keys()]).toEqual([
      'ticketRouting:open.response.pending:firstResponse',
      'ticketRouting:open.response.pending:firstResponse:slaWarning',
      'ticketRouting:resolved:autoClose',
    ]);
  });

  it('compiles the example pack\'s process with the built-in registry', () => {
    const bundle = exampleBundle();
    const process = bundle.processes['opportunitySales'];
    if (!process) throw new Error('no example process');
    expect(findProcessProblems(process, createProcessRegistry(), { bundle })).toEqual([]);
  });

  it.each<[string, (process: ProcessDocument, state: (name: string) => StateDefinition) => void, string[]]>([
    ['an unknown guard', (_p, state) => { state('proposal').on = { WIN: [{ target: 'closedWon', guards: [{ name: 'managerApproved' }] }] }; }, ['/states/proposal/on/WIN/0/guards/0/name unknownGuard']],
    ['guard params of the wrong type', (_p, state) => { state('proposal').on = { WIN: [{ target: 'closedWon', guards: [{ name: 'fieldsFilled', params: { fields: 'amount' } }] }] }; }, ['/states/proposal/on/WIN/0/guards/0/params/fields type']],
    ['a missing guard param', (_p, state) => { state('proposal').on = { WIN: { target: 'closedWon', guards: [{ name: 'userHasRole', params: {} }] } }; }, ['/states/proposal/on/WIN/guards/0/params/roles required']],
    ['a guard naming an unknown field', (_p, state) => { state('proposal').on = { WIN: { target: 'closedWon', guards: [{ name: 'fieldsFilled', params: { fields: ['amount', 'budget'] } }] } }; }, ['/states/proposal/on/WIN/guards/0/params/fields/1 unknownField']],
    ['an expression that does not parse', (_p, state) => { state('proposal').on = { WIN: { target: 'closedWon', guards: [{ name: 'expression', params: { expression: 'amount >' } }] } }; }, ['/states/proposal/on/WIN/guards/0/params/expression expressionSyntax']],
    ['an expression reading an unknown name', (_p, state) => { state('proposal').on = { WIN: { target: 'closedWon', guards: [{ name: 'expression', params: { expression: 'budget > 0 && user.id != null' } }] } }; }, ['/states/proposal/on/WIN/guards/0/params/expression unknownIdentifier']],
    ['an unknown target', (_p, state) => { state('proposal').on = { WIN: { target: 'won' } }; }, ['/states/proposal/on/WIN/target unknownState']],
    ['an unknown action', (_p, state) => { state('proposal').entry = [{ name: 'sendFax' }]; }, ['/states/proposal/entry/0/name unknownAction']],
    ['setFields on an unknown field', (_p, state) => { state('proposal').entry = [{ name: 'setFields', params: { values: { probabilty: 60 } } }]; }, ['/states/proposal/entry/0/params/values/probabilty unknownField']],
    ['assignOwner without its user', (_p, state) => { state('proposal').entry = [{ name: 'assignOwner', params: { strategy: 'user' } }]; }, ['/states/proposal/entry/0/params/user required']],
    ['createRecord of an unknown entity', (_p, state) => { state('proposal').exit = [{ name: 'createRecord', params: { entity: 'meeting' } }]; }, ['/states/proposal/exit/0/params/entity unknownEntity']],
    ['notify to an unknown field', (_p, state) => { state('proposal').entry = [{ name: 'notify', params: { to: ['owner', 'manager'], message: 'Hi' } }]; }, ['/states/proposal/entry/0/params/to/1 unknownField']],
    ['a webhook without a URL', (_p, state) => { state('proposal').entry = [{ name: 'webhook', params: { url: 'ftp://x' } }]; }, ['/states/proposal/entry/0/params/url pattern']],
    ['a timer action with bad params', (_p, state) => { state('proposal').after = [{ name: 'late', delay: { duration: 'P1D' }, actions: [{ name: 'signalProcess', params: { entity: 'task', event: 'PING' } }] }]; }, ['/states/proposal/after/0/actions/0/params oneOf']],
    ['a business-hours timer without a calendar', (_p, state) => { state('proposal').after = [{ name: 'late', delay: { businessHours: 8 } }]; }, ['/states/proposal/after/0/delay/businessHours unknownCalendar']],
    ['a stage that is not an option', (process) => { process.states['archived'] = { type: 'final' }; }, ['/states/archived invalidStage']],
  ])('reports %s with its path', (_case, change, expected) => {
    expect(problemsOf(change)).toEqual(expected);
  });

  it('throws one ValidationError listing every problem', () => {
    const process = workflowProcess('salesPipeline');
    const proposal = process.states['proposal'];
    if (proposal) proposal.entry = [{ name: 'sendFax' }, { name: 'setFields', params: {} }];
    let thrown: unknown;
    try {
      compileProcess(process, createProcessRegistry());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).details.map((problem) => problem.path)).toEqual(['/states/proposal/entry/0/name', '/states/proposal/entry/1/params']);
  });

  it('runs a pack hook guard registered by name', () => {
    const hasBudget: GuardDefinition<{ minimum: number }> = {
      key: 'acme.hasBudget',
      label: 'Has budget',
      paramsSchema: { type: 'object', properties: { minimum: { type: 'number' } }, required: ['minimum'], additionalProperties: false },
      evaluate: (params, context) => (Number(context.record['amount'] ?? 0) >= params.minimum ? { allowed: true } : { allowed: false, reason: `Needs a budget of ${params.minimum}` }),
    };
    const process = workflowProcess('salesPipeline');
    const prospecting = process.states['prospecting'];
    if (prospecting?.on) prospecting.on['QUALIFY'] = { target: 'qualification', guards: [{ name: 'acme.hasBudget', params: { minimum: 1000 } }] };
    expect(findProcessProblems(process, createProcessRegistry())).toMatchObject([{ code: 'unknownGuard' }]);
    const compiled = compileProcess(process, createProcessRegistry({ guards: { 'acme.hasBudget': hasBudget } }));
    const started = startProcess(compiled, { record: { amount: 10 }, user: REP, now: '2026-01-01T00:00:00Z' });
    expect(started.ok).toBe(true);
  });
});
