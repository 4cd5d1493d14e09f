import type { FilterClause, FormLayout, ListLayout } from '../model/layout';
import { validateDocument } from './document-validator';
import { checkFilterValue } from './layout-checks';
import { exampleDocument } from './testing/example-pack';
import { pathsAndCodes } from './testing/problems';

describe('layout document rules', () => {
  it('reports a field placed twice in a form and a repeated section name', () => {
    const form = exampleDocument<FormLayout>('layouts/opportunity-form.json');
    form.sections.push({ name: 'main', fields: [{ field: 'amount' }] });
    expect(pathsAndCodes(validateDocument(form).problems)).toEqual(['/sections/2/name duplicateName', '/sections/2/fields/0/field duplicateName']);
  });

  it('reports a repeated list column', () => {
    const list = exampleDocument<ListLayout>('layouts/opportunity-list.json');
    list.columns.push({ field: 'name' });
    expect(pathsAndCodes(validateDocument(list).problems)).toEqual(['/columns/5/field duplicateName']);
  });

  it.each<[FilterClause, string[]]>([
    [{ field: 'stage', op: 'in', value: 'open' }, ['/value invalidFilter']],
    [{ field: 'stage', op: 'isNull', value: 'yes' }, ['/value invalidFilter']],
    [{ field: 'stage', op: 'eq' }, ['/value required']],
    [{ field: 'stage', op: 'eq', value: ['a'] }, ['/value invalidFilter']],
    [{ field: 'stage', op: 'in', value: ['a', 'b'] }, []],
    [{ field: 'stage', op: 'isNull' }, []],
    [{ field: 'stage', op: 'isNull', value: false }, []],
    [{ field: 'amount', op: 'gte', value: 10 }, []],
  ])('checks the value shape of %j', (filter, expected) => {
    expect(pathsAndCodes(checkFilterValue(filter, ''))).toEqual(expected);
  });
});
