// The answer to creating a likely duplicate: 409 with code `duplicate`, a detail per candidate
// (at the path of the first field it matches on) and, beside the details, the candidates
// themselves so a client can offer "open it" or "merge". Only records the creator may read are named.
import { StagecraftError } from '@stagecraft/core';
import type { DuplicateCandidate } from './duplicate-matching';

/** The confirmation word a writer adds (`?confirm=duplicate`) to create a likely duplicate anyway. */
export const DUPLICATE_CONFIRMATION = 'duplicate';

export class DuplicateRecordError extends StagecraftError {
  readonly candidates: DuplicateCandidate[];

  constructor(entity: string, candidates: DuplicateCandidate[]) {
    super(
      'duplicate',
      409,
      `This ${entity} looks like ${candidates.length === 1 ? 'an existing record' : `${candidates.length} existing records`}; open ${candidates.length === 1 ? 'it' : 'one'} or confirm with ?confirm=${DUPLICATE_CONFIRMATION}`,
      candidates.map((candidate) => ({
        path: `/${candidate.fields[0] ?? ''}`,
        message: `${entity} "${candidate.id}"${candidate.label === null ? '' : ` (${candidate.label})`} has the same ${candidate.fields.join(' and ')}`,
        code: 'duplicate',
      })),
    );
    this.name = 'DuplicateRecordError';
    this.candidates = candidates;
  }
}
