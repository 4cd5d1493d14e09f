// Merging plugins: the built-in one is always there; clashes, unrunnable actions and fields the
// runtime does not wire yet are refused at start-up with the names involved.
import type { ActionDefinition, GuardDefinition } from '@stagecraft/core';
import { builtinPlugin } from './builtin-plugin';
import type { StagecraftPlugin } from './plugin';
import { pluginSetOf } from './plugin-set';

const guard = (key: string): GuardDefinition => ({ key, label: { en: key }, paramsSchema: { type: 'object' }, evaluate: () => ({ allowed: true }) });
const action = (key: string, delivery: 'outbox' | 'transaction'): ActionDefinition => ({ key, label: { en: key }, paramsSchema: { type: 'object' }, delivery });

describe('pluginSetOf', () => {
  it('starts from the built-in plugin: core\'s guards and actions, the built-in outbox deliverers, no registry extension', () => {
    const set = pluginSetOf();
    expect(set.plugins).toEqual([builtinPlugin]);
    expect(Object.keys(set.deliverers).sort()).toEqual(['notify', 'signalProcess', 'startProcess', 'webhook']);
    expect(set.guards.userHasRole?.plugin).toBe('stagecraft');
    expect(set.registryExtension).toEqual({ guards: {}, actions: {} });
    expect(Object.keys(set.registry.actions)).toContain('notify');
  });

  it('adds a plugin\'s guards and actions to the registry, its deliverers and executors by name', () => {
    const executor = jest.fn();
    const deliverer = jest.fn();
    const plugin: StagecraftPlugin = {
      name: 'acme',
      guards: { 'acme.ok': guard('acme.ok') },
      actions: { 'acme.push': action('acme.push', 'outbox'), 'acme.stamp': action('acme.stamp', 'transaction') },
      deliverers: { 'acme.push': deliverer },
      executors: { 'acme.stamp': executor },
    };
    const set = pluginSetOf([plugin]);
    expect(set.plugins.map((entry) => entry.name)).toEqual(['stagecraft', 'acme']);
    expect(Object.keys(set.registry.guards)).toEqual(expect.arrayContaining(['acme.ok', 'expression']));
    expect(set.actions['acme.push']).toMatchObject({ plugin: 'acme', delivery: 'outbox' });
    expect(set.deliverers['acme.push']).toBe(deliverer);
    expect(set.executors['acme.stamp']).toBe(executor);
  });

  it('refuses an action nothing can run, a name two plugins register, two plugins of one name, a reserved name', () => {
    expect(() => pluginSetOf([{ name: 'acme', actions: { 'acme.push': action('acme.push', 'outbox') } }])).toThrow('The action "acme.push" (plugin "acme") is delivered through the outbox, but no plugin registers a deliverer for it');
    expect(() => pluginSetOf([{ name: 'acme', actions: { 'acme.stamp': action('acme.stamp', 'transaction') } }])).toThrow('no plugin registers an executor for it');
    expect(() => pluginSetOf([{ name: 'acme', guards: { notify: guard('notify'), userHasRole: guard('userHasRole') } }])).toThrow('The guard "userHasRole" of the plugin "acme" is already registered by another plugin');
    expect(() => pluginSetOf([{ name: 'acme' }, { name: 'acme' }])).toThrow('Two plugins are named "acme"');
    expect(() => pluginSetOf([{ name: 'acme', guards: { 'stagecraft.x': guard('stagecraft.x') } }])).toThrow('is reserved');
    expect(() => pluginSetOf([{ name: 'acme', deliverers: { webhook: jest.fn() } }])).toThrow('The deliverer "webhook" of the plugin "acme" is already registered by another plugin');
  });

  it('refuses record phases, field types and report kinds until the runtime wires them', () => {
    expect(() => pluginSetOf([{ name: 'acme', fieldTypes: { money: {} } }])).toThrow('The plugin "acme" supplies fieldTypes, which the runtime does not run yet');
  });
});
