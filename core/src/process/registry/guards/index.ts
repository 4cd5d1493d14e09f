// The built-in guards, by registry key. A new built-in is added here, and the map's type makes
// the build fail until its definition is complete.
import type { GuardDefinition } from '../registry-types';
import { expressionGuard } from './expression';
import { fieldsFilledGuard } from './fields-filled';
import { userHasRoleGuard } from './user-has-role';

export type BuiltInGuardName = 'expression' | 'fieldsFilled' | 'userHasRole';

export const BUILT_IN_GUARDS = {
  expression: expressionGuard,
  fieldsFilled: fieldsFilledGuard,
  userHasRole: userHasRoleGuard,
} satisfies Record<BuiltInGuardName, GuardDefinition>;

export type { ExpressionGuardParams } from './expression';
export type { FieldsFilledParams } from './fields-filled';
export type { UserHasRoleParams } from './user-has-role';
