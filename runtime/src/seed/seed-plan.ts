// Plans one step's records: each record's key, values, creation time, and the events that take
// it to its stage, all from a PRNG seeded by the record's key (never by what came before), so a
// record's data does not change when another step changes.
import { generateValue, type GenerationScope, type SeededRecord, type SeedValues } from './seed-generators';
import { seededRandom } from './seeded-random';
import type { SeedDefinition, SeedFields, SeedProcessPath, SeedStep } from './seed-types';

export interface PlannedRecord {
  key: string;
  entity: string;
  /** Every generated value, helpers and the target stage included (what later refs and expressions read). */
  values: SeedValues;
  /** What the create writes. */
  body: SeedValues;
  createdAt: Date;
  events: string[];
  /** Sent with the last event. */
  eventData: SeedValues;
  /** The last event happens by then (a path into a final stage with `until`). */
  finishBy?: Date;
}

export interface PlanContext {
  seed: SeedDefinition;
  anchor: Date;
  users: ReadonlyMap<string, string>;
  recordsOf(step: string): readonly SeededRecord[];
}

export function stepKeyOf(step: SeedStep): string {
  return step.key ?? step.entity;
}

export function planStep(step: SeedStep, context: PlanContext): PlannedRecord[] {
  const key = stepKeyOf(step);
  const planned: PlannedRecord[] = [];
  if (step.forEach) {
    const { forEach } = step;
    const parents = context.recordsOf(forEach.ref);
    parents.forEach((parent, parentIndex) => {
      for (const [field, allowed] of Object.entries(forEach.where ?? {})) if (!allowed.includes(parent.values[field])) return;
      const count = seededRandom(`${context.seed.name}:${key}:${parentIndex}:count`).integer(forEach.count[0], forEach.count[1]);
      for (let child = 0; child < count; child += 1) {
        planned.push(planRecord(step, `${context.seed.name}:${key}:${parentIndex}.${child}`, child, count, context, { ...parent.values, id: parent.id }));
      }
    });
    return planned;
  }
  for (let index = 0; index < (step.count ?? 0); index += 1) planned.push(planRecord(step, `${context.seed.name}:${key}:${index}`, index, step.count ?? 0, context));
  return planned;
}

function planRecord(step: SeedStep, key: string, index: number, count: number, context: PlanContext, parent?: SeedValues): PlannedRecord {
  const scope: GenerationScope = {
    random: seededRandom(key), anchor: context.anchor, pools: context.seed.pools, users: context.users,
    values: {}, refs: {}, index, count, recordsOf: (name) => context.recordsOf(name),
    ...(parent ? { parent } : {}),
  };
  let fields: SeedFields = step.fields;
  let route: SeedProcessPath | undefined;
  const process = step.process;
  if (process) {
    const target = generateValue(process.target, process.field, scope);
    scope.values[process.field] = target;
    route = process.paths[String(target)];
    fields = { ...step.fields, ...route?.fields };
  }
  for (const [name, generator] of Object.entries(fields)) scope.values[name] = generateValue(generator, name, scope);
  const body: SeedValues = {};
  for (const [name, value] of Object.entries(scope.values)) {
    if (name.startsWith('_') || name === 'createdAt' || name === process?.field) continue;
    body[name] = value;
  }
  // The event's data is generated last and seen by later data generators (a competitor only for deals lost to one).
  const eventData: SeedValues = {};
  for (const [name, generator] of Object.entries(route?.data ?? {})) eventData[name] = scope.values[name] = generateValue(generator, name, scope);

  const createdRaw = scope.values.createdAt;
  const createdAt = typeof createdRaw === 'string' ? new Date(createdRaw) : context.anchor;
  const record: PlannedRecord = { key, entity: step.entity, values: scope.values, body, createdAt, events: route?.events ?? [], eventData };
  const target = process ? String(scope.values[process.field]) : undefined;
  const until = process?.until ? scope.values[process.until] : undefined;
  if (target !== undefined && process?.final?.includes(target) && typeof until === 'string') record.finishBy = new Date(`${until.slice(0, 10)}T16:00:00Z`);
  return record;
}

/**
 * When each event happens: evenly between the creation and the finish (a final stage's date,
 * or nine tenths of the way to the anchor for open records, so they entered their stage a while ago).
 */
export function eventTimes(record: PlannedRecord, anchor: Date): Date[] {
  const start = record.createdAt.getTime();
  const limit = Math.min(anchor.getTime(), record.finishBy?.getTime() ?? anchor.getTime());
  const end = record.finishBy ? limit : start + (limit - start) * 0.9;
  const count = record.events.length;
  return record.events.map((_event, index) => new Date(end > start ? start + ((end - start) * (index + 1)) / count : start + (index + 1) * 60_000));
}
