// Public entry of the expression language used by formula fields, layout conditions, guards,
// validation and routing rules and report filters. See README.md for the language itself.
export { compileExpression } from './compile';
export type { CompiledExpression } from './compile';
export { checkExpression } from './check';
export { isTruthy } from './values';
export type { EvaluationContext, ExpressionScope } from './evaluate';
export { ExpressionError } from './expression-error';
export type { ExpressionErrorCode } from './expression-error';
export { EXPRESSION_FUNCTION_NAMES } from './functions';
export { MAX_DEPTH as MAX_EXPRESSION_DEPTH, MAX_SOURCE_LENGTH as MAX_EXPRESSION_LENGTH } from './parse';
