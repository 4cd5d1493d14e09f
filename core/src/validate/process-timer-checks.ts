// Rules for a process's timers and calendars that the meta-schema cannot express: names that become
// timer keys are unique per state, paused-in states resolve, restart events do not clash with
// transitions, business-hours delays name a calendar that exists, and calendars are well formed.
import type { Problem } from '../model/problem';
import { WEEKDAYS, type BusinessCalendar, type ProcessDocument } from '../model/process';
import { pointerOf } from './ajv-problems';
import { findDuplicates } from './duplicates';
import { allStates, targetExists, type VisitedState } from './process-checks';

/** Event names the engine uses for timers and XState for its own events; authors may not use them. */
export const RESERVED_EVENT_PREFIXES = ['stagecraft.', 'xstate.'] as const;
export const DEFAULT_CALENDAR_NAME = 'default';

export function isReservedEventName(event: string): boolean {
  return RESERVED_EVENT_PREFIXES.some((prefix) => event.startsWith(prefix));
}

export function checkProcessTimers(process: ProcessDocument): Problem[] {
  const problems: Problem[] = [];
  for (const visited of allStates(process.states)) {
    problems.push(...checkEventNames(visited), ...checkTimerNames(visited), ...checkTimers(visited, process));
  }
  for (const [name, calendar] of Object.entries(process.calendars ?? {})) {
    problems.push(...checkCalendar(calendar, pointerOf('', 'calendars', name)));
  }
  return problems;
}

function checkEventNames({ state, path }: VisitedState): Problem[] {
  return Object.keys(state.on ?? {})
    .filter(isReservedEventName)
    .map((event) => ({ path: pointerOf(path, 'on', event), message: `event names starting with ${RESERVED_EVENT_PREFIXES.join(' or ')} are reserved`, code: 'reservedName' }));
}

/** A reminder's name shares the namespace of its state's timers (both become timer keys). */
function checkTimerNames({ state, path }: VisitedState): Problem[] {
  const timers = state.after ?? [];
  const reminders = timers.flatMap((timer, timerIndex) =>
    (timer.reminders ?? []).map((reminder, index) => ({ name: reminder.name, path: pointerOf(path, 'after', timerIndex, 'reminders', index, 'name') })));
  const timerNames = new Set(timers.map((timer) => timer.name));
  const problems: Problem[] = reminders
    .filter((reminder) => timerNames.has(reminder.name))
    .map((reminder) => ({ path: reminder.path, message: `repeats the timer name "${reminder.name}"`, code: 'duplicateName' }));
  for (const duplicate of findDuplicates(reminders, (reminder) => reminder.name)) {
    problems.push({ path: duplicate.item.path, message: `repeats the reminder name "${duplicate.key}"`, code: 'duplicateName' });
  }
  return problems;
}

function checkTimers({ state, path, siblings }: VisitedState, process: ProcessDocument): Problem[] {
  const problems: Problem[] = [];
  const statePath = statePathOf(path);
  (state.after ?? []).forEach((timer, index) => {
    const timerPath = pointerOf(path, 'after', index);
    if (timer.branches !== undefined) {
      for (const property of ['target', 'guards', 'actions'] as const) {
        if (timer[property] !== undefined) problems.push({ path: pointerOf(timerPath, property), message: 'belongs in each branch when the timer has branches', code: 'invalidTimer' });
      }
      timer.branches.forEach((branch, branchIndex) => {
        if (branch.target !== undefined && !targetExists(branch.target, siblings, process.states)) {
          problems.push({ path: pointerOf(timerPath, 'branches', branchIndex, 'target'), message: `"${branch.target}" is not a sibling state or a dotted path from the root`, code: 'unknownState' });
        }
      });
    }
    (timer.pausedIn ?? []).forEach((reference, referenceIndex) => {
      const at = pointerOf(timerPath, 'pausedIn', referenceIndex);
      const resolved = resolvePauseState(reference, statePath, process);
      if (resolved === undefined) problems.push({ path: at, message: `"${reference}" is not a descendant of this state or a dotted path from the root`, code: 'unknownState' });
      else if (statePath === resolved || statePath.startsWith(`${resolved}.`)) problems.push({ path: at, message: `"${reference}" is always active while the timer runs, so the clock would never run`, code: 'invalidPause' });
    });
    (timer.restartOn ?? []).forEach((event, eventIndex) => {
      const at = pointerOf(timerPath, 'restartOn', eventIndex);
      if (isReservedEventName(event)) problems.push({ path: at, message: `event names starting with ${RESERVED_EVENT_PREFIXES.join(' or ')} are reserved`, code: 'reservedName' });
      else if (state.on?.[event] !== undefined) problems.push({ path: at, message: `"${event}" is also a transition of this state; restart the timer from that transition's target instead`, code: 'eventConflict' });
    });
    if ('businessHours' in timer.delay) {
      const calendar = timer.delay.calendar ?? DEFAULT_CALENDAR_NAME;
      if (!process.calendars?.[calendar]) {
        const at = pointerOf(timerPath, 'delay', timer.delay.calendar === undefined ? 'businessHours' : 'calendar');
        problems.push({ path: at, message: `needs the calendar "${calendar}" in the process's calendars (calendars: ${Object.keys(process.calendars ?? {}).join(', ') || 'none'})`, code: 'unknownCalendar' });
      }
    }
  });
  return problems;
}

/** "/states/open/states/triage" → "open.triage". */
export function statePathOf(pointer: string): string {
  return pointer.split('/').filter((token, index) => index > 0 && index % 2 === 0).join('.');
}

/** A pause state is a descendant of the timer's state (a path relative to it) or a dotted path from the root. */
export function resolvePauseState(reference: string, ownerPath: string, process: ProcessDocument): string | undefined {
  const owner = ownerPath.split('.').reduce<ProcessDocument['states'] | undefined>((states, name) => states?.[name]?.states, process.states);
  if (owner && targetExists(reference, {}, owner)) return `${ownerPath}.${reference}`;
  return targetExists(reference, {}, process.states) ? reference : undefined;
}

function checkCalendar(calendar: BusinessCalendar, path: string): Problem[] {
  const problems: Problem[] = [];
  if (!isValidTimeZone(calendar.timeZone)) problems.push({ path: pointerOf(path, 'timeZone'), message: `"${calendar.timeZone}" is not a time zone this runtime knows (e.g. "Europe/Berlin")`, code: 'invalidTimeZone' });
  let openMinutes = 0;
  for (const day of WEEKDAYS) {
    let previousEnd = '';
    (calendar.weekly[day] ?? []).forEach(([start, end], index) => {
      const at = pointerOf(path, 'weekly', day, index);
      if (start >= end) problems.push({ path: at, message: `opens at ${start} but closes at ${end}; the end must be later`, code: 'invalidInterval' });
      else if (start < previousEnd) problems.push({ path: at, message: `starts at ${start}, before the previous interval ends (${previousEnd}); list intervals in order without overlap`, code: 'invalidInterval' });
      else openMinutes += minutesOf(end) - minutesOf(start);
      previousEnd = end > previousEnd ? end : previousEnd;
    });
  }
  if (openMinutes === 0) problems.push({ path: pointerOf(path, 'weekly'), message: 'has no opening hours, so a business-hours clock would never run', code: 'emptyCalendar' });
  return problems;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
