// Pure compilers from metadata: entity → JSON Schema of its records, bundle → OpenAPI document.
export type { JsonSchema, JsonSchemaType, JsonValue } from './json-schema';
export { SCHEMA_ANNOTATION_KEYWORDS, type SchemaAnnotationKeyword } from './annotations';
export { compileEntitySchema, isWritableField, withNull, type EntitySchemaMode, type EntitySchemaOptions } from './entity-schema';
export { DEFAULT_PHONE_PATTERN, fieldValueSchema } from './field-value-schemas';
export { ENTITY_SCHEMA_AJV_OPTIONS, createEntitySchemaAjv } from './entity-schema-ajv';
export * from './openapi';
