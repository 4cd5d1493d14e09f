// The planner's verdict on changing one field, before the change is applied to the draft: the draft
// with the field replaced is planned by the server (the same planner a publish uses), and the steps
// and refusals for that field's column are what the field panel shows — safe, needs confirmation,
// or refused with the planner's advice.
import type { MetadataBundle, MigrationPlan, MigrationStep } from '@stagecraft/core';
import { columnNameOf, tableNameOf } from '@stagecraft/core/naming';
import { api, ApiError } from '../api/client';
import { columnsOfStep } from '../publish/plan-step-text';

export type Verdict = { kind: 'safe'; steps: MigrationStep[] } | { kind: 'confirm'; steps: MigrationStep[] } | { kind: 'refused'; reasons: string[] } | { kind: 'invalid'; reasons: string[] };

/** Steps that change a column itself (not an index over it). */
const COLUMN_STEP_KINDS: ReadonlySet<MigrationStep['kind']> = new Set(['addColumn', 'renameColumn', 'restoreColumn', 'widenColumn', 'narrowColumn', 'retireColumn']);

/** The part of a plan about one column: its steps, and refusals naming it. */
export function verdictOf(plan: MigrationPlan, entity: string, columns: readonly string[]): Verdict {
  const table = tableNameOf(entity);
  const names = columns.map(columnNameOf);
  const refusals = plan.blocked.filter((problem) => names.some((column) => problem.path === `/${table}/${column}`));
  if (refusals.length > 0) return { kind: 'refused', reasons: refusals.map((problem) => problem.message) };
  const steps = plan.steps.filter((step) => step.table === table && COLUMN_STEP_KINDS.has(step.kind) && columnsOfStep(step).some((column) => names.includes(column)));
  return steps.some((step) => step.destructive) ? { kind: 'confirm', steps } : { kind: 'safe', steps };
}

export async function planFieldChange(draft: MetadataBundle, entity: string, index: number | null, field: object): Promise<Verdict> {
  const bundle = structuredClone(draft);
  const document = bundle.entities[entity];
  if (!document) return { kind: 'invalid', reasons: [] };
  const fields = document.fields as object[];
  if (index === null) fields.push(field);
  else fields[index] = field;
  const named = field as { name: string; renamedFrom?: string };
  try {
    const { plan } = await api.post<{ plan: MigrationPlan }>('/api/metadata/plan', { bundle });
    return verdictOf(plan, entity, [named.name, ...(named.renamedFrom ? [named.renamedFrom] : [])]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) return { kind: 'invalid', reasons: error.details.filter((detail) => detail.path.startsWith(`/entities/${entity}/`)).map((detail) => detail.message) };
    throw error;
  }
}
