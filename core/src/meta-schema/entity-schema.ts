// Meta-schema of entity documents (entities/*.json): fields, indexes and relations.
import type { JsonSchema } from '../compile/json-schema';
import { ENTITY_ICONS } from '../model/entity-icons';
import type { EntityDocument, HandoverDefinition, HandoverRelation, HasManyRelation, IndexDefinition, ManyToManyRelation, OverlapRule, ProcessSignal } from '../model/entity';
import {
  COMMON_DEFINITIONS, EVENT_NAME_PATTERN, HEX_COLOR_PATTERN, META_SCHEMA_BASE_URI, META_SCHEMA_DIALECT, SCHEMA_PROPERTY, SQL_TABLE_PATTERN, ref, stringList,
  type SchemaPropertiesOf,
} from './common';
import { ENTITY_CAPABILITY_DEFINITIONS, ENTITY_CAPABILITY_PROPERTIES } from './entity-capability-schemas';
import { FIELD_DEFINITIONS } from './field-schemas';
import { FILTER_PROPERTIES } from './layout-schema';

const INDEX_PROPERTIES = {
  name: { type: 'string', pattern: SQL_TABLE_PATTERN, maxLength: 64, description: 'Index name; derived from the table and columns when absent.' },
  fields: { ...stringList(ref('identifier'), 'Field names (or system fields) in index order.'), minItems: 1 },
  unique: { type: 'boolean', description: 'No two records may share the same values.' },
} satisfies SchemaPropertiesOf<IndexDefinition>;

const RELATION_KIND: JsonSchema = { type: 'string', enum: ['hasMany', 'manyToMany'], description: 'hasMany: the inverse of a reference field; manyToMany: a link table.' };

const HAS_MANY_PROPERTIES = {
  kind: { const: 'hasMany' },
  name: ref('identifier', 'Property name of the related records; unique among fields and relations.'),
  label: ref('localisedText'),
  entity: ref('identifier', 'The entity holding the reference field.'),
  field: ref('identifier', 'The reference field on `entity` that points at this entity.'),
} satisfies SchemaPropertiesOf<HasManyRelation>;

const MANY_TO_MANY_PROPERTIES = {
  kind: { const: 'manyToMany' },
  name: ref('identifier', 'Property name of the linked record ids; unique among fields and relations.'),
  label: ref('localisedText'),
  entity: ref('identifier', 'The linked entity.'),
  table: { type: 'string', pattern: SQL_TABLE_PATTERN, maxLength: 64, description: 'Link table; default `<entity table>__<relation name in snake_case>`.' },
} satisfies SchemaPropertiesOf<ManyToManyRelation>;

const HANDOVER_RELATION_PROPERTIES = {
  relation: ref('identifier', 'A hasMany relation of this entity; its entity needs an owner field.'),
  where: { type: 'array', items: ref('filterClause'), description: 'Only related records matching every clause move, e.g. open opportunities.' },
} satisfies SchemaPropertiesOf<HandoverRelation>;

const HANDOVER_PROPERTIES = {
  relations: { type: 'array', items: ref('handoverRelation'), minItems: 1, description: 'Related records carried to the new owner.' },
} satisfies SchemaPropertiesOf<HandoverDefinition>;

const OVERLAP_RULE_PROPERTIES = {
  name: ref('identifier', 'Unique among the entity\'s overlap rules; the writer confirms an overlap with ?confirm=<name>.'),
  start: ref('identifier', 'A date or datetime field: where the range starts.'),
  end: ref('identifier', 'A field of the same type as start: where the range ends (touching ranges do not overlap).'),
  scope: stringList(ref('identifier'), 'Fields whose values must be equal for two records to collide, e.g. ["owner"].'),
  where: { type: 'array', items: ref('filterClause'), description: 'Only records matching every clause take part, e.g. type = meeting.' },
  message: ref('localisedText', 'The refusal\'s text, shown before the conflicting record\'s name.'),
} satisfies SchemaPropertiesOf<OverlapRule>;

const PROCESS_SIGNAL_PROPERTIES = {
  field: ref('identifier', 'A reference field: the record whose process gets the event.'),
  event: { type: 'string', pattern: EVENT_NAME_PATTERN, maxLength: 100, description: 'The event sent (e.g. "ACTIVITY" to restart a stale-deal timer).' },
} satisfies SchemaPropertiesOf<ProcessSignal>;

