// The board's state: the columns' counts and sums from the server, each column's cards loaded a
// page at a time, and moves. A move shows at once (the card jumps, counts and sums follow), then
// asks the record's process for the transition leading to that column and sends it; a refusal —
// no such transition, a blocked guard, a 409/422 — puts the card back and says why. Counts and
// sums are then read again from the server, so they never drift from what is stored.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ProblemDetail } from '../api/client';
import type { RecordData } from '../api/types';
import { boardApi, stageOf, type BoardData } from './board-api';

export interface ColumnCards {
  cards: RecordData[];
  /** Pages loaded so far. */
  page: number;
  total: number;
  loading: boolean;
  error?: unknown;
}

export type MoveOutcome =
  | { ok: true; record: RecordData; to: string }
  | { ok: false; reason: 'noPath' | 'blocked' | 'error'; from: string; to: string; details: ProblemDetail[]; error?: unknown };

export interface BoardState {
  board: BoardData | undefined;
  error: unknown;
  columns: Record<string, ColumnCards>;
  /** The id of the card being moved (its column shows a spinner on it). */
  moving: string | undefined;
  loadMore(value: string): void;
  move(card: RecordData, from: string, to: string): Promise<MoveOutcome>;
  reload(): void;
}

const EMPTY: ColumnCards = { cards: [], page: 0, total: 0, loading: false };

/** `search` is the API's `q`: counts, sums and cards of the matching records only. */
export function useBoard(name: string, expand: readonly string[] | undefined, search: string): BoardState {
  const [board, setBoard] = useState<BoardData>();
  const [error, setError] = useState<unknown>();
  const [columns, setColumns] = useState<Record<string, ColumnCards>>({});
  const [moving, setMoving] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const columnsRef = useRef(columns);
  columnsRef.current = columns;

  const patchColumn = useCallback((value: string, update: (column: ColumnCards) => ColumnCards) => {
    setColumns((current) => ({ ...current, [value]: update(current[value] ?? EMPTY) }));
  }, []);

  const loadPage = useCallback(
    async (value: string, page: number, signal?: AbortSignal) => {
      if (!expand) return;
      patchColumn(value, (column) => ({ ...column, loading: true, error: undefined }));
      try {
        const result = await boardApi.cards(name, value, page, expand, search, signal);
        patchColumn(value, (column) => {
          const known = new Set(page === 1 ? [] : column.cards.map((card) => card.id));
          const cards = page === 1 ? result.data : [...column.cards, ...result.data.filter((card) => !known.has(card.id))];
          return { cards, page, total: result.total ?? cards.length, loading: false };
        });
      } catch (failure) {
        if (signal?.aborted) return;
        patchColumn(value, (column) => ({ ...column, loading: false, error: failure }));
      }
    },
    [name, expand, search, patchColumn],
  );

  // The counts and sums need no metadata: asked for at once, beside the metadata the cards need.
  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    boardApi.board(name, search, controller.signal).then(
      (loaded) => {
        setBoard(loaded);
        // Cards already loaded stay (the cards' effect may have run first); only the totals come from here.
        setColumns((current) => Object.fromEntries(loaded.columns.map((column) => [column.value, { ...(current[column.value] ?? { ...EMPTY, loading: true }), total: column.count }])));
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      },
    );
    return () => controller.abort();
  }, [name, search, generation]);

  const columnValues = board?.columns.map((column) => column.value).join('\n');
  useEffect(() => {
    if (!expand || columnValues === undefined) return;
    const controller = new AbortController();
    for (const value of columnValues.split('\n')) void loadPage(value, 1, controller.signal);
    return () => controller.abort();
  }, [expand, columnValues, loadPage, generation]);

  const refreshFigures = useCallback(async () => {
    try {
      const fresh = await boardApi.board(name, search);
      setBoard(fresh);
      for (const column of fresh.columns) patchColumn(column.value, (current) => ({ ...current, total: column.count }));
    } catch {
      // The figures stay as they were; the next load corrects them.
    }
  }, [name, search, patchColumn]);

  /** Moves the card between columns on screen, adjusting counts and sums by the card's value. */
  const shift = useCallback(
    (card: RecordData, from: string, to: string, replacement: RecordData = card) => {
      setColumns((current) => {
        const source = current[from] ?? EMPTY;
        const target = current[to] ?? EMPTY;
        return {
          ...current,
          [from]: { ...source, cards: source.cards.filter((candidate) => candidate.id !== card.id), total: Math.max(0, source.total - 1) },
          [to]: { ...target, cards: [replacement, ...target.cards.filter((candidate) => candidate.id !== card.id)], total: target.total + 1 },
        };
      });
      setBoard((current) => {
        if (!current) return current;
        const amount = current.sumField && typeof card[current.sumField] === 'number' ? (card[current.sumField] as number) : 0;
        const columnsAfter = current.columns.map((column) => {
          if (column.value === from) return { ...column, count: column.count - 1, ...(column.sum === undefined ? {} : { sum: column.sum - amount }) };
          if (column.value === to) return { ...column, count: column.count + 1, ...(column.sum === undefined ? {} : { sum: column.sum + amount }) };
          return column;
        });
        return { ...current, columns: columnsAfter };
      });
    },
    [],
  );

  const move = useCallback(
    async (card: RecordData, from: string, to: string): Promise<MoveOutcome> => {
      if (!board || from === to) return { ok: false, reason: 'noPath', from, to, details: [] };
      setMoving(card.id);
      shift(card, from, to);
      try {
        const answer = await boardApi.transitions(board.entity, card.id);
        const leading = answer.data.filter((transition) => stageOf(transition) === to);
        const allowed = leading.find((transition) => transition.allowed);
        if (!allowed) {
          shift(card, to, from);
          const details = leading.flatMap((transition) => transition.reasons);
          return { ok: false, reason: leading.length === 0 ? 'noPath' : 'blocked', from, to, details };
        }
        const result = await boardApi.transition(board.entity, card.id, allowed.event, card.version);
        const record = { ...card, ...result.record };
        setColumns((current) => {
          const target = current[to] ?? EMPTY;
          return { ...current, [to]: { ...target, cards: target.cards.map((candidate) => (candidate.id === card.id ? record : candidate)) } };
        });
        return { ok: true, record, to };
      } catch (failure) {
        shift(card, to, from);
        return { ok: false, reason: 'error', from, to, details: failure instanceof ApiError ? failure.details : [], error: failure };
      } finally {
        setMoving(undefined);
        void refreshFigures();
      }
    },
    [board, shift, refreshFigures],
  );

  const loadMore = useCallback(
    (value: string) => {
      const column = columnsRef.current[value];
      if (!column || column.loading || column.cards.length >= column.total) return;
      void loadPage(value, column.page + 1);
    },
    [loadPage],
  );

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { board, error, columns, moving, loadMore, move, reload };
}
