export * from './naming';
export * from './table-plan';
