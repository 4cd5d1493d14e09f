// The built-in actions, by registry key. The machine never runs them: a step returns them as
// effects that the runtime executes in its transaction or through the outbox.
import type { ActionDefinition } from '../registry-types';
import { assignOwnerAction } from './assign-owner';
import { createRecordAction } from './create-record';
import { notifyAction } from './notify';
import { setFieldsAction } from './set-fields';
import { signalProcessAction } from './signal-process';
import { startProcessAction } from './start-process';
import { webhookAction } from './webhook';

export type BuiltInActionName = 'setFields' | 'assignOwner' | 'createRecord' | 'notify' | 'webhook' | 'startProcess' | 'signalProcess';

export const BUILT_IN_ACTIONS = {
  setFields: setFieldsAction,
  assignOwner: assignOwnerAction,
  createRecord: createRecordAction,
  notify: notifyAction,
  webhook: webhookAction,
  startProcess: startProcessAction,
  signalProcess: signalProcessAction,
} satisfies Record<BuiltInActionName, ActionDefinition>;

export type { SetFieldsEffect, SetFieldsParams } from './set-fields';
export type { AssignOwnerEffect, AssignOwnerParams, AssignmentRule, TeamStrategy } from './assign-owner';
export type { CreateRecordEffect, CreateRecordParams } from './create-record';
export type { NotifyChannel, NotifyEffect, NotifyParams, Recipient, ResolvedRecipient } from './notify';
export type { WebhookEffect, WebhookParams } from './webhook';
export type { StartProcessEffect, StartProcessParams } from './start-process';
export type { SignalProcessEffect, SignalProcessParams } from './signal-process';
