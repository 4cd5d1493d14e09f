/// <reference types="jest" />
// The studio's tsconfig knows no test runner; this unit test runs under the repository's Jest.
import type { EntityDocument, MetadataBundle, PermissionSetDocument, ScopedGrant } from '@stagecraft/core';
import { choiceOf, grantOf, newSetName, scopeChoices, withOperation } from './permission-grants';
import { roleView } from './view-as-role';

const account: EntityDocument = {
  kind: 'entity',
  name: 'account',
  label: 'Account',
  fields: [
    { name: 'name', type: 'string', label: 'Name' },
    { name: 'phone', type: 'phone', label: 'Phone' },
    { name: 'tier', type: 'string', label: 'Tier' },
    { name: 'owner', type: 'user', label: 'Owner' },
    { name: 'partner', type: 'string', label: 'Partner' },
  ],
  partnerField: 'partner',
} as EntityDocument;

const quote: EntityDocument = {
  kind: 'entity',
  name: 'quote',
  label: 'Quote',
  fields: [
    { name: 'title', type: 'string', label: 'Title' },
    { name: 'account', type: 'reference', entity: 'account', label: 'Account' },
  ],
} as EntityDocument;

function bundleWith(...sets: PermissionSetDocument[]): MetadataBundle {
  return { packs: [], entities: { account, quote }, layouts: {}, processes: {}, reports: {}, permissions: Object.fromEntries(sets.map((set) => [set.name, set])) };
}

const viewer: PermissionSetDocument = { kind: 'permissionSet', name: 'viewerAccess', role: 'viewer', entities: { account: { read: true, fields: { phone: 'hidden' } } } };

describe('roleView', () => {
  it('shows a read-only role: reads every record, no writes, the hidden field hidden and nothing editable', () => {
    const view = roleView(bundleWith(viewer), 'viewer', 'account');
    const byOperation = Object.fromEntries(view.operations.map((operation) => [operation.operation, operation]));
    expect(byOperation.read).toMatchObject({ allowed: true, reach: 'all', grants: [{ set: 'viewerAccess', choice: 'all' }] });
    expect(['create', 'update', 'delete', 'import', 'export'].map((operation) => byOperation[operation]?.allowed)).toEqual([false, false, false, false, false]);
    expect(view.fields.find((field) => field.name === 'phone')).toEqual({ name: 'phone', access: 'hidden', canEdit: false });
    expect(view.fields.find((field) => field.name === 'name')).toEqual({ name: 'name', access: 'editable', canEdit: false });
  });

  it('adds the every-user sets, names the scopes that reach some records and keeps a hidden field hidden across sets while other levels combine to the most permissive', () => {
    const everyone: PermissionSetDocument = { kind: 'permissionSet', name: 'everyUser', role: '*', entities: { account: { update: 'own', fields: { tier: 'readOnly' } } }, sharingRules: [{ name: 'gold', entity: 'account', access: 'read', where: [{ field: 'tier', op: 'eq', value: 'gold' }] }] };
    const view = roleView(bundleWith(viewer, everyone), 'viewer', 'account');
    expect(view.sets).toEqual(['viewerAccess', 'everyUser']);
    const update = view.operations.find((operation) => operation.operation === 'update');
    expect(update).toMatchObject({ allowed: true, reach: 'some', grants: [{ set: 'everyUser', choice: 'own' }] });
    expect(view.operations.find((operation) => operation.operation === 'read')?.sharingRules).toEqual(['gold']);
    expect(view.fields.find((field) => field.name === 'phone')?.access).toBe('hidden');
    // Levels combine to the most permissive: the viewer set, silent on tier, leaves it editable.
    expect(view.fields.find((field) => field.name === 'tier')?.access).toBe('editable');
    expect(view.fields.find((field) => field.name === 'name')?.canEdit).toBe(true);
  });

  it('gives a partner, and anyone through a partner-only set, only some records', () => {
    const partners: PermissionSetDocument = { kind: 'permissionSet', name: 'partnerAccess', role: 'partner', partnerOnly: true, entities: { account: { read: true, create: true } } };
    const member = roleView(bundleWith(partners), 'partner', 'account');
    expect(member.operations.find((operation) => operation.operation === 'read')?.reach).toBe('some');
    expect(member.operations.find((operation) => operation.operation === 'create')?.allowed).toBe(false);
    const partner = roleView(bundleWith(partners), 'partner', 'account', { isPartner: true });
    expect(partner.operations.find((operation) => operation.operation === 'create')?.allowed).toBe(true);
  });

  it('follows a parent scope to the parent entity', () => {
    const lines: PermissionSetDocument = { kind: 'permissionSet', name: 'repAccess', role: 'rep', entities: { account: { read: 'own' }, quote: { read: { via: 'account' } } } };
    const view = roleView(bundleWith(lines), 'rep', 'quote');
    expect(view.operations.find((operation) => operation.operation === 'read')).toMatchObject({ allowed: true, reach: 'some', grants: [{ set: 'repAccess', choice: 'via:account' }] });
    expect(roleView(bundleWith(lines), 'somebodyElse', 'quote').operations.every((operation) => !operation.allowed)).toBe(true);
  });
});

describe('permission grants as select choices', () => {
  it('round-trips every kind of grant', () => {
    const grants: ScopedGrant[] = [true, 'own', 'team', 'hierarchy', { via: 'account' }, { via: 'account', operation: 'update' }];
    for (const grant of grants) expect(grantOf(choiceOf(grant))).toEqual(grant);
    expect(choiceOf(false)).toBe('none');
    expect(grantOf('none')).toBeUndefined();
  });

  it('offers owner scopes only with an owner field, parent scopes per reference field, and keeps the current value', () => {
    expect(scopeChoices(account, undefined).map((choice) => choice.value)).toEqual(['none', 'all', 'own', 'team', 'hierarchy']);
    expect(scopeChoices(quote, undefined).map((choice) => choice.value)).toEqual(['none', 'all', 'via:account']);
    expect(scopeChoices(quote, { via: 'account', operation: 'update' }).map((choice) => choice.value)).toContain('via:account:update');
  });

  it('writes create as true and removes a grant set to none', () => {
    const permission: Record<string, unknown> = { read: 'own' };
    withOperation(permission, 'create', 'yes');
    withOperation(permission, 'read', 'none');
    withOperation(permission, 'update', 'via:account');
    expect(permission).toEqual({ create: true, update: { via: 'account' } });
  });

  it('names a new set after its role without clashing', () => {
    const bundle = bundleWith({ ...viewer, name: 'fieldRepAccess' });
    expect(newSetName(bundle, 'field-rep')).toBe('fieldRepAccess2');
    expect(newSetName(bundle, 'Auditor')).toBe('auditorAccess');
    expect(newSetName(bundle, '9lives')).toBe('role9livesAccess');
  });
});
