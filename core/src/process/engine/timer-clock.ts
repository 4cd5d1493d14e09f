// When a timer is due, computed purely from the step's clock and record: an ISO 8601 duration,
// business hours on a calendar, or a date field plus an offset; a reminder at a share of its
// timer's span. Business-hours clocks measure remaining time in business time, so a pause over a
// weekend does not eat into an SLA.
import type { TimerDelay } from '../../model/process';
import type { CompiledTimer } from '../compile/compiled-process';
import type { StepContext } from '../registry/registry-types';
import { addBusinessTime, businessTimeBetween } from '../time/business-calendar';
import { addIsoDuration } from '../time/iso-duration';

const HOUR_MS = 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export type DueTime = { dueAt: Date } | { skipped: string };

/** The due time of a timer armed now; `skipped` when it cannot be armed (an empty date field). */
export function dueTimeOf(timer: CompiledTimer, context: StepContext): DueTime {
  const main = mainDueTime(timer, timer.delay, context);
  if ('skipped' in main || timer.percent === undefined) return main;
  const share = timer.percent / 100;
  if (timer.calendar && 'businessHours' in timer.delay) {
    return { dueAt: addBusinessTime(context.now, timer.delay.businessHours * HOUR_MS * share, timer.calendar) };
  }
  const span = Math.max(0, main.dueAt.getTime() - context.now.getTime());
  return { dueAt: new Date(context.now.getTime() + Math.round(span * share)) };
}

function mainDueTime(timer: CompiledTimer, delay: TimerDelay, context: StepContext): DueTime {
  if ('duration' in delay) return { dueAt: addIsoDuration(context.now, delay.duration) };
  if ('businessHours' in delay) {
    if (!timer.calendar) return { skipped: `no calendar "${timer.calendarName ?? ''}"` };
    return { dueAt: addBusinessTime(context.now, delay.businessHours * HOUR_MS, timer.calendar) };
  }
  const value = context.record[delay.field];
  const base = dateOf(value);
  if (!base) return { skipped: `the field "${delay.field}" holds no date` };
  return { dueAt: delay.offset === undefined ? base : addIsoDuration(base, delay.offset) };
}

/** A date field's value as an instant: a date alone is midnight UTC; a date-time as written. */
function dateOf(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || value === '') return undefined;
  const instant = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** Time left on a running clock at `now` (business time for business-hours clocks). */
export function remainingMsAt(timer: CompiledTimer, dueAt: Date, now: Date): number {
  if (timer.calendar) return businessTimeBetween(now, dueAt, timer.calendar);
  return Math.max(0, dueAt.getTime() - now.getTime());
}

/** When a paused clock with `remainingMs` left is due if it resumes at `now`. */
export function dueAfterResume(timer: CompiledTimer, remainingMs: number, now: Date): Date {
  if (timer.calendar) return addBusinessTime(now, remainingMs, timer.calendar);
  return new Date(now.getTime() + remainingMs);
}
