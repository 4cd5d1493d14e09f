// checkExpression: the validator-friendly face of the compiler; reports problems instead of
// throwing, so metadata validation can list every bad expression at once.
import type { Problem } from '../model/problem';
import { compileExpression } from './compile';
import { ExpressionError } from './expression-error';

/**
 * Problems with an expression (path "", codes "expressionSyntax", "unknownFunction",
 * "unknownIdentifier"). Identifiers are only checked when `knownIdentifiers` is given.
 */
export function checkExpression(source: string, knownIdentifiers?: ReadonlySet<string>): Problem[] {
  let identifiers: readonly string[];
  try {
    identifiers = compileExpression(source).identifiers;
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return [{ path: '', code: error.code === 'unknownFunction' ? 'unknownFunction' : 'expressionSyntax', message: error.message }];
  }
  if (!knownIdentifiers) return [];
  return identifiers
    .filter((name) => !knownIdentifiers.has(name))
    .map((name) => ({ path: '', code: 'unknownIdentifier', message: `Unknown name '${name}' in expression` }));
}
