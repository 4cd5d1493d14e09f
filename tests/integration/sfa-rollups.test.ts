// Roll-up fields (a numeric field's `rollup` option): a quote's subtotal is the sum of its lines'
// totals (each line total a formula of quantity × price × (1 − discount)), kept exact inside
// every line's create, update, move and delete — also with lines added concurrently — and the
// quote's own formula (total with discount and tax) follows. Clients cannot write it.
import { loadPacks } from '@stagecraft/metadata';
import { ManualClock, withIdentityPack } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { createThroughApi, startTestRuntime, type TestRuntime } from './runtime-harness';
import { createAs, SFA_PACK, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

describe.each(testDialects())('roll-ups on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let opportunity: string;
  let product: string;
  let counter = 0;
  const quoteOf = async (id: string): Promise<Record<string, unknown>> => (await runtime.api().get(`/api/records/quote/${id}`).expect(200)).body as Record<string, unknown>;
  const newQuote = async (extra: Record<string, unknown> = {}) => createAs(runtime, runtime.admin, 'quote', { name: `Quote ${++counter}`, opportunity, ...extra });
  const line = (quote: string, quantity: number, unitPrice: number, discount = 0) => ({ quote, product, quantity, unitPrice, discount });

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect);
    const account = await createAs(runtime, runtime.admin, 'account', { name: 'Rollup Industries' });
    opportunity = (await createAs(runtime, runtime.admin, 'opportunity', { name: 'Rollout', account: account.id, owner: runtime.users.rep1.id })).id;
    product = (await createAs(runtime, runtime.admin, 'product', { name: 'Seat licence', code: 'SEAT' })).id;
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('starts a quote at 0 and sums its line totals as lines are added', async () => {
    const quote = await newQuote({ taxRate: 10 });
    expect(quote).toMatchObject({ subtotal: 0, total: 0 });
    await createAs(runtime, runtime.admin, 'quoteLine', line(quote.id, 2, 100, 10));
    const withOne = await quoteOf(quote.id);
    expect(withOne).toMatchObject({ subtotal: 180, total: 198, version: 2 });
    const second = await createAs(runtime, runtime.admin, 'quoteLine', line(quote.id, 1, 50));
    expect(second.lineTotal).toBe(50);
    expect(await quoteOf(quote.id)).toMatchObject({ subtotal: 230, total: 253, version: 3 });
    const history = await runtime.api().get(`/api/records/quote/${quote.id}/history`).expect(200);
    expect(history.body.data.at(-1)).toMatchObject({ action: 'update', changes: { subtotal: { before: 180, after: 230 }, total: { before: 198, after: 253 } } });
  });

  it('follows line updates, moves between quotes and deletes', async () => {
    const [first, second] = [await newQuote(), await newQuote()];
    const moving = await createAs(runtime, runtime.admin, 'quoteLine', line(first.id, 3, 10));
    await createAs(runtime, runtime.admin, 'quoteLine', line(first.id, 1, 5));
    expect((await quoteOf(first.id)).subtotal).toBe(35);
    await runtime.api().patch(`/api/records/quoteLine/${moving.id}`).send({ quantity: 4 }).expect(200);
    expect((await quoteOf(first.id)).subtotal).toBe(45);
    await runtime.api().patch(`/api/records/quoteLine/${moving.id}`).send({ quote: second.id }).expect(200);
    expect([(await quoteOf(first.id)).subtotal, (await quoteOf(second.id)).subtotal]).toEqual([5, 40]);
    const unchanged = await quoteOf(second.id);
    await runtime.api().patch(`/api/records/quoteLine/${moving.id}`).send({ description: 'Only words' }).expect(200);
    expect((await quoteOf(second.id)).version).toBe(unchanged.version);
    await runtime.api().delete(`/api/records/quoteLine/${moving.id}`).expect(204);
    expect((await quoteOf(second.id)).subtotal).toBe(0);
    await runtime.api().delete(`/api/records/quote/${first.id}`).expect(204);
    expect((await runtime.api().get(`/api/records/quoteLine?filter[quote][eq]=${first.id}`).expect(200)).body.total).toBe(0);
  });

  it('counts every line added at once', async () => {
    const quote = await newQuote();
    await Promise.all(Array.from({ length: 10 }, (_, index) => createAs(runtime, runtime.admin, 'quoteLine', line(quote.id, index + 1, 10))));
    expect((await quoteOf(quote.id)).subtotal).toBe(550);
  });

  it('keeps a rep\'s quote up to date from the rep\'s own lines', async () => {
    const quote = await createAs(runtime, runtime.users.rep1, 'quote', { name: 'Rep quote', opportunity });
    await createAs(runtime, runtime.users.rep1, 'quoteLine', line(quote.id, 5, 20, 50));
    const read = await runtime.as(runtime.users.rep1.token).get(`/api/records/quote/${quote.id}`).expect(200);
    expect(read.body).toMatchObject({ subtotal: 50, total: 50 });
  });

  it('refuses a client writing the roll-up', async () => {
    const created = await runtime.api().post('/api/records/quote').send({ name: 'Cheat', opportunity, subtotal: 1 });
    expect(created.status).toBe(422);
    expect(created.body.error.details).toContainEqual(expect.objectContaining({ path: '/subtotal', code: 'readOnly' }));
    const quote = await newQuote();
    const patched = await runtime.api().patch(`/api/records/quote/${quote.id}`).send({ subtotal: 1 });
    expect(patched.status).toBe(422);
    expect(patched.body.error.details).toContainEqual(expect.objectContaining({ path: '/subtotal', code: 'readOnly' }));
    const schema = await runtime.api().get('/api/metadata/entities/quote/schema?mode=create').expect(200);
    expect(Object.keys(schema.body.properties as object)).not.toContain('subtotal');
  });
});

