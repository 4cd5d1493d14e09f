// MetadataBundle → ResolvedBundle: every entity resolved (see resolve-entity.ts). The bundle as
// authored stays what is stored and diffed; the resolved one is what the code runs on.
import type { MetadataBundle } from '../model/pack';
import { resolveEntity, type ResolvedEntity } from './resolve-entity';

export interface ResolvedBundle extends Omit<MetadataBundle, 'entities'> {
  entities: Record<string, ResolvedEntity>;
}

export function resolveBundle(bundle: MetadataBundle | ResolvedBundle): ResolvedBundle {
  return {
    ...bundle,
    entities: Object.fromEntries(Object.entries(bundle.entities).map(([name, entity]) => [name, resolveEntity(entity)])),
  };
}
