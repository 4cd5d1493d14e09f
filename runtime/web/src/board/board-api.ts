// The board API as the board page reads it: a board's columns with counts and sums, a column's
// cards page by page, and the transitions a card may take (a move is the transition whose target
// is the column's stage).
import { api } from '../api/client';
import type { AvailableTransition, LocalisedText, RecordData, RecordPage, TransitionsAnswer } from '../api/types';

export interface BoardColumnData {
  value: string;
  label: LocalisedText;
  color?: string;
  count: number;
  sum?: number;
}

export interface BoardData {
  name: string;
  entity: string;
  label?: LocalisedText;
  groupBy: string;
  cardFields: string[];
  sumField?: string;
  columns: BoardColumnData[];
  total: number;
}

export interface BoardSummary {
  name: string;
  entity: string;
  label?: LocalisedText;
  groupBy: string;
}

/** Cards fetched per column and per "show more". */
export const CARDS_PER_PAGE = 20;

const boardPath = (name: string) => `/api/boards/${encodeURIComponent(name)}`;

export const boardApi = {
  list: async (signal?: AbortSignal) => (await api.get<{ data: BoardSummary[] }>('/api/boards', undefined, signal)).data,
  board: (name: string, search: string, signal?: AbortSignal) => api.get<BoardData>(boardPath(name), { q: search }, signal),
  cards: (name: string, value: string, page: number, expand: readonly string[], search: string, signal?: AbortSignal) =>
    api.get<RecordPage>(`${boardPath(name)}/columns/${encodeURIComponent(value)}`, { page, pageSize: CARDS_PER_PAGE, expand, sort: '-updatedAt', q: search }, signal),
  transitions: (entity: string, id: string) => api.get<TransitionsAnswer>(`/api/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/transitions`),
  transition: (entity: string, id: string, event: string, version: number) =>
    api.post<{ record: RecordData }>(`/api/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/transitions`, { event, version }),
};

/** The stage a transition leads to: its target state, or the top state of a nested target path. */
export function stageOf(transition: AvailableTransition): string | null {
  return transition.target === null ? null : (transition.target.split('.')[0] ?? null);
}
