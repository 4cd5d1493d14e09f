// The role hierarchy as the studio draws it: depth-first from the roles without a parent, each
// child under its parent, one level of indent per step. A role whose parent is missing starts a
// tree of its own; a cycle (the server refuses one, but data may predate that) is cut where it closes.
export interface RoleLike {
  id: string;
  name: string;
  parent: string | null;
}

export function rolesAsTree<R extends RoleLike>(roles: readonly R[]): Array<{ role: R; depth: number }> {
  const ids = new Set(roles.map((role) => role.id));
  const children = new Map<string | null, R[]>();
  for (const role of roles) {
    const parent = role.parent !== null && ids.has(role.parent) && role.parent !== role.id ? role.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), role]);
  }
  const ordered: Array<{ role: R; depth: number }> = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number): void => {
    for (const role of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(role.id)) continue;
      seen.add(role.id);
      ordered.push({ role, depth });
      visit(role.id, depth + 1);
    }
  };
  visit(null, 0);
  // Roles only reachable through a cycle: shown at the top level rather than lost.
  for (const role of roles) {
    if (!seen.has(role.id)) {
      seen.add(role.id);
      ordered.push({ role, depth: 0 });
      visit(role.id, 1);
    }
  }
  return ordered;
}

/** The role and every role beneath it (none of them can become its parent). */
export function roleAndBelow(roles: readonly RoleLike[], id: string): Set<string> {
  const below = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const role of roles) {
      if (role.parent !== null && below.has(role.parent) && !below.has(role.id)) {
        below.add(role.id);
        grew = true;
      }
    }
  }
  return below;
}
