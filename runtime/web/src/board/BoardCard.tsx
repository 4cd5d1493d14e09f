// One card: the record's title (a link to its page) and its other card fields, draggable to
// another column, with the "Move to…" menu for the keyboard.
import type { DragEvent } from 'react';
import type { FieldDefinition, RecordData } from '../api/types';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { recordTitle } from '../metadata/entity-info';
import { FieldValue } from '../ui/FieldValue';
import { MoveMenu, type MoveTarget } from './MoveMenu';

export interface BoardCardProps {
  entity: string;
  card: RecordData;
  displayField: string;
  /** The card fields besides the title, with their definitions. */
  details: FieldDefinition[];
  targets: MoveTarget[];
  isMoving: boolean;
  onDragStart(event: DragEvent<HTMLElement>, card: RecordData): void;
  onDragEnd(): void;
  onMove(value: string): void;
}

export const CARD_MIME = 'application/x-stagecraft-card';

export function BoardCard({ entity, card, displayField, details, targets, isMoving, onDragStart, onDragEnd, onMove }: BoardCardProps) {
  const i18n = useI18n();
  const title = recordTitle(card, displayField);
  return (
    <li
      className={isMoving ? 'board-card board-card--moving' : 'board-card'}
      draggable={!isMoving}
      data-card-id={card.id}
      aria-busy={isMoving}
      onDragStart={(event) => onDragStart(event, card)}
      onDragEnd={onDragEnd}
    >
      <Link href={recordHref.view(entity, card.id)} className="board-card__title" draggable={false}>
        {title}
      </Link>
      <dl className="board-card__fields">
        {details.map((field) => (
          <div key={field.name} className="board-card__field">
            <dt>{i18n.text(field.label, field.name)}</dt>
            <dd>
              <FieldValue field={field} value={card[field.name]} record={card} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="board-card__actions">
        {isMoving ? <span className="muted small">{i18n.t('board.moving')}</span> : <span />}
        <MoveMenu title={title} targets={targets} disabled={isMoving} onMove={onMove} />
      </div>
    </li>
  );
}
