// The JSON Schema of one field's value (without null): each field type's definition holds its own
// (field-types/); this module keeps the compile package's names for them.
export { DEFAULT_PHONE_PATTERN, fieldValueSchema, ID_MAX_LENGTH, recordIdSchema, USER_ID_PATTERN } from '../field-types';
