/// <reference types="jest" />
// The web tsconfig knows no test runner; this unit test runs under the repository's Jest.
import type { HistoryEntry, RecordData } from '../api/types';
import { loadedTimeline, mergeTimeline } from './timeline-items';

const entry = (id: string, at: string): HistoryEntry => ({ id, at, action: 'update', actorUsername: 'rep1', changes: null }) as unknown as HistoryEntry;
const activity = (id: string, createdAt: string, startAt?: string): RecordData => ({ id, version: 1, createdAt, updatedAt: createdAt, ...(startAt ? { startAt } : {}) }) as RecordData;

describe('timeline items', () => {
  const history = [entry('h3', '2026-05-03T00:00:00Z'), entry('h2', '2026-05-02T00:00:00Z')];
  const activities = [activity('a1', '2026-05-01T00:00:00Z'), activity('a2', '2026-04-01T00:00:00Z', '2026-06-01T09:00:00Z')];

  it('merges history and activities newest first, an activity placed at its start', () => {
    expect(mergeTimeline(history, activities).map((item) => item.key)).toEqual(['a:a2', 'h:h3', 'h:h2', 'a:a1']);
  });

  it('holds back what is older than the history loaded while older history remains', () => {
    expect(loadedTimeline(history, activities, true).map((item) => item.key)).toEqual(['a:a2', 'h:h3', 'h:h2']);
    expect(loadedTimeline(history, activities, false).map((item) => item.key)).toEqual(['a:a2', 'h:h3', 'h:h2', 'a:a1']);
    expect(loadedTimeline([], activities, true).map((item) => item.key)).toEqual(['a:a2', 'a:a1']);
  });
});
