// Meta-schema of process documents (processes/*.json): a statechart with named guards and actions.
import type { JsonSchema } from '../compile/json-schema';
import { WEEKDAYS, type BusinessCalendar, type NamedCall, type ProcessDocument, type StateDefinition, type TimerDefinition, type TimerDelay, type TimerReminder, type TransitionDefinition } from '../model/process';
import {
  CALL_NAME_PATTERN, COMMON_DEFINITIONS, DATE_PATTERN, DURATION_PATTERN, EVENT_NAME_PATTERN, META_SCHEMA_BASE_URI, META_SCHEMA_DIALECT, OPTION_VALUE_PATTERN,
  IDENTIFIER_PATTERN, LOCAL_TIME_PATTERN, SCHEMA_PROPERTY, SIGNED_DURATION_PATTERN, ref, stringList, type SchemaPropertiesOf,
} from './common';

/** Keys of every member of a union (keyof a union only gives the shared ones). */
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

const STATE_NAME: JsonSchema = { pattern: OPTION_VALUE_PATTERN, maxLength: 100 };
const EVENT_NAME: JsonSchema = { pattern: EVENT_NAME_PATTERN, maxLength: 100 };
const TARGET: JsonSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$',
  description: 'Target state: a sibling name or a dotted path from the root, e.g. "negotiation.review".',
};
const CALLS = (description: string): JsonSchema => ({ type: 'array', items: ref('namedCall'), description });

const NAMED_CALL_PROPERTIES = {
  name: { type: 'string', description: 'Registry key, e.g. "fieldsFilled", "setFields", "notify".', pattern: CALL_NAME_PATTERN, maxLength: 100 },
  params: { type: 'object', description: 'Parameters passed to the guard or action.' },
} satisfies SchemaPropertiesOf<NamedCall>;

const TRANSITION_PROPERTIES = {
  target: TARGET,
  label: ref('localisedText', 'Button label for this transition.'),
  guards: CALLS('All must allow the transition.'),
  actions: CALLS('Run after the transition, in order.'),
} satisfies SchemaPropertiesOf<TransitionDefinition>;

const TIMER_DELAY_PROPERTIES = {
  duration: { type: 'string', pattern: DURATION_PATTERN, description: 'ISO 8601 duration, e.g. "PT4H", "P2D".' },
  businessHours: { type: 'number', exclusiveMinimum: 0, description: 'Business hours on the calendar.' },
  calendar: { type: 'string', minLength: 1, description: 'Business-hours calendar name (default: the default calendar).' },
  field: ref('identifier', 'A date or datetime field of the record.'),
  offset: { type: 'string', pattern: SIGNED_DURATION_PATTERN, description: 'ISO 8601 duration added to the field\'s value; "-P1D" is a day before.' },
} satisfies { [K in KeysOfUnion<TimerDelay>]-?: JsonSchema };

const REMINDER_PROPERTIES = {
  name: ref('identifier', 'Reminder name, unique among the timers and reminders of the state.'),
  percent: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100, description: 'When the reminder fires, as a percentage of the timer\'s span (75 = three quarters of the SLA).' },
  actions: CALLS('Run when the reminder fires.'),
} satisfies SchemaPropertiesOf<TimerReminder>;

const TIMER_PROPERTIES = {
  name: ref('identifier', 'Timer name, unique within the state.'),
  delay: ref('timerDelay'),
  target: TARGET,
  guards: CALLS('All must allow the timer to act when it fires.'),
  actions: CALLS('Run when the timer fires.'),
  branches: { type: 'array', items: ref('transition'), minItems: 1, description: 'Instead of target, guards and actions: guarded transitions tried in order when the timer fires.' },
  pausedIn: stringList(TARGET, 'States in which the clock stops (a descendant of this state, or a dotted path from the root); it resumes with the time left.'),
  reminders: { type: 'array', items: ref('timerReminder'), description: 'Actions-only reminders at a percentage of the span, sharing the timer\'s clock.' },
  restartOn: stringList({ ...EVENT_NAME, type: 'string' }, 'Events that restart the timer without leaving the state, e.g. "ACTIVITY".'),
} satisfies SchemaPropertiesOf<TimerDefinition>;

const OPENING_HOURS: JsonSchema = {
  type: 'array',
  description: 'Opening intervals of the day as local ["HH:MM", "HH:MM"] pairs, in order, e.g. [["09:00", "12:00"], ["13:00", "17:00"]].',
  items: { type: 'array', items: { type: 'string', pattern: LOCAL_TIME_PATTERN }, minItems: 2, maxItems: 2 },
};

const CALENDAR_PROPERTIES = {
  label: ref('localisedText'),
  timeZone: { type: 'string', minLength: 1, description: 'IANA time zone, e.g. "Europe/Berlin" or "Asia/Shanghai".' },
  weekly: {
    type: 'object',
    description: 'Opening hours by weekday (mon … sun); a missing day is closed.',
    properties: Object.fromEntries(WEEKDAYS.map((day) => [day, OPENING_HOURS])),
    additionalProperties: false,
  },
  holidays: stringList({ type: 'string', pattern: DATE_PATTERN }, 'Closed dates (YYYY-MM-DD in the calendar\'s time zone).'),
} satisfies SchemaPropertiesOf<BusinessCalendar>;

