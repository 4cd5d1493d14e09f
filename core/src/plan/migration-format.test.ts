import type { EntityDocument } from '../model/entity';
import { formatMigrationPlan } from './migration-format';
import { planMigration } from './migration-plan';
import { compileEntityTablePlan } from './table-plan';

const before: EntityDocument = { kind: 'entity', name: 'opportunity', label: 'Opportunity', fields: [{ name: 'title', type: 'string', maxLength: 100 }, { name: 'legacyCode', type: 'string' }] };
const after: EntityDocument = { ...before, fields: [{ name: 'title', type: 'string', maxLength: 40 }, { name: 'nextStep', type: 'string' }, { name: 'score', type: 'integer' }] };

describe('formatMigrationPlan', () => {
  it('prints one line per step, naming the MySQL algorithm and marking destructive steps', () => {
    const plan = planMigration([compileEntityTablePlan(before)], [compileEntityTablePlan(after)], { toVersion: 3 });
    expect(formatMigrationPlan(plan).split('\n')).toEqual([
      '+ add column opportunity.next_step varchar(255) NULL (instant)',
      '+ add column opportunity.score bigint NULL (instant)',
      '! narrow column opportunity.title varchar(100) -> varchar(40) (copy: rebuilds the table; refused while a stored value would not fit) [destructive: needs confirmation]',
      '! retire column opportunity.legacy_code -> _dropped_v3_legacy_code (instant rename; values kept until purged) [destructive: needs confirmation]',
    ]);
  });

  it('lists blocked changes after the steps', () => {
    const blocked = { ...after, fields: [{ name: 'title', type: 'boolean' as const }] };
    const plan = planMigration([compileEntityTablePlan(before)], [compileEntityTablePlan(blocked)], { toVersion: 3 });
    const lines = formatMigrationPlan(plan).split('\n');
    expect(lines.at(-1)).toMatch(/^x blocked: \/opportunity\/title: Field "title" .* cannot change from varchar\(100\) to boolean/);
  });

  it('says so when there is nothing to do', () => {
    expect(formatMigrationPlan({ steps: [], blocked: [], requiresConfirmation: false })).toBe('No schema changes.');
  });
});
