// Test support for the workflow engine: the runtime harness with the reference workflows pack
// (sales pipeline, ticket routing, campaign journey) published beside the identity pack, a manual
// clock shared by records, transitions and timers (no sleeps), and permission sets so reps,
// managers and agents act as themselves.
import path from 'node:path';
import type { MetadataBundle, PermissionSetDocument } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import { ManualClock, type StagecraftPlugin, type WorkflowConfig } from '@stagecraft/runtime';
import type { TestDialect } from '../support/databases';
import { startTestRuntime, type TestRuntime, type TestUser } from './runtime-harness';

export const WORKFLOWS_PACK = path.resolve(__dirname, '../fixtures/packs/workflows');
/** A Monday, 10:00 in Berlin: inside the support desk's hours. */
export const MONDAY_MORNING = '2026-03-02T09:00:00.000Z';
export const DAY_MS = 24 * 3_600_000;
export const HOUR_MS = 3_600_000;

const EVERYTHING = { create: true, read: 'all', update: 'all', transition: 'all' } as const;

function permissionSet(role: string): PermissionSetDocument {
  return {
    kind: 'permissionSet',
    name: `${role}Workflows`,
    role,
    entities: { opportunity: EVERYTHING, ticket: EVERYTHING, campaignMember: EVERYTHING, task: EVERYTHING },
  } as PermissionSetDocument;
}

export async function workflowsBundle(change?: (bundle: MetadataBundle) => void): Promise<MetadataBundle> {
  const { bundle } = await loadPacks([WORKFLOWS_PACK]);
  bundle.permissions = Object.fromEntries(['salesRep', 'salesManager', 'agent', 'supervisor'].map((role) => [`${role}Workflows`, permissionSet(role)]));
  change?.(bundle);
  return bundle;
}

export interface WorkflowTestRuntime extends TestRuntime {
  clock: ManualClock;
}

export async function startWorkflowRuntime(dialect: TestDialect, options: { change?: (bundle: MetadataBundle) => void; start?: string; workflowConfig?: Partial<WorkflowConfig>; plugins?: readonly StagecraftPlugin[] } = {}): Promise<WorkflowTestRuntime> {
  const clock = new ManualClock(options.start ?? MONDAY_MORNING);
  const runtime = await startTestRuntime(dialect, { bundle: await workflowsBundle(options.change), now: () => clock.now(), ...(options.workflowConfig ? { workflowConfig: options.workflowConfig } : {}), ...(options.plugins ? { plugins: options.plugins } : {}) });
  return Object.assign(runtime, { clock });
}

type Body = Record<string, unknown>;

/** POST …/transitions as a user (the administrator by default); returns status and body. */
export async function sendEvent(runtime: TestRuntime, entity: string, id: string, body: Body, user?: TestUser): Promise<{ status: number; body: Body }> {
  const agent = user ? runtime.as(user.token) : runtime.api();
  const response = await agent.post(`/api/records/${entity}/${id}/transitions`).send(body);
  return { status: response.status, body: response.body as Body };
}

export async function createRecord(runtime: TestRuntime, entity: string, body: Body, user?: TestUser): Promise<Body & { id: string; version: number }> {
  const agent = user ? runtime.as(user.token) : runtime.api();
  const response = await agent.post(`/api/records/${entity}`).send(body);
  if (response.status !== 201) throw new Error(`create ${entity} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Body & { id: string; version: number };
}

export async function getRecord(runtime: TestRuntime, entity: string, id: string): Promise<Body> {
  const response = await runtime.api().get(`/api/records/${entity}/${id}`);
  if (response.status !== 200) throw new Error(`get ${entity} answered ${response.status}`);
  return response.body as Body;
}

export async function processView(runtime: TestRuntime, entity: string, id: string): Promise<{ state: unknown; timers: Array<{ key: string; dueAt: string; generation: number }>; transitions: Array<{ event: string; to: unknown; recordVersion: number; actorUsername: string }> }> {
  const response = await runtime.api().get(`/api/records/${entity}/${id}/process`);
  if (response.status !== 200) throw new Error(`process view answered ${response.status}`);
  return (response.body as { data: Array<never> }).data[0] as never;
}

export function detailsOf(body: Body): Array<{ path: string; message: string; code?: string }> {
  return ((body.error as { details?: Array<{ path: string; message: string; code?: string }> } | undefined)?.details) ?? [];
}

/** Tasks created by processes for a record (the pack's task entity links back by relatedId). */
export async function tasksOf(runtime: TestRuntime, relatedId: string): Promise<Body[]> {
  const response = await runtime.api().get(`/api/records/task?filter[relatedId][eq]=${relatedId}&pageSize=100`);
  return (response.body as { data: Body[] }).data;
}
