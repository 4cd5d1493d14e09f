// Builds the registry a process compiles against: the built-ins plus pack hooks. A hook may not
// silently replace a built-in (that would change what existing processes mean).
import { ValidationError } from '../../model/problem';
import { BUILT_IN_ACTIONS } from './actions';
import { BUILT_IN_GUARDS } from './guards';
import type { ActionDefinition, GuardDefinition, ProcessRegistry } from './registry-types';

/** The engine's own guards and actions (timer bookkeeping, required fields) use this prefix. */
const RESERVED_PREFIX = 'stagecraft.';

export interface RegistryExtension {
  guards?: Readonly<Record<string, GuardDefinition>>;
  actions?: Readonly<Record<string, ActionDefinition>>;
}

export function createProcessRegistry(...extensions: RegistryExtension[]): ProcessRegistry {
  const guards: Record<string, GuardDefinition> = { ...BUILT_IN_GUARDS };
  const actions: Record<string, ActionDefinition> = { ...BUILT_IN_ACTIONS };
  for (const extension of extensions) {
    addEntries(guards, extension.guards ?? {}, 'guard');
    addEntries(actions, extension.actions ?? {}, 'action');
  }
  return { guards, actions };
}

function addEntries<T extends { key: string }>(target: Record<string, T>, entries: Readonly<Record<string, T>>, kind: string): void {
  for (const [name, definition] of Object.entries(entries)) {
    const path = `/${kind}s/${name}`;
    if (name.startsWith(RESERVED_PREFIX)) throw new ValidationError(`The ${kind} name "${name}" is reserved`, [{ path, message: `names starting with "${RESERVED_PREFIX}" are reserved for the engine`, code: 'reservedName' }]);
    if (name in target) throw new ValidationError(`The ${kind} "${name}" is already registered`, [{ path, message: 'is already registered', code: 'duplicateName' }]);
    if (definition.key !== name) throw new ValidationError(`The ${kind} registered as "${name}" has the key "${definition.key}"`, [{ path: `${path}/key`, message: `must be "${name}"`, code: 'keyMismatch' }]);
    target[name] = definition;
  }
}
