// The validated expression tree. jsep's loosely typed nodes are converted into these once, at
// compile time, so the evaluator only ever sees whitelisted constructs with known positions.

export type LiteralValue = string | number | boolean | null;

export const BINARY_OPERATORS = ['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', 'in'] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];

export const LOGICAL_OPERATORS = ['&&', '||'] as const;
export type LogicalOperator = (typeof LOGICAL_OPERATORS)[number];

export const UNARY_OPERATORS = ['-', '+', '!'] as const;
export type UnaryOperator = (typeof UNARY_OPERATORS)[number];

interface NodeBase {
  /** Zero-based offset in the source where the construct (or its left-most operand) starts. */
  readonly position: number;
}

export interface LiteralNode extends NodeBase { readonly kind: 'literal'; readonly value: LiteralValue }
export interface ArrayNode extends NodeBase { readonly kind: 'array'; readonly elements: readonly ExpressionNode[] }
export interface IdentifierNode extends NodeBase { readonly kind: 'identifier'; readonly name: string }
/** `object.property` on a plain object. */
export interface MemberNode extends NodeBase { readonly kind: 'member'; readonly object: ExpressionNode; readonly property: string }
/** `array[index]` with a numeric index. */
export interface IndexNode extends NodeBase { readonly kind: 'index'; readonly object: ExpressionNode; readonly index: ExpressionNode }
export interface UnaryNode extends NodeBase { readonly kind: 'unary'; readonly operator: UnaryOperator; readonly operand: ExpressionNode }
export interface BinaryNode extends NodeBase {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}
export interface LogicalNode extends NodeBase {
  readonly kind: 'logical';
  readonly operator: LogicalOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}
/** `test ? consequent : alternate`, and `if(test, consequent, alternate)`, which is lowered to it. */
export interface ConditionalNode extends NodeBase {
  readonly kind: 'conditional';
  readonly test: ExpressionNode;
  readonly consequent: ExpressionNode;
  readonly alternate: ExpressionNode;
}
export interface CallNode extends NodeBase { readonly kind: 'call'; readonly functionName: string; readonly arguments: readonly ExpressionNode[] }

export type ExpressionNode =
  | LiteralNode | ArrayNode | IdentifierNode | MemberNode | IndexNode
  | UnaryNode | BinaryNode | LogicalNode | ConditionalNode | CallNode;
