// Cross-document rules on the SQL the bundle becomes: every table name distinct after
// snake_casing (entity and link tables alike), and every index name distinct (SQLite keeps
// index names in one namespace per database).
import type { MetadataBundle } from '../model/pack';
import { linkTableNameOf } from '../plan/naming';
import { compileTablePlans, type TablePlan } from '../plan/table-plan';
import type { BundleProblem } from './bundle-problem';
import { findDuplicates } from './duplicates';
import { pointerOf } from './ajv-problems';

export function checkTableNames(bundle: MetadataBundle): BundleProblem[] {
  const plans = compileTablePlans(bundle);
  const problems: BundleProblem[] = [];
  for (const duplicate of findDuplicates(plans, (plan) => plan.table)) {
    const first = plans[duplicate.firstIndex];
    problems.push({
      documentKind: 'entity',
      documentName: duplicate.item.entity,
      path: tablePathOf(duplicate.item, bundle),
      message: `makes the table "${duplicate.key}", which ${first?.role === 'link' ? `a link table of ${first.entity}` : `entity ${first?.entity ?? ''}`} already uses`,
      code: 'duplicateTable',
    });
  }
  // A repeated table repeats its derived index names too; that is one problem, reported above.
  const distinctTables = plans.filter((plan, index) => plans.findIndex((other) => other.table === plan.table) === index);
  const indexes = distinctTables.flatMap((plan) => plan.indexes.map((index) => ({ plan, name: index.name })));
  for (const duplicate of findDuplicates(indexes, (index) => index.name)) {
    const { plan } = duplicate.item;
    const entity = bundle.entities[plan.entity];
    const declared = (entity?.indexes ?? []).findIndex((index) => index.name === duplicate.key);
    problems.push({
      documentKind: 'entity',
      documentName: plan.entity,
      path: declared >= 0 ? pointerOf('', 'indexes', declared, 'name') : '/indexes',
      message: `the index name "${duplicate.key}" is already used by table ${indexes[duplicate.firstIndex]?.plan.table ?? ''}`,
      code: 'duplicateIndexName',
    });
  }
  return problems;
}

function tablePathOf(plan: TablePlan, bundle: MetadataBundle): string {
  if (plan.role === 'entity') return '/name';
  const relations = bundle.entities[plan.entity]?.relations ?? [];
  const index = relations.findIndex((relation) => relation.kind === 'manyToMany' && (relation.table ?? linkTableNameOf(plan.entity, relation.name)) === plan.table);
  return index >= 0 ? pointerOf('', 'relations', index, 'table') : '/relations';
}
