// OpenAPI generation for the record API.
export { compileOpenApi, type OpenApiOptions } from './compile-openapi';
export { entityComponentNames, type EntityComponentNames } from './component-names';
export type * from './openapi-types';
export { HTTP_METHODS } from './openapi-types';
