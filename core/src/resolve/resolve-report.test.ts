// Report kinds: derived once from the document's shape, with every list, the limit and the
// chart's axis and series filled for that kind.
import { MAX_REPORT_ROWS, type ReportDocument } from '../model/report';
import { FUNNEL_REACHED_COLUMN, FUNNEL_STAGE_COLUMN, reportKindOf, resolveReport } from './resolve-report';

const pipeline: ReportDocument = {
  kind: 'report',
  name: 'pipeline',
  label: 'Pipeline',
  entity: 'opportunity',
  groupBy: [{ field: 'stage' }],
  aggregates: [{ name: 'deals', function: 'count' }, { name: 'amount', function: 'sum', field: 'amount' }],
  parameters: [{ name: 'owner', field: 'owner', op: 'eq', type: 'string' }],
  chart: { type: 'bar' },
};
const funnel: ReportDocument = { kind: 'report', name: 'funnel', label: 'Funnel', entity: 'opportunity', chart: { type: 'funnel' }, funnel: { process: 'sales', stages: ['a', 'b'] } };

describe('resolveReport', () => {
  it('makes a report without a funnel a grouped report with its defaults filled', () => {
    const resolved = resolveReport(pipeline);
    expect(reportKindOf(pipeline)).toBe('grouped');
    expect(resolved).toMatchObject({ reportKind: 'grouped', filters: [], sort: [], limit: MAX_REPORT_ROWS, chart: { type: 'bar', x: 'stage', series: ['deals', 'amount'] } });
    expect(resolved.parameters[0]?.required).toBe(false);
  });

  it('makes a report with a funnel a funnel report plotting stages against records reached', () => {
    const resolved = resolveReport(funnel);
    expect(resolved).toMatchObject({ reportKind: 'funnel', funnel: funnel.funnel, groupBy: [], aggregates: [], chart: { x: FUNNEL_STAGE_COLUMN, series: [FUNNEL_REACHED_COLUMN] } });
  });

  it('keeps what the document says and resolves to the same report twice', () => {
    const resolved = resolveReport({ ...pipeline, limit: 5000, chart: { type: 'pie', x: 'stage', series: ['amount'] } });
    expect(resolved).toMatchObject({ limit: MAX_REPORT_ROWS, chart: { type: 'pie', x: 'stage', series: ['amount'] } });
    expect(resolveReport(resolved)).toEqual(resolved);
  });
});
