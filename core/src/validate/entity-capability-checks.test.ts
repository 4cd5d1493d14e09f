import type { EntityDocument, FieldDefinition } from '../model';
import type { MetadataBundle } from '../model/pack';
import { validateBundle } from './bundle-validator';
import { validateDocument } from './document-validator';
import { exampleBundle, exampleDocument } from './testing/example-pack';
import { pathsAndCodes } from './testing/problems';

const account = (): EntityDocument => exampleDocument<EntityDocument>('entities/account.json');
const linkField = (name: string, entity: string): FieldDefinition => ({ name, type: 'reference', entity, readOnly: true, onDelete: 'setNull' });

/** An account that converts into a contact and, optionally, an opportunity, with its link fields. */
function convertingAccount(): EntityDocument {
  const document = account();
  document.fields.push(linkField('convertedContact', 'contact'), linkField('convertedDeal', 'opportunity'));
  document.conversion = {
    when: 'active',
    targets: [
      { name: 'contact', entity: 'contact', link: 'convertedContact', fields: { lastName: 'name', phone: 'phone' }, matchOn: ['lastName'] },
      { name: 'deal', entity: 'opportunity', link: 'convertedDeal', optional: true, fields: { name: 'name' } },
    ],
    set: { tier: 'gold' },
  };
  return document;
}

function bundleProblemsAfter(change: (bundle: MetadataBundle) => void): string[] {
  const bundle = exampleBundle();
  change(bundle);
  return validateBundle(bundle).map((problem) => `${problem.documentKind} ${problem.documentName} ${problem.path} ${problem.code ?? ''}`);
}

