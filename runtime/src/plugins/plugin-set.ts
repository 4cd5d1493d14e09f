// The plugins of one process merged into what the kernel takes: the registry extension (guards
// and actions beyond core's built-ins), the deliverers by outbox kind, the executors by action
// name. Checked once, at start-up: a clash or an action nothing can run is an error there, not a
// surprise at the first delivery.
import { BUILT_IN_ACTIONS, BUILT_IN_GUARDS, createProcessRegistry, type ActionDefinition, type GuardDefinition, type ProcessRegistry, type RegistryExtension } from '@stagecraft/core';
import type { OutboxDeliverer } from '../outbox/outbox-deliverers';
import type { TransactionEffectExecutor } from '../workflow/step-persistence';
import { builtinPlugin } from './builtin-plugin';
import type { StagecraftPlugin } from './plugin';

/** Actions the step persistence runs itself (record writes and related records): no executor needed. */
export const ACTIONS_RUN_BY_THE_STEP: ReadonlySet<string> = new Set(['setFields', 'assignOwner', 'createRecord']);

/** The plugins of one process, merged: what the registry, the step persistence, the outbox worker and the app take. */
export interface PluginSet {
  plugins: readonly StagecraftPlugin[];
  /** The guards and actions beyond core's built-ins, for createProcessRegistry. */
  registryExtension: RegistryExtension;
  /** Core's built-ins plus the extension: what processes compile and publishes are checked against. */
  registry: ProcessRegistry;
  guards: Readonly<Record<string, GuardDefinition & { plugin: string }>>;
  actions: Readonly<Record<string, ActionDefinition & { plugin: string }>>;
  deliverers: Readonly<Record<string, OutboxDeliverer>>;
  executors: Readonly<Record<string, TransactionEffectExecutor>>;
}

const NOT_WIRED_YET = ['recordPhases', 'fieldTypes', 'reportKinds'] as const;

/**
 * Merges the built-in plugin and `plugins` (the built-in one is added first when missing). Throws
 * on a clash (two plugins, one name), a reserved or mismatched name, an outbox action without a
 * deliverer or a transaction action without an executor — at start-up, not at the first delivery.
 */
export function pluginSetOf(plugins: readonly StagecraftPlugin[] = [], builtin: StagecraftPlugin = builtinPlugin): PluginSet {
  const all = plugins.includes(builtin) ? [...plugins] : [builtin, ...plugins];
  const names = new Set<string>();
  const guards: Record<string, GuardDefinition & { plugin: string }> = {};
  const actions: Record<string, ActionDefinition & { plugin: string }> = {};
  const deliverers: Record<string, OutboxDeliverer> = {};
  const executors: Record<string, TransactionEffectExecutor> = {};
  const extension: { guards: Record<string, GuardDefinition>; actions: Record<string, ActionDefinition> } = { guards: {}, actions: {} };
  for (const plugin of all) {
    if (!plugin.name || !/^[a-z][A-Za-z0-9_-]*$/.test(plugin.name)) throw new Error(`A plugin's name must be a word starting with a lower-case letter, not "${plugin.name}"`);
    if (names.has(plugin.name)) throw new Error(`Two plugins are named "${plugin.name}"`);
    names.add(plugin.name);
    for (const field of NOT_WIRED_YET) {
      if (plugin[field] && Object.keys(plugin[field]).length > 0) throw new Error(`The plugin "${plugin.name}" supplies ${field}, which the runtime does not run yet`);
    }
    for (const [name, guard] of Object.entries(plugin.guards ?? {})) {
      add(guards, name, { ...guard, plugin: plugin.name }, 'guard', plugin.name);
      if ((BUILT_IN_GUARDS as Readonly<Record<string, GuardDefinition>>)[name] !== guard) extension.guards[name] = guard;
    }
    for (const [name, action] of Object.entries(plugin.actions ?? {})) {
      add(actions, name, { ...action, plugin: plugin.name }, 'action', plugin.name);
      if ((BUILT_IN_ACTIONS as Readonly<Record<string, ActionDefinition>>)[name] !== action) extension.actions[name] = action;
    }
    for (const [kind, deliverer] of Object.entries(plugin.deliverers ?? {})) add(deliverers, kind, deliverer, 'deliverer', plugin.name);
    for (const [name, executor] of Object.entries(plugin.executors ?? {})) add(executors, name, executor, 'executor', plugin.name);
  }
  for (const [name, action] of Object.entries(actions)) {
    if (action.delivery === 'outbox' && !deliverers[name]) throw new Error(`The action "${name}" (plugin "${action.plugin}") is delivered through the outbox, but no plugin registers a deliverer for it`);
    if (action.delivery === 'transaction' && !executors[name] && !ACTIONS_RUN_BY_THE_STEP.has(name)) throw new Error(`The action "${name}" (plugin "${action.plugin}") runs in the transaction, but no plugin registers an executor for it`);
  }
  // Reserved names (stagecraft.…) and a key differing from its name are refused here.
  const registry = createProcessRegistry(extension);
  return { plugins: all, registryExtension: extension, registry, guards, actions, deliverers, executors };
}

function add<T>(target: Record<string, T>, name: string, value: T, what: string, plugin: string): void {
  if (Object.hasOwn(target, name)) throw new Error(`The ${what} "${name}" of the plugin "${plugin}" is already registered by another plugin`);
  target[name] = value;
}
