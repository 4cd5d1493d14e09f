// The built-in capabilities, registered through the same seam as any pack's: core's guards
// (expression, fieldsFilled, userHasRole) and actions (setFields, assignOwner, createRecord run by
// the step itself; notify, webhook, startProcess, signalProcess delivered through the outbox by
// the deliverers here). The shipped SFA pack is metadata only (no code hooks), so it adds nothing.
import { BUILT_IN_ACTIONS, BUILT_IN_GUARDS } from '@stagecraft/core';
import { BUILT_IN_DELIVERERS } from '../outbox/outbox-deliverers';
import type { StagecraftPlugin } from './plugin';

export const builtinPlugin: StagecraftPlugin = {
  name: 'stagecraft',
  guards: BUILT_IN_GUARDS,
  actions: BUILT_IN_ACTIONS,
  deliverers: BUILT_IN_DELIVERERS,
};
