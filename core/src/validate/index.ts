// Validation of metadata: one document against its meta-schema and rules, then a bundle across documents.
export { validateDocument, DOCUMENT_KINDS, type DocumentValidation } from './document-validator';
export { validateBundle } from './bundle-validator';
export type { BundleProblem } from './bundle-problem';
export { ajvErrorsToProblems, pointerOf, escapePointerToken } from './ajv-problems';
export { createMetaSchemaAjv } from './meta-schema-validators';
export { filterOperatorsFor } from './filter-operators';
export { RESERVED_NAME_PREFIX, isReservedName } from './entity-checks';
