// Problems by where they belong: a validator's path (`/entities/account/fields/2/type`) is matched
// against the element the studio shows, so each message appears beside its field row, entity or
// section instead of in one list at the top.
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
