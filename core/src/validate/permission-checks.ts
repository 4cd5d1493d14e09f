// Rules for one permission set on its own: sharing rule names are unique, their filters have
// well-formed values, and field access is not declared for system fields (always read-only).
import { SYSTEM_FIELDS } from '../model/entity';
import type { PermissionSetDocument } from '../model/permission';
import type { Problem } from '../model/problem';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';
import { checkFilterValue } from './layout-checks';

const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS);

export function checkPermissionSet(permissionSet: PermissionSetDocument): Problem[] {
  const problems: Problem[] = [];
  for (const [entityName, permission] of Object.entries(permissionSet.entities)) {
    for (const fieldName of Object.keys(permission.fields ?? {})) {
      if (SYSTEM_FIELD_NAMES.has(fieldName)) {
        problems.push({ path: pointerOf('', 'entities', entityName, 'fields', fieldName), message: `"${fieldName}" is a system field: always visible and read-only`, code: 'systemField' });
      }
    }
  }
  const rules = permissionSet.sharingRules ?? [];
  rules.forEach((rule, index) => {
    rule.where.forEach((clause, position) => problems.push(...checkFilterValue(clause, pointerOf('', 'sharingRules', index, 'where', position))));
  });
  for (const duplicate of findDuplicates(rules, (rule) => rule.name)) {
    problems.push({ path: pointerOf('', 'sharingRules', duplicate.index, 'name'), message: `repeats the rule name "${duplicate.key}"`, code: 'duplicateName' });
  }
  return problems;
}