describe.each(testDialects())('roll-ups fed by a process on %s', (dialect) => {
  let runtime: TestRuntime;
  const clock = new ManualClock('2026-11-02T09:00:00.000Z');

  beforeAll(async () => {
    // A line-approval process on quote lines: approving (by hand, or by a timer after a day) drops the line's discount.
    const { bundle } = await loadPacks(withIdentityPack([SFA_PACK]));
    const quoteLine = bundle.entities.quoteLine;
    if (!quoteLine) throw new Error('the SFA pack lost its quote lines');
    quoteLine.fields.push({ name: 'approval', type: 'enum', default: 'draft', options: [{ value: 'draft' }, { value: 'approved' }] });
    const dropDiscount = [{ name: 'setFields', params: { values: { discount: 0 } } }];
    bundle.processes.lineApproval = {
      kind: 'process', name: 'lineApproval', entity: 'quoteLine', stageField: 'approval', initial: 'draft',
      states: {
        draft: { on: { APPROVE: { target: 'approved', actions: dropDiscount } }, after: [{ name: 'autoApprove', delay: { duration: 'P1D' }, target: 'approved', actions: dropDiscount }] },
        approved: { type: 'final' },
      },
    };
    runtime = await startTestRuntime(dialect, { bundle, now: () => clock.now() });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('recomputes the quote when a transition or a timer changes a line', async () => {
    const account = await createThroughApi(runtime, 'account', { name: 'Process Co' });
    const opportunity = await createThroughApi(runtime, 'opportunity', { name: 'Process deal', account: account.id });
    const product = await createThroughApi(runtime, 'product', { name: 'Widget', code: 'W' });
    const quote = await createThroughApi(runtime, 'quote', { name: 'Process quote', opportunity: opportunity.id });
    const line = (quantity: number) => createThroughApi(runtime, 'quoteLine', { quote: quote.id, product: product.id, quantity, unitPrice: 100, discount: 50 });
    const [byHand] = [await line(2), await line(4)];
    const subtotal = async (): Promise<unknown> => (await runtime.api().get(`/api/records/quote/${quote.id}`).expect(200)).body.subtotal;
    expect(await subtotal()).toBe(300);
    await runtime.api().post(`/api/records/quoteLine/${byHand?.id ?? ''}/transitions`).send({ event: 'APPROVE' }).expect(200);
    expect(await subtotal()).toBe(400);
    clock.advance(2 * 86_400_000);
    await runtime.workflow.scheduler.fireDueTimers();
    expect(await subtotal()).toBe(600);
  });
});
