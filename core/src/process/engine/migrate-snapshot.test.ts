// migrateSnapshot: moving records to a new version of their process with a mapping for removed states.
import type { ProcessDocument } from '../../model/process';
import { compileWorkflow, REP } from '../testing/workflows-pack';
import { ProcessDriver, succeeded } from '../testing/steps';
import { migrateSnapshot } from './migrate-snapshot';

const NOW = '2026-03-10T09:00:00.000Z';
const input = { record: {}, user: REP, now: NOW };

/** Version 2 merges qualification into prospecting and makes negotiation a single state. */
function version2(process: ProcessDocument): void {
  delete process.states['qualification'];
  const prospecting = process.states['prospecting'];
  if (prospecting?.on) prospecting.on['PROPOSE'] = { target: 'proposal' };
  if (prospecting?.on) delete prospecting.on['QUALIFY'];
  process.states['negotiation'] = { on: { WIN: { target: 'closedWon' }, LOSE: { target: 'closedLost' } } };
}

describe('migrateSnapshot', () => {
  const v1 = compileWorkflow('salesPipeline');
  const v2 = compileWorkflow('salesPipeline', version2);

  it('keeps a state that still exists, with its timer clock', () => {
    const deal = new ProcessDriver(v1, { id: 'o' }, REP, '2026-03-02T09:00:00Z');
    const migrated = migrateSnapshot(v1, v2, deal.snapshot, {}, input);
    expect(migrated).toMatchObject({ ok: true, stage: 'prospecting', timers: { arm: [], cancel: [] } });
    if (migrated.ok) expect(migrated.snapshot.timers).toEqual(deal.timers);
  });

  it('moves a removed state along the mapping, cancelling its timers and arming the new state\'s', () => {
    const deal = new ProcessDriver(v1, { id: 'o' }, REP, '2026-03-02T09:00:00Z');
    succeeded(deal.send({ type: 'QUALIFY' }, '2026-03-03T09:00:00Z'));
    const migrated = migrateSnapshot(v1, v2, deal.snapshot, { qualification: 'prospecting' }, input);
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.problems));
    expect(migrated.stateValue).toBe('prospecting');
    expect(migrated.timers.cancel).toEqual(['salesPipeline:qualification:staleDeal']);
    expect(migrated.timers.arm).toEqual([expect.objectContaining({ key: 'salesPipeline:prospecting:staleDeal', dueAt: '2026-03-24T09:00:00.000Z', generation: 3 })]);
    const next = succeeded(deal.send({ type: 'ACTIVITY' }, NOW));
    expect(next.stage).toBe('qualification');
  });

  it('maps a nested state through its mapped parent', () => {
    const deal = new ProcessDriver(v1, { id: 'o', amount: 1, closeDate: '2026-05-01' }, REP, '2026-03-02T09:00:00Z');
    for (const type of ['QUALIFY', 'PROPOSE', 'NEGOTIATE', 'TERMS_AGREED']) succeeded(deal.send({ type }, '2026-03-03T09:00:00Z'));
    expect(migrateSnapshot(v1, v2, deal.snapshot, {}, input)).toMatchObject({ ok: false, problems: [{ path: '/states/negotiation/states/legalReview', code: 'unmappedState' }] });
    expect(migrateSnapshot(v1, v2, deal.snapshot, { negotiation: 'negotiation' }, input)).toMatchObject({ ok: true, stateValue: 'negotiation' });
  });

  it('reports a mapping that names states that do not exist', () => {
    const deal = new ProcessDriver(v1, { id: 'o' }, REP, '2026-03-02T09:00:00Z');
    const migrated = migrateSnapshot(v1, v2, deal.snapshot, { qualification: 'discovery', review: 'proposal' }, input);
    expect(migrated).toMatchObject({ ok: false, problems: [{ path: '/qualification', code: 'unknownState' }, { path: '/review', code: 'unknownState' }] });
  });

  it('moves the regions of a parallel state independently and reports conflicting targets', () => {
    const tickets = compileWorkflow('ticketRouting');
    const simplified = compileWorkflow('ticketRouting', (process) => {
      const work = process.states['open']?.states?.['work'];
      if (work?.states) {
        delete work.states['waitingForCustomer'];
        work.states['inProgress'] = {};
      }
      const pending = process.states['open']?.states?.['response']?.states?.['pending'];
      if (pending?.after?.[0]) delete pending.after[0].pausedIn;
    });
    const ticket = new ProcessDriver(tickets, { id: 't', category: 'billing' }, REP, '2026-03-02T09:00:00Z');
    succeeded(ticket.send({ type: 'WAIT_FOR_CUSTOMER' }, '2026-03-02T10:00:00Z'));
    const migrated = migrateSnapshot(tickets, simplified, ticket.snapshot, { 'open.work.waitingForCustomer': 'open.work.inProgress' }, { ...input, now: '2026-03-02T11:00:00Z' });
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.problems));
    expect(migrated.stateValue).toEqual({ open: { response: 'pending', work: 'inProgress' } });
    // The SLA no longer pauses in version 2, so its clock runs again with the time it had left.
    expect(migrated.timers.resume.map((timer) => timer.key)).toEqual(['ticketRouting:open.response.pending:firstResponse', 'ticketRouting:open.response.pending:firstResponse:slaWarning']);

    const conflict = migrateSnapshot(tickets, simplified, ticket.snapshot, { 'open.work.waitingForCustomer': 'resolved' }, input);
    expect(conflict).toMatchObject({ ok: false, problems: [{ code: 'conflictingStates' }] });
  });
});
