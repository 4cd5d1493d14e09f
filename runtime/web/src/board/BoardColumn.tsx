// One column of the board: its stage label and colour, count and sum in the user's locale, and
// its cards, loaded a page at a time as the column scrolls (or on "Show more"). The whole column
// is a drop target for dragged cards.
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { FieldDefinition } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading } from '../ui/feedback';
import type { BoardColumnData } from './board-api';
import type { ColumnCards } from './use-board';

export interface BoardColumnProps {
  column: BoardColumnData;
  cards: ColumnCards | undefined;
  sumField: FieldDefinition | undefined;
  /** Whether a card from another column is being dragged (the column shows it can take it). */
  canDrop: boolean;
  onDrop(value: string): void;
  onLoadMore(value: string): void;
  children: ReactNode;
}

/** A column's total: whole units (a column header has no room for cents), in the field's currency. */
export function formatSum(sum: number, field: FieldDefinition | undefined, i18n: ReturnType<typeof useI18n>): string {
  if (field?.type === 'currency') {
    try {
      return i18n.number(sum, { style: 'currency', currency: field.currency, maximumFractionDigits: 0 });
    } catch {
      return i18n.currency(sum, field.currency);
    }
  }
  return i18n.number(sum, { maximumFractionDigits: 2 });
}

export function BoardColumn({ column, cards, sumField, canDrop, onDrop, onLoadMore, children }: BoardColumnProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [isOver, setIsOver] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const label = i18n.text(column.label, column.value);
  const remaining = cards ? Math.max(0, cards.total - cards.cards.length) : 0;
  const headingId = `board-column-${column.value}`;

  // Loads the next page when the end of the column scrolls into view.
  useEffect(() => {
    const element = sentinel.current;
    if (!element || remaining === 0) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore(column.value);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [remaining, column.value, onLoadMore]);

  const dragOver = (event: DragEvent<HTMLElement>) => {
    if (!canDrop) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setIsOver(true);
  };
  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setIsOver(false);
    onDrop(column.value);
  };

  return (
    <section
      className={`board-column${isOver ? ' board-column--over' : ''}${canDrop ? ' board-column--droppable' : ''}`}
      aria-labelledby={headingId}
      data-column={column.value}
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsOver(false);
      }}
      onDrop={drop}
    >
      <header className="board-column__header" style={{ borderTopColor: column.color ?? 'var(--line-strong)' }}>
        <h2 id={headingId} className="board-column__title">
          {column.color && <span className="badge__dot" style={{ background: column.color }} aria-hidden="true" />}
          {label}
        </h2>
        <p className="board-column__figures">
          <span className="board-column__count">
            <span aria-hidden="true">{i18n.number(column.count)}</span>
            <span className="visually-hidden">{t('board.cards', { count: i18n.number(column.count) })}</span>
          </span>
          {column.sum !== undefined && <span className="board-column__sum">{formatSum(column.sum, sumField, i18n)}</span>}
        </p>
      </header>
      <div className="board-column__body">
        {cards?.error !== undefined && <ErrorNotice error={cards.error} onRetry={() => onLoadMore(column.value)} />}
        <ul className="board-column__cards">{children}</ul>
        {cards && !cards.loading && cards.cards.length === 0 && cards.error === undefined && <p className="board-column__empty">{t('board.empty')}</p>}
        {cards?.loading && <Loading inline />}
        {remaining > 0 && !cards?.loading && (
          <button type="button" className="button button--quiet button--small board-column__more" onClick={() => onLoadMore(column.value)}>
            {t('board.showMore', { count: i18n.number(remaining) })}
          </button>
        )}
        <div ref={sentinel} className="board-column__sentinel" aria-hidden="true" />
      </div>
    </section>
  );
}
