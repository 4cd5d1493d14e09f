import { exampleBundle } from '../validate/testing/example-pack';
import type { MetadataBundle } from '../model/pack';
import { EVERY_USER_ROLE } from '../model/permission';
import type { AccessWhere } from './access-rule';
import { accessPolicyKey, accessSubjectOf, type AccessSubject } from './access-subject';
import { compileAccessPolicy, type AccessPolicy } from './compile-access-policy';

const member = (...roles: string[]): AccessSubject => ({ roles, isAdmin: false, isPartner: false });
const policyFor = (subject: AccessSubject, bundle: MetadataBundle = exampleBundle()): AccessPolicy => compileAccessPolicy(bundle, subject);

const own = (field = 'owner'): AccessWhere => ({ kind: 'equalsActor', field, parameter: 'userId' });
const team: AccessWhere = { kind: 'userIn', field: 'owner', by: 'team', parameter: 'teamIds' };
const below: AccessWhere = { kind: 'userIn', field: 'owner', by: 'role', parameter: 'subordinateRoles' };
const ownPartner: AccessWhere = { kind: 'equalsActor', field: 'partnerAccount', parameter: 'partnerAccountId' };
const gold: AccessWhere = { kind: 'match', clause: { field: 'tier', op: 'eq', value: 'gold' } };
const phone: AccessWhere = { kind: 'match', clause: { field: 'channels', op: 'contains', value: 'phone' } };
const OPERATIONS = ['create', 'read', 'update', 'delete', 'transition', 'import', 'export'] as const;

