// The plugin seam end to end, following the README's "Add an action" literally: the ACME plugin
// (tests/fixtures/plugins/acme-erp-plugin.ts) is passed once to the server; its guard decides a
// transition of a process that names it (tests/fixtures/plugins/erp-order.process.json), and its
// outbox-delivered action runs only after the transition commits, through the plugin's deliverer.
// Publishing checks processes against the plugins' names; a row nobody can deliver fails loudly.
// With MariaDB and Redis, a separate worker process started by the CLI with the same plugin
// delivers the action (BullMQ mode), as a deployment runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError, type MetadataBundle, type ProcessDocument } from '@stagecraft/core';
import { OutboxWorker, openSystemDatabase, type OutboxRow } from '@stagecraft/runtime';
import { acmeErpPlugin, type ErpOrder } from '../fixtures/plugins/acme-erp-plugin';
import { isMysqlAvailable } from '../support/databases';
import { createRecord, detailsOf, sendEvent, startWorkflowRuntime, type WorkflowTestRuntime } from './workflow-harness';

const ROOT = path.resolve(__dirname, '../..');
const ERP_ORDER = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/plugins/erp-order.process.json'), 'utf8')) as ProcessDocument;

/** The workflows pack with the ERP order process in place of the sales pipeline on opportunities. */
function withErpOrder(bundle: MetadataBundle): void {
  delete bundle.processes.salesPipeline;
  bundle.processes.erpOrder = ERP_ORDER;
}

async function pushRows(runtime: WorkflowTestRuntime): Promise<OutboxRow[]> {
  return runtime.workflow.service.outbox.list({ kind: 'acme.pushOrder' });
}

describe('a pack plugin: guard and outbox-delivered action (SQLite, embedded worker)', () => {
  const pushed: ErpOrder[] = [];
  let runtime: WorkflowTestRuntime;

  beforeAll(async () => {
    const acme = acmeErpPlugin({
      pushOrder: async (order) => {
        pushed.push(order);
        return { erpOrder: `ERP-${pushed.length}` };
      },
    });
    runtime = await startWorkflowRuntime('sqlite', { plugins: [acme], change: withErpOrder });
  });
  afterAll(async () => {
    await runtime?.close();
  });

  it('blocks the transition with the plugin guard\'s reason, and enqueues nothing', async () => {
    const deal = await createRecord(runtime, 'opportunity', { name: 'Too big', amount: 80000 });
    const answer = await sendEvent(runtime, 'opportunity', deal.id, { event: 'WIN' });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain('Over the credit limit of 50000');
    expect(detailsOf(answer.body).some((detail) => detail.path === '/amount' || detail.message.includes('credit limit'))).toBe(true);
    expect((await pushRows(runtime)).filter((row) => row.source.recordId === deal.id)).toEqual([]);
  });

  it('allows it within the limit, and delivers the plugin action after commit through its deliverer', async () => {
    const deal = await createRecord(runtime, 'opportunity', { name: 'Fits', amount: 20000 });
    const answer = await sendEvent(runtime, 'opportunity', deal.id, { event: 'WIN' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ state: 'closedWon' });
    // Committed, not yet delivered: the action is an outbox row until the worker runs.
    const [row] = (await pushRows(runtime)).filter((candidate) => candidate.source.recordId === deal.id);
    expect(row).toMatchObject({ kind: 'acme.pushOrder', doneAt: null, params: { values: { name: 'Fits', amount: 20000 } }, source: { entity: 'opportunity', process: 'erpOrder', event: 'WIN' } });
    expect(pushed).toEqual([]);

    expect(await runtime.workflow.outboxWorker.deliverDue()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(pushed).toEqual([{ idempotencyKey: row?.id, entity: 'opportunity', recordId: deal.id, values: { name: 'Fits', amount: 20000 } }]);
    const done = await runtime.workflow.service.outbox.get(String(row?.id));
    expect(done).toMatchObject({ lastError: null, result: { erpOrder: 'ERP-1' } });
    expect(done?.doneAt).not.toBeNull();
  });

  it('lists the plugin\'s guard and action in the process registry, beside the built-ins', async () => {
    const response = await runtime.api().get('/api/metadata/process-registry');
    expect(response.status).toBe(200);
    const body = response.body as { guards: Array<{ name: string; plugin: string }>; actions: Array<{ name: string; plugin: string; delivery: string }> };
    expect(body.guards).toEqual(expect.arrayContaining([{ name: 'acme.withinCreditLimit', plugin: 'acme', label: 'Within the credit limit', paramsSchema: expect.any(Object) }, expect.objectContaining({ name: 'userHasRole', plugin: 'stagecraft' })]));
    expect(body.actions).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'acme.pushOrder', plugin: 'acme', delivery: 'outbox' }), expect.objectContaining({ name: 'notify', plugin: 'stagecraft', delivery: 'outbox' })]));
  });

  it('refuses to publish a process naming a guard or action no plugin registers, and a server without the plugin refuses this one', async () => {
    const unknown = structuredClone(ERP_ORDER);
    const win = (unknown.states.prospecting?.on?.WIN ?? {}) as { guards?: Array<{ name: string }> };
    (win.guards ?? [])[0] = { name: 'acme.withinBudget' };
    const bundle = structuredClone(runtime.bundle);
    bundle.processes.erpOrder = unknown;
    await expect(runtime.system.repository.publish(bundle, { author: 'test' })).rejects.toThrow(ValidationError);

    const withoutPlugin = await openSystemDatabase({ databaseUrl: runtime.testDatabase.url, logSql: false });
    try {
      const published = structuredClone(runtime.bundle);
      published.processes.erpOrder = { ...ERP_ORDER, label: { en: 'ERP order, again' } };
      const refusal = await withoutPlugin.repository.publish(published, { author: 'test' }).then(() => null, (error: unknown) => error);
      expect(refusal).toBeInstanceOf(ValidationError);
      expect(JSON.stringify((refusal as ValidationError).details)).toMatch(/acme\.withinCreditLimit|acme\.pushOrder/);
    } finally {
      await withoutPlugin.close();
    }
  });

  it('closes a row no deliverer is registered for with an error naming its kind (a worker without the plugin)', async () => {
    const deal = await createRecord(runtime, 'opportunity', { name: 'Orphan', amount: 10 });
    expect((await sendEvent(runtime, 'opportunity', deal.id, { event: 'WIN' })).status).toBe(200);
    const builtinsOnly = new OutboxWorker(runtime.workflow.service, runtime.clock);
    expect(await builtinsOnly.deliverDue()).toEqual({ delivered: 0, retried: 0, failed: 1 });
    const [row] = (await pushRows(runtime)).filter((candidate) => candidate.source.recordId === deal.id);
    expect(row?.doneAt).not.toBeNull();
    expect(row?.lastError).toMatch(/^No deliverer is registered for outbox rows of kind "acme\.pushOrder"/);
  });

  it('serves the plugin\'s routes behind authentication at /api/plugins/<name>', async () => {
    const response = await runtime.api().get('/api/plugins/acme/orders');
    expect(response.status).toBe(200);
    expect((response.body as { data: unknown[] }).data.length).toBeGreaterThanOrEqual(1);
    expect((await runtime.anonymous().get('/api/plugins/acme/orders')).status).toBe(401);
  });
});

