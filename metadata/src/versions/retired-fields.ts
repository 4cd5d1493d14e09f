// Which fields earlier publishes removed whose values are still in the database. A removed field's
// column is renamed aside (`retireColumn`), not dropped: the version history says which column
// went where and what the field was; the database says whether it is still there (not restored,
// not purged). The planner restores from these, and the studio lists them to restore or purge.
import { compileTablePlans, type FieldDefinition, type MetadataBundle, type MigrationPlan, type RetiredColumn } from '@stagecraft/core';
import type { Sequelize } from 'sequelize';
import { introspectTable } from '../migrations';
import type { LiveTable } from '../migrations';

export interface RetiredField extends RetiredColumn {
  /** The entity the field belonged to (by its name when it was removed). */
  entity: string;
  /** The field as it was defined just before the publish that removed it. */
  field: FieldDefinition;
}

/** What the finder needs from the repository: each version's plan, and a version's bundle. */
export interface VersionHistory {
  plans(): Promise<Array<{ number: number; plan: MigrationPlan }>>;
  bundleOf(number: number): Promise<MetadataBundle | null>;
}

export async function findRetiredFields(sequelize: Sequelize, history: VersionHistory): Promise<RetiredField[]> {
  const found: RetiredField[] = [];
  const liveTables = new Map<string, Promise<LiveTable | null>>();
  const liveTable = (table: string): Promise<LiveTable | null> => {
    let read = liveTables.get(table);
    if (!read) liveTables.set(table, (read = introspectTable(sequelize, table)));
    return read;
  };
  for (const { number, plan } of await history.plans()) {
    const retirements = plan.steps.filter((step) => step.kind === 'retireColumn');
    if (retirements.length === 0) continue;
    // The version live before this publish held the field; versions are numbered one after another.
    const before = await history.bundleOf(number - 1);
    if (!before) continue;
    const tablePlans = compileTablePlans(before);
    for (const step of retirements) {
      const stillThere = (await liveTable(step.table))?.columns.some((column) => column.name === step.retiredName) ?? false;
      if (!stillThere) continue;
      const tablePlan = tablePlans.find((candidate) => candidate.table === step.table && candidate.role === 'entity');
      const column = tablePlan?.columns.find((candidate) => candidate.name === step.column);
      const field = column?.field === undefined ? undefined : before.entities[tablePlan?.entity ?? '']?.fields.find((candidate) => candidate.name === column.field);
      if (!tablePlan || !column || !field) continue;
      found.push({ table: step.table, column, retiredName: step.retiredName, retiredInVersion: number, entity: tablePlan.entity, field });
    }
  }
  return found.sort((left, right) => right.retiredInVersion - left.retiredInVersion || left.retiredName.localeCompare(right.retiredName));
}
