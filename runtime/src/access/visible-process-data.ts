// What a reader may see of a record's past: its audit rows (history) and its process transition
// log. Both carry field values — before/after changes, the data sent with a transition — so the
// fields the reader's policy hides are taken out, also where they sit nested in a transition's
// `fields` and `payload`. An action's resolved parameters may hold any value the process read
// (a notification's text, a computed field), so only administrators see them.
import type { AuditRow } from '../audit/audit-log';
import type { TransitionRow } from '../workflow/transition-log';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutKeys(value: unknown, hidden: ReadonlySet<string>): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => !hidden.has(name)));
}

/** Transition-shaped changes (`{process, event, …, fields, payload}`) keep their own keys; their nested values are filtered. */
function visibleChanges(action: string, changes: unknown, hidden: ReadonlySet<string>): unknown {
  if (!isObject(changes)) return changes;
  if (action !== 'transition') return withoutKeys(changes, hidden);
  const visible: JsonObject = { ...changes };
  if ('fields' in visible) visible.fields = withoutKeys(visible.fields, hidden);
  if ('payload' in visible) visible.payload = withoutKeys(visible.payload, hidden);
  return visible;
}

/** A record's audit rows as the reader may see them: no before/after value of a hidden field. */
export function visibleHistory(rows: readonly AuditRow[], hidden: ReadonlySet<string>): AuditRow[] {
  if (hidden.size === 0) return [...rows];
  return rows.map((row) => ({ ...row, changes: visibleChanges(row.action, row.changes, hidden) }));
}

/** A record's transition log as the reader may see it: payload without hidden fields; action parameters for administrators only. */
export function visibleTransitions(rows: readonly TransitionRow[], hidden: ReadonlySet<string>, isAdmin: boolean): TransitionRow[] {
  if (isAdmin) return [...rows];
  return rows.map((row) => ({
    ...row,
    payload: withoutKeys(row.payload, hidden),
    effects: Array.isArray(row.effects) ? row.effects.map((effect: unknown) => (isObject(effect) ? withoutKeys(effect, PARAMETERS) : effect)) : row.effects,
  }));
}

const PARAMETERS: ReadonlySet<string> = new Set(['params']);
