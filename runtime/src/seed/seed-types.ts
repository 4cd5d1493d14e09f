// The seed format: demo data described as data. A pack's `seed/` folder holds `pools.json`
// (the seed's name and its word pools) and steps `NN-<what>.json`, run in file-name order. A
// step makes `count` records of one entity (or, with `forEach`, a few children per record of an
// earlier step), each field from a generator; records that sit at a later process stage reach
// it through the process's own events. Every value comes from a PRNG seeded by the record's key,
// so the same seed gives the same data on every machine.

/** A value generator; exactly one of the shapes below (checked when the seed is loaded). */
export type SeedGenerator =
  | { value: unknown }
  | { pick: unknown[]; weights?: number[] }
  | { cycle: unknown[] }
  | { pool: string }
  | { template: string }
  | { integer: [number, number] }
  | { number: [number, number]; step?: number }
  | { date: [number, number]; of?: string }
  | { datetime: [number, number]; of?: string; hours?: [number, number]; minuteStep?: number }
  | { minutesAfter: string; minutes: [number, number]; step?: number }
  | { ref: string; match?: Record<string, string>; where?: Record<string, unknown[]> }
  | { user: string[]; weights?: number[] }
  | { expr: string }
  | { maybe: number; then: SeedGenerator }
  | { when: string; then: SeedGenerator; else?: SeedGenerator };

export type SeedFields = Record<string, SeedGenerator>;

/** How a record reaches its stage: the events sent, in order, after the create. */
export interface SeedProcessPath {
  events: string[];
  /** Sent with the last event (e.g. the lost reason with LOSE). */
  data?: SeedFields;
  /** Generators that replace the step's for records on this path (e.g. a past close date for won deals). */
  fields?: SeedFields;
}

export interface SeedProcess {
  /** The stage field: generated first from `target`, never written by the create. */
  field: string;
  target: SeedGenerator;
  /** Target stage → its path; a target without one stays where the create put it. */
  paths: Record<string, SeedProcessPath>;
  /** A date field: the events of a record whose path ends in a final state happen by that date. */
  until?: string;
  /** Final target stages (their last event is at `until`). */
  final?: string[];
}

export interface SeedStep {
  entity: string;
  /** Names the step for refs and record keys (default: the entity). */
  key?: string;
  count?: number;
  /** Instead of count: for each record of an earlier step (matching `where`), `count` children; `parent` in expressions. */
  forEach?: { ref: string; count: [number, number]; where?: Record<string, unknown[]> };
  /**
   * In order. `createdAt` sets the record's creation time (the seed's clock); names starting
   * with `_` are helpers for later generators. Neither is written.
   */
  fields: SeedFields;
  process?: SeedProcess;
}

export interface SeedPools {
  /** The seed's identity: record keys start with it, so a renamed seed is a new one. */
  name: string;
  pools: Record<string, string[]>;
}

export interface SeedDefinition extends SeedPools {
  steps: Array<SeedStep & { file: string }>;
}
