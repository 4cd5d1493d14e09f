// Resolved metadata: documents with every default filled, once.
export { isResolvedEntity, resolveEntity, type ResolvedEntity } from './resolve-entity';
export { resolveBundle, type ResolvedBundle } from './resolve-bundle';
