// One ajv instance holding the meta-schemas, compiled on first use (compiling costs a few ms).
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { META_SCHEMAS, type MetaSchemaName } from '../meta-schema';

let compiled: Record<MetaSchemaName, ValidateFunction> | undefined;

/** The ajv options the meta-schemas need: every error, the discriminator, union types. */
export function createMetaSchemaAjv(): Ajv2020 {
  // verbose: error objects carry their schema, which the problem messages use for suggestions.
  return new Ajv2020({ allErrors: true, discriminator: true, allowUnionTypes: true, verbose: true, strict: true, strictRequired: false });
}

export function metaSchemaValidator(name: MetaSchemaName): ValidateFunction {
  if (!compiled) {
    const ajv = createMetaSchemaAjv();
    compiled = {
      pack: ajv.compile(META_SCHEMAS.pack),
      entity: ajv.compile(META_SCHEMAS.entity),
      layout: ajv.compile(META_SCHEMAS.layout),
      process: ajv.compile(META_SCHEMAS.process),
      permission: ajv.compile(META_SCHEMAS.permission),
      report: ajv.compile(META_SCHEMAS.report),
    };
  }
  return compiled[name];
}
