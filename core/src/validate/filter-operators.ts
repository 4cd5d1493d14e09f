// Which filter operators make sense for which field type: each field type's definition says
// (field-types/). Shared by layout validation, the record API's filter parsing and the studio.
export { filterOperatorsFor } from '../field-types';
