// Loading packs from disk: one pack, several packs into a bundle, and where each document came from.
export * from './document-sources';
export * from './load-pack';
export * from './load-packs';
export * from './pack-order';
export * from './read-json-file';
