// The meta-schemas: JSON Schemas (draft 2020-12) of every metadata document kind. Published as
// core/schemas/*.schema.json by core/bin/write-schemas.js so editors can validate pack files.
import type { JsonSchema } from '../compile/json-schema';
import { ENTITY_META_SCHEMA } from './entity-schema';
import { LAYOUT_META_SCHEMA } from './layout-schema';
import { PACK_META_SCHEMA } from './pack-schema';
import { PERMISSION_META_SCHEMA } from './permission-schema';
import { PROCESS_META_SCHEMA } from './process-schema';
import { REPORT_META_SCHEMA } from './report-schema';

export { ENTITY_META_SCHEMA, LAYOUT_META_SCHEMA, PACK_META_SCHEMA, PERMISSION_META_SCHEMA, PROCESS_META_SCHEMA, REPORT_META_SCHEMA };
export { PATTERN_EXPLANATIONS, IDENTIFIER_PATTERN, IDENTIFIER_MAX_LENGTH, LOCALE_PATTERN, META_SCHEMA_DIALECT } from './common';

export type MetaSchemaName = 'pack' | 'entity' | 'layout' | 'process' | 'permission' | 'report';

/** Each meta-schema by the name of its published file (`<name>.schema.json`). */
export const META_SCHEMAS: Readonly<Record<MetaSchemaName, JsonSchema>> = {
  pack: PACK_META_SCHEMA,
  entity: ENTITY_META_SCHEMA,
  layout: LAYOUT_META_SCHEMA,
  process: PROCESS_META_SCHEMA,
  permission: PERMISSION_META_SCHEMA,
  report: REPORT_META_SCHEMA,
};
