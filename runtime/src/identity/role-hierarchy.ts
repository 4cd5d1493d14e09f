// The role tree, from the `role` records: which role names a user holds and which sit below
// them. Pure; a cycle in bad data ends the walk instead of looping.

export interface RoleNode {
  id: string;
  name: string;
  parent: string | null;
}

/** Names of every role strictly below the given role ids (children, grandchildren, …), sorted. */
export function subordinateRoleNames(roles: readonly RoleNode[], roleIds: readonly string[]): string[] {
  const children = new Map<string, RoleNode[]>();
  for (const role of roles) {
    if (role.parent === null) continue;
    const list = children.get(role.parent) ?? [];
    list.push(role);
    children.set(role.parent, list);
  }
  const held = new Set(roleIds);
  const below = new Set<string>();
  const visited = new Set<string>(roleIds);
  const queue = [...roleIds];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of children.get(id) ?? []) {
      if (visited.has(child.id)) continue;
      visited.add(child.id);
      if (!held.has(child.id)) below.add(child.name);
      queue.push(child.id);
    }
  }
  return [...below].sort();
}

export function roleNamesOf(roles: readonly RoleNode[], roleIds: readonly string[]): string[] {
  const wanted = new Set(roleIds);
  return roles.filter((role) => wanted.has(role.id)).map((role) => role.name);
}
