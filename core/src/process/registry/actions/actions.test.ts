// The built-in actions' resolved params: what the runtime receives.
import type { StepContext } from '../registry-types';
import { BUILT_IN_ACTIONS, type AssignOwnerEffect, type AssignOwnerParams } from './index';

function contextOf(record: Record<string, unknown>): StepContext {
  return { record, user: { id: 'u-1', roles: [] }, now: new Date('2026-03-02T09:00:00Z'), fieldLabel: (field) => field };
}
const TICKET = { id: 't-1', owner: 'agent-1', queue: 'billing', category: 'billing', priority: 'urgent', parent: 'p-9' };

describe('built-in actions', () => {
  const { setFields, assignOwner, createRecord, notify, webhook, startProcess, signalProcess } = BUILT_IN_ACTIONS;

  it('setFields evaluates expressions over literals and applies them to the record', () => {
    const resolved = setFields.resolveParams?.({ values: { a: 1, b: 2 }, expressions: { b: 'a + 10', c: "upper(category)" } }, contextOf({ a: 5, category: 'x' }));
    expect(resolved).toEqual({ values: { a: 1, b: 15, c: 'X' } });
    expect(setFields.applyToRecord?.(resolved ?? {}, { a: 5, d: 4 })).toEqual({ a: 1, b: 15, c: 'X', d: 4 });
  });

  it.each<[string, AssignOwnerParams, AssignOwnerEffect]>([
    ['a fixed user', { strategy: 'user', user: 'u-7' }, { field: 'owner', strategy: 'user', user: 'u-7' }],
    ['a team', { strategy: 'leastLoaded', team: 'tier2', field: 'agent' }, { field: 'agent', strategy: 'leastLoaded', team: 'tier2' }],
    ['the team a field names', { strategy: 'roundRobin', teamField: 'queue' }, { field: 'owner', strategy: 'roundRobin', team: 'billing' }],
    ['the first matching rule', { strategy: 'rule', rules: [{ when: "priority == 'low'", user: 'u-1' }, { when: "priority == 'urgent'", team: 'escalations' }] }, { field: 'owner', strategy: 'roundRobin', team: 'escalations', rule: 1 }],
    ['no matching rule', { strategy: 'rule', rules: [{ when: 'false', user: 'u-1' }] }, { field: 'owner', strategy: 'none' }],
  ])('assignOwner resolves %s', (_case, params, expected) => {
    expect(assignOwner.resolveParams?.(params, contextOf(TICKET))).toEqual(expected);
  });

  it('createRecord resolves its values against the current record', () => {
    expect(createRecord.resolveParams?.({ entity: 'task', values: { type: 'call' }, expressions: { assignee: 'owner', dueDate: 'addDays(today(), 2)' } }, contextOf(TICKET)))
      .toEqual({ entity: 'task', values: { type: 'call', assignee: 'agent-1', dueDate: '2026-03-04' } });
  });

  it('notify reads recipient fields now and defaults to in-app', () => {
    const resolved = notify.resolveParams?.({ to: ['owner', { field: 'nobody' }, { user: 'u-2' }, { role: 'supervisor', teamField: 'queue' }, { role: 'admin' }], message: 'Hello' }, contextOf(TICKET));
    expect(resolved).toEqual({ to: [{ user: 'agent-1' }, { user: 'u-2' }, { role: 'supervisor', team: 'billing' }, { role: 'admin' }], message: 'Hello', channels: ['inApp'] });
  });

  it('notify captures the values its {field} placeholders name, in every locale, as they are now', () => {
    const resolved = notify.resolveParams?.({ to: 'owner', subject: { en: 'Ticket {id}', 'zh-CN': '工单 {id}' }, message: { en: '{priority} ticket in {queue}', 'zh-CN': '{queue} 中的 {category} 工单 {missing}' } }, contextOf(TICKET));
    expect(resolved).toMatchObject({ values: { priority: 'urgent', queue: 'billing', category: 'billing', missing: null, id: 't-1' } });
    expect(notify.resolveParams?.({ to: 'owner', message: 'No {placeholders here' }, contextOf(TICKET))).not.toHaveProperty('values');
  });

  it('notify refuses a placeholder that names no field of the entity', () => {
    const entity = { kind: 'entity', name: 'ticket', fields: [{ name: 'priority', type: 'string' }] } as const;
    const problems = notify.checkParams?.({ to: { user: 'u-1' }, message: 'A {priority} ticket, {colour}', subject: { en: '{nope}' } }, { entity: entity as never });
    expect(problems).toEqual([
      expect.objectContaining({ path: '/message', code: 'unknownField', message: expect.stringContaining('{colour}') }),
      expect.objectContaining({ path: '/subject', code: 'unknownField', message: expect.stringContaining('{nope}') }),
    ]);
  });

  it('webhook adds the record only when asked', () => {
    expect(webhook.resolveParams?.({ url: 'https://x.test/hook', payload: { a: 1 } }, contextOf(TICKET))).toEqual({ url: 'https://x.test/hook', payload: { a: 1 } });
    expect(webhook.resolveParams?.({ url: 'https://x.test/hook', includeRecord: true }, contextOf(TICKET))).toEqual({ url: 'https://x.test/hook', payload: { record: TICKET } });
  });

  it('startProcess and signalProcess read the other record\'s id from a reference field', () => {
    expect(startProcess.resolveParams?.({ entity: 'project', recordField: 'parent' }, contextOf(TICKET))).toEqual({ entity: 'project', recordId: 'p-9' });
    expect(signalProcess.resolveParams?.({ entity: 'project', recordId: 'p-1', event: 'CHILD_DONE', data: { by: 't-1' } }, contextOf(TICKET)))
      .toEqual({ entity: 'project', recordId: 'p-1', event: 'CHILD_DONE', data: { by: 't-1' } });
    expect(signalProcess.resolveParams?.({ entity: 'project', recordField: 'missing', event: 'X' }, contextOf(TICKET))).toEqual({ entity: 'project', recordId: null, event: 'X' });
  });

  it('say where the runtime runs them', () => {
    expect(Object.fromEntries(Object.entries(BUILT_IN_ACTIONS).map(([name, action]) => [name, action.delivery]))).toEqual({
      setFields: 'transaction', assignOwner: 'transaction', createRecord: 'transaction', notify: 'outbox', webhook: 'outbox', startProcess: 'outbox', signalProcess: 'outbox',
    });
  });
});
