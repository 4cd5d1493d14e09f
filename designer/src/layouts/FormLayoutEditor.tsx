// A form layout: its sections (label in both languages, grid columns, a visibleWhen rule) and the
// fields placed in them. Fields are added from those not placed yet, reordered and moved between
// sections by drag and drop or by keyboard (move up / down across sections, or straight to a
// chosen section), each move announced in a live region and focus kept on the moved field. The
// live preview beside the editor renders the draft with the end-user app's own form.
import type { EntityDocument, FormLayout } from '@stagecraft/core';
import { lazy, Suspense, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { ExpressionEditor } from '../expressions/ExpressionEditor';
import { useI18n } from '../i18n/i18n';
import { LocalisedInput } from '../ui/LocalisedInput';
import { addPlacement, addSection, moveItem, movePlacement, PLACEMENT_CONDITIONS, removePlacement, removeSection, SECTION_COLUMNS, setCondition, stepTarget, unplacedNames, type PlacementAt } from './layout-edits';
import { PlacementDialog } from './PlacementDialog';
import { ProblemNotes } from './ProblemNotes';

// The preview brings the app's form renderer along: loaded when a form layout is first opened.
const FormPreview = lazy(() => import('./FormPreview').then((module) => ({ default: module.FormPreview })));

interface FormLayoutEditorProps {
  layout: FormLayout;
  entity: EntityDocument;
  /** The layout's JSON path in the bundle (`/layouts/<name>`). */
  path: string;
  update(edit: (layout: FormLayout) => void): void;
}

export function FormLayoutEditor({ layout, entity, path, update }: FormLayoutEditorProps) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const baseId = useId();
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<PlacementAt | null>(null);
  const [dragging, setDragging] = useState<PlacementAt | null>(null);
  const [dropAt, setDropAt] = useState<PlacementAt | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [targets, setTargets] = useState<Record<string, string>>({});
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const element = document.getElementById(pendingFocus.current);
    pendingFocus.current = null;
    element?.focus();
  }, [layout]);

  const titleOf = (name: string): string => {
    const field = entity.fields.find((candidate) => candidate.name === name);
    const relation = entity.relations?.find((candidate) => candidate.name === name);
    return text(field?.label ?? relation?.label) || name;
  };
  const sectionTitle = (index: number): string => {
    const section = layout.sections[index];
    return section ? text(section.label) || section.name : '';
  };
  const controlId = (field: string, control: string): string => `${baseId}-${field}-${control}`;

  const move = (from: PlacementAt, to: PlacementAt | undefined, focus?: string): void => {
    const field = layout.sections[from.section]?.fields[from.index]?.field;
    if (!to || !field) return;
    // Computed on a copy first, so the announcement names where the field really lands.
    const copy = structuredClone(layout);
    const landed = movePlacement(copy, from, to);
    if (!landed) return;
    update((document) => void movePlacement(document, from, to));
    const count = copy.sections[landed.section]?.fields.length ?? 0;
    setAnnouncement(t('layouts.moved', { field: titleOf(field), section: sectionTitle(landed.section), position: landed.index + 1, count }));
    // Focus stays on the moved field: on the same button while it can still go that way.
    const control = focus === 'up' && !stepTarget(copy, landed, -1) ? 'down' : focus === 'down' && !stepTarget(copy, landed, 1) ? 'up' : focus;
    if (control) pendingFocus.current = controlId(field, control);
  };

  const onDrop = (event: DragEvent, to: PlacementAt): void => {
    event.preventDefault();
    event.stopPropagation();
    if (dragging) move(dragging, to);
    setDragging(null);
    setDropAt(null);
  };

  const allUnplaced = unplacedNames(entity, layout);
  return (
    <div className="form-layout">
      <div className="form-layout__editor">
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        <p className="hint">{t('layouts.formHint')}</p>
        {layout.sections.map((section, sectionIndex) => {
          const sectionPath = `${path}/sections/${sectionIndex}`;
          const headingId = `${baseId}-section-${sectionIndex}`;
          const sectionProblems = problemsUnder(studio.problems, sectionPath).filter((problem) => !problem.path.startsWith(`${sectionPath}/fields/`) && !problem.path.startsWith(`${sectionPath}/visibleWhen`));
          const choice = choices[section.name] ?? allUnplaced[0] ?? '';
          return (
            <section key={`${section.name}:${sectionIndex}`} className={sectionProblems.length > 0 ? 'card layout-section layout-section--problem' : 'card layout-section'} aria-labelledby={headingId}>
              <div className="card__header">
                <h3 id={headingId}>
                  {sectionTitle(sectionIndex)} <code>{section.name}</code>
                </h3>
                <div className="row-actions">
                  <button type="button" className="button button--small button--icon" disabled={sectionIndex === 0} aria-label={t('layouts.sectionUp', { name: sectionTitle(sectionIndex) })} onClick={() => update((document) => moveItem(document.sections, sectionIndex, sectionIndex - 1))}>
                    ↑
                  </button>
                  <button type="button" className="button button--small button--icon" disabled={sectionIndex === layout.sections.length - 1} aria-label={t('layouts.sectionDown', { name: sectionTitle(sectionIndex) })} onClick={() => update((document) => moveItem(document.sections, sectionIndex, sectionIndex + 1))}>
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={layout.sections.length <= 1}
                    aria-label={t('layouts.removeSectionNamed', { name: sectionTitle(sectionIndex) })}
                    onClick={() => window.confirm(t('layouts.removeSectionConfirm', { name: sectionTitle(sectionIndex) })) && update((document) => void removeSection(document, sectionIndex))}
                  >
                    {t('layouts.removeSection')}
                  </button>
                </div>
              </div>
              <ProblemNotes problems={sectionProblems} />
              <div className="layout-section__properties">
                <LocalisedInput
                  label={t('layouts.sectionLabel')}
                  value={section.label}
                  idPrefix={`${headingId}-label`}
                  onChange={(value) => update((document) => {
                    const target = document.sections[sectionIndex];
                    if (!target) return;
                    if (value === undefined) delete target.label;
                    else target.label = value;
                  })}
                />
                <div className="form-row">
                  <label htmlFor={`${headingId}-columns`}>{t('layouts.columns')}</label>
                  <select
                    id={`${headingId}-columns`}
                    value={section.columns ?? 2}
                    onChange={(event) => update((document) => {
                      const target = document.sections[sectionIndex];
                      if (target) target.columns = Number(event.target.value);
                    })}
                  >
                    {SECTION_COLUMNS.map((count) => (
                      <option key={count} value={count}>
                        {t('layouts.columnCount', { count })}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <ExpressionEditor
                label={t('layouts.sectionVisibleWhen')}
                hint={t('layouts.sectionVisibleWhenHint')}
                value={section.visibleWhen}
                entity={entity}
                problems={problemsUnder(studio.problems, `${sectionPath}/visibleWhen`)}
                onCommit={(source) => update((document) => {
                  const target = document.sections[sectionIndex];
                  if (target) setCondition(target, 'visibleWhen', source);
                })}
              />
              <ol
                className={dropAt?.section === sectionIndex && dropAt.index === section.fields.length ? 'placements placements--drop' : 'placements'}
                aria-label={t('layouts.sectionFields', { name: sectionTitle(sectionIndex) })}
                onDragOver={(event) => {
                  if (!dragging) return;
                  event.preventDefault();
                  setDropAt({ section: sectionIndex, index: section.fields.length });
                }}
                onDrop={(event) => onDrop(event, { section: sectionIndex, index: section.fields.length })}
              >
                {section.fields.length === 0 && <li className="placements__empty">{t('layouts.emptySection')}</li>}
                {section.fields.map((placement, index) => {
                  const at = { section: sectionIndex, index };
                  const title = titleOf(placement.field);
                  const placementPath = `${sectionPath}/fields/${index}`;
                  const problems = problemsUnder(studio.problems, placementPath);
                  const conditions = PLACEMENT_CONDITIONS.filter((key) => placement[key] !== undefined);
                  const otherSections = layout.sections.map((_, candidate) => candidate).filter((candidate) => candidate !== sectionIndex);
                  const target = targets[placement.field] ?? String(otherSections[0] ?? '');
                  const classes = ['placement', problems.length > 0 ? 'placement--problem' : '', dragging?.section === sectionIndex && dragging.index === index ? 'placement--dragging' : '', dropAt?.section === sectionIndex && dropAt.index === index ? 'placement--drop' : ''];
                  return (
                    <li
                      key={placement.field}
                      className={classes.filter(Boolean).join(' ')}
                      draggable
                      onDragStart={(event) => {
                        event.dataTransfer.effectAllowed = 'move';
                        event.dataTransfer.setData('text/plain', placement.field);
                        setDragging(at);
                      }}
                      onDragEnd={() => {
                        setDragging(null);
                        setDropAt(null);
                      }}
                      onDragOver={(event) => {
                        if (!dragging) return;
                        event.preventDefault();
                        event.stopPropagation();
                        setDropAt(at);
                      }}
                      onDrop={(event) => onDrop(event, at)}
                    >
                      <span className="placement__handle" aria-hidden="true">
                        ⠿
                      </span>
                      <span className="placement__title">
                        {title} <code>{placement.field}</code>
                        {placement.helpText !== undefined && <span className="badge badge--brand">{t('layouts.hasHelp')}</span>}
                        {conditions.map((key) => (
                          <span key={key} className="badge badge--warning" title={placement[key]}>
                            {t(`layouts.badge.${key}`)}
                          </span>
                        ))}
                        <ProblemNotes problems={problems} />
                      </span>
                      <span className="row-actions">
                        <button type="button" id={controlId(placement.field, 'up')} className="button button--small button--icon" disabled={!stepTarget(layout, at, -1)} aria-label={t('layouts.fieldUp', { name: title })} onClick={() => move(at, stepTarget(layout, at, -1), 'up')}>
                          ↑
                        </button>
                        <button type="button" id={controlId(placement.field, 'down')} className="button button--small button--icon" disabled={!stepTarget(layout, at, 1)} aria-label={t('layouts.fieldDown', { name: title })} onClick={() => move(at, stepTarget(layout, at, 1), 'down')}>
                          ↓
                        </button>
                        {otherSections.length > 0 && (
                          <>
                            <label className="visually-hidden" htmlFor={controlId(placement.field, 'target')}>
                              {t('layouts.moveToSectionOf', { name: title })}
                            </label>
                            <select id={controlId(placement.field, 'target')} className="placement__target" value={target} onChange={(event) => setTargets((current) => ({ ...current, [placement.field]: event.target.value }))}>
                              {otherSections.map((candidate) => (
                                <option key={candidate} value={candidate}>
                                  {sectionTitle(candidate)}
                                </option>
                              ))}
                            </select>
                            <button
                              type="button"
                              id={controlId(placement.field, 'move')}
                              className="button button--small"
                              aria-label={t('layouts.moveToSectionNamed', { name: title })}
                              onClick={() => {
                                const destination = Number(target);
                                move(at, { section: destination, index: layout.sections[destination]?.fields.length ?? 0 }, 'move');
                              }}
                            >
                              {t('layouts.move')}
                            </button>
                          </>
                        )}
                        <button type="button" className="button button--small" aria-label={t('layouts.fieldDetails', { name: title })} onClick={() => setEditing(at)}>
                          {t('layouts.details')}
                        </button>
                        <button
                          type="button"
                          className="button button--small button--danger"
                          aria-label={t('layouts.removeFieldNamed', { name: title })}
                          onClick={() => {
                            update((document) => removePlacement(document, at));
                            setAnnouncement(t('layouts.fieldRemoved', { field: title, section: sectionTitle(sectionIndex) }));
                          }}
                        >
                          {t('field.remove')}
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ol>
              {allUnplaced.length > 0 && (
                <div className="inline-form">
                  <label htmlFor={`${headingId}-add`}>{t('layouts.addFieldTo')}</label>
                  <select id={`${headingId}-add`} value={choice} onChange={(event) => setChoices((current) => ({ ...current, [section.name]: event.target.value }))}>
                    {allUnplaced.map((name) => (
                      <option key={name} value={name}>
                        {titleOf(name)} ({name})
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button"
                    aria-label={t('layouts.addFieldNamed', { name: sectionTitle(sectionIndex) })}
                    onClick={() => {
                      if (!allUnplaced.includes(choice)) return;
                      update((document) => addPlacement(document, sectionIndex, choice));
                      setAnnouncement(t('layouts.fieldAdded', { field: titleOf(choice), section: sectionTitle(sectionIndex) }));
                    }}
                  >
                    {t('layouts.addField')}
                  </button>
                </div>
              )}
            </section>
          );
        })}
        <div>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              update((document) => void addSection(document));
              setAnnouncement(t('layouts.sectionAdded'));
            }}
          >
            {t('layouts.addSection')}
          </button>
        </div>
      </div>
      <div className="form-layout__preview">
        <Suspense fallback={<p className="muted">{t('studio.loading')}</p>}>
          <FormPreview entity={entity} layout={layout} />
        </Suspense>
      </div>
      {editing && layout.sections[editing.section]?.fields[editing.index] && (
        <PlacementDialog
          placement={layout.sections[editing.section]!.fields[editing.index]!}
          title={titleOf(layout.sections[editing.section]!.fields[editing.index]!.field)}
          entity={entity}
          path={`${path}/sections/${editing.section}/fields/${editing.index}`}
          problems={studio.problems}
          onEdit={(edit) => update((document) => {
            const placement = document.sections[editing.section]?.fields[editing.index];
            if (placement) edit(placement);
          })}
          onCondition={(key, source) => update((document) => {
            const placement = document.sections[editing.section]?.fields[editing.index];
            if (placement) setCondition(placement, key, source);
          })}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
