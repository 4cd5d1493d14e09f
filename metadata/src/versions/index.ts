// The versioned metadata repository: versions, the live pointer, drafts, publish and rollback.
export * from './bundle-problems';
export * from './content-hash';
export * from './metadata-repository';
export * from './published-version';
export * from './tables';
export * from './retired-fields';
