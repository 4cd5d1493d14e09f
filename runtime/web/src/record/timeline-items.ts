// The timeline's items from two sources: the record's audit history (creation, field changes,
// transitions, reassignments) and the activities logged against it, newest first.
import type { EntityDocument, HistoryEntry, RecordData } from '../api/types';

export type TimelineItem =
  | { kind: 'history'; key: string; at: string; entry: HistoryEntry }
  | { kind: 'activity'; key: string; at: string; activity: RecordData };

export interface TransitionChange {
  event: string;
  from: string | null;
  to: string | null;
}

/** A transition's audit row carries {process, event, from, to, fields}. */
export function transitionOf(entry: HistoryEntry): TransitionChange | undefined {
  if (entry.action !== 'transition' || !entry.changes) return undefined;
  const changes = entry.changes as unknown as Record<string, unknown>;
  return { event: String(changes.event ?? ''), from: typeof changes.from === 'string' ? changes.from : null, to: typeof changes.to === 'string' ? changes.to : null };
}

/** The field changes of an audit row ({field: {before, after}}; a transition's under `fields`). */
export function fieldChangesOf(entry: HistoryEntry): Array<[string, { before: unknown; after: unknown }]> {
  if (!entry.changes) return [];
  const source = entry.action === 'transition' ? ((entry.changes as unknown as { fields?: HistoryEntry['changes'] }).fields ?? {}) : entry.changes;
  return Object.entries(source ?? {}).filter(([, change]) => typeof change === 'object' && change !== null && 'after' in change);
}

/** When an activity happened or is due: its start, its due date, else when it was logged. */
export function activityTime(activity: RecordData): string {
  for (const name of ['startAt', 'dueDate', 'createdAt']) {
    const value = activity[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return activity.createdAt;
}

export function mergeTimeline(history: HistoryEntry[], activities: RecordData[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...history.map((entry) => ({ kind: 'history' as const, key: `h:${entry.id}`, at: entry.at, entry })),
    ...activities.map((activity) => ({ kind: 'activity' as const, key: `a:${activity.id}`, at: activityTime(activity), activity })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * What a timeline loaded page by page may show: every item when both sources are complete; while
 * older history remains to load, only items at or after the oldest history entry loaded, so an
 * activity never sits above history that has not arrived yet.
 */
export function loadedTimeline(history: HistoryEntry[], activities: RecordData[], hasOlderHistory: boolean): TimelineItem[] {
  const items = mergeTimeline(history, activities);
  const oldest = history[history.length - 1]?.at;
  if (!hasOlderHistory || oldest === undefined) return items;
  return items.filter((item) => item.at >= oldest);
}

/** The activity entity's reference field pointing at this entity, if activities are logged against it. */
export function activityLinkOf(activity: EntityDocument | undefined, entity: string): string | undefined {
  return activity?.fields.find((field) => field.type === 'reference' && field.entity === entity)?.name;
}
