// The shape of a built-in function. Functions receive already evaluated arguments and report
// bad input through `context.fail`, which throws an ExpressionError at the call's position.

export interface FunctionContext {
  /** The injected clock; throws a clear ExpressionError when the caller passed none. */
  now(): Date;
  fail(description: string): never;
  /** Offset of the call in the source, for errors raised by helpers. */
  readonly position: number;
}

export interface ExpressionFunction {
  readonly minArguments: number;
  /** Infinity for variadic functions. */
  readonly maxArguments: number;
  evaluate(args: readonly unknown[], context: FunctionContext): unknown;
}
