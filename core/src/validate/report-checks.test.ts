import { diffBundles } from '../plan/bundle-diff';
import type { ReportDocument } from '../model/report';
import { validateBundle } from './bundle-validator';
import { validateDocument } from './document-validator';
import { exampleBundle } from './testing/example-pack';
import { pathsAndCodes } from './testing/problems';

function pipeline(): ReportDocument {
  return {
    kind: 'report', name: 'pipeline', label: { en: 'Pipeline', 'zh-CN': '销售管道' }, entity: 'opportunity',
    filters: [{ field: 'stage', op: 'ne', value: 'closedLost' }],
    parameters: [{ name: 'closeFrom', field: 'closeDate', op: 'gte', type: 'date' }],
    groupBy: [{ field: 'stage' }, { field: 'closeDate', bucket: 'month', name: 'month' }],
    aggregates: [
      { name: 'count', function: 'count' },
      { name: 'won', function: 'count', where: [{ field: 'stage', op: 'eq', value: 'closedWon' }] },
      { name: 'winRate', function: 'ratio', numerator: 'won', denominator: 'count' },
      { name: 'weighted', function: 'weightedSum', field: 'amount', weightField: 'probability' },
    ],
    sort: [{ by: 'weighted', direction: 'desc' }],
    compare: { aggregate: 'winRate', belowPercent: 50 },
    chart: { type: 'bar', x: 'stage', series: ['weighted'] },
  };
}

function bundleProblems(report: ReportDocument): string[] {
  const bundle = exampleBundle();
  bundle.reports = { [report.name]: report };
  return validateBundle(bundle).map((problem) => `${problem.documentKind} ${problem.path} ${problem.code ?? ''}`);
}

describe('report documents', () => {
  it('accepts a complete report, alone and in the example bundle', () => {
    expect(validateDocument(pipeline()).problems).toEqual([]);
    expect(bundleProblems(pipeline())).toEqual([]);
  });

  it('rejects unknown properties, chart types and buckets by the meta-schema', () => {
    const report = { ...pipeline(), colour: 'red', chart: { type: 'donut' } };
    expect(pathsAndCodes(validateDocument(report).problems)).toEqual(['/colour unknownProperty', '/chart/type enum']);
  });

  it('checks operands, column names, ratios, sorts, the chart and the comparison', () => {
    const report: ReportDocument = {
      ...pipeline(),
      aggregates: [
        { name: 'count', function: 'count', field: 'amount' },
        { name: 'total', function: 'sum' },
        { name: 'count', function: 'max', field: 'amount' },
        { name: 'rate', function: 'ratio', numerator: 'nothing', denominator: 'count' },
        { name: 'rateOfRate', function: 'ratio', numerator: 'rate', denominator: 'count' },
      ],
      sort: [{ by: 'missing' }],
      chart: { type: 'bar', x: 'nowhere' },
      compare: { aggregate: 'winRate', belowPercent: 50 },
      parameters: [{ name: 'locale', field: 'closeDate', op: 'gte', type: 'date' }],
    };
    expect(pathsAndCodes(validateDocument(report).problems)).toEqual([
      '/aggregates/2/name duplicateName',
      '/aggregates/0/field invalidAggregate',
      '/aggregates/1/field required',
      '/aggregates/3/numerator unknownColumn',
      '/aggregates/4/numerator unknownColumn',
      '/parameters/0/name reservedName',
      '/sort/0/by unknownColumn',
      '/chart/x unknownColumn',
      '/compare/aggregate unknownColumn',
    ]);
  });

  it('checks fields against the entity: existence, numeric sums, date buckets, parameter types, filters', () => {
    const report: ReportDocument = {
      ...pipeline(),
      filters: [{ field: 'stage', op: 'eq', value: 'won' }],
      parameters: [{ name: 'closeFrom', field: 'closeDate', op: 'gte', type: 'number' }, { name: 'owner', field: 'nobody', op: 'eq', type: 'string' }],
      groupBy: [{ field: 'lostReason' }, { field: 'amount', bucket: 'month', name: 'month' }],
      aggregates: [{ name: 'total', function: 'sum', field: 'name' }, { name: 'weighted', function: 'weightedSum', field: 'amount', weightField: 'closeDate' }],
      sort: [],
      chart: { type: 'table' },
    };
    delete report.compare;
    expect(bundleProblems(report)).toEqual([
      'report /filters/0/value invalidFilter',
      'report /parameters/0/type invalidParameterType',
      'report /parameters/1/field unknownField',
      'report /groupBy/0/field invalidGroupBy',
      'report /groupBy/1/bucket invalidGroupBy',
      'report /aggregates/0/field invalidAggregate',
      'report /aggregates/1/weightField invalidAggregate',
    ]);
  });

  it('checks a funnel against its process and its entity', () => {
    const funnel: ReportDocument = { kind: 'report', name: 'funnel', label: 'Funnel', entity: 'opportunity', funnel: { process: 'opportunitySales', stages: ['prospecting', 'won'] }, chart: { type: 'funnel' } };
    expect(validateDocument(funnel).problems).toEqual([]);
    expect(bundleProblems(funnel)).toEqual(['report /funnel/stages/1 unknownState']);
    expect(bundleProblems({ ...funnel, entity: 'account' })).toEqual(['report /funnel/process invalidFunnel']);
    expect(pathsAndCodes(validateDocument({ ...funnel, aggregates: [{ name: 'count', function: 'count' }] }).problems)).toEqual(['/funnel invalidFunnel']);
  });

  it('appears in the bundle diff', () => {
    const before = exampleBundle();
    const after = exampleBundle();
    after.reports = { pipeline: pipeline() };
    expect(diffBundles(before, after).reports.created.map((report) => report.name)).toEqual(['pipeline']);
    expect(diffBundles(after, before).reports.deleted.map((report) => report.name)).toEqual(['pipeline']);
  });
});
