/// <reference types="jest" />
import type { MigrationPlan } from '@stagecraft/core';
import { verdictOf } from './type-change-verdict';

const step = (description: string, destructive = false) => ({ kind: 'widenColumn', phase: 'expand', destructive, table: 'service_contract', description }) as unknown as MigrationPlan['steps'][number];

describe('verdictOf', () => {
  it('is safe for a widening of the field\'s column, ignoring other columns', () => {
    const plan: MigrationPlan = { steps: [step('widen column service_contract.name varchar(255) -> varchar(500) (inplace)'), step('widen column service_contract.other varchar(10) -> varchar(20) (inplace)')], blocked: [], requiresConfirmation: false };
    expect(verdictOf(plan, 'serviceContract', ['name'])).toEqual({ kind: 'safe', steps: ['widen column service_contract.name varchar(255) -> varchar(500) (inplace)'] });
  });

  it('needs confirmation for a narrowing, and is refused with the planner\'s advice for an incompatible type', () => {
    const narrowing: MigrationPlan = { steps: [step('narrow column service_contract.amount decimal(18,2) -> decimal(10,2) (copy)', true)], blocked: [], requiresConfirmation: true };
    expect(verdictOf(narrowing, 'serviceContract', ['amount']).kind).toBe('confirm');
    const refused: MigrationPlan = { steps: [], blocked: [{ path: '/service_contract/contract_value', message: 'cannot change from decimal to date; add a new field instead' }], requiresConfirmation: false };
    expect(verdictOf(refused, 'serviceContract', ['contractValue'])).toEqual({ kind: 'refused', reasons: ['cannot change from decimal to date; add a new field instead'] });
  });

  it('follows a rename to the column it comes from', () => {
    const plan: MigrationPlan = { steps: [step('rename column service_contract.contract_value -> annual_value (instant)')], blocked: [], requiresConfirmation: false };
    expect(verdictOf(plan, 'serviceContract', ['annualValue', 'contractValue']).kind).toBe('safe');
    expect(verdictOf(plan, 'serviceContract', ['annualValue', 'contractValue'])).toMatchObject({ steps: ['rename column service_contract.contract_value -> annual_value (instant)'] });
  });
});
