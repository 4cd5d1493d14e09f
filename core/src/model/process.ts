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

/** An actions-only reminder fired at a percentage of its timer's span (e.g. 75 % of an SLA). */
export interface TimerReminder {
  name: string;
  /** Between 0 and 100 (exclusive): when the reminder fires, as a share of the timer's span. */
  percent: number;
  actions?: NamedCall[];
}

export interface TimerDefinition {
  name: string;
  delay: TimerDelay;
  target?: string;
  guards?: NamedCall[];
  actions?: NamedCall[];
  /**
   * States in which the timer's clock stops (an SLA waiting for the customer): a descendant of the
   * timer's state ("waitingForCustomer") or a dotted path from the root. It resumes with the time left.
   */
  pausedIn?: string[];
  /**
   * Instead of target/guards/actions: guarded transitions tried in order when the timer fires,
   * e.g. "responded → follow-up, otherwise → reminder".
   */
  branches?: TransitionDefinition[];
  reminders?: TimerReminder[];
  /** Events that restart the timer without leaving its state, e.g. "ACTIVITY" for a stale-deal timer. */
  restartOn?: string[];
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Opening hours of one day as local ["HH:MM", "HH:MM"] pairs, e.g. [["09:00", "12:00"], ["13:00", "17:00"]]. */
export type OpeningHours = Array<[string, string]>;

/** Business hours for SLA clocks: weekly opening hours in a time zone, minus holidays. */
export interface BusinessCalendar {
  label?: LocalisedText;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  weekly: Partial<Record<Weekday, OpeningHours>>;
  /** Closed dates (YYYY-MM-DD, local to the time zone). */
  holidays?: string[];
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
  /** Business-hours calendars by name; a `businessHours` delay without `calendar` uses "default". */
  calendars?: Record<string, BusinessCalendar>;
}
