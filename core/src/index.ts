// Public entry of @stagecraft/core: the meta-model, its meta-schemas, the pure compilers and
// the expression language. Nothing here performs I/O; it runs in the browser as well.
export * from './model';
export * from './field-types';
export * from './resolve';
export * from './plan';
export * from './expr';
export * from './meta-schema';
export * from './validate';
export * from './compile';
export * from './process';
export * from './access';
export * from './csv';