describe('entity capabilities', () => {
  it('accepts assignment rules, duplicate rules, a conversion and a roll-up', () => {
    const document = convertingAccount();
    document.assignment = { rules: [{ name: 'gold', when: 'tier == \'gold\' && user.id != null', user: 'manager' }, { name: 'everyone', team: 'Sales', strategy: 'leastLoaded' }] };
    document.duplicates = { rules: [{ name: 'sameName', fields: ['name'] }, { name: 'samePhoneAndSite', fields: ['phone', 'website'] }] };
    document.fields.push({ name: 'openDeals', type: 'integer', rollup: { relation: 'opportunities', aggregate: 'count', where: [{ field: 'stage', op: 'ne', value: 'closedLost' }] } });
    expect(validateDocument(document).problems).toEqual([]);
  });

  it.each<[string, (entity: EntityDocument) => void, string[]]>([
    ['an assignment rule naming no one', (entity) => { entity.assignment = { rules: [{ name: 'nobody' }] }; }, ['/assignment/rules/0 oneOf']],
    ['an assignment rule reading an unknown field', (entity) => { entity.assignment = { rules: [{ name: 'x', when: 'region == \'emea\'', team: 'Sales' }] }; }, ['/assignment/rules/0/when unknownIdentifier']],
    ['a team field through a non-reference', (entity) => { entity.assignment = { rules: [{ name: 'x', teamField: 'name.team' }] }; }, ['/assignment/rules/0/teamField invalidField']],
    ['a strategy for a fixed user', (entity) => { entity.assignment = { rules: [{ name: 'x', user: 'rep1', strategy: 'roundRobin' }] }; }, ['/assignment/rules/0/strategy invalidStrategy']],
    ['an assignment of a field that is not a user field', (entity) => { entity.assignment = { field: 'name', rules: [{ name: 'x', user: 'rep1' }] }; }, ['/assignment/field invalidField']],
    ['two assignment rules with one name', (entity) => { entity.assignment = { rules: [{ name: 'x', user: 'a' }, { name: 'x', user: 'b' }] }; }, ['/assignment/rules/1/name duplicateName']],
    ['a duplicate rule over a text field', (entity) => { entity.duplicates = { rules: [{ name: 'x', fields: ['description'] }] }; }, ['/duplicates/rules/0/fields/0 invalidDuplicateField']],
    ['a duplicate rule over an unknown field', (entity) => { entity.duplicates = { rules: [{ name: 'x', fields: ['email'] }] }; }, ['/duplicates/rules/0/fields/0 unknownField']],
    ['a roll-up over a many-to-many relation', (entity) => { entity.fields.push({ name: 'tagCount', type: 'integer', rollup: { relation: 'tags', aggregate: 'count' } }); }, ['/fields/13/rollup/relation invalidRollup']],
    ['a sum without a field', (entity) => { entity.fields.push({ name: 'pipeline', type: 'currency', rollup: { relation: 'opportunities', aggregate: 'sum' } }); }, ['/fields/13/rollup/field required']],
    ['a required roll-up', (entity) => { entity.fields.push({ name: 'deals', type: 'integer', required: true, rollup: { relation: 'opportunities', aggregate: 'count' } }); }, ['/fields/13/required invalidRollup']],
    ['a roll-up on a text field', (entity) => { (entity.fields as unknown[]).push({ name: 'names', type: 'string', rollup: { relation: 'opportunities', aggregate: 'count' } }); }, ['/fields/13/rollup unknownProperty']],
  ])('reports %s', (_case, change, expected) => {
    const document = account();
    change(document);
    expect(pathsAndCodes(validateDocument(document).problems)).toEqual(expected);
  });

  it.each<[string, (entity: EntityDocument) => void, string[]]>([
    ['a writable link field', (entity) => { const field = entity.fields.find((candidate) => candidate.name === 'convertedContact'); if (field) field.readOnly = false; }, ['/conversion/targets/0/link writableLink']],
    ['a link to another entity', (entity) => { entity.conversion!.targets[0]!.link = 'convertedDeal'; }, ['/conversion/targets/0/link invalidLink', '/conversion/targets/1/link duplicateName']],
    ['a reference to a later target', (entity) => { entity.conversion!.targets[0]!.references = { account: 'deal' }; }, ['/conversion/targets/0/references/account unknownTarget']],
    ['a set value that is not an option', (entity) => { entity.conversion!.set = { tier: 'diamond' }; }, ['/conversion/set/tier invalidValue']],
    ['a mapping expression reading an unknown field', (entity) => { entity.conversion!.targets[0]!.fields = { lastName: 'surname' }; }, ['/conversion/targets/0/fields/lastName unknownIdentifier']],
  ])('reports a conversion with %s', (_case, change, expected) => {
    const document = convertingAccount();
    change(document);
    expect(pathsAndCodes(validateDocument(document).problems)).toEqual(expected);
  });

  it.each<[string, (bundle: MetadataBundle) => void, string[]]>([
    ['a conversion target entity that does not exist', (bundle) => { bundle.entities.account = convertingAccount(); bundle.entities.account.conversion!.targets[1]!.entity = 'deal'; }, ['entity account /conversion/targets/1/entity unknownEntity']],
    ['a mapping to an unknown target field', (bundle) => { bundle.entities.account = convertingAccount(); bundle.entities.account.conversion!.targets[0]!.fields = { surname: 'name' }; bundle.entities.account.conversion!.targets[0]!.matchOn = undefined; }, ['entity account /conversion/targets/0/fields/surname unknownField']],
    ['a mapping to a computed field', (bundle) => { bundle.entities.account = convertingAccount(); bundle.entities.account.conversion!.targets[1]!.fields = { weightedAmount: 'employees' }; }, ['entity account /conversion/targets/1/fields/weightedAmount readOnly']],
    ['a target reference to the wrong entity', (bundle) => { bundle.entities.account = convertingAccount(); bundle.entities.account.conversion!.targets[1]!.references = { partnerAccount: 'contact' }; }, ['entity account /conversion/targets/1/references/partnerAccount invalidReference']],
    ['matching on an unmapped field', (bundle) => { bundle.entities.account = convertingAccount(); bundle.entities.account.conversion!.targets[0]!.matchOn = ['email']; }, ['entity account /conversion/targets/0/matchOn/0 unmappedField']],
    ['a conversion setting a process stage', (bundle) => { bundle.entities.opportunity!.fields.push(linkField('convertedContact', 'contact')); bundle.entities.opportunity!.conversion = { targets: [{ name: 'contact', entity: 'contact', link: 'convertedContact' }], set: { stage: 'closedWon' } }; }, ['entity opportunity /conversion/set/stage processStage']],
    ['a roll-up of a text field', (bundle) => { bundle.entities.account!.fields.push({ name: 'x', type: 'integer', rollup: { relation: 'opportunities', field: 'lostReason', aggregate: 'max' } }); }, ['entity account /fields/13/rollup/field invalidRollup']],
    ['a roll-up filtered on an unknown field', (bundle) => { bundle.entities.account!.fields.push({ name: 'x', type: 'integer', rollup: { relation: 'opportunities', aggregate: 'count', where: [{ field: 'tier', op: 'eq', value: 'gold' }] } }); }, ['entity account /fields/13/rollup/where/0/field unknownField']],
    ['a team field naming no field of the referenced entity', (bundle) => { bundle.entities.opportunity!.assignment = { rules: [{ name: 'x', teamField: 'account.team' }] }; }, ['entity opportunity /assignment/rules/0/teamField unknownField']],
  ])('reports across documents %s', (_case, change, expected) => {
    expect(bundleProblemsAfter(change)).toEqual(expected);
  });
});
