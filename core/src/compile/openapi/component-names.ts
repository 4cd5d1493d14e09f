// Names of each entity's schema components (`Account`, `AccountCreate`, `AccountUpdate`,
// `AccountList`), made unique even when an entity is called, say, `accountList`.

export interface EntityComponentNames {
  read: string;
  create: string;
  update: string;
  list: string;
}

export function pascalCaseOf(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Assigns names entity by entity in name order; a taken name gets a numeric suffix. */
export function entityComponentNames(entityNames: readonly string[], reserved: readonly string[]): Map<string, EntityComponentNames> {
  const taken = new Set(reserved);
  const preferred = new Set(entityNames.map(pascalCaseOf));
  const claim = (name: string, isBase: boolean): string => {
    // A base name is the entity's own; suffixed names must not steal another entity's base name.
    let candidate = name;
    for (let suffix = 2; taken.has(candidate) || (!isBase && preferred.has(candidate)); suffix += 1) candidate = `${name}${suffix}`;
    taken.add(candidate);
    return candidate;
  };
  const names = new Map<string, EntityComponentNames>();
  for (const entityName of [...entityNames].sort()) {
    const base = pascalCaseOf(entityName);
    names.set(entityName, { read: claim(base, true), create: claim(`${base}Create`, false), update: claim(`${base}Update`, false), list: claim(`${base}List`, false) });
  }
  return names;
}
