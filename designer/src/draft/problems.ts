// Problems by where they belong: a validator's path (`/entities/account/fields/2/type`) is matched
// against the element the studio shows, so each message appears beside its field row, entity or
// section instead of in one list at the top.
import type { MetadataBundle } from '@stagecraft/core';
import { columnNameOf, tableNameOf } from '@stagecraft/core/naming';
import type { ProblemDetail } from '../api/client';

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pathOf(...segments: Array<string | number>): string {
  return segments.map((segment) => `/${escapeSegment(String(segment))}`).join('');
}

/** The problems at `path` or below it. */
export function problemsUnder(problems: readonly ProblemDetail[], path: string): ProblemDetail[] {
  return problems.filter((problem) => problem.path === path || problem.path.startsWith(`${path}/`));
}

/**
 * The migration planner names what it refuses by table and column (`/service_contract/notes`): such
 * a problem is moved to the field it concerns (`/entities/serviceContract/fields/3`), so a refused
 * type change shows on the field's row with the planner's advice.
 */
export function locatePlanProblems(bundle: MetadataBundle, problems: readonly ProblemDetail[]): ProblemDetail[] {
  const fieldsByColumn = new Map<string, string>();
  for (const entity of Object.values(bundle.entities)) {
    entity.fields.forEach((field, index) => fieldsByColumn.set(`/${tableNameOf(entity.name)}/${columnNameOf(field.name)}`, pathOf('entities', entity.name, 'fields', index)));
  }
  return problems.map((problem) => {
    const located = fieldsByColumn.get(problem.path);
    return located === undefined ? problem : { ...problem, path: located };
  });
}
