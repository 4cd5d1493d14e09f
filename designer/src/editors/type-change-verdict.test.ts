/// <reference types="jest" />
import type { MigrationPlan, MigrationStep } from '@stagecraft/core';
import { verdictOf } from './type-change-verdict';

const column = (name: string, length: number) => ({ name, field: name, type: { kind: 'string' as const, length }, nullable: true });
const widen = (name: string): MigrationStep => ({ kind: 'widenColumn', phase: 'expand', destructive: false, table: 'service_contract', column: column(name, 500), fromType: { kind: 'string', length: 255 }, algorithm: 'inplace', description: `widen column service_contract.${name}` });
const plan = (steps: MigrationStep[], blocked: MigrationPlan['blocked'] = []): MigrationPlan => ({ steps, blocked, requiresConfirmation: steps.some((step) => step.destructive) });

describe('verdictOf', () => {
  it('is safe for a widening of the field\'s column, ignoring other columns and indexes', () => {
    const index: MigrationStep = { kind: 'addIndex', phase: 'expand', destructive: false, table: 'service_contract', index: { name: 'ix', columns: ['name'], unique: false }, description: 'add index' };
    const widening = plan([widen('name'), widen('other'), index]);
    expect(verdictOf(widening, 'serviceContract', ['name'])).toEqual({ kind: 'safe', steps: [widening.steps[0]] });
  });

  it('needs confirmation for a narrowing, and is refused with the planner\'s advice for an incompatible type', () => {
    const narrowing: MigrationStep = { kind: 'narrowColumn', phase: 'contract', destructive: true, table: 'service_contract', column: { name: 'amount', type: { kind: 'decimal', precision: 10, scale: 2 }, nullable: true }, fromType: { kind: 'decimal', precision: 18, scale: 2 }, description: 'narrow' };
    expect(verdictOf(plan([narrowing]), 'serviceContract', ['amount']).kind).toBe('confirm');
    const refused = plan([], [{ path: '/service_contract/contract_value', message: 'cannot change from decimal to date; add a new field instead' }]);
    expect(verdictOf(refused, 'serviceContract', ['contractValue'])).toEqual({ kind: 'refused', reasons: ['cannot change from decimal to date; add a new field instead'] });
  });

  it('follows a rename to the column it comes from', () => {
    const rename: MigrationStep = { kind: 'renameColumn', phase: 'expand', destructive: false, table: 'service_contract', from: 'contract_value', to: 'annual_value', description: 'rename' };
    expect(verdictOf(plan([rename]), 'serviceContract', ['annualValue', 'contractValue'])).toEqual({ kind: 'safe', steps: [rename] });
    expect(verdictOf(plan([rename]), 'serviceContract', ['name'])).toEqual({ kind: 'safe', steps: [] });
  });
});
