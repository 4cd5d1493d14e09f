// A migration plan as people read it before confirming: one line per step, destructive steps
// marked, blocked changes listed after the steps.
import { formatProblem } from '../model/problem';
import type { MigrationPlan, MigrationStep, MigrationStepKind } from './migration-step';

/** The sign in front of each line: + adds, ~ changes in place, - removes an index, ! sets data aside. */
const STEP_SIGN = {
  createTable: '+',
  addColumn: '+',
  addIndex: '+',
  renameTable: '~',
  renameColumn: '~',
  restoreColumn: '+',
  widenColumn: '~',
  narrowColumn: '!',
  dropIndex: '-',
  retireColumn: '!',
  retireTable: '!',
} satisfies Record<MigrationStepKind, string>;

export function formatMigrationStep(step: MigrationStep): string {
  const mark = step.destructive ? ' [destructive: needs confirmation]' : '';
  return `${STEP_SIGN[step.kind]} ${step.description}${mark}`;
}

export function formatMigrationPlan(plan: MigrationPlan): string {
  if (plan.steps.length === 0 && plan.blocked.length === 0) return 'No schema changes.';
  const lines = plan.steps.map(formatMigrationStep);
  for (const problem of plan.blocked) lines.push(`x blocked: ${formatProblem(problem)}`);
  return lines.join('\n');
}
