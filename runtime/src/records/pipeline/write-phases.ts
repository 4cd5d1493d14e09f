// The names of the record-write phases, in the order they run, and the kinds of write that run
// them. Both are data: a path names its kind, the skip table (skipped-phases.ts) says which
// phases that kind leaves out, and capabilities register a `run` under one of these names.
export const WRITE_KINDS = ['create', 'update', 'delete', 'transition', 'timer', 'merge', 'reassign', 'assign', 'convert'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/**
 * Inside the write's transaction, in this order. The order is the contract between capabilities:
 * locks before reads (MySQL deadlocks otherwise), checks before the row is written, follow-ups
 * (roll-ups, overlaps, links, audit) after it.
 */
export const PHASE_NAMES = [
  /** Create: refuse a record matching an existing one (takes the rule values' write locks first). */
  'duplicates',
  /** Lock the roll-up parents of the record before anything reads it. */
  'lockRollupParents',
  /** The path's own locking read and decision (current row, merged values, process step). */
  'load',
  /** References and user fields being written must name existing records. */
  'references',
  /** Create: autonumber fields take their counters' next values. */
  'autonumbers',
  /** Create: assignment rules route a record sent without an assignee. */
  'assignmentRules',
  /** Create: the workflow engine sets the stage and entry fields before the INSERT. */
  'prepareProcesses',
  /** Formula fields computed from the record as it will be stored. */
  'formulas',
  /** The row itself: INSERT, `UPDATE … WHERE id = ? AND version = ?`, or DELETE with its cascade. */
  'write',
  /** Create: the record's processes start (instance rows, first step, timers, signals). */
  'startProcesses',
  /** Roll-up fields of the parents recomputed. */
  'refreshRollups',
  /** Transition and timer: the process step's snapshot, log, audit row, effects and timers. */
  'persistStep',
  /** No other record of an overlap rule's scope may share the record's range. */
  'overlapRules',
  /** Timers due at a date field that changed follow it. */
  'moveFieldTimers',
  /** Many-to-many link rows replaced (or added, on create). */
  'links',
  /** The record's audit row. */
  'audit',
  /** A `permissionChange` audit row when an access-deciding identity field changed. */
  'membershipAudit',
  /** A user whose `active` flag changed loses every session and token. */
  'endCredentials',
] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];
