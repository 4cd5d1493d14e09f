// Prepares a compiled entity JSON Schema for json-schema-to-typescript: drops the `x-` UI
// annotations and identifiers, and turns titles into descriptions, because the generator names
// a separate type after every title it sees while we want one interface per shape.
import type { JsonSchema } from '@stagecraft/core';

/** Keywords whose value is a map from names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'contains']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['oneOf', 'anyOf', 'allOf', 'prefixItems']);
/** Dropped: they would rename or re-root the generated types. */
const DROPPED_KEYWORDS = new Set(['$schema', '$id', 'title', 'discriminator']);

export type PlainSchema = { [keyword: string]: unknown };

export function schemaForTypegen(schema: JsonSchema | boolean): PlainSchema | boolean {
  if (typeof schema === 'boolean') return schema;
  const result: PlainSchema = {};
  for (const [keyword, value] of Object.entries(schema) as Array<[string, unknown]>) {
    if (keyword.startsWith('x-') || DROPPED_KEYWORDS.has(keyword) || value === undefined) continue;
    if (SCHEMA_MAP_KEYWORDS.has(keyword) && isRecord(value)) {
      result[keyword] = Object.fromEntries(Object.entries(value).map(([name, nested]) => [name, schemaForTypegen(nested as JsonSchema)]));
    } else if (SCHEMA_KEYWORDS.has(keyword) && (isRecord(value) || typeof value === 'boolean')) {
      result[keyword] = schemaForTypegen(value as JsonSchema | boolean);
    } else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      result[keyword] = value.map((nested) => schemaForTypegen(nested as JsonSchema));
    } else {
      result[keyword] = value;
    }
  }
  if (schema.title && !schema.description) result.description = schema.title;
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
