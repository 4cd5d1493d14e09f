// Process metadata through the API: the list and one process with its states; the dry run (live
// process or an unpublished document; nothing written; bad documents answer 422 with paths); and
// version pinning — records keep the process version they started on until migrated.
import type { EntityDocument, MetadataBundle, ProcessDocument } from '@stagecraft/core';
import { testDialects } from '../support/databases';
import { createRecord, detailsOf, processView, sendEvent, startWorkflowRuntime, workflowsBundle, type WorkflowTestRuntime } from './workflow-harness';
import { includeIdentity, loadIdentityBundle } from '@stagecraft/runtime';

async function countRows(runtime: WorkflowTestRuntime, table: string): Promise<number> {
  const rows = await runtime.system.database.select(`SELECT COUNT(*) AS n FROM ${runtime.system.database.quote(table)}`, []);
  return Number(rows[0]?.n);
}

describe.each(testDialects())('process metadata, dry run and versions on %s', (dialect) => {
  let runtime: WorkflowTestRuntime;

  beforeAll(async () => {
    runtime = await startWorkflowRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  it('lists the processes and describes one with its states', async () => {
    const list = await runtime.api().get('/api/metadata/processes');
    expect(list.body.data).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'salesPipeline', entity: 'opportunity', stageField: 'stage', title: 'Sales pipeline' }),
      expect.objectContaining({ name: 'ticketRouting', entity: 'ticket', stageField: 'status' }),
    ]));
    const one = await runtime.api().get('/api/metadata/processes/salesPipeline');
    expect(one.body.document.initial).toBe('prospecting');
    expect(one.body.states).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'proposal', probability: 60, guidance: expect.objectContaining({ en: expect.stringMatching(/proposal/) }) }),
      expect.objectContaining({ path: 'negotiation.legalReview', parent: 'negotiation' }),
    ]));
    expect((await runtime.api().get('/api/metadata/processes/nope')).status).toBe(404);
  });

  it('simulates a sequence of events without writing anything', async () => {
    const before = await Promise.all(['stagecraft_process_transitions', 'stagecraft_timers', 'stagecraft_outbox', 'opportunity', 'task'].map((table) => countRows(runtime, table)));
    const response = await runtime.api().post('/api/metadata/processes/salesPipeline/simulate').send({
      record: { id: 'sample', name: 'Sample', owner: 'u-1' },
      events: [{ type: 'QUALIFY' }, { type: 'PROPOSE' }, { type: 'PROPOSE', data: {}, at: '2026-03-05T00:00:00Z' }, { type: 'stagecraft.timer', timer: 'salesPipeline:qualification:staleDeal' }],
      now: '2026-03-02T09:00:00Z',
    });
    expect(response.status).toBe(200);
    const path = response.body.path as Array<{ event: string; ok: boolean; stage: string | null; error?: string; effects: Array<{ name: string }> }>;
    expect(path.map((step) => [step.event, step.ok, step.stage])).toEqual([
      ['stagecraft.start', true, 'prospecting'], ['QUALIFY', true, 'qualification'], ['PROPOSE', false, 'qualification'], ['PROPOSE', false, 'qualification'], ['stagecraft.timer', true, 'qualification'],
    ]);
    expect(path[4]?.effects.map((effect) => effect.name)).toEqual(['createRecord']);
    const after = await Promise.all(['stagecraft_process_transitions', 'stagecraft_timers', 'stagecraft_outbox', 'opportunity', 'task'].map((table) => countRows(runtime, table)));
    expect(after).toEqual(before);
  });

  it('simulates an unpublished process document, and answers 422 with paths for a bad one', async () => {
    const draft = structuredClone(runtime.bundle.processes.salesPipeline) as ProcessDocument;
    draft.states.prospecting!.on!.QUALIFY = { target: 'proposal' };
    const tried = await runtime.api().post('/api/metadata/processes/salesPipeline/simulate').send({ process: draft, record: { name: 'X', amount: 1, closeDate: '2026-04-01' }, events: [{ type: 'QUALIFY' }] });
    expect(tried.status).toBe(200);
    expect(tried.body.path[1]).toMatchObject({ ok: true, stage: 'proposal' });
    draft.states.prospecting!.on!.QUALIFY = { target: 'nowhere', guards: [{ name: 'noSuchGuard' }] };
    const bad = await runtime.api().post('/api/metadata/processes/salesPipeline/simulate').send({ process: draft, events: [] });
    expect(bad.status).toBe(422);
    expect(detailsOf(bad.body).every((detail) => detail.path.startsWith('/process/states/prospecting/on/QUALIFY'))).toBe(true);
    const malformed = await runtime.api().post('/api/metadata/processes/salesPipeline/simulate').send({ events: [{ nope: 1 }], record: 3 });
    expect(malformed.status).toBe(422);
    expect(detailsOf(malformed.body).map((detail) => detail.path).sort()).toEqual(['/events/0', '/record']);
  });

  it('simulates a drafted process on its drafted entity, refusing an entity that is not the process\'s or not valid', async () => {
    const entity = structuredClone(runtime.bundle.entities.opportunity) as EntityDocument;
    const stage = entity.fields.find((field) => field.name === 'stage');
    if (stage?.type !== 'enum') throw new Error('the opportunity stage is an enum');
    stage.options.push({ value: 'onHold', label: 'On hold' });
    const draft = structuredClone(runtime.bundle.processes.salesPipeline) as ProcessDocument;
    draft.states.onHold = { label: 'On hold' };
    draft.states.prospecting!.on!.HOLD = { target: 'onHold' };
    const send = (body: object) => runtime.api().post('/api/metadata/processes/salesPipeline/simulate').send(body);
    const withoutEntity = await send({ process: draft, record: { name: 'X', amount: 1, closeDate: '2026-04-01' }, events: [{ type: 'HOLD' }] });
    expect(withoutEntity.status).toBe(422);
    const tried = await send({ process: draft, entity, record: { name: 'X', amount: 1, closeDate: '2026-04-01' }, events: [{ type: 'HOLD' }] });
    expect(tried.status).toBe(200);
    expect(tried.body.path[1]).toMatchObject({ ok: true, stage: 'onHold' });
    const other = await send({ process: draft, entity: { ...entity, name: 'deal' }, events: [] });
    expect([other.status, detailsOf(other.body)[0]?.path]).toEqual([422, '/entity/name']);
    const invalid = await send({ process: draft, entity: { ...entity, fields: 'none' }, events: [] });
    expect([invalid.status, detailsOf(invalid.body)[0]?.path]).toEqual([422, '/entity/fields']);
    const alone = await send({ entity, events: [] });
    expect([alone.status, detailsOf(alone.body)[0]?.path]).toEqual([422, '/entity']);
  });

  it('keeps records on the version they started on, and migrates them explicitly', async () => {
    const old = await createRecord(runtime, 'opportunity', { name: 'Old' });
    const pinned = await createRecord(runtime, 'opportunity', { name: 'Pinned' });
    const v1 = runtime.live.get().version ?? 0;
    const next: MetadataBundle = includeIdentity(await workflowsBundle((bundle) => {
      bundle.processes.salesPipeline!.states.prospecting!.on!.QUALIFY = { target: 'qualification', guards: [{ name: 'fieldsFilled', params: { fields: ['amount'] } }] };
    }), await loadIdentityBundle());
    await runtime.system.repository.publish(next, { author: 'test' });
    await runtime.live.refresh();
    expect(runtime.live.get().version).toBe(v1 + 1);

    const fresh = await createRecord(runtime, 'opportunity', { name: 'New' });
    expect((await sendEvent(runtime, 'opportunity', fresh.id, { event: 'QUALIFY' })).status).toBe(422);
    // A record started on v1 still runs v1: no amount needed.
    expect((await sendEvent(runtime, 'opportunity', pinned.id, { event: 'QUALIFY' })).body).toMatchObject({ stage: 'qualification', metadataVersion: v1 });

    // Before migrating: who runs which version, and where.
    const running = await runtime.api().get('/api/metadata/processes/salesPipeline/running');
    expect(running.status).toBe(200);
    const onV1 = (running.body.data as Array<{ version: number; running: number; states: Record<string, number> }>).find((entry) => entry.version === v1);
    expect(onV1?.running).toBeGreaterThanOrEqual(2);
    expect(onV1?.states.qualification).toBeGreaterThanOrEqual(1);
    expect(onV1?.states.prospecting).toBeGreaterThanOrEqual(1);
    expect((running.body.data as Array<{ version: number }>)[0]?.version).toBe(v1 + 1);
    const rep = await runtime.createUser({ username: 'running-rep', password: 'running-rep-1', role: 'salesRep' });
    expect((await runtime.as(rep.token).get('/api/metadata/processes/salesPipeline/running')).status).toBe(403);

    const badMapping = await runtime.api().post('/api/metadata/processes/salesPipeline/migrate').send({ fromVersion: v1, mapping: { prospecting: 'nowhere' } });
    expect(badMapping.status).toBe(422);
    expect((await processView(runtime, 'opportunity', old.id)).transitions.at(-1)?.event).toBe('stagecraft.start');

    const migrated = await runtime.api().post('/api/metadata/processes/salesPipeline/migrate').send({ fromVersion: v1, mapping: {} });
    expect(migrated.status).toBe(200);
    expect(migrated.body).toMatchObject({ fromVersion: v1, toVersion: v1 + 1 });
    expect(migrated.body.migrated).toBeGreaterThanOrEqual(1);
    expect((await sendEvent(runtime, 'opportunity', old.id, { event: 'QUALIFY' })).status).toBe(422);
    expect((await processView(runtime, 'opportunity', old.id)).transitions.at(-1)).toMatchObject({ event: 'stagecraft.migrate' });
  });
});
