// Resolved metadata: documents with every default filled, once (entities, their fields, reports).
export { isResolvedEntity, resolveEntity, type ResolvedEntity } from './resolve-entity';
export { resolveBundle, type ResolvedBundle } from './resolve-bundle';
export {
  FUNNEL_REACHED_COLUMN, FUNNEL_STAGE_COLUMN, REPORT_KINDS, reportKindOf, resolveReport,
  type FunnelReport, type GroupedReport, type ReportKind, type ReportOfKind, type ResolvedReport, type ResolvedReportChart, type ResolvedReportParameter,
} from './resolve-report';
