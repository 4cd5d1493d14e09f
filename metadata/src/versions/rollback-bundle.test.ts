import type { EntityDocument, MetadataBundle } from '@stagecraft/core';
import { compileTablePlans, planMigration } from '@stagecraft/core';
import { rollbackBundle } from './rollback-bundle';

const contract = (fields: EntityDocument['fields'], extra: Partial<EntityDocument> = {}): EntityDocument => ({ kind: 'entity', name: 'contract', label: 'Contract', fields, ...extra });
const bundleOf = (...entities: EntityDocument[]): MetadataBundle => ({ packs: [], entities: Object.fromEntries(entities.map((entity) => [entity.name, entity])), layouts: {}, processes: {} });

describe('rollbackBundle', () => {
  const before = bundleOf(contract([{ name: 'title', type: 'string' }, { name: 'contractValue', type: 'currency' }]));
  const renamed = bundleOf(contract([{ name: 'title', type: 'string' }, { name: 'annualValue', type: 'currency', renamedFrom: 'contractValue' }, { name: 'notes', type: 'text' }]));

  it('renames a field back instead of adding an empty column and retiring the one with the data', () => {
    const target = rollbackBundle(renamed, before);
    expect(target.entities.contract?.fields[1]).toEqual({ name: 'contractValue', type: 'currency', renamedFrom: 'annualValue' });
    const plan = planMigration(compileTablePlans(renamed), compileTablePlans(target), { toVersion: 4 });
    expect(plan.steps.map((step) => step.kind)).toEqual(['renameColumn', 'retireColumn']);
    expect(plan.steps.filter((step) => step.destructive).map((step) => step.kind)).toEqual(['retireColumn']);
    // The plain target would have lost the values:
    const naive = planMigration(compileTablePlans(renamed), compileTablePlans(before), { toVersion: 4 });
    expect(naive.steps.map((step) => step.kind)).toContain('addColumn');
  });

  it('renames an entity back, with its fields', () => {
    const live = bundleOf(contract([{ name: 'amount', type: 'currency', renamedFrom: 'value' }], { name: 'agreement', renamedFrom: 'contract' }));
    const target = rollbackBundle(live, bundleOf(contract([{ name: 'value', type: 'currency' }])));
    expect(target.entities.contract).toMatchObject({ renamedFrom: 'agreement', fields: [{ name: 'value', renamedFrom: 'amount' }] });
  });

  it('leaves a target alone when nothing was renamed since, or the old name is still a field', () => {
    expect(rollbackBundle(before, before)).toEqual(before);
    const both = bundleOf(contract([{ name: 'contractValue', type: 'currency' }, { name: 'annualValue', type: 'currency' }]));
    expect(rollbackBundle(renamed, both).entities.contract?.fields).toEqual(both.entities.contract?.fields);
    expect(rollbackBundle(null, before)).toBe(before);
  });
});
