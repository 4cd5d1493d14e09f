// Document rules for timers and calendars: names that become timer keys, paused-in states,
// restart events, branches and business-hours calendars.
import type { ProcessDocument, StateDefinition } from '../model/process';
import { validateDocument } from './document-validator';
import { resolvePauseState, statePathOf } from './process-timer-checks';
import { pathsAndCodes } from './testing/problems';

const HOURS: Array<[string, string]> = [['09:00', '17:00']];

function support(change: (process: ProcessDocument, open: StateDefinition) => void = () => undefined): ProcessDocument {
  const open: StateDefinition = {
    initial: 'pending',
    states: { pending: { on: { RESPOND: { target: 'answered' } } }, waiting: {}, answered: {} },
    after: [{ name: 'sla', delay: { businessHours: 4, calendar: 'office' }, pausedIn: ['waiting'], reminders: [{ name: 'nudge', percent: 75 }], restartOn: ['ACTIVITY'] }],
    on: { CLOSE: { target: 'closed' } },
  };
  const process: ProcessDocument = {
    kind: 'process', name: 'support', entity: 'ticket', stageField: 'status', initial: 'open',
    calendars: { office: { timeZone: 'Europe/Berlin', weekly: { mon: HOURS, tue: HOURS } } },
    states: { open, closed: { type: 'final' } },
  };
  change(process, open);
  return process;
}

describe('process timer and calendar rules', () => {
  it('accepts a well-formed SLA timer', () => {
    expect(validateDocument(support()).problems).toEqual([]);
  });

  it.each<[string, ProcessDocument, string[]]>([
    ['a reserved event name', support((_p, open) => { open.on = { 'xstate.done': { target: 'closed' } }; }), ['/states/open/on/xstate.done reservedName']],
    ['a reminder named like a timer', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, reminders: [{ name: 'sla', percent: 50 }] }]; }), ['/states/open/after/0/reminders/0/name duplicateName']],
    ['two reminders with one name', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, reminders: [{ name: 'a', percent: 50 }, { name: 'a', percent: 75 }] }]; }), ['/states/open/after/0/reminders/1/name duplicateName']],
    ['a reminder at 100 %', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, reminders: [{ name: 'late', percent: 100 }] }]; }), ['/states/open/after/0/reminders/0/percent exclusiveMaximum']],
    ['a paused-in state that does not exist', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, pausedIn: ['onHold'] }]; }), ['/states/open/after/0/pausedIn/0 unknownState']],
    ['a paused-in state that is always active', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, pausedIn: ['open'] }]; }), ['/states/open/after/0/pausedIn/0 invalidPause']],
    ['a restart event that is also a transition', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, restartOn: ['CLOSE'] }]; }), ['/states/open/after/0/restartOn/0 eventConflict']],
    ['a target beside branches', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, target: 'closed', branches: [{ target: 'closed' }] }]; }), ['/states/open/after/0/target invalidTimer']],
    ['a branch to an unknown state', support((_p, open) => { open.after = [{ name: 'sla', delay: { duration: 'PT1H' }, branches: [{ target: 'archived' }] }]; }), ['/states/open/after/0/branches/0/target unknownState']],
    ['an unknown calendar', support((_p, open) => { open.after = [{ name: 'sla', delay: { businessHours: 2, calendar: 'factory' } }]; }), ['/states/open/after/0/delay/calendar unknownCalendar']],
    ['no default calendar', support((_p, open) => { open.after = [{ name: 'sla', delay: { businessHours: 2 } }]; }), ['/states/open/after/0/delay/businessHours unknownCalendar']],
    ['an unknown time zone', support((p) => { p.calendars = { office: { timeZone: 'Mars/Olympus', weekly: { mon: HOURS } } }; }), ['/calendars/office/timeZone invalidTimeZone']],
    ['hours that close before they open', support((p) => { p.calendars = { office: { timeZone: 'UTC', weekly: { mon: [['17:00', '09:00']], tue: HOURS } } }; }), ['/calendars/office/weekly/mon/0 invalidInterval']],
    ['overlapping hours', support((p) => { p.calendars = { office: { timeZone: 'UTC', weekly: { mon: [['09:00', '13:00'], ['12:00', '17:00']] } } }; }), ['/calendars/office/weekly/mon/1 invalidInterval']],
    ['a calendar that never opens', support((p) => { p.calendars = { office: { timeZone: 'UTC', weekly: {} } }; }), ['/calendars/office/weekly emptyCalendar']],
    ['a badly written time', support((p) => { p.calendars = { office: { timeZone: 'UTC', weekly: { mon: [['9:00', '17:00']] } } }; }), ['/calendars/office/weekly/mon/0/0 pattern']],
  ])('reports %s', (_case, process, expected) => {
    expect(pathsAndCodes(validateDocument(process).problems)).toEqual(expected);
  });

  it('resolves paused-in states below the timer\'s state first, then from the root', () => {
    const process = support();
    expect(resolvePauseState('waiting', 'open', process)).toBe('open.waiting');
    expect(resolvePauseState('closed', 'open', process)).toBe('closed');
    expect(resolvePauseState('nowhere', 'open', process)).toBeUndefined();
    expect(statePathOf('/states/open/states/waiting')).toBe('open.waiting');
  });
});
