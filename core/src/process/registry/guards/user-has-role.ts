// Built-in guard "userHasRole": allows when the acting user has at least one of the roles.
import type { LocalisedText } from '../../../model/label';
import { localisedMessage } from '../messages';
import type { GuardDefinition } from '../registry-types';
import { LOCALISED_TEXT } from '../schema-parts';

export type UserHasRoleParams = { roles: string[]; message?: LocalisedText };

export const userHasRoleGuard: GuardDefinition<UserHasRoleParams> = {
  key: 'userHasRole',
  label: { en: 'User has role', 'zh-CN': '用户具有角色' },
  paramsSchema: {
    type: 'object',
    properties: { roles: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true }, message: LOCALISED_TEXT },
    required: ['roles'],
    additionalProperties: false,
  },
  evaluate(params, context) {
    if (params.roles.some((role) => context.user.roles.includes(role))) return { allowed: true };
    const roles = params.roles;
    return {
      allowed: false,
      reason: params.message ?? localisedMessage({
        en: () => `Only a user with the role ${roles.join(' or ')} may do this`,
        'zh-CN': () => `仅限具有角色 ${roles.join(' 或 ')} 的用户操作`,
      }),
    };
  },
};