describe('compileAccessPolicy', () => {
  it('lets administrators do everything to every record and field', () => {
    const policy = policyFor({ roles: [], isAdmin: true, isPartner: false });
    for (const entity of ['account', 'contact', 'opportunity', 'tag']) {
      for (const operation of OPERATIONS) expect(policy.entity(entity).rowFilter(operation)).toBe(true);
    }
    const account = policy.entity('account');
    expect([account.fieldAccess('annualRevenue'), account.fieldAccess('owner'), account.fieldAccess('tags')]).toEqual(['editable', 'editable', 'editable']);
    expect([account.fieldAccess('id'), account.fieldAccess('version')]).toEqual(['readOnly', 'readOnly']);
    expect(account.hiddenFields.size).toBe(0);
  });

  it('applies a set for role "*" to every signed-in user, with or without roles, and partners within their account', () => {
    const bundle = exampleBundle();
    bundle.permissions = { ...bundle.permissions, everyUser: { kind: 'permissionSet', name: 'everyUser', role: EVERY_USER_ROLE, entities: { tag: { read: true, fields: { name: 'readOnly' } } } } };
    // Alone it gives read-only names; with a role's own tag grant the most permissive level wins.
    for (const subject of [member(), member('salesRep'), member('salesManager')]) {
      const tag = policyFor(subject, bundle).entity('tag');
      expect(tag.rowFilter('read')).toBe(true);
      expect(tag.fieldAccess('name')).toBe(subject.roles.length > 0 ? 'editable' : 'readOnly');
    }
    // Tags have no partner field: a partner reaches none through the set.
    expect(policyFor({ roles: [], isAdmin: false, isPartner: true }, bundle).entity('tag').rowFilter('read')).toBe(false);
    expect(policyFor(member(), exampleBundle()).entity('tag').can('read')).toBe(false);
  });

  it('gives a user without roles nothing: no operation, no record, no field', () => {
    const account = policyFor(member()).entity('account');
    for (const operation of OPERATIONS) {
      expect(account.can(operation)).toBe(false);
      expect(account.rowFilter(operation)).toBe(false);
    }
    expect([account.fieldAccess('name'), account.fieldAccess('id')]).toEqual(['hidden', 'hidden']);
  });

  it('compiles a sales rep: team reads, own writes, hidden revenue, read-only tier and owner', () => {
    const policy = policyFor(member('salesRep'));
    const account = policy.entity('account');
    expect(account.rowFilter('read')).toEqual({ kind: 'or', conditions: [own(), team] });
    expect(account.rowFilter('update')).toEqual(own());
    expect(account.rowFilter('export')).toEqual(own());
    expect([account.can('create'), account.can('delete'), account.can('import'), account.can('transition')]).toEqual([true, false, false, false]);
    expect(Object.fromEntries(['name', 'annualRevenue', 'tier', 'owner', 'partnerAccount', 'contacts', 'createdAt'].map((field) => [field, account.fieldAccess(field)]))).toEqual({
      name: 'editable', annualRevenue: 'hidden', tier: 'readOnly', owner: 'readOnly', partnerAccount: 'editable', contacts: 'editable', createdAt: 'readOnly',
    });
    expect([...account.hiddenFields]).toEqual(['annualRevenue']);
    expect(account.ownerField).toBe('owner');
    expect(account.partnerField).toBe('partnerAccount');

    const opportunity = policy.entity('opportunity');
    expect(opportunity.rowFilter('read')).toEqual(own());
    expect(opportunity.rowFilter('transition')).toEqual(own());
    expect(opportunity.can('delete')).toBe(false);
    expect(opportunity.fieldAccess('discount')).toBe('readOnly');
    expect(policy.entity('tag').rowFilter('read')).toBe(true);
    expect(policy.entity('tag').can('update')).toBe(false);
  });

  it('compiles a sales manager: the hierarchy below, and may assign owners', () => {
    const account = policyFor(member('salesManager')).entity('account');
    for (const operation of ['read', 'update', 'delete', 'export'] as const) expect(account.rowFilter(operation)).toEqual({ kind: 'or', conditions: [own(), below] });
    expect(account.fieldAccess('owner')).toBe('editable');
    expect(account.fieldAccess('annualRevenue')).toBe('editable');
  });

  it('compiles sharing rules: read for gold accounts, edit for contacts who want calls', () => {
    const policy = policyFor(member('supportAgent'));
    const account = policy.entity('account');
    expect(account.rowFilter('read')).toEqual(gold);
    expect([account.can('update'), account.can('delete'), account.can('create'), account.can('export')]).toEqual([false, false, false, false]);
    expect(account.fieldAccess('annualRevenue')).toBe('hidden');
    const contact = policy.entity('contact');
    expect(contact.rowFilter('read')).toEqual({ kind: 'or', conditions: [own(), phone] });
    expect(contact.rowFilter('update')).toEqual({ kind: 'or', conditions: [own(), phone] });
    expect(contact.can('delete')).toBe(false);
    expect(policy.entity('opportunity').can('read')).toBe(false);
  });

  it('restricts partners to records of their partner account, on entities with a partner field only', () => {
    const policy = policyFor({ roles: ['partner'], isAdmin: false, isPartner: true });
    const account = policy.entity('account');
    expect(account.rowFilter('read')).toEqual(ownPartner);
    expect(account.can('update')).toBe(false);
    expect([account.fieldAccess('annualRevenue'), account.fieldAccess('description'), account.fieldAccess('partnerAccount')]).toEqual(['hidden', 'hidden', 'readOnly']);
    const opportunity = policy.entity('opportunity');
    expect([opportunity.rowFilter('read'), opportunity.rowFilter('update'), opportunity.rowFilter('create')]).toEqual([ownPartner, ownPartner, true]);
    expect(opportunity.fieldAccess('partnerAccount')).toBe('readOnly');
    expect(opportunity.fieldAccess('discount')).toBe('readOnly');
  });

  it('keeps a partner away from entities without a partner field even when granted, except through sharing rules', () => {
    const bundle = exampleBundle();
    bundle.permissions!.partner!.entities.tag = { read: true, create: true };
    expect(policyFor({ roles: ['partner'], isAdmin: false, isPartner: true }, bundle).entity('tag').can('read')).toBe(false);
    expect(policyFor({ roles: ['partner'], isAdmin: false, isPartner: true }, bundle).entity('tag').can('create')).toBe(false);
    bundle.permissions!.partner!.sharingRules = [{ name: 'blueTags', entity: 'tag', access: 'read', where: [{ field: 'color', op: 'eq', value: '#0000ff' }] }];
    expect(policyFor({ roles: ['partner'], isAdmin: false, isPartner: true }, bundle).entity('tag').rowFilter('read')).toEqual({ kind: 'match', clause: { field: 'color', op: 'eq', value: '#0000ff' } });
  });

  it('keeps a partner-only set to the partner account even for a holder without one: no record, no create', () => {
    const policy = policyFor(member('partner'));
    for (const entity of ['account', 'opportunity']) {
      expect(policy.entity(entity).rowFilter('read')).toEqual(ownPartner);
      expect(policy.entity(entity).can('create')).toBe(false);
    }
    // Without the flag the same set would reach every record of a holder who is no partner.
    const bundle = exampleBundle();
    delete bundle.permissions!.partner!.partnerOnly;
    expect(policyFor(member('partner'), bundle).entity('account').rowFilter('read')).toBe(true);
  });

  it('ands a partner restriction with scoped grants', () => {
    const bundle = exampleBundle();
    bundle.permissions!.partner!.entities.opportunity!.update = 'own';
    const update = policyFor({ roles: ['partner'], isAdmin: false, isPartner: true }, bundle).entity('opportunity').rowFilter('update');
    expect(update).toEqual({ kind: 'and', conditions: [own(), ownPartner] });
  });

  it('adds up several roles: any rule grants, the most permissive field access wins', () => {
    const account = policyFor(member('salesRep', 'supportAgent')).entity('account');
    expect(account.rowFilter('read')).toEqual({ kind: 'or', conditions: [own(), team, gold] });
    expect(account.rowFilter('update')).toEqual(own());
    expect(account.fieldAccess('annualRevenue')).toBe('hidden');
    // The rep makes tier read-only; the support set does not mention it, so it is editable there.
    expect(account.fieldAccess('tier')).toBe('editable');
  });

  it('keeps a field some set hides hidden when another set grants the entity without naming it', () => {
    const bundle = exampleBundle();
    bundle.permissions = { ...bundle.permissions, everyUser: { kind: 'permissionSet', name: 'everyUser', role: EVERY_USER_ROLE, entities: { tag: { read: true, fields: { color: 'hidden' } } } } };
    // The rep's and the manager's tag grants name no fields: they do not un-hide the colour.
    for (const subject of [member(), member('salesRep'), member('salesManager'), member('salesRep', 'supportAgent')]) {
      const tag = policyFor(subject, bundle).entity('tag');
      expect([tag.fieldAccess('color'), tag.fieldAccess('name')]).toEqual(['hidden', 'editable']);
      expect(tag.hiddenFields.has('color')).toBe(true);
    }
    // A set that names the field readable un-hides it, at the level it names.
    bundle.permissions!.salesManager!.entities.tag!.fields = { color: 'readOnly' };
    expect(policyFor(member('salesManager'), bundle).entity('tag').fieldAccess('color')).toBe('readOnly');
    expect(policyFor(member('salesRep'), bundle).entity('tag').fieldAccess('color')).toBe('hidden');
  });

  it('adds up several permission sets of one role', () => {
    const bundle = exampleBundle();
    bundle.permissions!.extraRep = { kind: 'permissionSet', name: 'extraRep', role: 'salesRep', entities: { opportunity: { delete: 'own', fields: { discount: 'editable' } } } };
    const opportunity = policyFor(member('salesRep'), bundle).entity('opportunity');
    expect(opportunity.rowFilter('delete')).toEqual(own());
    expect(opportunity.fieldAccess('discount')).toBe('editable');
  });

  it('compiles a parent scope to the parent\'s own rule for the same (or the named) operation', () => {
    const bundle = exampleBundle();
    bundle.permissions!.salesRep!.entities.contact = { read: { via: 'account' }, update: { via: 'account' }, delete: { via: 'account', operation: 'update' } };
    const contact = policyFor(member('salesRep'), bundle).entity('contact');
    expect(contact.rowFilter('read')).toEqual({ kind: 'parent', field: 'account', entity: 'account', rule: { kind: 'or', conditions: [own(), team] } });
    expect(contact.rowFilter('update')).toEqual({ kind: 'parent', field: 'account', entity: 'account', rule: own() });
    expect(contact.rowFilter('delete')).toEqual(contact.rowFilter('update'));
    // The parent's rule includes its sharing rules; a parent every record of which is allowed allows every child.
    const agent = exampleBundle();
    agent.permissions!.supportAgent!.entities.contact = { read: { via: 'account' } };
    expect(policyFor(member('supportAgent'), agent).entity('contact').rowFilter('read')).toEqual({ kind: 'or', conditions: [{ kind: 'parent', field: 'account', entity: 'account', rule: gold }, phone] });
    bundle.permissions!.salesManager!.entities.account!.read = true;
    bundle.permissions!.salesManager!.entities.contact = { read: { via: 'account' }, export: { via: 'account' } };
    expect(policyFor(member('salesManager'), bundle).entity('contact').rowFilter('read')).toBe(true);
    // A parent the role may not touch lets no child through.
    expect(policyFor(member('salesRep'), bundle).entity('contact').rowFilter('export')).toBe(false);
  });

  it('hides a formula that reads a hidden field, also through another formula', () => {
    const bundle = exampleBundle();
    bundle.entities.opportunity!.fields.push({ name: 'doubleWeighted', type: 'formula', resultType: 'decimal', expression: 'weightedAmount * 2' });
    bundle.permissions!.salesRep!.entities.opportunity!.fields = { amount: 'hidden' };
    const opportunity = policyFor(member('salesRep'), bundle).entity('opportunity');
    expect([opportunity.fieldAccess('amount'), opportunity.fieldAccess('weightedAmount'), opportunity.fieldAccess('doubleWeighted'), opportunity.fieldAccess('probability')])
      .toEqual(['hidden', 'hidden', 'hidden', 'editable']);
    expect([...opportunity.hiddenFields].sort()).toEqual(['amount', 'doubleWeighted', 'weightedAmount']);
  });

  it('reaches no record with a scope on an entity without owners, and uses an explicit owner field', () => {
    const bundle = exampleBundle();
    bundle.permissions!.salesRep!.entities.tag = { read: 'own', update: true };
    expect(policyFor(member('salesRep'), bundle).entity('tag').rowFilter('read')).toBe(false);
    expect(policyFor(member('salesRep'), bundle).entity('tag').rowFilter('update')).toBe(true);
    bundle.entities.tag!.fields.push({ name: 'curator', type: 'user' });
    bundle.entities.tag!.ownerField = 'curator';
    expect(policyFor(member('salesRep'), bundle).entity('tag').rowFilter('read')).toEqual(own('curator'));
    expect(policyFor(member('salesRep'), bundle).entity('tag').fieldAccess('curator')).toBe('readOnly');
  });

  it('allows nothing on an entity the bundle does not have, and compiles a bundle without permissions', () => {
    expect(policyFor(member('salesRep')).entity('lead').can('read')).toBe(false);
    const bundle = exampleBundle();
    delete bundle.permissions;
    expect(policyFor(member('salesRep'), bundle).entity('account').can('read')).toBe(false);
  });
});

