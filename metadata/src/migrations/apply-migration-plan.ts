// Applies a migration plan, one phase at a time: `expand` before the live metadata version
// flips (additive, the old version keeps working), `contract` after it (confirmed destructive
// steps). Every step checks first whether it is already done, so a failed run can be repeated.
import { ConfirmationRequiredError, ValidationError, type MigrationPhase, type MigrationPlan, type MigrationStep, type Problem } from '@stagecraft/core';
import type { Sequelize } from 'sequelize';
import { createSchemaSession } from './schema-session';
import { applyStep } from './steps';

export interface ApplyMigrationOptions {
  phase: MigrationPhase | 'all';
  /** Must be true for a phase that holds destructive steps. */
  confirm?: boolean;
}

export interface AppliedStep {
  step: MigrationStep;
  /** True when the database already matched the step and nothing ran. */
  skipped: boolean;
  /** The SQL statements the step ran (none when skipped). */
  statements: string[];
}

export async function applyMigrationPlan(sequelize: Sequelize, plan: MigrationPlan, options: ApplyMigrationOptions): Promise<AppliedStep[]> {
  if (plan.blocked.length > 0) throw new ValidationError('The migration plan has blocked changes and cannot be applied', plan.blocked);
  const steps = plan.steps.filter((step) => options.phase === 'all' || step.phase === options.phase);
  const destructive = steps.filter((step) => step.destructive);
  if (destructive.length > 0 && options.confirm !== true) {
    throw new ConfirmationRequiredError(`${destructive.length} destructive migration step${destructive.length === 1 ? '' : 's'} need${destructive.length === 1 ? 's' : ''} confirmation`, destructive.map(problemOf));
  }
  const applied: AppliedStep[] = [];
  for (const step of steps) {
    const statements: string[] = [];
    const outcome = await applyStep(createSchemaSession(sequelize, undefined, statements), step);
    applied.push({ step, skipped: outcome.skipped, statements });
  }
  return applied;
}

function problemOf(step: MigrationStep): Problem {
  const column = step.kind === 'retireColumn' ? step.column : step.kind === 'narrowColumn' ? step.column.name : undefined;
  return { path: column === undefined ? `/${step.table}` : `/${step.table}/${column}`, code: step.kind, message: step.description };
}
