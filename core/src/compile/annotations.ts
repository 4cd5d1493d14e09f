// The `x-` keywords compiled entity schemas carry for UIs. Validators must be told about them
// (ajv.addVocabulary(SCHEMA_ANNOTATION_KEYWORDS)) because strict ajv rejects unknown keywords.

export const SCHEMA_ANNOTATION_KEYWORDS = [
  /** The Stagecraft field type, e.g. "currency", so a UI can pick a widget. */
  'x-field-type',
  /** For references and many-to-many relations: the target entity. */
  'x-reference',
  /** For currency fields: the ISO 4217 code. */
  'x-currency',
  /** For enum and multiEnum fields: option value → CSS colour. */
  'x-enum-colors',
  /** For enum and multiEnum fields: option value → label in the schema's locale. */
  'x-enum-labels',
] as const;

export type SchemaAnnotationKeyword = (typeof SCHEMA_ANNOTATION_KEYWORDS)[number];
