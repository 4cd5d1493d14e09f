// What compileProcess produces: the XState machine plus the tables the pure engine reads (every
// transition with its guards, actions and entered states; every timer with its clock).
import type { AnyStateMachine } from 'xstate';
import type { EntityDocument } from '../../model/entity';
import type { LocalisedText } from '../../model/label';
import type { BusinessCalendar, ProcessDocument, TimerDelay } from '../../model/process';
import type { ProcessRegistry } from '../registry/registry-types';
import type { StateNodeInfo, StateTree, TransitionScope } from './state-tree';
import type { TimerKey } from './timer-keys';

export interface CompiledCall {
  name: string;
  params: Record<string, unknown>;
  /** JSON Pointer of the call in the process document, e.g. "/states/proposal/entry/0". */
  pointer: string;
}

/** event: a user event; timer / reminder: a durable timer firing; restart: an event restarting timers. */
export type TransitionKind = 'event' | 'timer' | 'reminder' | 'restart';

export interface CompiledTransition {
  /** JSON Pointer of the transition (or timer) in the document; unique. */
  id: string;
  kind: TransitionKind;
  /** The event type the machine listens to (a per-key internal type for timers). */
  event: string;
  source: StateNodeInfo;
  target?: StateNodeInfo;
  label: LocalisedText;
  guards: CompiledCall[];
  actions: CompiledCall[];
  /** Present when the transition has a target: what it exits and enters (for required fields). */
  scope?: TransitionScope;
  /** The timers a timer/reminder transition fires, or a restart transition restarts. */
  timers: TimerKey[];
}

export interface CompiledTimer {
  key: TimerKey;
  /** Path of the state that arms it. */
  state: string;
  timer: string;
  reminder?: string;
  /** For a reminder: the share of its timer's span, and its timer's key. */
  percent?: number;
  mainKey: TimerKey;
  delay: TimerDelay;
  /** Resolved state paths in which the clock stops. */
  pausedIn: readonly string[];
  /** Set for business-hours clocks. */
  calendar?: BusinessCalendar;
  calendarName?: string;
}

export interface CompiledProcess {
  name: string;
  document: ProcessDocument;
  /** The entity the process is bound to, when the bundle was given (labels for reasons). */
  entity?: EntityDocument;
  registry: ProcessRegistry;
  tree: StateTree;
  transitions: ReadonlyMap<string, CompiledTransition>;
  timers: ReadonlyMap<TimerKey, CompiledTimer>;
  /** Timers (and reminders) each state arms on entry, by state path. */
  timersByState: ReadonlyMap<string, readonly CompiledTimer[]>;
  machine: AnyStateMachine;
}
