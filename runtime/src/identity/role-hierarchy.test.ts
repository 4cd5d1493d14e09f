import { roleNamesOf, subordinateRoleNames, type RoleNode } from './role-hierarchy';

const roles: RoleNode[] = [
  { id: 'r-admin', name: 'admin', parent: null },
  { id: 'r-manager', name: 'salesManager', parent: 'r-admin' },
  { id: 'r-rep', name: 'salesRep', parent: 'r-manager' },
  { id: 'r-junior', name: 'juniorRep', parent: 'r-rep' },
  { id: 'r-support', name: 'supportAgent', parent: 'r-admin' },
];

describe('role hierarchy', () => {
  it('lists every role below, at any depth, and not the role itself or its siblings', () => {
    expect(subordinateRoleNames(roles, ['r-manager'])).toEqual(['juniorRep', 'salesRep']);
    expect(subordinateRoleNames(roles, ['r-admin'])).toEqual(['juniorRep', 'salesManager', 'salesRep', 'supportAgent']);
    expect(subordinateRoleNames(roles, ['r-support'])).toEqual([]);
    expect(subordinateRoleNames(roles, [])).toEqual([]);
  });

  it('stops at a cycle in bad data', () => {
    const cyclic: RoleNode[] = [
      { id: 'a', name: 'a', parent: 'b' },
      { id: 'b', name: 'b', parent: 'a' },
    ];
    expect(subordinateRoleNames(cyclic, ['a'])).toEqual(['b']);
  });

  it('names the roles held', () => {
    expect(roleNamesOf(roles, ['r-rep'])).toEqual(['salesRep']);
    expect(roleNamesOf(roles, ['missing'])).toEqual([]);
  });
});