describe('access subjects', () => {
  const actor = { userId: 'u1', teamIds: [], subordinateRoles: [], partnerAccountId: null, roles: ['salesRep'], isAdmin: false };

  it('treats the system actor as an administrator and a user with a partner account as a partner', () => {
    expect(accessSubjectOf({ ...actor, kind: 'system' }).isAdmin).toBe(true);
    expect(accessSubjectOf({ ...actor, kind: 'user' })).toEqual({ roles: ['salesRep'], isAdmin: false, isPartner: false });
    expect(accessSubjectOf({ ...actor, partnerAccountId: 'acc-1' }).isPartner).toBe(true);
  });

  it('keys compiled policies by what shapes them: role set, partner, admin', () => {
    expect(accessPolicyKey(member('b', 'a', 'a'))).toBe(accessPolicyKey(member('a', 'b')));
    expect(accessPolicyKey(member('a'))).not.toBe(accessPolicyKey({ roles: ['a'], isAdmin: false, isPartner: true }));
    expect(accessPolicyKey({ roles: ['a'], isAdmin: true, isPartner: false })).toBe(accessPolicyKey({ roles: [], isAdmin: true, isPartner: true }));
    expect(accessPolicyKey(member('a,b'))).not.toBe(accessPolicyKey(member('a', 'b')));
  });
});
