// A process published after its records exist: those records start it explicitly (POST
// …/process/start, administrators or the transition grant) instead of answering 404, and the
// startProcess action's outbox rows do the same for other records (a redelivered row acts once).
// Deleting a record takes its process instance, timers and pending outbox rows with it, in the
// delete's transaction.
import { includeIdentity, loadIdentityBundle } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { createRecord, DAY_MS, getRecord, processView, sendEvent, startWorkflowRuntime, workflowsBundle, type WorkflowTestRuntime } from './workflow-harness';

describe.each(testDialects())('starting and deleting record processes on %s', (dialect) => {
  let runtime: WorkflowTestRuntime;

  beforeAll(async () => {
    // Published first without the sales pipeline: opportunities are plain records.
    runtime = await startWorkflowRuntime(dialect, { change: (bundle) => delete bundle.processes.salesPipeline });
  });
  afterAll(async () => runtime?.close());

  async function publishPipeline(): Promise<void> {
    await runtime.system.repository.publish(includeIdentity(await workflowsBundle(), await loadIdentityBundle()), { author: 'test' });
    await runtime.live.refresh();
  }

  const count = async (table: string, recordId: string): Promise<number> => {
    const rows = await runtime.system.database.select(`SELECT COUNT(*) AS n FROM ${table} WHERE record_id = $1`, [recordId]);
    return Number(rows[0]?.n);
  };
  const pendingOutboxOf = async (recordId: string): Promise<number> =>
    (await runtime.workflow.service.outbox.list({ pending: true })).filter((row) => row.source.recordId === recordId).length;

  it('starts the process of records created before it was published', async () => {
    const early = await createRecord(runtime, 'opportunity', { name: 'Early deal' });
    const other = await createRecord(runtime, 'opportunity', { name: 'Other early deal' });
    const repsDeal = await createRecord(runtime, 'opportunity', { name: 'Rep deal' });
    expect(await count('stagecraft_process_instances', early.id)).toBe(0);
    await publishPipeline();
    expect((await runtime.api().get(`/api/records/opportunity/${early.id}/transitions`)).status).toBe(404);

    // Without any grant the record is not even visible (404); a rep with the transition grant may start it.
    const stranger = await runtime.createUser({ username: 'start-stranger', role: 'reader' });
    expect((await runtime.as(stranger.token).post(`/api/records/opportunity/${early.id}/process/start`)).status).toBe(404);
    const rep = await runtime.createUser({ username: 'start-rep', role: 'salesRep' });
    expect((await runtime.as(rep.token).post(`/api/records/opportunity/${repsDeal.id}/process/start`)).status).toBe(201);
    expect((await runtime.api().post(`/api/records/opportunity/${early.id}/process/start`).send({ process: 42 })).status).toBe(422);
    expect((await runtime.api().post(`/api/records/opportunity/${early.id}/process/start`).send({ process: 'campaignJourney' })).status).toBe(404);

    const started = await runtime.api().post(`/api/records/opportunity/${early.id}/process/start`);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ record: { id: early.id, stage: 'prospecting', version: early.version + 1 }, started: [{ process: 'salesPipeline', stage: 'prospecting' }] });
    const view = await processView(runtime, 'opportunity', early.id);
    expect(view.state).toBe('prospecting');
    expect(view.timers.map((timer) => timer.key)).toEqual(['salesPipeline:prospecting:staleDeal']);
    expect(view.transitions).toEqual([expect.objectContaining({ event: 'stagecraft.start', recordVersion: early.version + 1 })]);
    const history = await runtime.api().get(`/api/records/opportunity/${early.id}/history`);
    expect((history.body as { data: Array<{ action: string }> }).data.map((row) => row.action)).toContain('transition');
    expect((await sendEvent(runtime, 'opportunity', early.id, { event: 'QUALIFY' })).status).toBe(200);
    const again = await runtime.api().post(`/api/records/opportunity/${early.id}/process/start`);
    expect(again.status).toBe(409);

    // The startProcess action's outbox row starts the other record; delivered twice, it acts once.
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await runtime.system.database.transaction((transaction) =>
        runtime.workflow.service.outbox.enqueue({ kind: 'startProcess', params: { entity: 'opportunity', recordId: other.id }, source: { entity: 'opportunity', recordId: early.id } }, runtime.clock.now(), transaction),
      );
    }
    expect(await runtime.workflow.outboxWorker.deliverDue()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    const rows = (await runtime.workflow.service.outbox.list({ kind: 'startProcess' })).map((row) => row.result);
    expect(rows).toEqual([{ started: [expect.objectContaining({ process: 'salesPipeline', stage: 'prospecting' })] }, { skipped: 'already running' }]);
    expect(await getRecord(runtime, 'opportunity', other.id)).toMatchObject({ stage: 'prospecting', version: other.version + 1 });
    expect(await count('stagecraft_process_transitions', other.id)).toBe(1);
  });

  it('removes the process instance, timers and pending outbox rows with the record, and only those', async () => {
    const doomed = await createRecord(runtime, 'opportunity', { name: 'Doomed deal' });
    const kept = await createRecord(runtime, 'opportunity', { name: 'Kept deal' });
    for (const id of [doomed.id, kept.id]) {
      await runtime.system.database.transaction((transaction) =>
        runtime.workflow.service.outbox.enqueue({ kind: 'webhook', params: { url: 'http://127.0.0.1:9/never', payload: {} }, source: { entity: 'opportunity', recordId: id, process: 'salesPipeline' } }, runtime.clock.now(), transaction),
      );
    }
    expect(await count('stagecraft_process_instances', doomed.id)).toBe(1);
    expect(await count('stagecraft_timers', doomed.id)).toBe(1);
    expect(await pendingOutboxOf(doomed.id)).toBe(1);

    expect((await runtime.api().delete(`/api/records/opportunity/${doomed.id}`)).status).toBe(204);
    expect(await count('stagecraft_process_instances', doomed.id)).toBe(0);
    expect(await count('stagecraft_timers', doomed.id)).toBe(0);
    expect(await pendingOutboxOf(doomed.id)).toBe(0);
    // The history stays; the other record keeps everything.
    expect(await count('stagecraft_process_transitions', doomed.id)).toBe(1);
    expect(await count('stagecraft_process_instances', kept.id)).toBe(1);
    expect(await count('stagecraft_timers', kept.id)).toBe(1);
    expect(await pendingOutboxOf(kept.id)).toBe(1);
    // The deleted deal's stale-deal timer never fires (its row is gone).
    runtime.clock.advance(15 * DAY_MS);
    const report = await runtime.workflow.scheduler.fireDueTimers();
    const tasks = await runtime.system.database.select(`SELECT related_id FROM task`, []);
    expect(tasks.map((row) => row.related_id)).toContain(kept.id);
    expect(tasks.map((row) => row.related_id)).not.toContain(doomed.id);
    expect(report.fired).toBeGreaterThanOrEqual(1);
  });
});
