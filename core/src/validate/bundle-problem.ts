// A problem found across documents: which document it belongs to, and where within it.
import type { Problem } from '../model/problem';

export interface BundleProblem extends Problem {
  documentKind: 'entity' | 'layout' | 'process' | 'permissionSet' | 'report';
  documentName: string;
}

export function inDocument(documentKind: BundleProblem['documentKind'], documentName: string, problems: readonly Problem[]): BundleProblem[] {
  return problems.map((problem) => ({ ...problem, documentKind, documentName }));
}
