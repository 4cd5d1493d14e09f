// Calendar overlap (entity metadata `overlapRules`, on in the SFA pack for meetings in the
// owner's calendar): an overlapping meeting is refused with 422 naming the other meeting — only
// to someone who may read it — unless confirmed with ?confirm=overlap; touching meetings, other
// owners, other activity types and a meeting's own old range never count.
import type { PermissionSetDocument } from '@stagecraft/core';
import type { TestUser } from './runtime-harness';
import { testDialects } from '../support/databases';
import { createAs, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

type Body = Record<string, unknown>;
const at = (time: string) => `2026-11-10T${time}:00.000Z`;

/** Schedules meetings for others but sees only what they own: the generic refusal. */
const ASSISTANT: PermissionSetDocument = {
  kind: 'permissionSet', name: 'testAssistant', role: 'assistant',
  entities: { activity: { create: true, read: 'own', update: 'own', fields: { owner: 'editable' } } },
};

describe.each(testDialects())('meeting overlaps on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let rep1: TestUser;
  let rep2: TestUser;
  let assistant: TestUser;
  let review: Body & { id: string; version: number };

  const meeting = (subject: string, start: string, end: string, extra: Body = {}): Body => ({ subject, type: 'meeting', startAt: at(start), endAt: at(end), ...extra });
  const post = (user: TestUser, body: Body, query = '') => runtime.as(user.token).post(`/api/records/activity${query}`).send(body);
  const errorOf = (body: Body) => body.error as { code: string; message: string; details: Array<{ path: string; message: string; code: string }> };

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect, '2026-11-02T09:00:00.000Z', (bundle) => {
      bundle.permissions = { ...bundle.permissions, testAssistant: ASSISTANT };
    });
    ({ rep1, rep2 } = runtime.users);
    assistant = await runtime.createUser({ username: 'assistant', role: 'assistant' });
    review = await createAs(runtime, rep1, 'activity', meeting('Quarterly review with Acme', '10:00', '11:00'));
  }, 120_000);
  afterAll(async () => {
    await runtime?.close();
  });

  it('refuses an overlapping meeting of the same owner, naming the other meeting', async () => {
    const refused = await post(rep1, meeting('Demo for Globex', '10:30', '11:30')).expect(422);
    expect(errorOf(refused.body)).toMatchObject({ code: 'validationFailed', details: [{ path: '/startAt', code: 'overlap' }] });
    expect(errorOf(refused.body).message).toContain('"Quarterly review with Acme"');
    expect(errorOf(refused.body).message).toContain('confirm=overlap');
    // Nothing was stored.
    const list = await runtime.as(rep1.token).get('/api/records/activity?filter[subject][eq]=Demo for Globex').expect(200);
    expect(list.body.total).toBe(0);
  });

  it('keeps both when the writer confirms the overlap', async () => {
    const kept = await post(rep1, meeting('Demo for Globex', '10:30', '11:30'), '?confirm=overlap').expect(201);
    expect(kept.body).toMatchObject({ subject: 'Demo for Globex', owner: rep1.id });
  });

  it('lets meetings touch, and ignores tasks, calls and other owners', async () => {
    await post(rep1, meeting('Lunch with Initech', '12:00', '13:00')).expect(201);
    await post(rep1, meeting('Hand-off call prep', '11:30', '12:00')).expect(201);
    await post(rep1, meeting('Afternoon workshop', '13:00', '14:00')).expect(201);
    await post(rep1, { ...meeting('Call Umbrella', '10:15', '10:45'), type: 'call' }).expect(201);
    await post(rep2, meeting('Rep 2 review', '10:00', '11:00')).expect(201);
  });

  it('checks a moved meeting against the others but never against itself', async () => {
    const workshop = await createAs(runtime, rep1, 'activity', meeting('Pricing workshop', '15:00', '16:00'));
    const patch = (body: Body, query = '') => runtime.as(rep1.token).patch(`/api/records/activity/${workshop.id}${query}`).send(body);
    // Within its own old range, and a change of notes only: no conflict with itself.
    const moved = await patch({ startAt: at('15:15'), endAt: at('15:45') }).expect(200);
    await runtime.as(rep1.token).patch(`/api/records/activity/${workshop.id}`).send({ description: 'Bring the price list', version: moved.body.version }).expect(200);
    // Onto the review: refused, and the record is unchanged.
    const refused = await patch({ startAt: at('10:45'), endAt: at('11:15') }).expect(422);
    expect(errorOf(refused.body).details).toEqual([expect.objectContaining({ path: '/startAt', code: 'overlap' })]);
    const current = await runtime.as(rep1.token).get(`/api/records/activity/${workshop.id}`).expect(200);
    expect(current.body).toMatchObject({ startAt: at('15:15'), endAt: at('15:45'), version: 3 });
    // A task that becomes a meeting at a taken time is checked too.
    const task = await createAs(runtime, rep1, 'activity', { subject: 'Prepare slides', type: 'task', startAt: at('10:00'), endAt: at('10:30') });
    await runtime.as(rep1.token).patch(`/api/records/activity/${task.id}`).send({ type: 'meeting' }).expect(422);
    await runtime.as(rep1.token).patch(`/api/records/activity/${task.id}?confirm=overlap`).send({ type: 'meeting' }).expect(200);
  });

  it('does not name a meeting the writer may not read', async () => {
    const refused = await post(assistant, meeting('Board prep', '10:00', '10:30', { owner: rep1.id })).expect(422);
    expect(errorOf(refused.body).details).toEqual([expect.objectContaining({ path: '/startAt', code: 'overlap' })]);
    const text = JSON.stringify(refused.body);
    expect(text).not.toContain('Quarterly review');
    expect(text).not.toContain(review.id);
    expect(errorOf(refused.body).message).toContain('you cannot see');
  });

  it('refuses a meeting that ends before it starts', async () => {
    const refused = await post(rep1, meeting('Backwards', '17:00', '16:00')).expect(422);
    expect(errorOf(refused.body).details).toEqual([expect.objectContaining({ path: '/endAt', code: 'invalidRange' })]);
  });
});
