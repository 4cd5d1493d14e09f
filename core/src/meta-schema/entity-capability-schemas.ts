// Meta-schema parts of the capabilities an entity turns on (model/entity-capabilities.ts):
// assignment rules, duplicate rules, conversion, and the roll-up option of numeric fields.
import type { JsonSchema } from '../compile/json-schema';
import type {
  AssignmentDefinition, AssignmentRuleDefinition, ConversionDefinition, ConversionTargetDefinition,
  DuplicateDetectionDefinition, DuplicateRuleDefinition, RollupDefinition,
} from '../model/entity-capabilities';
import { ref, stringList, type SchemaPropertiesOf } from './common';

const EXPRESSION: JsonSchema = { type: 'string', minLength: 1, maxLength: 2000 };
const FIELD_PATH: JsonSchema = { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)?$', maxLength: 97 };

const ASSIGNMENT_RULE_PROPERTIES = {
  name: ref('identifier', 'Unique among the entity\'s assignment rules.'),
  label: ref('localisedText'),
  when: { ...EXPRESSION, description: 'An expression over the new record and `user` (the creator); absent: always.' },
  user: { type: 'string', minLength: 1, maxLength: 100, description: 'Assign to this user (username or id).' },
  team: { type: 'string', minLength: 1, maxLength: 200, description: 'Assign to a member of this team (name or id).' },
  teamField: { ...FIELD_PATH, description: 'Assign to a member of the team this field names: "team", or "territory.team" (a field of the referenced record).' },
  strategy: { enum: ['roundRobin', 'leastLoaded'], description: 'How a team member is picked (default roundRobin): in turn, or the one holding the fewest records.' },
} satisfies SchemaPropertiesOf<AssignmentRuleDefinition>;

const ASSIGNMENT_PROPERTIES = {
  field: ref('identifier', 'The user field to set (default: the owner field).'),
  rules: { type: 'array', items: ref('assignmentRule'), minItems: 1, description: 'Tried in order; the first that matches and finds an active user wins.' },
} satisfies SchemaPropertiesOf<AssignmentDefinition>;

const DUPLICATE_RULE_PROPERTIES = {
  name: ref('identifier', 'Unique among the entity\'s duplicate rules; reported with each match.'),
  label: ref('localisedText'),
  fields: { ...stringList(ref('identifier'), 'Fields that must all match (normalised) for two records to be likely duplicates.'), minItems: 1, maxItems: 5 },
} satisfies SchemaPropertiesOf<DuplicateRuleDefinition>;

const DUPLICATES_PROPERTIES = {
  rules: { type: 'array', items: ref('duplicateRule'), minItems: 1, description: 'A record matching another on any rule is a likely duplicate.' },
} satisfies SchemaPropertiesOf<DuplicateDetectionDefinition>;

const CONVERSION_TARGET_PROPERTIES = {
  name: ref('identifier', 'Unique among the targets; the key in the request and response.'),
  label: ref('localisedText'),
  entity: ref('identifier', 'The entity of the record produced.'),
  link: ref('identifier', 'A reference field of this entity to `entity`, set to the produced record.'),
  optional: { type: 'boolean', description: 'Created only when the request asks for it (`targets.<name>.create: true`).' },
  fields: { type: 'object', propertyNames: ref('identifier'), additionalProperties: EXPRESSION, description: 'Target field → expression over this record (a field name copies it).' },
  references: { type: 'object', propertyNames: ref('identifier'), additionalProperties: ref('identifier'), description: 'Target reference field → the name of an earlier target.' },
  matchOn: { ...stringList(ref('identifier'), 'Target fields: an existing record with the same normalised values is attached instead of creating one.'), minItems: 1 },
} satisfies SchemaPropertiesOf<ConversionTargetDefinition>;

const CONVERSION_PROPERTIES = {
  when: { ...EXPRESSION, description: 'Must hold on the record for it to convert, e.g. "status == \'qualified\'".' },
  targets: { type: 'array', items: ref('conversionTarget'), minItems: 1, maxItems: 10, description: 'The records produced, in order.' },
  set: { type: 'object', propertyNames: ref('identifier'), additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'Fields of this record set by the conversion, e.g. {"status": "converted"}.' },
} satisfies SchemaPropertiesOf<ConversionDefinition>;

const ROLLUP_PROPERTIES = {
  relation: ref('identifier', 'A hasMany relation of this entity.'),
  field: ref('identifier', 'The related records\' numeric field (not for count).'),
  aggregate: { enum: ['sum', 'count', 'min', 'max'], description: 'sum and count of none are 0; min and max of none are empty.' },
  where: { type: 'array', items: ref('filterClause'), description: 'Only related records matching every clause count.' },
} satisfies SchemaPropertiesOf<RollupDefinition>;

/** Entity properties: `assignment`, `duplicates`, `conversion`. */
export const ENTITY_CAPABILITY_PROPERTIES = {
  assignment: { type: 'object', description: 'Rules routing a new record without an owner to one.', properties: ASSIGNMENT_PROPERTIES, required: ['rules'], additionalProperties: false },
  duplicates: { type: 'object', description: 'Likely-duplicate rules: checked on create (confirm with ?confirm=duplicate), listed per record, merge.', properties: DUPLICATES_PROPERTIES, required: ['rules'], additionalProperties: false },
  conversion: { type: 'object', description: 'Converting a record into records of other entities, once, in one transaction.', properties: CONVERSION_PROPERTIES, required: ['targets'], additionalProperties: false },
} satisfies Record<string, JsonSchema>;

/** The `rollup` property of numeric fields. */
export const ROLLUP_PROPERTY: JsonSchema = ref('rollup', 'Keeps the field equal to an aggregate of related records (server-maintained, read-only).');

export const ENTITY_CAPABILITY_DEFINITIONS: Record<string, JsonSchema> = {
  assignmentRule: {
    type: 'object',
    properties: ASSIGNMENT_RULE_PROPERTIES,
    required: ['name'],
    oneOf: [{ required: ['user'] }, { required: ['team'] }, { required: ['teamField'] }],
    additionalProperties: false,
  },
  duplicateRule: { type: 'object', properties: DUPLICATE_RULE_PROPERTIES, required: ['name', 'fields'], additionalProperties: false },
  conversionTarget: { type: 'object', properties: CONVERSION_TARGET_PROPERTIES, required: ['name', 'entity', 'link'], additionalProperties: false },
  rollup: { type: 'object', properties: ROLLUP_PROPERTIES, required: ['relation', 'aggregate'], additionalProperties: false },
};
