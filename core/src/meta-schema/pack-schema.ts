// Meta-schema of pack manifests (pack.json).
import type { JsonSchema } from '../compile/json-schema';
import type { PackManifest } from '../model/pack';
import {
  LOCALISED_TEXT_SCHEMA, META_SCHEMA_BASE_URI, META_SCHEMA_DIALECT, PACK_NAME_PATTERN, SCHEMA_PROPERTY, SEMVER_PATTERN, ref,
  type SchemaPropertiesOf,
} from './common';

const PACK_NAME: JsonSchema = { type: 'string', pattern: PACK_NAME_PATTERN, maxLength: 64 };

const PACK_PROPERTIES = {
  $schema: SCHEMA_PROPERTY,
  kind: { const: 'pack', description: 'Always "pack".' },
  name: { ...PACK_NAME, description: 'kebab-case or camelCase identifier, unique among installed packs.' },
  version: { type: 'string', pattern: SEMVER_PATTERN, description: 'Semantic version of the pack, e.g. "1.0.0".' },
  label: ref('localisedText'),
  description: ref('localisedText'),
  dependencies: {
    type: 'object',
    description: 'Other packs this one needs: pack name → semver range, e.g. {"sfa": "^1.2.0"}.',
    propertyNames: { pattern: PACK_NAME_PATTERN, maxLength: 64 },
    additionalProperties: { type: 'string', minLength: 1 },
  },
} satisfies SchemaPropertiesOf<PackManifest>;

export const PACK_META_SCHEMA: JsonSchema = {
  $schema: META_SCHEMA_DIALECT,
  $id: `${META_SCHEMA_BASE_URI}pack.schema.json`,
  title: 'Stagecraft pack manifest',
  description: 'pack.json: names a pack of entities, layouts and processes and its version.',
  type: 'object',
  properties: PACK_PROPERTIES,
  required: ['kind', 'name', 'version'],
  additionalProperties: false,
  $defs: { localisedText: LOCALISED_TEXT_SCHEMA },
};
