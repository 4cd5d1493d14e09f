// The one error type of the expression language: syntax errors, refused constructs and
// evaluation failures all surface as ExpressionError, so callers need a single catch.

export type ExpressionErrorCode =
  /** The source does not parse, or uses a construct the language does not allow. */
  | 'expressionSyntax'
  /** A call names a function that is not in the whitelist. */
  | 'unknownFunction'
  /** The expression is valid but failed on these values, e.g. `'abc' * 2`. */
  | 'expressionEvaluation';

export class ExpressionError extends Error {
  /** Zero-based character offset in the source, when known. */
  readonly position: number | undefined;
  readonly code: ExpressionErrorCode;
  /** The message without the position suffix. */
  readonly description: string;

  constructor(description: string, position?: number, code: ExpressionErrorCode = 'expressionSyntax') {
    super(position === undefined ? description : `${description} (at position ${position})`);
    this.name = 'ExpressionError';
    this.description = description;
    this.position = position;
    this.code = code;
  }
}

/** Throws an evaluation-time ExpressionError; used by operators and functions. */
export function failEvaluation(description: string, position: number): never {
  throw new ExpressionError(description, position, 'expressionEvaluation');
}
