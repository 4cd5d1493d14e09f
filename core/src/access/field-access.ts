// Field access of one entity for a set of grants: the most permissive level the grants give
// (hidden < readOnly < editable), where a grant silent on a field gives the default — except that
// a field some grant hides stays hidden unless a grant names it readable: an entity-wide grant
// (`"user": {"read": true}`) must not un-hide what another set deliberately hides. The owner field
// is read-only unless a grant makes it editable (assigning owners is a privilege), and a formula
// reading a hidden field is hidden too — its value would reveal what it reads.
import { compileExpression } from '../expr';
import { SYSTEM_FIELDS, type EntityDocument } from '../model/entity';
import type { EntityPermission, FieldAccessLevel } from '../model/permission';

const RANK: Readonly<Record<FieldAccessLevel, number>> = { hidden: 0, readOnly: 1, editable: 2 };
const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

export function mostPermissive(levels: readonly FieldAccessLevel[]): FieldAccessLevel {
  return levels.reduce<FieldAccessLevel>((best, level) => (RANK[level] > RANK[best] ? level : best), 'hidden');
}

export function leastPermissive(a: FieldAccessLevel, b: FieldAccessLevel): FieldAccessLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

export interface FieldAccessInput {
  entity: EntityDocument;
  /** The grants of every permission entry for this entity (several roles, several sets). */
  grants: readonly EntityPermission[];
  /** Whether anything (a grant or a sharing rule) gives access to the entity at all. */
  hasAccess: boolean;
  ownerField: string | undefined;
  /** Forced to at most read-only (a partner's partner field). */
  readOnlyFields: readonly string[];
}

/** Member name → level, for every field and relation of the entity and the system fields. */
export function compileFieldAccess(input: FieldAccessInput): Map<string, FieldAccessLevel> {
  const { entity, grants, hasAccess, ownerField } = input;
  const levels = new Map<string, FieldAccessLevel>();
  for (const name of SYSTEM_FIELD_NAMES) levels.set(name, hasAccess ? 'readOnly' : 'hidden');
  // Relations are record properties too (expand, many-to-many ids), so a grant may hide them.
  const memberNames = [...entity.fields.map((field) => field.name), ...(entity.relations ?? []).map((relation) => relation.name)];
  for (const name of memberNames) {
    const fallback: FieldAccessLevel = name === ownerField ? 'readOnly' : 'editable';
    levels.set(name, hasAccess ? combinedLevel(grants, name, fallback) : 'hidden');
  }
  for (const name of input.readOnlyFields) {
    const level = levels.get(name);
    if (level !== undefined) levels.set(name, leastPermissive(level, 'readOnly'));
  }
  hideFormulasReadingHiddenFields(entity, levels);
  return levels;
}

/**
 * The one combination rule of field access across grants (several sets, several roles):
 * - no grant names the field → its default (also with access through sharing rules alone);
 * - some grant names it `hidden` → only the levels grants name count (the most permissive), so it
 *   stays hidden unless a grant names it `readOnly` or `editable`;
 * - otherwise → the most permissive of the named levels and the silent grants' default.
 */
export function combinedLevel(grants: readonly EntityPermission[], field: string, fallback: FieldAccessLevel): FieldAccessLevel {
  const named = grants.flatMap((grant) => (grant.fields !== undefined && Object.hasOwn(grant.fields, field) ? [grant.fields[field] as FieldAccessLevel] : []));
  if (named.includes('hidden')) return mostPermissive(named);
  const silent = grants.length > named.length || grants.length === 0;
  return mostPermissive(silent ? [...named, fallback] : named);
}

function hideFormulasReadingHiddenFields(entity: EntityDocument, levels: Map<string, FieldAccessLevel>): void {
  const formulas = entity.fields.flatMap((field) => (field.type === 'formula' ? [{ name: field.name, reads: readsOf(field.expression) }] : []));
  // A formula may read another formula, so repeat until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const formula of formulas) {
      if (levels.get(formula.name) === 'hidden') continue;
      if (formula.reads === null || formula.reads.some((name) => levels.get(name) === 'hidden')) {
        levels.set(formula.name, 'hidden');
        changed = true;
      }
    }
  }
}

/** What a formula reads; null when it does not compile (validation rejects that; hide it to be safe). */
function readsOf(expression: string): readonly string[] | null {
  try {
    return compileExpression(expression).identifiers;
  } catch {
    return null;
  }
}
