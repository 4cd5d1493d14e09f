// Public entry of @stagecraft/metadata: loading packs, the versioned metadata repository,
// migration planning and applying, and the database connection they share with the runtime.
export * from './db/connection';
export * from './load';
export * from './versions';
export * from './typegen';
export * from './migrations';
