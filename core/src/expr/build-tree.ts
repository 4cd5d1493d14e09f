// Converts jsep's tree into the language's own tree, refusing everything outside the whitelist:
// `this`, method calls, unknown functions, forbidden member names, computed access by text,
// several expressions in a row. Also collects the top-level identifiers the expression reads.
import type jsep from 'jsep';
import { BINARY_OPERATORS, LOGICAL_OPERATORS, UNARY_OPERATORS } from './ast';
import type { BinaryOperator, ExpressionNode, LogicalOperator, UnaryOperator } from './ast';
import { ExpressionError } from './expression-error';
import { findExpressionFunction, IF_FUNCTION_NAME } from './functions';
import { MAX_DEPTH } from './parse';
import type { ParsedSource } from './parse';

/** Names that lead to an object's prototype machinery; refused wherever a name can appear. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface ExpressionTree {
  readonly root: ExpressionNode;
  /** Top-level scope names the expression reads, in order of first use. */
  readonly identifiers: readonly string[];
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function checkName(name: string, position: number): string {
  if (FORBIDDEN_NAMES.has(name)) throw new ExpressionError(`The name '${name}' is not allowed`, position);
  return name;
}

export function buildExpressionTree(parsed: ParsedSource): ExpressionTree {
  const identifiers = new Set<string>();

  const build = (node: jsep.Expression | null | undefined, parentPosition: number, depth: number): ExpressionNode => {
    if (typeof node !== 'object' || node === null) throw new ExpressionError('Expected an expression', parentPosition);
    const position = parsed.positionOf(node) ?? parentPosition;
    if (depth > MAX_DEPTH) throw new ExpressionError(`Expression is nested more than ${MAX_DEPTH} levels deep`, position);
    const child = (childNode: jsep.Expression) => build(childNode, position, depth + 1);
    const core = node as jsep.CoreExpression;

    switch (core.type) {
      case 'Literal': {
        const { value } = core;
        if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          throw new ExpressionError('Only numbers, text, true, false and null are literals', position);
        }
        if (typeof value === 'number' && !Number.isFinite(value)) throw new ExpressionError('Number is too large', position);
        return { kind: 'literal', value, position };
      }
      case 'Identifier':
        identifiers.add(checkName(core.name, position));
        return { kind: 'identifier', name: core.name, position };
      case 'ArrayExpression':
        return {
          kind: 'array',
          position,
          elements: core.elements.map((element) => {
            if (element === null) throw new ExpressionError('Arrays cannot have empty slots', position);
            return child(element);
          }),
        };
      case 'MemberExpression':
        return buildMember(core, position, child);
      case 'UnaryExpression':
        if (!isOneOf<UnaryOperator>(UNARY_OPERATORS, core.operator)) {
          throw new ExpressionError(`Operator '${core.operator}' is not supported`, position);
        }
        return { kind: 'unary', operator: core.operator, operand: child(core.argument), position };
      case 'BinaryExpression': {
        const left = child(core.left);
        const right = child(core.right);
        const at = left.position;
        if (isOneOf<LogicalOperator>(LOGICAL_OPERATORS, core.operator)) return { kind: 'logical', operator: core.operator, left, right, position: at };
        if (isOneOf<BinaryOperator>(BINARY_OPERATORS, core.operator)) return { kind: 'binary', operator: core.operator, left, right, position: at };
        throw new ExpressionError(`Operator '${core.operator}' is not supported`, at);
      }
      case 'ConditionalExpression': {
        const test = child(core.test);
        return { kind: 'conditional', test, consequent: child(core.consequent), alternate: child(core.alternate), position: test.position };
      }
      case 'CallExpression':
        return buildCall(core, position, child);
      case 'ThisExpression':
        throw new ExpressionError("'this' is not supported", position);
      case 'Compound': {
        const second = core.body[1];
        const at = second ? parsed.positionOf(second) ?? position : position;
        throw new ExpressionError('Expected one expression; found more (missing an operator?)', at);
      }
      case 'SequenceExpression':
        throw new ExpressionError('Commas only separate function arguments and array elements', position);
      default:
        throw new ExpressionError(`Unsupported construct '${String(node.type)}'`, position);
    }
  };

  const root = build(parsed.root, 0, 1);
  return { root, identifiers: Object.freeze([...identifiers]) };
}

type BuildChild = (node: jsep.Expression) => ExpressionNode;

function buildMember(node: jsep.MemberExpression, position: number, child: BuildChild): ExpressionNode {
  if (node.optional) throw new ExpressionError("Use '.' instead of '?.': member access is already null-safe", position);
  const object = child(node.object);
  if (node.computed) {
    const property = node.property as jsep.CoreExpression;
    if (property.type === 'Literal' && typeof property.value !== 'number') {
      throw new ExpressionError("'[…]' only takes a numeric index into an array; use '.' for names", position);
    }
    return { kind: 'index', object, index: child(node.property), position };
  }
  const property = node.property as jsep.CoreExpression;
  if (property.type !== 'Identifier') throw new ExpressionError("Expected a name after '.'", position);
  return { kind: 'member', object, property: checkName(property.name, position), position };
}

function buildCall(node: jsep.CallExpression, position: number, child: BuildChild): ExpressionNode {
  const callee = node.callee as jsep.CoreExpression;
  if (callee.type !== 'Identifier') {
    throw new ExpressionError('Only built-in functions can be called, e.g. len(name)', position);
  }
  const name = callee.name;
  if (name === IF_FUNCTION_NAME) {
    checkArity(name, node.arguments.length, 3, 3, position);
    const [test, consequent, alternate] = node.arguments.map(child) as [ExpressionNode, ExpressionNode, ExpressionNode];
    return { kind: 'conditional', test, consequent, alternate, position };
  }
  const definition = findExpressionFunction(name);
  if (!definition) throw new ExpressionError(`Unknown function '${name}'`, position, 'unknownFunction');
  checkArity(name, node.arguments.length, definition.minArguments, definition.maxArguments, position);
  return { kind: 'call', functionName: name, arguments: node.arguments.map(child), position };
}

function checkArity(name: string, count: number, min: number, max: number, position: number): void {
  if (count >= min && count <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  const noun = (max === Infinity ? min : max) === 1 ? 'argument' : 'arguments';
  throw new ExpressionError(`${name}() takes ${expected} ${noun}, got ${count}`, position);
}
