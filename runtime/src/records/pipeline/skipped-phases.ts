// Which phases each kind of write leaves out, and why. A phase not listed here runs on every
// kind (it may still find nothing to do: an entity without overlap rules, a write touching no
// date field). Changing a line here changes what a path does; the reason must keep holding.
import type { PhaseName, WriteKind } from './write-phases';

type Skips = Readonly<Partial<Record<PhaseName, string>>>;

/** Phases only a create has: an existing record is numbered, routed and started already. */
const CREATE_ONLY: Skips = {
  duplicates: 'duplicate rules refuse new records; existing duplicates are resolved by merging',
  autonumbers: 'a record is numbered once, when created',
  prepareProcesses: 'processes start when the record is created',
  startProcesses: 'processes start when the record is created',
};

/** A process step decides the record's values and writes its own audit row and timers. */
const PROCESS_STEP: Skips = {
  ...CREATE_ONLY,
  assignmentRules: 'a step assigns owners through its assignOwner effect',
  moveFieldTimers: 'the step arms the timers of the states it enters from the values it writes (persistStep); re-timing a clock it leaves running was never done here and stays so',
  links: 'a step sets fields only, never many-to-many links',
  audit: 'the step writes one `transition` audit row with the field changes (persistStep)',
};

/** Changing an existing record's owner (handover, re-running the rules). */
const OWNER_CHANGE: Skips = {
  ...CREATE_ONLY,
  persistStep: 'no process step is taken',
  overlapRules: 'the range does not move; a clash in the new owner\'s calendar is theirs to resolve, as for the records a handover carries',
  links: 'only the owner changes',
};

export const SKIPPED_PHASES: Readonly<Record<WriteKind, Skips>> = {
  create: {
    persistStep: 'a create starts processes (startProcesses) rather than stepping one',
    moveFieldTimers: 'the processes it starts arm their timers from the new record\'s values',
    membershipAudit: 'the create audit row holds a new user\'s role and team; permissionChange rows record changes of existing access',
    endCredentials: 'a new user has no sessions or tokens yet',
  },
  update: {
    ...CREATE_ONLY,
    assignmentRules: 'rules route a record when it is created, or again on request (assign)',
    persistStep: 'a PATCH takes no process step (the workflow refuses stage changes in it)',
  },
  delete: {
    ...CREATE_ONLY,
    references: 'nothing is written that could refer to anything',
    assignmentRules: 'nothing is left to route',
    formulas: 'no row remains to compute them for',
    persistStep: 'the record\'s process state goes with it (the workflow\'s beforeDelete hook)',
    overlapRules: 'removing a record frees its range',
    moveFieldTimers: 'its timers are deleted with its process state',
    links: 'the cascade removes link rows on both sides',
    membershipAudit: 'the delete audit row holds every value the record had',
    endCredentials: 'no `active` flag changes: the row is gone',
  },
  transition: PROCESS_STEP,
  timer: PROCESS_STEP,
  merge: {
    ...CREATE_ONLY,
    references: 'the survivor\'s values come from the merged records, read in this transaction (references to the losers are repointed)',
    assignmentRules: 'the survivor keeps or picks an owner among the merged records',
    persistStep: 'no process step is taken',
  },
  reassign: {
    ...OWNER_CHANGE,
    references: 'the new owner is checked in load, as an active user (stricter than a reference check)',
    assignmentRules: 'the request names the new owner',
  },
  assign: {
    ...OWNER_CHANGE,
    references: 'the rules pick among existing users',
    assignmentRules: 'the path runs the rules itself, in load, to know whether the owner changes at all',
  },
  convert: {
    ...CREATE_ONLY,
    references: 'the link fields name the records produced in this transaction; `set` values are the metadata\'s',
    assignmentRules: 'the source keeps its owner',
    persistStep: 'no process step is taken',
    links: 'a conversion sets fields only',
  },
};

export function isSkipped(kind: WriteKind, phase: PhaseName): boolean {
  return SKIPPED_PHASES[kind][phase] !== undefined;
}
