// Built-in guard "expression": allows when an expression over the record and `user` is truthy.
import { compileExpression } from '../../../expr/compile';
import { ExpressionError } from '../../../expr/expression-error';
import { isTruthy } from '../../../expr/values';
import type { LocalisedText } from '../../../model/label';
import { checkStepExpression, evaluateInStep } from '../expression-scope';
import { localisedMessage } from '../messages';
import type { GuardDefinition } from '../registry-types';
import { EXPRESSION, LOCALISED_TEXT } from '../schema-parts';

export type ExpressionGuardParams = { expression: string; message?: LocalisedText };

export const expressionGuard: GuardDefinition<ExpressionGuardParams> = {
  key: 'expression',
  label: { en: 'Condition', 'zh-CN': '条件' },
  description: { en: 'Allows the transition when the expression is true, e.g. "amount > 0 && \'manager\' in user.roles".', 'zh-CN': '表达式为真时允许。' },
  paramsSchema: {
    type: 'object',
    properties: { expression: EXPRESSION, message: { ...LOCALISED_TEXT, description: 'The reason shown when the condition is not met.' } },
    required: ['expression'],
    additionalProperties: false,
  },
  checkParams: (params, scope) => checkStepExpression(params.expression, scope, '/expression'),
  evaluate(params, context) {
    try {
      if (isTruthy(evaluateInStep(params.expression, context))) return { allowed: true };
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const detail = error.message;
      return { allowed: false, reason: localisedMessage({ en: () => `The condition could not be checked: ${detail}`, 'zh-CN': () => `无法检查条件：${detail}` }) };
    }
    const expression = params.expression;
    // The fields the condition reads, so a reader who may not see one of them is not told about it.
    const reads = compileExpression(expression).identifiers.filter((name) => name !== 'user');
    return { allowed: false, reason: params.message ?? localisedMessage({ en: () => `The condition "${expression}" is not met`, 'zh-CN': () => `条件“${expression}”不满足` }), reads };
  },
};
