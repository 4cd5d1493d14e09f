// Meta-schema of permission sets (permissions/*.json): a role's operations, record scopes and
// field access per entity, plus criteria-based sharing rules.
import type { JsonSchema } from '../compile/json-schema';
import {
  FIELD_ACCESS_LEVELS, RECORD_SCOPES, SCOPED_OPERATIONS, type EntityPermission, type PermissionSetDocument, type SharingRule,
} from '../model/permission';
import { COMMON_DEFINITIONS, IDENTIFIER_PATTERN, META_SCHEMA_BASE_URI, META_SCHEMA_DIALECT, SCHEMA_PROPERTY, ref, type SchemaPropertiesOf } from './common';
import { FILTER_PROPERTIES } from './layout-schema';

const SCOPED = (what: string): JsonSchema => ({
  // if/then/else rather than anyOf, so a wrong scope reads as one enum problem, not three.
  if: { type: 'object' },
  then: {
    type: 'object',
    properties: {
      via: ref('identifier', 'A reference field of this entity: its records follow the referenced record\'s access.'),
      operation: { enum: [...SCOPED_OPERATIONS], description: 'What the actor must be allowed to do to the referenced record (default: the same operation).' },
    },
    required: ['via'],
    additionalProperties: false,
  },
  else: { type: ['boolean', 'string'], enum: [true, false, ...RECORD_SCOPES] },
  description: `${what}: true (every record), false, the records reached — "own", "team", "hierarchy" or "all" — or {"via": "<reference field>"}: the records whose referenced record the role may do the same (or "operation") to.`,
});
const ALLOWED = (what: string): JsonSchema => ({ type: 'boolean', description: `${what} (default false).` });

const ENTITY_PERMISSION_PROPERTIES = {
  create: ALLOWED('May create records'),
  read: SCOPED('Records the role may read'),
  update: SCOPED('Records the role may change'),
  delete: SCOPED('Records the role may delete'),
  transition: SCOPED('Records the role may move through their process'),
  import: ALLOWED('May import records'),
  export: SCOPED('Records the role may export'),
  fields: {
    type: 'object',
    description: 'Field name → "hidden", "readOnly" or "editable". Unlisted fields are editable, except the owner field (read-only unless listed as editable).',
    propertyNames: { pattern: IDENTIFIER_PATTERN },
    additionalProperties: { enum: [...FIELD_ACCESS_LEVELS] },
  },
} satisfies SchemaPropertiesOf<EntityPermission>;

const SHARING_RULE_PROPERTIES = {
  name: ref('identifier', 'camelCase rule name, unique within the permission set.'),
  entity: ref('identifier', 'The entity whose records the rule shares.'),
  access: { enum: ['read', 'edit'], description: 'read, or edit (read and update).' },
  where: { type: 'array', items: ref('filterClause'), minItems: 1, description: 'The records shared: every clause must hold, as in a list filter.' },
  description: ref('localisedText'),
} satisfies SchemaPropertiesOf<SharingRule>;

const PERMISSION_SET_PROPERTIES = {
  $schema: SCHEMA_PROPERTY,
  kind: { const: 'permissionSet', description: 'Always "permissionSet".' },
  name: ref('identifier', 'camelCase name, unique in the bundle.'),
  label: ref('localisedText'),
  description: ref('localisedText'),
  role: { type: 'string', minLength: 1, maxLength: 100, description: 'The role (by name) the set applies to; several sets for one role add up. "*" applies it to every signed-in user.' },
  partnerOnly: { type: 'boolean', description: 'For partner users only: the grants reach only records of the holder\'s partner account, none for a holder without one (default false).' },
  entities: {
    type: 'object',
    description: 'Entity name → what the role may do with its records. Unlisted entities: nothing.',
    propertyNames: { pattern: IDENTIFIER_PATTERN },
    additionalProperties: ref('entityPermission'),
  },
  sharingRules: { type: 'array', items: ref('sharingRule'), description: 'Criteria-based access to records beyond the role\'s scopes.' },
} satisfies SchemaPropertiesOf<PermissionSetDocument>;

export const PERMISSION_META_SCHEMA: JsonSchema = {
  $schema: META_SCHEMA_DIALECT,
  $id: `${META_SCHEMA_BASE_URI}permission.schema.json`,
  title: 'Stagecraft permission set',
  description: 'What one role may do: operations, record scopes and field access per entity, and sharing rules.',
  type: 'object',
  properties: PERMISSION_SET_PROPERTIES,
  required: ['kind', 'name', 'role', 'entities'],
  additionalProperties: false,
  $defs: {
    ...COMMON_DEFINITIONS,
    entityPermission: { type: 'object', properties: ENTITY_PERMISSION_PROPERTIES, additionalProperties: false },
    sharingRule: { type: 'object', properties: SHARING_RULE_PROPERTIES, required: ['name', 'entity', 'access', 'where'], additionalProperties: false },
    filterClause: { type: 'object', properties: FILTER_PROPERTIES, required: ['field', 'op'], additionalProperties: false },
  },
};
