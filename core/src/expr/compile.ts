// compileExpression: parse, validate and cache an expression once; evaluate it many times.
import { buildExpressionTree } from './build-tree';
import { evaluateTree } from './evaluate';
import type { EvaluationContext, ExpressionScope } from './evaluate';
import { ExpressionError } from './expression-error';
import { parseSource } from './parse';

export interface CompiledExpression {
  readonly source: string;
  /** Top-level identifiers the expression reads (e.g. ["amount","probability"]; for `account.name` → "account"). */
  readonly identifiers: readonly string[];
  evaluate(scope: ExpressionScope, context?: EvaluationContext): unknown;
}

/** Enough for every expression of a large metadata bundle; the least recently used one goes first. */
const CACHE_CAPACITY = 2000;
const cache = new Map<string, CompiledExpression>();

/** Compiles an expression or throws an ExpressionError with the offending position. */
export function compileExpression(source: string): CompiledExpression {
  if (typeof source !== 'string') throw new ExpressionError('An expression must be text');
  const cached = cache.get(source);
  if (cached) {
    cache.delete(source);
    cache.set(source, cached);
    return cached;
  }
  const compiled = createCompiledExpression(source);
  cache.set(source, compiled);
  if (cache.size > CACHE_CAPACITY) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return compiled;
}

function createCompiledExpression(source: string): CompiledExpression {
  const { root, identifiers } = buildExpressionTree(parseSource(source));
  return Object.freeze({
    source,
    identifiers,
    evaluate(scope: ExpressionScope, context?: EvaluationContext): unknown {
      if (typeof scope !== 'object' || scope === null) throw new ExpressionError('The scope must be an object', undefined, 'expressionEvaluation');
      return evaluateTree(root, scope, context);
    },
  });
}
