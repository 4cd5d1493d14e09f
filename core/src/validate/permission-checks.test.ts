import type { EntityDocument } from '../model/entity';
import type { MetadataBundle } from '../model/pack';
import type { PermissionSetDocument } from '../model/permission';
import { validateBundle } from './bundle-validator';
import { validateDocument } from './document-validator';
import { exampleBundle, exampleDocument, exampleFiles } from './testing/example-pack';
import { pathsAndCodes } from './testing/problems';

const salesRep = (): PermissionSetDocument => exampleDocument<PermissionSetDocument>('permissions/sales-rep.json');
const account = (): EntityDocument => exampleDocument<EntityDocument>('entities/account.json');

function permissionSet(bundle: MetadataBundle, name: string): PermissionSetDocument {
  const found = bundle.permissions?.[name];
  if (!found) throw new Error(`no permission set ${name}`);
  return found;
}

/** "kind name path code" of each bundle problem after a change to the example bundle. */
function bundleProblemsAfter(change: (bundle: MetadataBundle) => void): string[] {
  const bundle = exampleBundle();
  change(bundle);
  return validateBundle(bundle).map((problem) => `${problem.documentKind} ${problem.documentName} ${problem.path} ${problem.code ?? ''}`);
}

describe('permission set documents', () => {
  it('accepts every shipped example permission set', () => {
    const files = exampleFiles().filter(({ file }) => file.startsWith('permissions/'));
    expect(files.map(({ file }) => file)).toEqual(['permissions/partner.json', 'permissions/sales-manager.json', 'permissions/sales-rep.json', 'permissions/support-agent.json']);
    for (const { json } of files) expect(validateDocument(json).problems).toEqual([]);
  });

  it.each<[string, (document: Record<string, unknown>) => void, string[]]>([
    ['an unknown record scope', (document) => { (document.entities as Record<string, Record<string, unknown>>).account!.read = 'mine'; }, ['/entities/account/read enum']],
    ['a scope on create (only true or false)', (document) => { (document.entities as Record<string, Record<string, unknown>>).account!.create = 'own'; }, ['/entities/account/create type']],
    ['an unknown field access level', (document) => { (document.entities as Record<string, Record<string, Record<string, unknown>>>).account!.fields!.tier = 'visible'; }, ['/entities/account/fields/tier enum']],
    ['an unknown operation', (document) => { (document.entities as Record<string, Record<string, unknown>>).account!.approve = true; }, ['/entities/account/approve unknownProperty']],
    ['a parent scope with an unknown property', (document) => { (document.entities as Record<string, Record<string, unknown>>).account!.read = { via: 'parent', scope: 'own' }; }, ['/entities/account/read/scope unknownProperty']],
    ['a missing role', (document) => { delete document.role; }, ['/role required']],
    ['access to a system field', (document) => { (document.entities as Record<string, Record<string, Record<string, unknown>>>).account!.fields!.createdAt = 'hidden'; }, ['/entities/account/fields/createdAt systemField']],
    ['a sharing rule without criteria', (document) => { document.sharingRules = [{ name: 'all', entity: 'account', access: 'read', where: [] }]; }, ['/sharingRules/0/where minItems']],
    ['two sharing rules with one name', (document) => {
      document.sharingRules = [
        { name: 'gold', entity: 'account', access: 'read', where: [{ field: 'tier', op: 'eq', value: 'gold' }] },
        { name: 'gold', entity: 'account', access: 'edit', where: [{ field: 'tier', op: 'eq', value: 'gold' }] },
      ];
    }, ['/sharingRules/1/name duplicateName']],
    ['"in" without a list', (document) => { document.sharingRules = [{ name: 'gold', entity: 'account', access: 'read', where: [{ field: 'tier', op: 'in', value: 'gold' }] }]; }, ['/sharingRules/0/where/0/value invalidFilter']],
  ])('reports %s', (_case, change, expected) => {
    const document = salesRep() as unknown as Record<string, unknown>;
    change(document);
    const problems = validateDocument(document).problems;
    expect(pathsAndCodes(problems)).toEqual(expected);
  });
});

