// The one extension seam: a StagecraftPlugin is a plain object naming what it adds — process
// guards and actions (referenced by name from process JSON, as in XState's `setup`), the
// executors and deliverers that run those actions, and HTTP routes. The same list of plugins is
// passed once to the server (startServer / createApp), the worker and the CLI (runCli), which
// hand it down as one typed value; the built-ins are registered the same way (builtinPlugin).
// Nothing is global: two servers in one process may run different plugins.
import type { ActionDefinition, GuardDefinition } from '@stagecraft/core';
import type { Router } from 'express';
import type { Database } from '../db/database';
import type { CompiledMetadata } from '../live/compiled-types';
import type { OutboxDeliverer } from '../outbox/outbox-deliverers';
import type { RecordService } from '../records/record-service';
import type { TransactionEffectExecutor } from '../workflow/step-persistence';
import type { WorkflowService } from '../workflow/workflow-service';

/** What a plugin's routes may use. */
export interface PluginServices {
  database: Database;
  metadata: () => CompiledMetadata;
  records: RecordService;
  workflow: WorkflowService;
}

export interface StagecraftPlugin {
  /** Unique among the plugins of one process; its routes are served under /api/plugins/<name>. */
  name: string;
  /** Process guards by registry name (the name a process document uses), each `key` equal to its name. */
  guards?: Readonly<Record<string, GuardDefinition>>;
  /**
   * Process actions by registry name. An action with `delivery: 'outbox'` needs a deliverer under
   * the same name (in this or another plugin); one with `delivery: 'transaction'` an executor.
   */
  actions?: Readonly<Record<string, ActionDefinition>>;
  /** Runs an outbox-delivered action after commit, by action name (= the outbox row's kind). */
  deliverers?: Readonly<Record<string, OutboxDeliverer>>;
  /** Runs a transaction-delivered action inside the step's transaction, by action name. */
  executors?: Readonly<Record<string, TransactionEffectExecutor>>;
  /** Adds routes to a router served, behind authentication, at /api/plugins/<name>. */
  routes?: (router: Router, services: PluginServices) => void;
  /** Record-write phases: wired by the record pipeline work; a plugin setting it is refused until then. */
  recordPhases?: Readonly<Record<string, unknown>>;
  /** Field types: wired by the field-type work; a plugin setting it is refused until then. */
  fieldTypes?: Readonly<Record<string, unknown>>;
  /** Report kinds: wired by the report-kind work; a plugin setting it is refused until then. */
  reportKinds?: Readonly<Record<string, unknown>>;
}
