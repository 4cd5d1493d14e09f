// One ajv instance per compiled metadata version, so entity validators live and die with their
// version. Core's factory sets what entity schemas need (formats, annotation keywords, decimal
// `multipleOf` tolerance), the same options the browser's form validator uses.
import { createEntitySchemaAjv } from '@stagecraft/core';
import type Ajv from 'ajv';

export function createRecordAjv(): Ajv {
  return createEntitySchemaAjv({ allErrors: true, coerceTypes: false, useDefaults: false });
}