const hasRedis = process.env.STAGECRAFT_TEST_REDIS_AVAILABLE === '1';
const redisUrl = process.env.STAGECRAFT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const describeDeployed = hasRedis && isMysqlAvailable() ? describe : describe.skip;

describeDeployed('a pack plugin in a worker process started by the CLI (MariaDB, BullMQ mode)', () => {
  const prefix = `sc-test-plugin-${process.pid}-${Date.now()}`;
  let runtime: WorkflowTestRuntime;
  let worker: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    const serverSide = acmeErpPlugin({ pushOrder: () => Promise.reject(new Error('the server does not deliver in this suite')) });
    runtime = await startWorkflowRuntime('mysql', { start: new Date().toISOString(), plugins: [serverSide], change: withErpOrder, workflowConfig: { redisUrl, queuePrefix: prefix } });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, DATABASE_URL: runtime.testDatabase.url, REDIS_URL: redisUrl, STAGECRAFT_QUEUE_PREFIX: prefix,
      STAGECRAFT_SCHEDULER_INTERVAL_MS: '50', STAGECRAFT_SWEEP_INTERVAL_MS: '3600000', STAGECRAFT_METADATA_POLL_MS: '60000',
    };
    worker = spawn(process.execPath, ['-r', './tests/support/ts-register.js', 'tests/fixtures/plugins/acme-worker.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until(async () => /worker running \(BullMQ timers/.test(output), 'the worker to start');
  }, 120_000);
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker?.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await runtime?.close();
  }, 60_000);

  it('delivers the action the server\'s transition enqueued, in the worker, through the plugin', async () => {
    const deal = await createRecord(runtime, 'opportunity', { name: 'Deployed', amount: 30000 });
    expect((await sendEvent(runtime, 'opportunity', deal.id, { event: 'WIN' })).status).toBe(200);
    let row: OutboxRow | undefined;
    await until(async () => {
      row = (await pushRows(runtime)).find((candidate) => candidate.source.recordId === deal.id && candidate.doneAt !== null);
      return row !== undefined;
    }, `the worker to deliver (output: ${output})`);
    expect(row).toMatchObject({ lastError: null, result: { erpOrder: `ERP-${deal.id}`, values: { name: 'Deployed', amount: 30000 } } });
    expect((row?.result as { pushedBy: number }).pushedBy).toBe(worker?.pid);
  }, 60_000);
});

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
