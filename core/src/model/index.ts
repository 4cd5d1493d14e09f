export * from './label';
export * from './field';
export * from './entity';
export * from './layout';
export * from './process';
export * from './permission';
export * from './pack';
export * from './problem';
