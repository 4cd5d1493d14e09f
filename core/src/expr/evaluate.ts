// Walks a validated expression tree over a scope. The walk is bounded by the tree depth and has
// no loops; it reads only own properties of the scope and of plain objects in it, and it never
// writes to anything it was given.
import type { ExpressionNode } from './ast';
import { failEvaluation } from './expression-error';
import { findExpressionFunction } from './functions';
import type { FunctionContext } from './functions';
import { applyBinaryOperator, applyUnaryOperator } from './operators';
import { describeValue, isPlainObject, isTruthy, toLanguageValue, toNumberOrNull } from './values';

export type ExpressionScope = Readonly<Record<string, unknown>>;

export interface EvaluationContext {
  /** The current time for today() and now(); required only by expressions that call them. */
  now?: Date;
}

const hasOwn = (target: object, key: string) => Object.prototype.hasOwnProperty.call(target, key);

export function evaluateTree(root: ExpressionNode, scope: ExpressionScope, context: EvaluationContext = {}): unknown {
  const clockAt = (position: number) => (): Date => {
    const { now } = context;
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
      return failEvaluation('today() and now() need the current time: pass { now: new Date() } when evaluating', position);
    }
    return now;
  };

  const evaluate = (node: ExpressionNode): unknown => {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'array':
        return node.elements.map(evaluate);
      case 'identifier':
        return hasOwn(scope, node.name) ? toLanguageValue(scope[node.name], node.position) : null;
      case 'member': {
        const object = evaluate(node.object);
        if (object === null) return null;
        if (!isPlainObject(object)) return failEvaluation(`Cannot read '${node.property}' of ${describeValue(object)}`, node.position);
        return hasOwn(object, node.property) ? toLanguageValue(object[node.property], node.position) : null;
      }
      case 'index': {
        const array = evaluate(node.object);
        if (array === null) return null;
        if (!Array.isArray(array)) return failEvaluation(`Only arrays can be indexed, not ${describeValue(array)}`, node.position);
        const index = toNumberOrNull(evaluate(node.index), 'An index', node.position);
        if (index === null) return null;
        if (!Number.isInteger(index)) return failEvaluation('An index must be a whole number', node.position);
        return index >= 0 && index < array.length ? toLanguageValue(array[index], node.position) : null;
      }
      case 'unary':
        return applyUnaryOperator(node.operator, evaluate(node.operand), node.position);
      case 'binary':
        return applyBinaryOperator(node.operator, evaluate(node.left), evaluate(node.right), node.position);
      case 'logical':
        return node.operator === '&&'
          ? isTruthy(evaluate(node.left)) && isTruthy(evaluate(node.right))
          : isTruthy(evaluate(node.left)) || isTruthy(evaluate(node.right));
      case 'conditional':
        return isTruthy(evaluate(node.test)) ? evaluate(node.consequent) : evaluate(node.alternate);
      case 'call': {
        const definition = findExpressionFunction(node.functionName);
        if (!definition) return failEvaluation(`Unknown function '${node.functionName}'`, node.position);
        const functionContext: FunctionContext = {
          now: clockAt(node.position),
          fail: (description) => failEvaluation(description, node.position),
          position: node.position,
        };
        return definition.evaluate(node.arguments.map(evaluate), functionContext);
      }
    }
  };

  return evaluate(root);
}
