// TypeScript declarations generated from entity metadata.
export * from './generate-entity-types';
