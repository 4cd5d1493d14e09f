// A list layout: its columns (add, remove, reorder by drag and drop or the arrow buttons, width),
// the default sort and the default filters (operators offered are those core accepts for the
// field's type). Each row carries the validators' problems for its path.
import type { EntityDocument, ListLayout } from '@stagecraft/core';
import { useId, useState } from 'react';
import { problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { FilterClausesEditor } from '../ui/FilterClausesEditor';
import { addColumn, moveItem, removeColumn, setColumnWidth, setDefaultFilters, setDefaultSort } from './layout-edits';
import { ProblemNotes } from './ProblemNotes';

/** Columns every record has, which lists may show and sort by too. */
const SYSTEM_COLUMNS = ['createdAt', 'updatedAt'];

interface ListLayoutEditorProps {
  layout: ListLayout;
  entity: EntityDocument;
  path: string;
  update(edit: (layout: ListLayout) => void): void;
}

export function ListLayoutEditor({ layout, entity, path, update }: ListLayoutEditorProps) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const baseId = useId();
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [newColumn, setNewColumn] = useState('');

  const titleOf = (name: string): string => {
    if (name === 'createdAt') return t('layouts.createdAt');
    if (name === 'updatedAt') return t('layouts.updatedAt');
    return text(entity.fields.find((field) => field.name === name)?.label) || name;
  };
  const columnNames = [...entity.fields.map((field) => field.name), ...SYSTEM_COLUMNS];
  const available = columnNames.filter((name) => !layout.columns.some((column) => column.field === name));
  const chosenColumn = available.includes(newColumn) ? newColumn : (available[0] ?? '');
  const sort = layout.defaultSort?.[0];
  const moveColumn = (from: number, to: number, focus?: string): void => {
    const column = layout.columns[from];
    if (!column || to < 0 || to >= layout.columns.length) return;
    update((document) => moveItem(document.columns, from, to));
    setAnnouncement(t('layouts.columnMoved', { field: titleOf(column.field), position: to + 1, count: layout.columns.length }));
    if (focus) window.requestAnimationFrame(() => document.getElementById(`${baseId}-${column.field}-${to === 0 ? 'down' : to === layout.columns.length - 1 ? 'up' : focus}`)?.focus());
  };

  return (
    <div className="list-layout">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <section className="card" aria-labelledby={`${baseId}-columns`}>
        <div className="card__header">
          <h2 id={`${baseId}-columns`}>{t('layouts.listColumns')}</h2>
          {available.length > 0 && (
            <div className="inline-form">
              <label htmlFor={`${baseId}-new-column`}>{t('layouts.column')}</label>
              <select id={`${baseId}-new-column`} value={chosenColumn} onChange={(event) => setNewColumn(event.target.value)}>
                {available.map((name) => (
                  <option key={name} value={name}>
                    {titleOf(name)} ({name})
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  update((document) => addColumn(document, chosenColumn));
                  setAnnouncement(t('layouts.columnAdded', { field: titleOf(chosenColumn) }));
                }}
              >
                {t('layouts.addColumn')}
              </button>
            </div>
          )}
        </div>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('layouts.position')}</th>
              <th scope="col">{t('layouts.column')}</th>
              <th scope="col">{t('layouts.width')}</th>
              <th scope="col">{t('field.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {layout.columns.map((column, index) => {
              const problems = problemsUnder(studio.problems, `${path}/columns/${index}`);
              const title = titleOf(column.field);
              return (
                <tr
                  key={column.field}
                  className={[problems.length > 0 ? 'row--problem' : '', dragging === index ? 'placement--dragging' : ''].filter(Boolean).join(' ') || undefined}
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', column.field);
                    setDragging(index);
                  }}
                  onDragEnd={() => setDragging(null)}
                  onDragOver={(event) => dragging !== null && event.preventDefault()}
                  onDrop={(event) => {
                    event.preventDefault();
                    if (dragging !== null) moveColumn(dragging, index);
                    setDragging(null);
                  }}
                >
                  <td>
                    <span className="placement__handle" aria-hidden="true">
                      ⠿
                    </span>{' '}
                    {index + 1}
                  </td>
                  <td>
                    {title} <code>{column.field}</code>
                    <ProblemNotes problems={problems} />
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`${baseId}-${column.field}-width`}>
                      {t('layouts.widthOf', { name: title })}
                    </label>
                    <input
                      id={`${baseId}-${column.field}-width`}
                      className="input--narrow"
                      type="number"
                      min={20}
                      max={2000}
                      placeholder={t('layouts.auto')}
                      value={column.width ?? ''}
                      onChange={(event) => update((document) => setColumnWidth(document, index, event.target.value))}
                    />
                  </td>
                  <td>
                    <span className="row-actions">
                      <button type="button" id={`${baseId}-${column.field}-up`} className="button button--small button--icon" disabled={index === 0} aria-label={t('layouts.columnLeft', { name: title })} onClick={() => moveColumn(index, index - 1, 'up')}>
                        ↑
                      </button>
                      <button type="button" id={`${baseId}-${column.field}-down`} className="button button--small button--icon" disabled={index === layout.columns.length - 1} aria-label={t('layouts.columnRight', { name: title })} onClick={() => moveColumn(index, index + 1, 'down')}>
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        disabled={layout.columns.length <= 1}
                        aria-label={t('layouts.removeColumnNamed', { name: title })}
                        onClick={() => {
                          update((document) => void removeColumn(document, index));
                          setAnnouncement(t('layouts.columnRemoved', { field: title }));
                        }}
                      >
                        {t('field.remove')}
                      </button>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby={`${baseId}-sort`}>
        <h2 id={`${baseId}-sort`}>{t('layouts.defaultSort')}</h2>
        <div className="inline-form">
          <label htmlFor={`${baseId}-sort-field`}>{t('layouts.sortBy')}</label>
          <select id={`${baseId}-sort-field`} value={sort?.field ?? ''} onChange={(event) => update((document) => setDefaultSort(document, event.target.value, sort?.direction ?? 'asc'))}>
            <option value="">{t('layouts.noSort')}</option>
            {columnNames.map((name) => (
              <option key={name} value={name}>
                {titleOf(name)}
              </option>
            ))}
          </select>
          <label htmlFor={`${baseId}-sort-direction`}>{t('layouts.direction')}</label>
          <select id={`${baseId}-sort-direction`} value={sort?.direction ?? 'asc'} disabled={!sort} onChange={(event) => sort && update((document) => setDefaultSort(document, sort.field, event.target.value === 'desc' ? 'desc' : 'asc'))}>
            <option value="asc">{t('layouts.ascending')}</option>
            <option value="desc">{t('layouts.descending')}</option>
          </select>
        </div>
        <ProblemNotes problems={problemsUnder(studio.problems, `${path}/defaultSort`)} />
      </section>
      <section className="card" aria-labelledby={`${baseId}-filters`}>
        <h2 id={`${baseId}-filters`}>{t('layouts.defaultFilters')}</h2>
        <FilterClausesEditor
          entity={entity}
          clauses={layout.defaultFilters ?? []}
          titleOf={titleOf}
          problemsAt={(index) => problemsUnder(studio.problems, `${path}/defaultFilters/${index}`)}
          onChange={(clauses) => update((document) => setDefaultFilters(document, clauses))}
        />
      </section>
    </div>
  );
}