const ENTITY_PROPERTIES = {
  $schema: SCHEMA_PROPERTY,
  kind: { const: 'entity', description: 'Always "entity".' },
  name: ref('identifier', 'camelCase entity name; the table is its snake_case form. Unique in the bundle.'),
  label: ref('localisedText', 'Singular label, e.g. "Account".'),
  pluralLabel: ref('localisedText', 'Plural label, e.g. "Accounts".'),
  description: ref('localisedText'),
  displayField: ref('identifier', 'The field shown as the record\'s title (default: the first string field).'),
  icon: { enum: [...ENTITY_ICONS], description: 'A named icon shown before the entity\'s label in navigation and the studio.' },
  color: { type: 'string', pattern: HEX_COLOR_PATTERN, description: 'CSS hex colour marking the entity in navigation, the studio and diagrams, e.g. "#2f80ed".' },
  searchFields: stringList(ref('identifier'), 'Fields searched by the list\'s free-text search.'),
  fields: { type: 'array', description: 'The entity\'s fields, in display order.', items: ref('field') },
  indexes: { type: 'array', description: 'Extra indexes; unique fields and references are indexed automatically.', items: ref('index') },
  relations: { type: 'array', description: 'hasMany and manyToMany relations.', items: ref('relation') },
  renamedFrom: ref('identifier', 'The entity\'s previous name: its table is renamed instead of created.'),
  ownerField: ref('identifier', 'The user field naming each record\'s owner, for record-level permissions (default: a user field named "owner").'),
  partnerField: ref('identifier', 'A reference or string field naming the partner account a record is shared with.'),
  handover: { type: 'object', description: 'What reassigning a record carries to the new owner.', properties: HANDOVER_PROPERTIES, required: ['relations'], additionalProperties: false },
  ...ENTITY_CAPABILITY_PROPERTIES,
  overlapRules: { type: 'array', items: ref('overlapRule'), description: 'Time ranges that may not overlap within a scope unless confirmed (a meeting in its owner\'s calendar).' },
  processSignals: { type: 'array', items: ref('processSignal'), description: 'Events sent, when a record is created, to the process of a record it references.' },
} satisfies SchemaPropertiesOf<EntityDocument>;

export const ENTITY_META_SCHEMA: JsonSchema = {
  $schema: META_SCHEMA_DIALECT,
  $id: `${META_SCHEMA_BASE_URI}entity.schema.json`,
  title: 'Stagecraft entity',
  description: 'A business object (account, opportunity, ticket, …): its fields, indexes and relations. One table per entity.',
  type: 'object',
  properties: ENTITY_PROPERTIES,
  required: ['kind', 'name', 'label', 'fields'],
  additionalProperties: false,
  $defs: {
    ...COMMON_DEFINITIONS,
    ...FIELD_DEFINITIONS,
    ...ENTITY_CAPABILITY_DEFINITIONS,
    index: { type: 'object', properties: INDEX_PROPERTIES, required: ['fields'], additionalProperties: false },
    handoverRelation: { type: 'object', properties: HANDOVER_RELATION_PROPERTIES, required: ['relation'], additionalProperties: false },
    filterClause: { type: 'object', properties: FILTER_PROPERTIES, required: ['field', 'op'], additionalProperties: false },
    overlapRule: { type: 'object', properties: OVERLAP_RULE_PROPERTIES, required: ['name', 'start', 'end'], additionalProperties: false },
    processSignal: { type: 'object', properties: PROCESS_SIGNAL_PROPERTIES, required: ['field', 'event'], additionalProperties: false },
    relation: {
      type: 'object',
      properties: { kind: RELATION_KIND },
      required: ['kind'],
      discriminator: { propertyName: 'kind' },
      oneOf: [ref('hasManyRelation'), ref('manyToManyRelation')],
    },
    hasManyRelation: {
      type: 'object',
      description: 'One-to-many: the records of `entity` whose reference `field` points here.',
      properties: HAS_MANY_PROPERTIES,
      required: ['kind', 'name', 'entity', 'field'],
      additionalProperties: false,
    },
    manyToManyRelation: {
      type: 'object',
      description: 'Many-to-many through a link table owned by this entity.',
      properties: MANY_TO_MANY_PROPERTIES,
      required: ['kind', 'name', 'entity'],
      additionalProperties: false,
    },
  },
};
