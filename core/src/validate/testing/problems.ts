// Test support: compact views of problems for assertions.
import type { Problem } from '../../model/problem';

/** "path code" of each problem, easy to compare in a table-driven test. */
export function pathsAndCodes(problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${problem.path} ${problem.code ?? ''}`);
}
