// What the caller passes to every engine function: the record as it stands (with any field values
// submitted alongside the event already merged), the acting user and the clock. Never persisted.
import type { Locale, LocalisedText } from '../../model/label';
import { BadRequestError } from '../../model/problem';
import { fieldOf } from '../../validate/entity-lookup';
import type { CompiledProcess } from '../compile/compiled-process';
import type { ProcessRecord, ProcessUser, StepContext } from '../registry/registry-types';

export interface StepInput {
  record: ProcessRecord;
  user: ProcessUser;
  /** The current time (the engine never reads a clock). */
  now: Date | string;
  /** Locale of the `message` of reasons (every reason also carries all locales in `text`). */
  locale?: Locale;
}

export interface ProcessEvent {
  type: string;
  data?: Readonly<Record<string, unknown>>;
}

export function stepContextOf(compiled: CompiledProcess, input: StepInput, event?: ProcessEvent): StepContext {
  const now = input.now instanceof Date ? input.now : new Date(input.now);
  if (Number.isNaN(now.getTime())) throw new BadRequestError(`"${String(input.now)}" is not a date-time`, [{ path: '/now', message: 'must be a date-time', code: 'format' }]);
  const entity = compiled.entity;
  return {
    record: input.record,
    user: input.user,
    now,
    ...(event ? { event: { type: event.type, ...(event.data ? { data: event.data } : {}) } } : {}),
    fieldLabel: (field): LocalisedText => (entity ? fieldOf(entity, field)?.label : undefined) ?? field,
  };
}
