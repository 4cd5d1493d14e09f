import type { EntityDocument } from '../model/entity';
import type { BoardLayout, FormLayout, ListLayout } from '../model/layout';
import type { MetadataBundle } from '../model/pack';
import type { ProcessDocument } from '../model/process';
import { validateBundle } from './bundle-validator';
import { exampleBundle } from './testing/example-pack';

type Change = (bundle: MetadataBundle) => void;

function entity(bundle: MetadataBundle, name: string): EntityDocument {
  const found = bundle.entities[name];
  if (!found) throw new Error(`no entity ${name}`);
  return found;
}
const form = (bundle: MetadataBundle): FormLayout => bundle.layouts.opportunityForm as FormLayout;
const list = (bundle: MetadataBundle): ListLayout => bundle.layouts.opportunityList as ListLayout;
const board = (bundle: MetadataBundle): BoardLayout => bundle.layouts.opportunityBoard as BoardLayout;
const sales = (bundle: MetadataBundle): ProcessDocument => bundle.processes.opportunitySales as ProcessDocument;

/** "kind name path code" of each bundle problem. */
function problemsAfter(change: Change): string[] {
  const bundle = exampleBundle();
  change(bundle);
  return validateBundle(bundle).map((problem) => `${problem.documentKind} ${problem.documentName} ${problem.path} ${problem.code ?? ''}`);
}

