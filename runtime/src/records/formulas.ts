// Write phase: formula fields are computed from the merged record (in declaration order, so a
// formula may use an earlier one) and stored in their columns, where lists can sort and filter.
import { ValidationError, type Problem } from '@stagecraft/core';
import type { CompiledEntity } from '../live/compiled-types';
import { pointerSegment } from './validation-problems';

export function computeFormulas(entity: CompiledEntity, record: Record<string, unknown>, now: Date): void {
  const problems: Problem[] = [];
  for (const formula of entity.formulas) {
    const result = formula.evaluate(record, now);
    if (result.ok) record[formula.field.name] = result.value ?? null;
    else problems.push({ path: `/${pointerSegment(formula.field.name)}`, message: `could not be computed: ${result.message ?? 'the expression failed'}`, code: 'formula' });
  }
  if (problems.length > 0) throw new ValidationError(`The ${entity.name} record's formulas could not be computed`, problems);
}