describe('permission sets in the bundle', () => {
  it('accepts the example bundle with its permission sets', () => {
    const bundle = exampleBundle();
    expect(Object.keys(bundle.permissions ?? {}).sort()).toEqual(['partner', 'salesManager', 'salesRep', 'supportAgent']);
    expect(validateBundle(bundle)).toEqual([]);
  });

  it.each<[string, (bundle: MetadataBundle) => void, string[]]>([
    ['an unknown entity', (bundle) => { permissionSet(bundle, 'salesRep').entities.lead = { read: true }; }, ['permissionSet salesRep /entities/lead unknownEntity']],
    ['an unknown field', (bundle) => { permissionSet(bundle, 'salesRep').entities.account!.fields = { revenue: 'hidden' }; }, ['permissionSet salesRep /entities/account/fields/revenue unknownField']],
    ['a scope on an entity without owners', (bundle) => { permissionSet(bundle, 'salesRep').entities.tag = { read: 'team', update: 'own', delete: 'all' }; }, [
      'permissionSet salesRep /entities/tag/read noOwnerField',
      'permissionSet salesRep /entities/tag/update noOwnerField',
    ]],
    ['a sharing rule on an unknown entity', (bundle) => { permissionSet(bundle, 'supportAgent').sharingRules![0]!.entity = 'lead'; }, ['permissionSet supportAgent /sharingRules/0/entity unknownEntity']],
    ['a sharing rule on an unknown field', (bundle) => { permissionSet(bundle, 'supportAgent').sharingRules![0]!.where = [{ field: 'level', op: 'eq', value: 'gold' }]; }, ['permissionSet supportAgent /sharingRules/0/where/0/field unknownField']],
    ['a sharing rule with an operator the field lacks', (bundle) => { permissionSet(bundle, 'supportAgent').sharingRules![0]!.where = [{ field: 'tier', op: 'contains', value: 'go' }]; }, ['permissionSet supportAgent /sharingRules/0/where/0/op invalidOperator']],
    ['a sharing rule value that is not an option', (bundle) => { permissionSet(bundle, 'supportAgent').sharingRules![0]!.where = [{ field: 'tier', op: 'eq', value: 'platinum' }]; }, ['permissionSet supportAgent /sharingRules/0/where/0/value invalidFilter']],
    ['a parent scope over a field that is not a reference', (bundle) => { permissionSet(bundle, 'salesRep').entities.contact!.read = { via: 'lastName' }; }, ['permissionSet salesRep /entities/contact/read/via unknownField']],
    ['a parent scope that leads back to its entity', (bundle) => { permissionSet(bundle, 'salesRep').entities.account!.update = { via: 'parent' }; }, ['permissionSet salesRep /entities/account/update/via parentScopeCycle']],
    ['a set filed under another name', (bundle) => { bundle.permissions!.other = permissionSet(bundle, 'partner'); delete bundle.permissions!.partner; }, ['permissionSet partner /name nameMismatch']],
  ])('reports %s', (_case, change, expected) => {
    expect(bundleProblemsAfter(change)).toEqual(expected);
  });

  it('accepts parent scopes that follow a reference to another entity', () => {
    expect(bundleProblemsAfter((bundle) => { permissionSet(bundle, 'salesRep').entities.contact = { read: { via: 'account' }, delete: { via: 'account', operation: 'update' } }; })).toEqual([]);
  });

  it('accepts relations in field access (they are record properties too)', () => {
    expect(bundleProblemsAfter((bundle) => { permissionSet(bundle, 'salesRep').entities.account!.fields = { contacts: 'hidden', tags: 'readOnly' }; })).toEqual([]);
  });
});

describe('entity ownership metadata', () => {
  it.each<[string, (entity: EntityDocument) => void, string[]]>([
    ['an unknown owner field', (entity) => { entity.ownerField = 'keeper'; }, ['/ownerField unknownField']],
    ['an owner field that is not a user field', (entity) => { entity.ownerField = 'name'; }, ['/ownerField invalidOwnerField']],
    ['an unknown partner field', (entity) => { entity.partnerField = 'reseller'; }, ['/partnerField unknownField']],
    ['a partner field that cannot hold an id', (entity) => { entity.partnerField = 'active'; }, ['/partnerField invalidPartnerField']],
    ['the owner field as partner field', (entity) => { entity.partnerField = 'owner'; }, ['/partnerField invalidPartnerField']],
    ['a handover of an unknown relation', (entity) => { entity.handover = { relations: [{ relation: 'cases' }] }; }, ['/handover/relations/0/relation unknownRelation']],
    ['a handover of a many-to-many relation', (entity) => { entity.handover = { relations: [{ relation: 'tags' }] }; }, ['/handover/relations/0/relation invalidHandover']],
    ['a relation handed over twice', (entity) => { entity.handover = { relations: [{ relation: 'contacts' }, { relation: 'contacts' }] }; }, ['/handover/relations/1/relation duplicateName']],
    ['a handover on an entity without owners', (entity) => { entity.fields = entity.fields.filter((field) => field.name !== 'owner'); }, ['/handover noOwnerField']],
    ['an empty handover', (entity) => { entity.handover = { relations: [] }; }, ['/handover/relations minItems']],
  ])('reports %s', (_case, change, expected) => {
    const document = account();
    change(document);
    expect(pathsAndCodes(validateDocument(document).problems)).toEqual(expected);
  });

  it('accepts an explicit owner field of type user', () => {
    const document = account();
    document.fields.push({ name: 'accountManager', type: 'user' });
    document.ownerField = 'accountManager';
    expect(validateDocument(document).problems).toEqual([]);
  });

  it.each<[string, (bundle: MetadataBundle) => void, string[]]>([
    ['a handover filter on a field of the wrong entity', (bundle) => { bundle.entities.account!.handover!.relations[1]!.where = [{ field: 'tier', op: 'eq', value: 'gold' }]; }, ['entity account /handover/relations/1/where/0/field unknownField']],
    ['a handover filter value that is not an option', (bundle) => { bundle.entities.account!.handover!.relations[1]!.where = [{ field: 'stage', op: 'in', value: ['open'] }]; }, ['entity account /handover/relations/1/where/0/value invalidFilter']],
  ])('reports across documents %s', (_case, change, expected) => {
    expect(bundleProblemsAfter(change)).toEqual(expected);
  });

  it('reports a handover to an entity without owners, and the scopes granted on it', () => {
    const problems = bundleProblemsAfter((bundle) => { bundle.entities.contact!.fields = bundle.entities.contact!.fields.filter((field) => field.name !== 'owner'); });
    expect(problems).toContain('entity account /handover/relations/0/relation noOwnerField');
    expect(problems).toContain('permissionSet salesRep /entities/contact/read noOwnerField');
    expect(problems).toContain('permissionSet salesManager /entities/contact/fields/owner unknownField');
  });
});
