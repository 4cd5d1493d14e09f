/// <reference types="jest" />
// The web tsconfig knows no test runner; this unit test runs under the repository's Jest.
import type { ReportResult } from './report-api';
import { bucketRange, rowFilters, rowHref } from './drill';

const result: ReportResult = {
  report: 'forecast',
  label: 'Forecast',
  columns: [
    { name: 'month', label: 'Month', type: 'string', field: 'closeDate', bucket: 'month' },
    { name: 'forecastCategory', label: 'Category', type: 'enum', field: 'forecastCategory' },
    { name: 'amount', label: 'Amount', type: 'number' },
  ],
  rows: [],
  chart: { type: 'bar', x: 'month', series: ['amount'] },
  drill: { entity: 'opportunity', filters: [{ field: 'stage', op: 'ne', value: 'closedLost' }] },
};

describe('report click-through', () => {
  it.each([
    ['month', '2026-12', ['2026-12-01', '2027-01-01']],
    ['quarter', '2026-Q4', ['2026-10-01', '2027-01-01']],
    ['year', '2027', ['2027-01-01', '2028-01-01']],
    ['week', '2026-12-28', ['2026-12-28', '2027-01-04']],
    ['day', '2026-02-28', ['2026-02-28', '2026-03-01']],
  ] as const)('turns a %s bucket into the date range of its records', (bucket, key, range) => {
    expect(bucketRange(bucket, key)).toEqual(range);
  });

  it('filters by the report\'s own filters plus each grouping of the row (an empty value as isNull)', () => {
    expect(rowFilters(result, { month: '2026-12', forecastCategory: null, amount: 5 })).toEqual([
      { field: 'stage', op: 'ne', value: 'closedLost' },
      { field: 'closeDate', op: 'gte', value: '2026-12-01' },
      { field: 'closeDate', op: 'lt', value: '2027-01-01' },
      { field: 'forecastCategory', op: 'isNull', value: 'true' },
    ]);
  });

  it('leaves out a grouping a merged chart row does not carry, and links to the entity\'s list', () => {
    expect(rowFilters(result, { month: '2027-01', amount: 9 })).toHaveLength(3);
    expect(rowHref(result, { month: 'not a month' })).toBeUndefined();
    const href = rowHref(result, { month: '2027-01' }) ?? '';
    expect(href.startsWith('/records/opportunity?f=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(href.split('?')[1]).get('f') ?? '[]')).toContainEqual({ field: 'closeDate', op: 'lt', value: '2027-02-01' });
  });
});
