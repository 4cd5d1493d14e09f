// Marks, in a create/update JSON Schema, the fields the caller's policy makes read-only
// (`readOnly: true`, a standard annotation ajv does not enforce), so generated forms show them
// read-only instead of letting the user type what the server would refuse with 403.
import type { EntityAccess, JsonSchema } from '@stagecraft/core';

export function withPolicyReadOnly(schema: JsonSchema, access: EntityAccess): JsonSchema {
  const properties = schema.properties;
  if (!properties) return schema;
  const marked: Record<string, JsonSchema> = {};
  let changed = false;
  for (const [name, property] of Object.entries(properties)) {
    if (access.fieldAccess(name) === 'readOnly' && property.readOnly !== true) {
      marked[name] = { ...property, readOnly: true };
      changed = true;
    } else marked[name] = property;
  }
  return changed ? { ...schema, properties: marked } : schema;
}
