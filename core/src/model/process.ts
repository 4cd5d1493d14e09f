// Process documents: the statechart format the workflow engine compiles to XState v5.
// Guards and actions are referenced by name with JSON parameters, never as code.
import type { LocalisedText } from './label';

export interface NamedCall {
  /** Registry key of a built-in or a pack hook, e.g. "fieldsFilled", "setFields". */
  name: string;
  params?: Record<string, unknown>;
}

export interface TransitionDefinition {
  /** Target state id (a sibling name or a dotted path from the root). Absent: stays, runs actions only. */
  target?: string;
  label?: LocalisedText;
  guards?: NamedCall[];
  actions?: NamedCall[];
}

/**
 * A delay: an ISO 8601 duration ("PT4H", "P2D"), business hours, or a date field with an offset.
 */
export type TimerDelay =
  | { duration: string }
  | { businessHours: number; calendar?: string }
  | { field: string; offset?: string };

export interface TimerDefinition {
  name: string;
  delay: TimerDelay;
  target?: string;
  guards?: NamedCall[];
  actions?: NamedCall[];
}

export interface StateDefinition {
  /** atomic (default when no `states`), compound (has `states`), parallel, or final. */
  type?: 'atomic' | 'compound' | 'parallel' | 'final';
  label?: LocalisedText;
  /** What a user should do in this state. */
  guidance?: LocalisedText;
  /** Win probability (0–100) for sales stages. */
  probability?: number;
  /** Initial child state of a compound state. */
  initial?: string;
  states?: Record<string, StateDefinition>;
  /** Fields that must be filled to enter or to leave this state. */
  requiredFields?: { enter?: string[]; leave?: string[] };
  on?: Record<string, TransitionDefinition | TransitionDefinition[]>;
  after?: TimerDefinition[];
  entry?: NamedCall[];
  exit?: NamedCall[];
}

export interface ProcessDocument {
  $schema?: string;
  kind: 'process';
  name: string;
  label?: LocalisedText;
  description?: LocalisedText;
  /** The entity whose records run this process. */
  entity: string;
  /** An enum field of the entity that mirrors the current top-level state. */
  stageField: string;
  initial: string;
  states: Record<string, StateDefinition>;
}
