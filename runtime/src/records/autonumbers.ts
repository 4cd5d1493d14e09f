// Write phase: autonumber fields take the next value of their counter inside the record's
// transaction, formatted by the field's pattern.
import type { Transaction } from 'sequelize';
import { ensureSequence, takeNextSequenceValue } from '../db/sequences';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from './record-context';

/** Creates missing counters before the transaction (creation may race with other processes). */
export async function prepareAutonumbers(context: RecordContext, entity: CompiledEntity): Promise<void> {
  for (const autonumber of entity.autonumbers) {
    const key = `${entity.name}.${autonumber.field.name}`;
    if (context.knownSequences.has(key)) continue;
    await ensureSequence(context.database, entity.name, autonumber.field.name, autonumber.start);
    context.knownSequences.add(key);
  }
}

export async function assignAutonumbers(context: RecordContext, entity: CompiledEntity, record: Record<string, unknown>, transaction: Transaction): Promise<void> {
  for (const autonumber of entity.autonumbers) {
    const value = await takeNextSequenceValue(context.database, transaction, entity.name, autonumber.field.name);
    record[autonumber.field.name] = autonumber.format(value);
  }
}

/** "ACC-{00000}" → n => "ACC-00042"; the braces hold zeros giving the minimum width. */
export function compileAutonumberFormat(pattern: string): (value: number) => string {
  const match = /\{(0*)\}/.exec(pattern);
  if (!match) return (value) => `${pattern}${value}`;
  const width = match[1]?.length ?? 0;
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return (value) => `${before}${String(value).padStart(width, '0')}${after}`;
}
