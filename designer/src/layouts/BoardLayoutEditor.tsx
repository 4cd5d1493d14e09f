// A board layout: the enum field its columns come from, their order (with the options' colours,
// which belong to the field and are edited there), the fields on each card and the number summed
// per column.
import type { BoardLayout, EntityDocument } from '@stagecraft/core';
import { useId, useState } from 'react';
import { problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Link } from '../shell/router';
import { boardColumnOrder, enumFields, moveBoardColumn, numericFields, setGroupBy, setSumField, toggleCardField } from './layout-edits';
import { ProblemNotes } from './ProblemNotes';

interface BoardLayoutEditorProps {
  layout: BoardLayout;
  entity: EntityDocument;
  path: string;
  update(edit: (layout: BoardLayout) => void): void;
}

export function BoardLayoutEditor({ layout, entity, path, update }: BoardLayoutEditorProps) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const baseId = useId();
  const [announcement, setAnnouncement] = useState('');
  const groupField = entity.fields.find((field) => field.name === layout.groupBy);
  const options = groupField?.type === 'enum' ? groupField.options : [];
  const order = boardColumnOrder(layout, entity);
  const labelOf = (value: string): string => text(options.find((option) => option.value === value)?.label) || value;
  const problemsAt = (key: string) => problemsUnder(studio.problems, `${path}/${key}`);
  const move = (from: number, to: number): void => {
    const value = order[from];
    if (value === undefined || to < 0 || to >= order.length) return;
    update((document) => moveBoardColumn(document, entity, from, to));
    setAnnouncement(t('layouts.columnMoved', { field: labelOf(value), position: to + 1, count: order.length }));
  };

  return (
    <div className="board-layout">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <section className="card" aria-labelledby={`${baseId}-group`}>
        <h2 id={`${baseId}-group`}>{t('layouts.boardColumns')}</h2>
        <div className="form-row">
          <label htmlFor={`${baseId}-group-by`}>{t('layouts.groupBy')}</label>
          <select id={`${baseId}-group-by`} value={layout.groupBy} onChange={(event) => update((document) => setGroupBy(document, event.target.value))}>
            {!groupField && <option value={layout.groupBy}>{layout.groupBy}</option>}
            {enumFields(entity).map((field) => (
              <option key={field.name} value={field.name}>
                {text(field.label) || field.name}
              </option>
            ))}
          </select>
          <ProblemNotes problems={[...problemsAt('groupBy'), ...problemsAt('columnOrder')]} />
        </div>
        <ol className="board-columns" aria-label={t('layouts.columnOrder')}>
          {order.map((value, index) => {
            const colour = options.find((option) => option.value === value)?.color;
            return (
              <li key={value} className="board-columns__item">
                <span className="swatch" style={{ background: colour ?? 'transparent' }} aria-hidden="true" />
                <span className="board-columns__label">
                  {labelOf(value)} <code>{value}</code>
                  {!colour && <span className="muted"> {t('layouts.noColour')}</span>}
                </span>
                <span className="row-actions">
                  <button type="button" className="button button--small button--icon" disabled={index === 0} aria-label={t('layouts.columnLeft', { name: labelOf(value) })} onClick={() => move(index, index - 1)}>
                    ↑
                  </button>
                  <button type="button" className="button button--small button--icon" disabled={index === order.length - 1} aria-label={t('layouts.columnRight', { name: labelOf(value) })} onClick={() => move(index, index + 1)}>
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <p className="hint">
          {t('layouts.coloursOnField')} <Link href={`/entities/${entity.name}`}>{t('layouts.editColours', { name: groupField ? text(groupField.label) || groupField.name : layout.groupBy })}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby={`${baseId}-cards`}>
        <h2 id={`${baseId}-cards`}>{t('layouts.cards')}</h2>
        <fieldset className="checks">
          <legend>{t('layouts.cardFields')}</legend>
          {entity.fields.map((field) => (
            <label key={field.name} className="check">
              <input
                type="checkbox"
                checked={layout.cardFields.includes(field.name)}
                disabled={layout.cardFields.length <= 1 && layout.cardFields.includes(field.name)}
                onChange={(event) => update((document) => toggleCardField(document, field.name, event.target.checked))}
              />
              {text(field.label) || field.name}
            </label>
          ))}
        </fieldset>
        <ProblemNotes problems={problemsAt('cardFields')} />
        <div className="form-row">
          <label htmlFor={`${baseId}-sum`}>{t('layouts.sumField')}</label>
          <select id={`${baseId}-sum`} value={layout.sumField ?? ''} onChange={(event) => update((document) => setSumField(document, event.target.value))}>
            <option value="">{t('layouts.noSum')}</option>
            {numericFields(entity).map((field) => (
              <option key={field.name} value={field.name}>
                {text(field.label) || field.name}
              </option>
            ))}
          </select>
          <ProblemNotes problems={problemsAt('sumField')} />
        </div>
      </section>
    </div>
  );
}
