import { BadRequestError } from '@stagecraft/core';
import { parseListQuery } from './list-query-params';

describe('parseListQuery', () => {
  it('reads bracketed filters, sort, paging, search, fields and expand from a flat query', () => {
    const query = parseListQuery({
      'filter[amount][gte]': '10',
      'filter[stage][in]': ['a,b', 'c'],
      'filter[name]': 'Acme',
      sort: '-amount,name',
      page: '2',
      pageSize: '20',
      q: ' acme ',
      fields: 'name,amount',
      expand: ['account', 'tags'],
      count: 'false',
    });
    expect(query).toEqual({
      filters: [
        { field: 'amount', op: 'gte', value: '10' },
        { field: 'stage', op: 'in', value: ['a', 'b', 'c'] },
        { field: 'name', op: 'eq', value: 'Acme' },
      ],
      sort: [
        { field: 'amount', direction: 'desc' },
        { field: 'name', direction: 'asc' },
      ],
      page: 2,
      pageSize: 20,
      search: 'acme',
      fields: ['name', 'amount'],
      expand: ['account', 'tags'],
      withTotal: false,
    });
  });

  it('caps the page size at 500 and defaults it to 50', () => {
    expect(parseListQuery({ pageSize: '9999' }).pageSize).toBe(500);
    expect(parseListQuery({}).pageSize).toBe(50);
  });

  it('reports every bad parameter at its path', () => {
    try {
      parseListQuery({ page: '0', 'filter[x][like]': 'y', filter: '{"not":"an array"}', count: 'maybe', colour: 'red' });
      throw new Error('expected a BadRequestError');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).details.map((problem) => problem.path).sort()).toEqual(['/colour', '/count', '/filter', '/filter/x', '/page']);
    }
  });
});
