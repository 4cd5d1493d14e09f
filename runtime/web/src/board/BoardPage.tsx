// A kanban board from a board layout: one column per value of the group-by field (a process's
// stages), counts and sums per column, cards loaded column by column. Dragging a card onto a
// column — or picking the column in the card's "Move to…" menu — fires the transition leading
// there; a refused move snaps back and the reason is shown above the board.
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { ApiError, type ProblemDetail } from '../api/client';
import type { BoardLayout } from '@stagecraft/core';
import type { FieldDefinition, RecordData } from '../api/types';
import { useAsync } from '../api/use-async';
import { useI18n, type I18n } from '../i18n/i18n';
import { metadata } from '../metadata/metadata';
import { displayFieldOf, referenceTarget } from '../metadata/entity-info';
import { EmptyState, ErrorNotice, Loading, plainError } from '../ui/feedback';
import { useToast } from '../ui/toast';
import { SearchBox } from '../list/SearchBox';
import { BoardCard, CARD_MIME } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import './board-strings';
import './board.css';
import { useBoard, type MoveOutcome } from './use-board';

interface Dragged {
  card: RecordData;
  from: string;
}

function reasonText(details: readonly ProblemDetail[], i18n: I18n): string {
  const texts = details.map((detail) => (detail.text ? i18n.text(detail.text, detail.message) : detail.message));
  return [...new Set(texts)].join(' ');
}

/** Why a move was refused, in the user's language. */
function refusalText(outcome: Extract<MoveOutcome, { ok: false }>, title: string, labelOf: (value: string) => string, i18n: I18n): string {
  const { t } = i18n;
  const from = labelOf(outcome.from);
  const to = labelOf(outcome.to);
  const start = t('board.refused', { title, from });
  if (outcome.reason === 'noPath') return start + t('board.noPath', { from, to });
  const reasons = reasonText(outcome.details, i18n);
  if (outcome.reason === 'blocked') return start + (reasons || t('board.blocked', { to }));
  const message = outcome.error instanceof ApiError && outcome.error.details.length > 0 && reasons ? reasons : plainError(outcome.error, t);
  return start + message;
}

export function BoardPage({ name }: { name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const setup = useAsync(async () => {
    const layouts = await metadata.layouts();
    const layout = layouts.find((candidate): candidate is BoardLayout => candidate.kind === 'board' && candidate.name === name);
    if (!layout) throw new ApiError(404, 'notFound', `There is no board "${name}"`);
    const [entity, entities] = await Promise.all([metadata.entity(layout.entity), metadata.entities()]);
    return { layout, entity, displayField: displayFieldOf(entities, layout.entity) };
  }, [name]);
  const fields = useMemo(() => new Map<string, FieldDefinition>((setup.data?.entity.fields ?? []).map((field) => [field.name, field])), [setup.data]);
  // Reference card fields (account, owner) come expanded, so a card shows names rather than ids.
  const expand = useMemo(() => {
    if (!setup.data) return undefined;
    return setup.data.layout.cardFields.filter((name) => {
      const field = fields.get(name);
      return field !== undefined && referenceTarget(field) !== undefined;
    });
  }, [setup.data, fields]);
  const [search, setSearch] = useState('');
  const state = useBoard(name, expand, search);
  const dragged = useRef<Dragged | undefined>(undefined);
  const [dragFrom, setDragFrom] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const board = state.board;
  const labelOf = useCallback((value: string) => i18n.text(board?.columns.find((column) => column.value === value)?.label, value), [board, i18n]);

  const move = useCallback(
    async (card: RecordData, from: string, to: string) => {
      if (from === to) return;
      setNotice(undefined);
      const title = String(card[setup.data?.displayField ?? 'name'] ?? card.id);
      const outcome = await state.move(card, from, to);
      if (outcome.ok) toast(t('board.moved', { title, column: labelOf(to) }), 'success');
      // The refusal stays above the board (an alert) until dismissed or the next move.
      else setNotice(refusalText(outcome, title, labelOf, i18n));
    },
    [state, setup.data, toast, t, labelOf, i18n],
  );

  if (setup.error) return <div className="page"><ErrorNotice error={setup.error} onRetry={setup.reload} /></div>;
  if (state.error) return <div className="page"><ErrorNotice error={state.error} onRetry={state.reload} /></div>;
  if (!setup.data || !board) return <div className="page"><Loading /></div>;

  const { entity, displayField } = setup.data;
  const details = board.cardFields.filter((field) => field !== displayField).flatMap((field) => fields.get(field) ?? []);
  const sumField = board.sumField ? fields.get(board.sumField) : undefined;
  const title = i18n.text(board.label, '') || `${i18n.text(entity.pluralLabel ?? entity.label, entity.name)} · ${t('board.title')}`;

  const startDrag = (event: DragEvent<HTMLElement>, card: RecordData, from: string) => {
    dragged.current = { card, from };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(CARD_MIME, card.id);
    event.dataTransfer.setData('text/plain', String(card[displayField] ?? card.id));
    setDragFrom(from);
  };
  const endDrag = () => {
    dragged.current = undefined;
    setDragFrom(undefined);
  };
  const dropOn = (to: string) => {
    const current = dragged.current;
    endDrag();
    if (current) void move(current.card, current.from, to);
  };

  return (
    <div className="page board-page">
      <div className="page__header">
        <div>
          <h1>{title}</h1>
          <p className="muted small">
            {t('board.total', { count: i18n.number(board.total) })} · {t('board.dragHint')}
          </p>
        </div>
        <div className="page__actions">
          <SearchBox value={search} label={t('board.search')} placeholder={t('board.searchPlaceholder', { title })} onSearch={setSearch} />
        </div>
      </div>
      {notice && (
        <div className="notice notice--error board-page__notice" role="alert">
          <p>{notice}</p>
          <button type="button" className="button button--quiet button--small" onClick={() => setNotice(undefined)}>
            {t('board.dismiss')}
          </button>
        </div>
      )}
      {board.columns.length === 0 ? (
        <EmptyState title={t('board.empty')} />
      ) : (
        <div className="board">
          {board.columns.map((column) => {
            const cards = state.columns[column.value];
            const targets = board.columns.filter((other) => other.value !== column.value).map((other) => ({ value: other.value, label: i18n.text(other.label, other.value) }));
            return (
              <BoardColumn key={column.value} column={column} cards={cards} sumField={sumField} canDrop={dragFrom !== undefined && dragFrom !== column.value} onDrop={dropOn} onLoadMore={state.loadMore}>
                {(cards?.cards ?? []).map((card) => (
                  <BoardCard
                    key={card.id}
                    entity={board.entity}
                    card={card}
                    displayField={displayField}
                    details={details}
                    targets={targets}
                    isMoving={state.moving === card.id}
                    onDragStart={(event, dragging) => startDrag(event, dragging, column.value)}
                    onDragEnd={endDrag}
                    onMove={(to) => void move(card, column.value, to)}
                  />
                ))}
              </BoardColumn>
            );
          })}
        </div>
      )}
    </div>
  );
}
