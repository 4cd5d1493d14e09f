// One value per generator (see seed-types.ts), from the record's own PRNG. Expressions use the
// core expression language over the record's values so far, the records its refs point at
// (`refs.account.owner`), the `parent` of a forEach step, `index` and `count`.
import { compileExpression } from '@stagecraft/core';
import type { Random } from './seeded-random';
import type { SeedGenerator } from './seed-types';

export type SeedValues = Record<string, unknown>;

/** An earlier step's record a ref may point at. */
export interface SeededRecord {
  id: string;
  values: SeedValues;
}

export interface GenerationScope {
  random: Random;
  /** The seed's "now": relative dates count from its day. */
  anchor: Date;
  pools: Readonly<Record<string, readonly string[]>>;
  users: ReadonlyMap<string, string>;
  values: SeedValues;
  refs: Record<string, SeedValues>;
  parent?: SeedValues;
  index: number;
  count: number;
  /** Records of an earlier step, by step key. */
  recordsOf(step: string): readonly SeededRecord[];
}

const DAY_MS = 86_400_000;

export function generateValue(generator: SeedGenerator, field: string, scope: GenerationScope): unknown {
  const { random } = scope;
  if ('value' in generator) return generator.value;
  if ('pick' in generator) return random.pick(generator.pick, generator.weights);
  if ('cycle' in generator) return generator.cycle[scope.index % generator.cycle.length];
  if ('pool' in generator) return random.pick(poolOf(scope, generator.pool));
  if ('template' in generator) return fillTemplate(generator.template, scope);
  if ('integer' in generator) return random.integer(generator.integer[0], generator.integer[1]);
  if ('number' in generator) {
    const [min, max] = generator.number;
    const step = generator.step ?? 0.01;
    return Math.round((min + Math.floor((random.next() * (max - min)) / step) * step) * 100) / 100;
  }
  if ('date' in generator) return isoDate(new Date(baseDay(scope, generator.of) + random.integer(generator.date[0], generator.date[1]) * DAY_MS));
  if ('datetime' in generator) {
    const [fromHour, toHour] = generator.hours ?? [8, 18];
    const minuteStep = generator.minuteStep ?? 30;
    const minutes = random.integer(fromHour * 60, toHour * 60 - minuteStep);
    const day = baseDay(scope, generator.of) + random.integer(generator.datetime[0], generator.datetime[1]) * DAY_MS;
    return new Date(day + Math.floor(minutes / minuteStep) * minuteStep * 60_000).toISOString();
  }
  if ('minutesAfter' in generator) {
    const start = scope.values[generator.minutesAfter];
    if (typeof start !== 'string') return null;
    const step = generator.step ?? 15;
    const minutes = Math.round(random.integer(generator.minutes[0], generator.minutes[1]) / step) * step;
    return new Date(Date.parse(start) + minutes * 60_000).toISOString();
  }
  if ('ref' in generator) {
    const candidates = scope.recordsOf(generator.ref).filter((record) => matches(record, generator.match, generator.where, scope.values));
    if (candidates.length === 0) return null;
    const chosen = random.pick(candidates);
    scope.refs[field] = chosen.values;
    return chosen.id;
  }
  if ('user' in generator) {
    const username = random.pick(generator.user, generator.weights);
    const id = scope.users.get(username);
    if (id === undefined) throw new Error(`The seed names the user "${username}", who does not exist`);
    return id;
  }
  if ('expr' in generator) return compileExpression(generator.expr).evaluate(expressionScope(scope), { now: scope.anchor });
  if ('when' in generator) {
    const chosen = compileExpression(generator.when).evaluate(expressionScope(scope), { now: scope.anchor }) ? generator.then : generator.else;
    return chosen === undefined ? null : generateValue(chosen, field, scope);
  }
  return scope.random.next() < generator.maybe ? generateValue(generator.then, field, scope) : null;
}

function poolOf(scope: GenerationScope, name: string): readonly string[] {
  const pool = scope.pools[name];
  if (!pool) throw new Error(`The seed has no pool "${name}"`);
  return pool;
}

function matches(record: SeededRecord, match: Record<string, string> | undefined, where: Record<string, unknown[]> | undefined, values: SeedValues): boolean {
  for (const [theirs, ours] of Object.entries(match ?? {})) if (record.values[theirs] !== values[ours]) return false;
  for (const [field, allowed] of Object.entries(where ?? {})) if (!allowed.includes(record.values[field])) return false;
  return true;
}

export function expressionScope(scope: GenerationScope): Record<string, unknown> {
  return { ...scope.values, refs: scope.refs, parent: scope.parent ?? null, index: scope.index, count: scope.count };
}

/** Midnight UTC of the anchor's day, or of the date a dotted path in the scope holds. */
function baseDay(scope: GenerationScope, of: string | undefined): number {
  const raw = of === undefined ? scope.anchor.toISOString() : readPath(expressionScope(scope), of);
  const time = typeof raw === 'string' ? Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : NaN;
  if (Number.isNaN(time)) throw new Error(`The seed's date base "${of ?? 'anchor'}" is not a date (${String(raw)})`);
  return Math.floor(time / DAY_MS) * DAY_MS;
}

function readPath(root: unknown, dotted: string): unknown {
  let current = root;
  for (const part of dotted.split('.')) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * `{pool:companyCore}` a word from a pool; `{firstName}`, `{refs.account.name}`, `{index}` a value
 * of the scope; `|lower`, `|upper`, `|slug` (letters and digits only, lower case), `|han` and
 * `|latin` (the parts of a "王/wang" pool entry) transform it.
 */
function fillTemplate(template: string, scope: GenerationScope): string {
  const picked = new Map<string, string>();
  return template.replace(/\{([a-zA-Z0-9_.:]+)((?:\|[a-z]+)*)\}/g, (_whole, name: string, filters: string) => {
    let text: string;
    if (name.startsWith('pool:')) {
      // The same pool twice in one template gives the same word ("{pool:x|han}" and "{pool:x|latin}").
      text = picked.get(name) ?? scope.random.pick(poolOf(scope, name.slice(5)));
      picked.set(name, text);
    } else {
      const value = readPath(expressionScope(scope), name);
      text = value === null || value === undefined ? '' : String(value);
    }
    for (const filter of filters.split('|').filter(Boolean)) text = transform(text, filter);
    return text;
  });
}

function transform(text: string, filter: string): string {
  switch (filter) {
    case 'lower':
      return text.toLowerCase();
    case 'upper':
      return text.toUpperCase();
    case 'slug':
      return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
    case 'han':
      return text.split('/')[0] ?? text;
    case 'latin':
      return text.split('/')[1] ?? text;
    default:
      throw new Error(`The seed template filter "|${filter}" does not exist (lower, upper, slug, han, latin)`);
  }
}
