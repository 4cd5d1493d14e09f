// What a process tells readers of fields hidden from them. Notification texts with {field} placeholders: filled per recipient in their own locale, with
// values captured at the transition, and masked for a recipient who may not read the field or
// the record — a notification never says what the record API would hide from its reader.
import type { PermissionSetDocument } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import type { TestUser } from './runtime-harness';
import { createRecord, sendEvent, startWorkflowRuntime, workflowsBundle, type WorkflowTestRuntime } from './workflow-harness';

interface EntryAction {
  name: string;
  params: Record<string, unknown>;
}

describe.each(testDialects())('hidden fields in process messages on %s', (dialect) => {
  let runtime: WorkflowTestRuntime;
  let rep: TestUser;
  let manager: TestUser;
  let observer: TestUser;

  beforeAll(async () => {
    runtime = await startWorkflowRuntime(dialect, {
      change: (bundle) => {
        const process = bundle.processes.salesPipeline as unknown as { states: Record<string, { entry?: EntryAction[] }> };
        const notify = process.states.closedWon?.entry?.find((action) => action.name === 'notify');
        if (!notify) throw new Error('the reference pipeline lost its closed-won notification');
        notify.params = {
          to: ['owner', { role: 'salesManager' }, { role: 'observer' }],
          subject: { en: 'Won: {name}', 'zh-CN': '赢单：{name}' },
          message: { en: 'Deal {name} won: {amount}, stage {stage}, lost reason {lostReason}.', 'zh-CN': '商机 {name} 赢单：{amount}，阶段 {stage}。' },
        };
        const permissions = (bundle.permissions ??= {});
        const repSet = permissions.salesRepWorkflows as PermissionSetDocument;
        repSet.entities.opportunity = { ...repSet.entities.opportunity, fields: { amount: 'hidden' } };
        permissions.sellerWorkflows = { kind: 'permissionSet', name: 'sellerWorkflows', role: 'seller', entities: { opportunity: { read: 'all', update: 'all', transition: 'all' } } } as PermissionSetDocument;
        permissions.observerWorkflows = { kind: 'permissionSet', name: 'observerWorkflows', role: 'observer', entities: { opportunity: { read: 'own' } } } as PermissionSetDocument;
      },
    });
    rep = await runtime.createUser({ username: 'rep', role: 'salesRep' });
    manager = await runtime.createUser({ username: 'manager', role: 'salesManager', locale: 'zh-CN' });
    observer = await runtime.createUser({ username: 'observer', role: 'observer' });
  });
  afterAll(async () => runtime?.close());

  const inboxOf = async (user: TestUser): Promise<Array<{ title: string; body: string }>> => {
    const response = await runtime.as(user.token).get('/api/notifications');
    expect(response.status).toBe(200);
    return response.body.data as Array<{ title: string; body: string }>;
  };

  it('fills values per recipient, localised, and masks hidden fields and unreadable records', async () => {
    const deal = await createRecord(runtime, 'opportunity', { name: 'Acme renewal', owner: rep.id, amount: 12_500, closeDate: '2026-06-30' });
    for (const event of ['QUALIFY', 'PROPOSE', 'NEGOTIATE', 'TERMS_AGREED', 'WIN']) {
      expect((await sendEvent(runtime, 'opportunity', deal.id, { event })).status).toBe(200);
    }
    // A later change does not alter what the notification says: values are the transition's.
    await runtime.api().patch(`/api/records/opportunity/${deal.id}`).send({ name: 'Renamed afterwards' });
    await runtime.workflow.outboxWorker.deliverDue();

    expect(await inboxOf(rep)).toEqual([expect.objectContaining({ title: 'Won: Acme renewal', body: 'Deal Acme renewal won: •••, stage Closed won, lost reason —.' })]);
    expect(await inboxOf(manager)).toEqual([expect.objectContaining({ title: '赢单：Acme renewal', body: '商机 Acme renewal 赢单：12,500，阶段 赢单。' })]);
    expect(await inboxOf(observer)).toEqual([expect.objectContaining({ title: 'Won: •••', body: 'Deal ••• won: •••, stage •••, lost reason •••.' })]);
  });

  it('does not tell a reader why a condition on a field hidden from them blocks an event', async () => {
    const deal = await createRecord(runtime, 'opportunity', { name: 'Whale', owner: rep.id, amount: 500_000, closeDate: '2026-06-30' });
    for (const event of ['QUALIFY', 'PROPOSE', 'NEGOTIATE', 'TERMS_AGREED']) expect((await sendEvent(runtime, 'opportunity', deal.id, { event })).status).toBe(200);

    const asRep = await runtime.as(rep.token).get(`/api/records/opportunity/${deal.id}/transitions`);
    const repWin = (asRep.body.data as Array<{ event: string; allowed: boolean; reasons: Array<{ code: string; path: string }> }>).filter((item) => item.event === 'WIN');
    expect(repWin.every((item) => !item.allowed)).toBe(true);
    expect(repWin.flatMap((item) => item.reasons).map((reason) => reason.code)).toContain('hiddenCondition');
    expect(JSON.stringify(asRep.body)).not.toMatch(/100,000|100000|amount/);
    const refused = await sendEvent(runtime, 'opportunity', deal.id, { event: 'WIN' }, rep);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).not.toMatch(/100,000|100000|amount/);
    expect(refused.body.error).toMatchObject({ details: expect.arrayContaining([expect.objectContaining({ code: 'hiddenCondition', path: '' })]) });

    // Someone who sees the amount is told the real reason.
    const seller = await runtime.createUser({ username: 'seller', role: 'seller' });
    const asSeller = await runtime.as(seller.token).get(`/api/records/opportunity/${deal.id}/transitions`);
    expect(JSON.stringify(asSeller.body)).toMatch(/Deals over 100,000 need a sales manager/);
  });

  it('refuses to plan a placeholder that names no field, with its path', async () => {
    const bundle = await workflowsBundle((changed) => {
      const process = changed.processes.salesPipeline as unknown as { states: Record<string, { entry?: EntryAction[] }> };
      const notify = process.states.closedWon?.entry?.find((action) => action.name === 'notify');
      if (notify) notify.params = { to: 'owner', message: 'Won {colour}' };
    });
    const response = await runtime.api().post('/api/metadata/plan').send({ bundle });
    expect(response.status).toBe(422);
    const details = response.body.error.details as Array<{ path: string; message: string }>;
    expect(details).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\/processes\/salesPipeline\/states\/closedWon\/entry\/\d+\/params\/message$/), message: expect.stringContaining('{colour}') })]);
  });

  it('refuses to publish a process naming an action the registry lacks, and keeps the live version', async () => {
    const before = (await runtime.api().get('/api/metadata/versions')).body.live as number;
    const bundle = await workflowsBundle((changed) => {
      const process = changed.processes.salesPipeline as unknown as { states: Record<string, { entry?: EntryAction[] }> };
      process.states.closedWon?.entry?.push({ name: 'launchRocket', params: {} });
    });
    const response = await runtime.api().post('/api/metadata/publish').send({ bundle });
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\/processes\/salesPipeline\/states\/closedWon\/entry\/\d+\/name$/), code: 'unknownAction' })]);
    expect((await runtime.api().get('/api/metadata/versions')).body.live).toBe(before);
  });
});
