// Building blocks shared by the meta-schemas: name patterns, localised text, and a mapped type
// that makes the compiler check each schema lists exactly the properties of its TypeScript type.
import type { JsonSchema } from '../compile/json-schema';

/** Every property of T (optional or not) must get a schema, and no other property may. */
export type SchemaPropertiesOf<T> = { [K in keyof T]-?: JsonSchema };

export const META_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const META_SCHEMA_BASE_URI = 'https://stagecraft.dev/schemas/';

export const IDENTIFIER_PATTERN = '^[a-z][a-zA-Z0-9]*$';
export const IDENTIFIER_MAX_LENGTH = 48;
export const LOCALE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';
export const HEX_COLOR_PATTERN = '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$';
/** ISO 8601 duration: P1Y2M3W4DT5H6M7.5S, at least one part, T only before a time part. */
export const DURATION_PATTERN = '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$';
export const SIGNED_DURATION_PATTERN = '^-?P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$';
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$';
/** Local wall-clock time of a business-hours interval: 00:00 … 23:59, or 24:00 for the end of the day. */
export const LOCAL_TIME_PATTERN = '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$';
export const CURRENCY_CODE_PATTERN = '^[A-Z]{3}$';
/** Enum option values and state names: no spaces, commas or dots (dots separate state paths). */
export const OPTION_VALUE_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_-]*$';
export const SQL_TABLE_PATTERN = '^[a-z][a-z0-9_]*$';
export const CALL_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_.:-]*$';
export const EVENT_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_.:-]*$';
export const PACK_NAME_PATTERN = '^[a-z][a-zA-Z0-9]*(-[a-z0-9]+)*$';
export const SEMVER_PATTERN = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';

/** Plain-language reading of the patterns above, used in problem messages. */
export const PATTERN_EXPLANATIONS: Readonly<Record<string, string>> = {
  [IDENTIFIER_PATTERN]: 'must be camelCase: a lowercase letter, then letters and digits',
  [LOCALE_PATTERN]: 'must be a locale tag such as "en" or "zh-CN"',
  [HEX_COLOR_PATTERN]: 'must be a CSS hex colour such as "#2f80ed"',
  [DURATION_PATTERN]: 'must be an ISO 8601 duration such as "PT4H" or "P2D"',
  [SIGNED_DURATION_PATTERN]: 'must be an ISO 8601 duration such as "-P1D" or "PT4H"',
  [DATE_PATTERN]: 'must be a date such as "2024-12-31"',
  [DATE_TIME_PATTERN]: 'must be a date-time such as "2024-12-31T09:30:00Z"',
  [LOCAL_TIME_PATTERN]: 'must be a local time such as "09:00" or "17:30" ("24:00" ends the day)',
  [CURRENCY_CODE_PATTERN]: 'must be an ISO 4217 currency code such as "USD"',
  [OPTION_VALUE_PATTERN]: 'must be letters, digits, "_" or "-" (no spaces or dots)',
  [SQL_TABLE_PATTERN]: 'must be snake_case: a lowercase letter, then lowercase letters, digits and "_"',
  [CALL_NAME_PATTERN]: 'must be a registry key such as "setFields" or "sfa.assignOwner"',
  [EVENT_NAME_PATTERN]: 'must be an event name such as "QUALIFY" (letters, digits, "_", ".", ":" or "-")',
  [PACK_NAME_PATTERN]: 'must be kebab-case or camelCase, starting with a lowercase letter',
  [SEMVER_PATTERN]: 'must be a semantic version such as "1.2.0"',
};

export function ref(definition: string, description?: string): JsonSchema {
  return description === undefined ? { $ref: `#/$defs/${definition}` } : { $ref: `#/$defs/${definition}`, description };
}

export function stringList(items: JsonSchema, description: string): JsonSchema {
  return { type: 'array', description, items, uniqueItems: true };
}

export const IDENTIFIER_SCHEMA: JsonSchema = {
  type: 'string',
  description: 'A camelCase identifier: a lowercase letter, then letters and digits (at most 48).',
  pattern: IDENTIFIER_PATTERN,
  maxLength: IDENTIFIER_MAX_LENGTH,
};

export const LOCALISED_TEXT_SCHEMA: JsonSchema = {
  type: ['string', 'object'],
  description: 'Text shown to people: a plain string, or an object from locale tag to text, e.g. {"en": "Account", "zh-CN": "客户"}.',
  propertyNames: { pattern: LOCALE_PATTERN },
  additionalProperties: { type: 'string' },
  minProperties: 1,
};

/** Definitions most meta-schemas carry, so each published file stands alone. */
export const COMMON_DEFINITIONS: Record<string, JsonSchema> = {
  identifier: IDENTIFIER_SCHEMA,
  localisedText: LOCALISED_TEXT_SCHEMA,
};

export const SCHEMA_PROPERTY: JsonSchema = { type: 'string', description: 'Path or URL of the meta-schema, for editors.' };
