/// <reference types="jest" />
import type { MetadataBundle } from '@stagecraft/core';
import { locatePlanProblems, pathOf, problemsUnder } from './problems';

const bundle: MetadataBundle = {
  packs: [],
  entities: { serviceContract: { kind: 'entity', name: 'serviceContract', label: 'Service contract', fields: [{ name: 'name', type: 'string' }, { name: 'contractValue', type: 'integer' }] } },
  layouts: {},
  processes: {},
};

describe('problems where they belong', () => {
  it('moves a refused column change onto the field it concerns, keeping the planner\'s advice', () => {
    const refused = { path: '/service_contract/contract_value', code: 'incompatibleType', message: 'cannot change from decimal(18,2) to bigint' };
    expect(locatePlanProblems(bundle, [refused, { path: '/entities/x/fields/0', message: 'kept' }])).toEqual([
      { ...refused, path: '/entities/serviceContract/fields/1' },
      { path: '/entities/x/fields/0', message: 'kept' },
    ]);
  });

  it('escapes path segments and finds the problems under an element', () => {
    expect(pathOf('layouts', 'a/b', 0)).toBe('/layouts/a~1b/0');
    const problems = [{ path: '/entities/a/fields/1', message: 'x' }, { path: '/entities/ab', message: 'y' }, { path: '/entities/a', message: 'z' }];
    expect(problemsUnder(problems, '/entities/a').map((problem) => problem.message)).toEqual(['x', 'z']);
  });
});
