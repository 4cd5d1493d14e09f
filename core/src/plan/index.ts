export * from './naming';
export * from './table-plan';
export * from './bundle-diff';
export * from './migration-step';
export * from './migration-column-types';
export * from './migration-plan';
export * from './migration-format';