describe('validateBundle', () => {
  it('accepts the example pack', () => {
    expect(validateBundle(exampleBundle())).toEqual([]);
  });

  it.each<[string, Change, string[]]>([
    ['a reference to an unknown entity', (b) => { entity(b, 'contact').fields.push({ name: 'lead', type: 'reference', entity: 'lead' }); }, ['entity contact /fields/9/entity unknownEntity']],
    ['a hasMany to an unknown entity', (b) => { entity(b, 'account').relations?.push({ kind: 'hasMany', name: 'cases', entity: 'case', field: 'account' }); }, ['entity account /relations/3/entity unknownEntity']],
    ['a hasMany through an unknown field', (b) => { entity(b, 'account').relations?.push({ kind: 'hasMany', name: 'owned', entity: 'contact', field: 'company' }); }, ['entity account /relations/3/field unknownField']],
    ['a hasMany through a field that is not a reference back', (b) => { entity(b, 'tag').relations = [{ kind: 'hasMany', name: 'contacts', entity: 'contact', field: 'account' }]; }, ['entity tag /relations/0/field invalidRelation']],
    ['a manyToMany to an unknown entity', (b) => { entity(b, 'contact').relations = [{ kind: 'manyToMany', name: 'labels', entity: 'label' }]; }, ['entity contact /relations/0/entity unknownEntity']],
    ['a formula reading an unknown field', (b) => { entity(b, 'opportunity').fields.push({ name: 'net', type: 'formula', resultType: 'decimal', expression: 'amount - rebate' }); }, ['entity opportunity /fields/13/expression unknownIdentifier']],
    ['a formula that does not parse', (b) => { entity(b, 'opportunity').fields.push({ name: 'net', type: 'formula', resultType: 'decimal', expression: 'amount *' }); }, ['entity opportunity /fields/13/expression expressionSyntax']],
    ['a formula reading itself', (b) => { entity(b, 'opportunity').fields.push({ name: 'net', type: 'formula', resultType: 'decimal', expression: 'net + 1' }); }, ['entity opportunity /fields/13/expression unknownIdentifier']],
    ['two entities with one table', (b) => {
      b.entities.tagGroup = { ...entity(b, 'tag'), name: 'tagGroup' };
      b.entities.tagGROUP = { ...entity(b, 'tag'), name: 'tagGROUP' };
    }, ['entity tagGROUP /name duplicateTable']],
    ['a link table named like an entity table', (b) => { entity(b, 'contact').relations = [{ kind: 'manyToMany', name: 'tags', entity: 'tag', table: 'account' }]; }, ['entity contact /relations/0/table duplicateTable']],
    ['two indexes with one name in different tables', (b) => {
      entity(b, 'tag').indexes = [{ name: 'ix_shared', fields: ['color'] }];
      entity(b, 'contact').indexes = [{ name: 'ix_shared', fields: ['birthday'] }];
    }, ['entity tag /indexes/0/name duplicateIndexName']],
    ['a document filed under another name', (b) => { b.entities.label = entity(b, 'tag'); }, ['entity tag /name nameMismatch', 'entity tag /name duplicateTable']],
    ['a layout of an unknown entity', (b) => { list(b).entity = 'lead'; }, ['layout opportunityList /entity unknownEntity']],
    ['a form placing an unknown field', (b) => { form(b).sections[0]?.fields.push({ field: 'budget' }); }, ['layout opportunityForm /sections/0/fields/6/field unknownField']],
    ['a form condition reading an unknown field', (b) => { form(b).sections[1]!.visibleWhen = "status == 'lost'"; }, ['layout opportunityForm /sections/1/visibleWhen unknownIdentifier']],
    ['a form condition that does not parse', (b) => { form(b).sections[0]!.fields[0]!.requiredWhen = 'stage =='; }, ['layout opportunityForm /sections/0/fields/0/requiredWhen expressionSyntax']],
    ['an unknown list column', (b) => { list(b).columns.push({ field: 'budget' }); }, ['layout opportunityList /columns/5/field unknownField']],
    ['an unknown sort field', (b) => { list(b).defaultSort = [{ field: 'budget' }]; }, ['layout opportunityList /defaultSort/0/field unknownField']],
    ['an unknown filter field', (b) => { list(b).defaultFilters = [{ field: 'budget', op: 'eq', value: 1 }]; }, ['layout opportunityList /defaultFilters/0/field unknownField']],
    ['an operator that does not fit the field', (b) => { list(b).defaultFilters = [{ field: 'stage', op: 'gt', value: 'proposal' }]; }, ['layout opportunityList /defaultFilters/0/op invalidOperator']],
    ['an enum filter value that is not an option', (b) => { list(b).defaultFilters = [{ field: 'stage', op: 'in', value: ['proposal', 'won'] }]; }, ['layout opportunityList /defaultFilters/0/value invalidFilter']],
    ['a board grouped by a non-enum field', (b) => { board(b).groupBy = 'owner'; }, ['layout opportunityBoard /groupBy invalidGroupBy']],
    ['a board column that is not an option', (b) => { board(b).columnOrder = ['prospecting', 'won']; }, ['layout opportunityBoard /columnOrder/1 invalidOption']],
    ['an unknown card field', (b) => { board(b).cardFields.push('budget'); }, ['layout opportunityBoard /cardFields/4 unknownField']],
    ['a board summing a non-numeric field', (b) => { board(b).sumField = 'name'; }, ['layout opportunityBoard /sumField invalidSumField']],
    ['a process of an unknown entity', (b) => { sales(b).entity = 'deal'; }, ['process opportunitySales /entity unknownEntity']],
    ['a stage field that is not an enum', (b) => { sales(b).stageField = 'name'; }, ['process opportunitySales /stageField invalidStageField']],
    ['a top-level state that is not a stage option', (b) => { sales(b).states.negotiation = { on: { WIN: { target: 'closedWon' } } }; }, ['process opportunitySales /states/negotiation invalidStage']],
    ['a required field that does not exist', (b) => { sales(b).states.proposal!.requiredFields = { leave: ['amount', 'budget'] }; }, ['process opportunitySales /states/proposal/requiredFields/leave/1 unknownField']],
    ['a timer on a field that is not a date', (b) => { sales(b).states.proposal!.after = [{ name: 'due', delay: { field: 'amount' } }]; }, ['process opportunitySales /states/proposal/after/0/delay/field invalidTimerField']],
  ])('reports %s', (_case, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });

  it.each<[string, Change]>([
    ['a self-reference', (b) => { entity(b, 'contact').fields.push({ name: 'manager', type: 'reference', entity: 'contact' }); }],
    ['a hasMany through a reference back', (b) => { entity(b, 'contact').relations = [{ kind: 'hasMany', name: 'reports', entity: 'contact', field: 'manager' }]; entity(b, 'contact').fields.push({ name: 'manager', type: 'reference', entity: 'contact' }); }],
    ['a formula reading system fields', (b) => { entity(b, 'opportunity').fields.push({ name: 'edits', type: 'formula', resultType: 'integer', expression: 'version - 1' }); }],
    ['a form placing a relation and conditions on known fields', (b) => { b.layouts.accountForm = { kind: 'form', name: 'accountForm', entity: 'account', sections: [{ name: 'main', fields: [{ field: 'name' }, { field: 'tags', visibleWhen: 'active' }] }] }; }],
    ['list filters on system fields and fitting operators', (b) => { list(b).defaultFilters = [{ field: 'createdAt', op: 'gte', value: '2024-01-01' }, { field: 'name', op: 'contains', value: 'ac' }, { field: 'stage', op: 'in', value: ['proposal'] }]; }],
    ['a board summing a formula with a numeric result', (b) => { board(b).sumField = 'weightedAmount'; }],
    ['a timer on a date field', (b) => { sales(b).states.proposal!.after = [{ name: 'due', delay: { field: 'closeDate', offset: '-P1D' } }]; }],
    ['distinct explicit link table names', (b) => { entity(b, 'contact').relations = [{ kind: 'manyToMany', name: 'tags', entity: 'tag', table: 'contact_tags' }]; }],
  ])('accepts %s', (_case, change) => {
    expect(problemsAfter(change)).toEqual([]);
  });
});
