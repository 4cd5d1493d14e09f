// Thin wrapper around jsep: enforces the size limits, records where each token starts (jsep
// itself keeps no positions), refuses operators outside the language at the exact offset, and
// turns jsep's plain Error into an ExpressionError.
import jsep from 'jsep';
import { BINARY_OPERATORS, LOGICAL_OPERATORS } from './ast';
import { ExpressionError } from './expression-error';

export const MAX_SOURCE_LENGTH = 2000;
export const MAX_DEPTH = 64;

// jsep keeps its operator table on the class, so `in` can only be registered globally; it is
// idempotent and only affects text that uses `in` as a word between two operands.
jsep.addBinaryOp('in', 7);

const ALLOWED_BINARY_OPERATORS: ReadonlySet<string> = new Set([...BINARY_OPERATORS, ...LOGICAL_OPERATORS]);
const OPERATOR_HINTS: Readonly<Record<string, string>> = {
  '===': "use '=='",
  '!==': "use '!='",
  '??': 'use coalesce(a, b)',
};

/** The part of jsep's (untyped) parser class that we extend. */
interface JsepParser {
  index: number;
  gobbleSpaces(): void;
  gobbleToken(): jsep.Expression | false | undefined;
  gobbleBinaryOp(): string | false;
  parse(): jsep.Expression;
}
type JsepParserClass = new (source: string) => JsepParser;
const { Jsep } = jsep as unknown as { Jsep: JsepParserClass };

/** A jsep parser that remembers the start offset of every token it produces. */
class PositionRecordingParser extends Jsep {
  readonly positions = new WeakMap<jsep.Expression, number>();

  override gobbleToken(): jsep.Expression | false | undefined {
    this.gobbleSpaces();
    const start = this.index;
    const node = super.gobbleToken();
    if (node && !this.positions.has(node)) this.positions.set(node, start);
    return node;
  }

  override gobbleBinaryOp(): string | false {
    this.gobbleSpaces();
    const start = this.index;
    const operator = super.gobbleBinaryOp();
    if (operator !== false && !ALLOWED_BINARY_OPERATORS.has(operator)) {
      const hint = OPERATOR_HINTS[operator];
      throw new ExpressionError(`Operator '${operator}' is not supported${hint ? `; ${hint}` : ''}`, start);
    }
    return operator;
  }
}

export interface ParsedSource {
  readonly root: jsep.Expression;
  /** Start offset of a node, when jsep produced it as a token (operands, calls, members). */
  positionOf(node: jsep.Expression): number | undefined;
}

export function parseSource(source: string): ParsedSource {
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new ExpressionError(`Expression is longer than ${MAX_SOURCE_LENGTH} characters`, MAX_SOURCE_LENGTH);
  }
  if (source.trim() === '') throw new ExpressionError('Expression is empty', 0);
  refuseDeepNesting(source);
  const parser = new PositionRecordingParser(source);
  let root: jsep.Expression;
  try {
    root = parser.parse();
  } catch (error) {
    throw asExpressionError(error);
  }
  return { root, positionOf: (node) => parser.positions.get(node) };
}

/** Checked before parsing so that jsep's recursion cannot exhaust the stack on `((((…`. */
function refuseDeepNesting(source: string): void {
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quote !== undefined) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(' || char === '[') {
      depth++;
      if (depth > MAX_DEPTH) throw new ExpressionError(`Expression is nested more than ${MAX_DEPTH} levels deep`, index);
    } else if (char === ')' || char === ']') {
      depth = Math.max(0, depth - 1);
    }
  }
}

function asExpressionError(error: unknown): ExpressionError {
  if (error instanceof ExpressionError) return error;
  if (error instanceof RangeError) return new ExpressionError(`Expression is nested more than ${MAX_DEPTH} levels deep`);
  if (error instanceof Error) {
    const { description, index } = error as Error & { description?: unknown; index?: unknown };
    return new ExpressionError(
      typeof description === 'string' ? description : error.message,
      typeof index === 'number' ? index : undefined,
    );
  }
  return new ExpressionError('Expression could not be parsed');
}
