// The reference campaign journey through the API: send (a webhook, delivered from the outbox to a
// local HTTP server with retries and an idempotency key) → wait 3 days → branch on the response:
// a follow-up call task for the lead's owner, or a reminder and, 3 days later, no response.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDialects } from '../support/databases';
import type { TestUser } from './runtime-harness';
import { createRecord, DAY_MS, getRecord, processView, sendEvent, startWorkflowRuntime, tasksOf, type WorkflowTestRuntime } from './workflow-harness';

interface Received {
  key: string | undefined;
  body: { template?: string; record?: { id?: string } };
}

describe.each(testDialects())('campaign journey through the API on %s', (dialect) => {
  let runtime: WorkflowTestRuntime;
  let owner: TestUser;
  let server: http.Server;
  const received: Received[] = [];
  let failuresLeft = 1;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
      request.on('end', () => {
        received.push({ key: request.headers['idempotency-key'] as string | undefined, body: JSON.parse(text) as Received['body'] });
        const fail = failuresLeft > 0;
        failuresLeft -= 1;
        response.writeHead(fail ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    runtime = await startWorkflowRuntime(dialect, {
      change: (bundle) => {
        const journey = JSON.stringify(bundle.processes.campaignJourney).replace(/https:\/\/mail\.example\.com\/send/g, url);
        bundle.processes.campaignJourney = JSON.parse(journey) as NonNullable<typeof bundle.processes.campaignJourney>;
      },
    });
    owner = await runtime.createUser({ username: 'lead-owner', role: 'salesRep' });
  });
  afterAll(async () => {
    await runtime?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends, waits three days and branches on the response', async () => {
    const silent = await createRecord(runtime, 'campaignMember', { name: 'Sam Silent', email: 'sam@example.com', leadOwner: owner.id });
    const eager = await createRecord(runtime, 'campaignMember', { name: 'Eve Eager', email: 'eve@example.com', leadOwner: owner.id });
    const leaving = await createRecord(runtime, 'campaignMember', { name: 'Lou Leaving', email: 'lou@example.com', leadOwner: owner.id });
    expect(silent).toMatchObject({ journeyStage: 'invited', sentAt: runtime.clock.now().toISOString() });

    // The first delivery meets a 503 and is retried after a backoff, with the same idempotency key.
    const first = await runtime.workflow.outboxWorker.deliverDue();
    expect(first).toMatchObject({ delivered: 2, retried: 1 });
    runtime.clock.advance(60_000);
    expect(await runtime.workflow.outboxWorker.deliverDue()).toMatchObject({ delivered: 1 });
    expect(received.filter((request) => request.body.template === 'invitation').map((request) => request.body.record?.id).sort()).toEqual([...[silent.id, eager.id, leaving.id], received[0]?.body.record?.id].sort());
    const keys = received.map((request) => request.key);
    expect(new Set(keys).size).toBe(3);

    runtime.clock.advance(DAY_MS);
    expect((await runtime.api().patch(`/api/records/campaignMember/${eager.id}`).send({ responded: true })).status).toBe(200);
    expect((await sendEvent(runtime, 'campaignMember', leaving.id, { event: 'UNSUBSCRIBE' })).body).toMatchObject({ stage: 'optedOut', done: true });
    expect((await processView(runtime, 'campaignMember', leaving.id)).timers).toEqual([]);

    runtime.clock.advance(2 * DAY_MS);
    await runtime.workflow.scheduler.fireDueTimers();
    expect(await getRecord(runtime, 'campaignMember', eager.id)).toMatchObject({ journeyStage: 'followUp' });
    expect(await tasksOf(runtime, eager.id)).toEqual([expect.objectContaining({ title: 'Call Eve Eager', type: 'call', assignee: owner.id })]);
    expect(await getRecord(runtime, 'campaignMember', silent.id)).toMatchObject({ journeyStage: 'reminded', reminderCount: 1 });
    await runtime.workflow.outboxWorker.deliverDue();
    expect(received.filter((request) => request.body.template === 'reminder').map((request) => request.body.record?.id)).toEqual([silent.id]);

    runtime.clock.advance(3 * DAY_MS);
    await runtime.workflow.scheduler.fireDueTimers();
    expect(await getRecord(runtime, 'campaignMember', silent.id)).toMatchObject({ journeyStage: 'noResponse' });
    expect(await tasksOf(runtime, silent.id)).toEqual([]);
    expect(await getRecord(runtime, 'campaignMember', leaving.id)).toMatchObject({ journeyStage: 'optedOut' });
  });
});
