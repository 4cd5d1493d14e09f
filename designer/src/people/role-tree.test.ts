/// <reference types="jest" />
// The studio's tsconfig knows no test runner; this unit test runs under the repository's Jest.
import { roleAndBelow, rolesAsTree } from './role-tree';

const roles = [
  { id: 'r', name: 'salesRep', parent: 'm' },
  { id: 'a', name: 'admin', parent: null },
  { id: 'm', name: 'salesManager', parent: 'a' },
  { id: 'f', name: 'fieldRep', parent: 'r' },
  { id: 'p', name: 'partner', parent: 'gone' },
  { id: 'x', name: 'loopA', parent: 'y' },
  { id: 'y', name: 'loopB', parent: 'x' },
];

describe('rolesAsTree', () => {
  it('orders roles depth-first under their parents, a missing parent as a root, a cycle cut where it closes', () => {
    expect(rolesAsTree(roles).map(({ role, depth }) => `${'-'.repeat(depth)}${role.name}`)).toEqual(['admin', '-salesManager', '--salesRep', '---fieldRep', 'partner', 'loopA', '-loopB']);
  });

  it('names a role and everything beneath it', () => {
    expect([...roleAndBelow(roles, 'm')].sort()).toEqual(['f', 'm', 'r']);
  });
});
