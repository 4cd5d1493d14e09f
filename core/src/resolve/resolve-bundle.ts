// MetadataBundle → ResolvedBundle: every entity and report resolved (resolve-entity.ts, resolve-report.ts). The bundle as
// authored stays what is stored and diffed; the resolved one is what the code runs on.
import { reportsOf, type MetadataBundle } from '../model/pack';
import { resolveEntity, type ResolvedEntity } from './resolve-entity';
import { resolveReport, type ResolvedReport } from './resolve-report';

export interface ResolvedBundle extends Omit<MetadataBundle, 'entities' | 'reports'> {
  entities: Record<string, ResolvedEntity>;
  reports: Record<string, ResolvedReport>;
}

export function resolveBundle(bundle: MetadataBundle | ResolvedBundle): ResolvedBundle {
  return {
    ...bundle,
    entities: Object.fromEntries(Object.entries(bundle.entities).map(([name, entity]) => [name, resolveEntity(entity)])),
    reports: Object.fromEntries(Object.entries(reportsOf(bundle)).map(([name, report]) => [name, resolveReport(report)])),
  };
}
