// Every record write runs one pipeline (runtime/src/records/pipeline), so a capability's phase
// reaches paths that used to wire their own subset. Regressions for the two gaps it closed: a
// transition that moves a meeting runs the overlap rules a PATCH runs, and a timer firing whose
// effect sets a reference checks that the referenced record exists (the firing fails instead of
// leaving a dangling reference).
import type { ProcessDocument } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import { startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

type Body = Record<string, unknown>;
const at = (time: string) => `2026-11-10T${time}:00.000Z`;
/** Well formed, but no account has it. */
const MISSING_ACCOUNT = '0190a0b0-0000-7000-8000-000000000001';

/** Activities' priority as a process stage: an event that reschedules, a timer that links an account. */
const FOLLOW_UP: ProcessDocument = {
  kind: 'process', name: 'activityFollowUp', entity: 'activity', stageField: 'priority', initial: 'normal',
  states: {
    normal: {
      on: { RESCHEDULE: { target: 'high' } },
      after: [{ name: 'linkAccount', delay: { duration: 'PT1H' }, target: 'high', actions: [{ name: 'setFields', params: { values: { account: MISSING_ACCOUNT } } }] }],
    },
    high: { on: { RESCHEDULE: { target: 'normal' } } },
    low: {},
  },
};

describe.each(testDialects())('the record-write pipeline on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  const meeting = (subject: string, start: string, end: string): Body => ({ subject, type: 'meeting', startAt: at(start), endAt: at(end) });
  const create = async (body: Body): Promise<Body & { id: string; version: number }> => (await runtime.api().post('/api/records/activity').send(body).expect(201)).body;

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect, '2026-11-02T09:00:00.000Z', (bundle) => {
      bundle.processes = { ...bundle.processes, activityFollowUp: FOLLOW_UP };
    });
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
  });

  it('runs the overlap rules on a transition that moves a meeting onto another', async () => {
    await create(meeting('Board review', '10:00', '11:00'));
    const workshop = await create(meeting('Pricing workshop', '14:00', '15:00'));
    const transitions = `/api/records/activity/${workshop.id}/transitions`;
    const refused = await runtime.api().post(transitions).send({ event: 'RESCHEDULE', data: { startAt: at('10:30'), endAt: at('11:30') } }).expect(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: '/startAt', code: 'overlap' })]);
    // Nothing of the step was kept: the range, the stage and the version are as they were.
    const current = await runtime.api().get(`/api/records/activity/${workshop.id}`).expect(200);
    expect(current.body).toMatchObject({ startAt: at('14:00'), priority: 'normal', version: workshop.version });
    // A move to a free slot goes through, as a PATCH would.
    const moved = await runtime.api().post(transitions).send({ event: 'RESCHEDULE', data: { startAt: at('16:00'), endAt: at('17:00') } }).expect(200);
    expect(moved.body.record).toMatchObject({ startAt: at('16:00'), priority: 'high' });
  });

  it('checks the references a timer firing sets, failing the firing instead of writing a dangling one', async () => {
    const call = await create({ subject: 'Call about the renewal', type: 'call' });
    runtime.clock.advance(2 * 3_600_000);
    const report = await runtime.workflow.scheduler.fireDueTimers();
    expect(report.failed ?? 0).toBeGreaterThanOrEqual(1);
    expect(report.fired ?? 0).toBe(0);
    const current = await runtime.api().get(`/api/records/activity/${call.id}`).expect(200);
    expect(current.body).toMatchObject({ account: null, priority: 'normal', version: call.version });
  });
});
