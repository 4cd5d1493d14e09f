// createProcessRegistry: built-ins plus pack hooks, never silently replacing a name.
import { ValidationError } from '../../model/problem';
import { createProcessRegistry } from './create-registry';
import type { ActionDefinition } from './registry-types';

const hook = (key: string): ActionDefinition => ({ key, label: key, delivery: 'outbox', paramsSchema: { type: 'object' } });

describe('createProcessRegistry', () => {
  it('holds the built-ins and the hooks of every extension', () => {
    const registry = createProcessRegistry({ actions: { 'sfa.syncErp': hook('sfa.syncErp') } }, { actions: { 'csa.survey': hook('csa.survey') } });
    expect(Object.keys(registry.guards)).toEqual(['expression', 'fieldsFilled', 'userHasRole']);
    expect(Object.keys(registry.actions)).toEqual(['setFields', 'assignOwner', 'createRecord', 'notify', 'webhook', 'startProcess', 'signalProcess', 'sfa.syncErp', 'csa.survey']);
  });

  it.each([
    ['a name already registered', { notify: hook('notify') }, '/actions/notify'],
    ['a key that differs from its name', { 'sfa.a': hook('sfa.b') }, '/actions/sfa.a/key'],
    ['a reserved name', { 'stagecraft.armTimers': hook('stagecraft.armTimers') }, '/actions/stagecraft.armTimers'],
  ])('refuses %s', (_case, actions, path) => {
    expect(() => createProcessRegistry({ actions })).toThrow(ValidationError);
    try {
      createProcessRegistry({ actions });
    } catch (error) {
      expect((error as ValidationError).details[0]?.path).toBe(path);
    }
  });
});