const STATE_PROPERTIES = {
  type: { enum: ['atomic', 'compound', 'parallel', 'final'], description: 'Default: compound when `states` is given, else atomic.' },
  label: ref('localisedText'),
  guidance: ref('localisedText', 'What a user should do in this state.'),
  probability: { type: 'number', minimum: 0, maximum: 100, description: 'Win probability (0–100) for sales stages.' },
  initial: { ...STATE_NAME, type: 'string', description: 'Initial child state of a compound state.' },
  states: ref('states', 'Child states (compound or parallel state).'),
  requiredFields: {
    type: 'object',
    description: 'Fields that must be filled to enter or to leave this state.',
    properties: {
      enter: stringList(ref('identifier'), 'Filled before entering.'),
      leave: stringList(ref('identifier'), 'Filled before leaving.'),
    },
    additionalProperties: false,
  },
  on: {
    type: 'object',
    description: 'Transitions by event name; a list is tried in order (first whose guards pass).',
    propertyNames: EVENT_NAME,
    additionalProperties: ref('transitionOrList'),
  },
  after: { type: 'array', items: ref('timer'), description: 'Durable timers armed on entering this state.' },
  entry: CALLS('Actions run on entering this state.'),
  exit: CALLS('Actions run on leaving this state.'),
} satisfies SchemaPropertiesOf<StateDefinition>;

const PROCESS_PROPERTIES = {
  $schema: SCHEMA_PROPERTY,
  kind: { const: 'process', description: 'Always "process".' },
  name: ref('identifier', 'camelCase process name, unique in the bundle.'),
  label: ref('localisedText'),
  description: ref('localisedText'),
  entity: ref('identifier', 'The entity whose records run this process.'),
  stageField: ref('identifier', 'An enum field of the entity mirroring the current top-level state; its options are the state names.'),
  initial: { ...STATE_NAME, type: 'string', description: 'The top-level state new records start in.' },
  states: ref('states', 'Top-level states (the stages).'),
  calendars: {
    type: 'object',
    description: 'Business-hours calendars by name; a `businessHours` delay without `calendar` uses "default".',
    propertyNames: { pattern: IDENTIFIER_PATTERN },
    additionalProperties: ref('businessCalendar'),
  },
} satisfies SchemaPropertiesOf<ProcessDocument>;

export const PROCESS_META_SCHEMA: JsonSchema = {
  $schema: META_SCHEMA_DIALECT,
  $id: `${META_SCHEMA_BASE_URI}process.schema.json`,
  title: 'Stagecraft process',
  description: 'A statechart run by the records of one entity; compiled to an XState v5 machine.',
  type: 'object',
  properties: PROCESS_PROPERTIES,
  required: ['kind', 'name', 'entity', 'stageField', 'initial', 'states'],
  additionalProperties: false,
  $defs: {
    ...COMMON_DEFINITIONS,
    namedCall: {
      type: 'object',
      description: 'A guard or action from the registry (built-in or pack hook), configured with JSON parameters.',
      properties: NAMED_CALL_PROPERTIES,
      required: ['name'],
      additionalProperties: false,
    },
    states: { type: 'object', propertyNames: STATE_NAME, additionalProperties: ref('state'), minProperties: 1 },
    state: { type: 'object', properties: STATE_PROPERTIES, additionalProperties: false },
    transition: { type: 'object', properties: TRANSITION_PROPERTIES, additionalProperties: false },
    // Object keywords apply to objects only and `items` to arrays only: one schema accepts both
    // forms without a oneOf, so a mistake yields one message instead of one per branch.
    transitionOrList: {
      type: ['object', 'array'],
      description: 'A transition, or a list of guarded transitions tried in order.',
      properties: TRANSITION_PROPERTIES,
      additionalProperties: false,
      items: ref('transition'),
      minItems: 1,
    },
    timer: { type: 'object', properties: TIMER_PROPERTIES, required: ['name', 'delay'], additionalProperties: false },
    timerReminder: { type: 'object', properties: REMINDER_PROPERTIES, required: ['name', 'percent'], additionalProperties: false },
    businessCalendar: { type: 'object', properties: CALENDAR_PROPERTIES, required: ['timeZone', 'weekly'], additionalProperties: false },
    timerDelay: {
      type: 'object',
      description: 'Exactly one of: `duration`, `businessHours` (with an optional `calendar`), or `field` (with an optional `offset`).',
      properties: TIMER_DELAY_PROPERTIES,
      additionalProperties: false,
      dependentRequired: { calendar: ['businessHours'], offset: ['field'] },
      oneOf: [{ required: ['duration'] }, { required: ['businessHours'] }, { required: ['field'] }],
    },
  },
};
