// An ajv (draft-07, like @rjsf/validator-ajv8) set up for compiled entity schemas: formats,
// our annotation keywords, and a tolerance for decimal `multipleOf` checks. Dates and date-times
// are held to what both databases store (years 1–9999 in UTC, see stored-values.ts).
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { isStorableDate, isStorableInstant } from '../model/stored-values';
import { SCHEMA_ANNOTATION_KEYWORDS } from './annotations';

/**
 * Options every validator of entity schemas needs (server ajv and the browser's RJSF validator):
 * with plain `multipleOf`, 0.07 is not a multiple of 0.01 in floating point. A tolerance of 1 %
 * of the last decimal digit accepts it and still rejects 0.071.
 */
export const ENTITY_SCHEMA_AJV_OPTIONS = { multipleOfPrecision: 2, allErrors: true, allowUnionTypes: true } as const satisfies Options;

export function createEntitySchemaAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ ...ENTITY_SCHEMA_AJV_OPTIONS, ...options });
  addFormats(ajv);
  const dateTime = fullFormats['date-time'] as { validate: (text: string) => boolean };
  ajv.addFormat('date', { type: 'string', validate: isStorableDate });
  ajv.addFormat('date-time', { type: 'string', validate: (text: string) => dateTime.validate(text) && isStorableInstant(new Date(text)) });
  ajv.addVocabulary([...SCHEMA_ANNOTATION_KEYWORDS]);
  return ajv;
}
