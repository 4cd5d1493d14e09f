// One entity: its labels, title and search fields, and the field table — add a field of any type,
// edit its properties (generated panel), reorder, remove (off its layouts and field access too; the
// column is retired with its data and can be restored until purged). Rows say what the draft changed against the live version and
// carry the validators' problems for that field.
import type { EntityDocument, FieldDefinition } from '@stagecraft/core';
import { useState } from 'react';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { FIELD_TYPES, newFieldOfType } from '../schema/field-schemas';
import { Link } from '../shell/router';
import { LocalisedInput } from '../ui/LocalisedInput';
import { FieldPanel, type FieldValue } from './FieldPanel';
import { removeField } from './field-removal';
import { EntityIcon } from '../../../runtime/web/src/ui/EntityIcon';
import { IconPicker } from './IconPicker';
import { RelationsCard } from './RelationsCard';
import { RetiredFieldsCard } from './RetiredFieldsCard';
import { planFieldChange } from './type-change-verdict';

type Editing = { index: number } | { index: null; type: string } | null;

/** The live field a draft field stands for: same name, or the name it was renamed from. */
function liveFieldOf(live: EntityDocument | undefined, field: FieldDefinition): FieldDefinition | undefined {
  return live?.fields.find((candidate) => candidate.name === (field.renamedFrom ?? field.name)) ?? live?.fields.find((candidate) => candidate.name === field.name);
}

export function EntityEditor({ name }: { name: string }) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const studio = useStudio();
  const [editing, setEditing] = useState<Editing>(null);
  const [newType, setNewType] = useState('string');
  const entity = studio.draft.entities[name];
  const live = studio.live.bundle.entities[name];
  if (!entity) {
    return (
      <div className="page">
        <p>{t('entity.notFound', { name })}</p>
        <Link href="/">{t('entity.back')}</Link>
      </div>
    );
  }
  const entityPath = pathOf('entities', name);
  const update = (edit: (document: EntityDocument) => void): void =>
    studio.change((bundle) => {
      const document = bundle.entities[name];
      if (document) edit(document);
    });
  const move = (index: number, by: number): void =>
    update((document) => {
      const [field] = document.fields.splice(index, 1);
      if (field) document.fields.splice(index + by, 0, field);
    });
  const remove = (index: number): void => {
    const field = entity.fields[index];
    if (!field || !window.confirm(t('field.removeConfirm', { name: text(field.label) || field.name }))) return;
    studio.change((bundle) => removeField(bundle, name, field.name));
  };
  const removedLive = (live?.fields ?? []).filter((field) => !entity.fields.some((candidate) => (candidate.renamedFrom ?? candidate.name) === field.name || candidate.name === field.name));
  const restore = (field: FieldDefinition): void => update((document) => void document.fields.push(structuredClone(field)));
  const apply = (field: FieldValue): void => {
    const target = editing;
    update((document) => {
      const definition = field as unknown as FieldDefinition;
      if (target?.index === null) document.fields.push(definition);
      else if (target) {
        const previous = document.fields[target.index];
        document.fields[target.index] = definition;
        if (previous && previous.name !== field.name) {
          if (document.displayField === previous.name) document.displayField = field.name;
          if (document.searchFields) document.searchFields = document.searchFields.map((searched) => (searched === previous.name ? field.name : searched));
        }
      }
    });
    setEditing(null);
  };
  const liveNameOf = (target: Editing): string | undefined => {
    const draftField = target?.index === null || target === null ? undefined : entity.fields[target.index];
    return draftField ? liveFieldOf(live, draftField)?.name : undefined;
  };
  const entityNames = Object.keys(studio.draft.entities).sort();
  const editedField: FieldValue | undefined =
    editing === null ? undefined : editing.index === null ? (newFieldOfType(editing.type, '', {}, entityNames) as FieldValue) : (entity.fields[editing.index] as unknown as FieldValue | undefined);
  const stringFields = entity.fields.filter((field) => field.type === 'string' || field.type === 'email' || field.type === 'phone' || field.type === 'text' || field.type === 'autonumber');

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('entity.back')}>
        <Link href="/">{t('entity.back')}</Link>
      </nav>
      <div className="page__header">
        <div>
          <h1>
            {entity.icon ? <EntityIcon name={entity.icon} color={entity.color} className="entity-icon entity-icon--title" /> : entity.color && <span className="entity-dot" style={{ background: entity.color }} aria-hidden="true" />}
            {text(entity.label) || entity.name}
          </h1>
          <p className="page__intro">
            <code>{entity.name}</code>
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="entity-properties">
        <h2 id="entity-properties">{t('entity.properties')}</h2>
        <div className="grid-2">
          <LocalisedInput label={t('entities.singular')} value={entity.label} onChange={(value) => update((document) => void (document.label = value ?? document.name))} required idPrefix="entity-label" />
          <LocalisedInput label={t('entities.plural')} value={entity.pluralLabel} onChange={(value) => update((document) => (value === undefined ? void delete document.pluralLabel : void (document.pluralLabel = value)))} idPrefix="entity-plural" />
        </div>
        <div className="grid-2">
          <div className="form-row">
            <label htmlFor="entity-display-field">{t('entity.displayField')}</label>
            <select id="entity-display-field" value={entity.displayField ?? ''} onChange={(event) => update((document) => (event.target.value === '' ? void delete document.displayField : void (document.displayField = event.target.value)))}>
              <option value="">—</option>
              {stringFields.map((field) => (
                <option key={field.name} value={field.name}>
                  {text(field.label) || field.name}
                </option>
              ))}
            </select>
          </div>
          <IconPicker id="entity-icon" value={entity.icon} color={entity.color} onChange={(icon) => update((document) => (icon === undefined ? void delete document.icon : void (document.icon = icon)))} />
          <div className="form-row form-row--inline">
            <label htmlFor="entity-color">{t('entity.color')}</label>
            <input id="entity-color" type="color" value={entity.color ?? '#5f6b7d'} onChange={(event) => update((document) => void (document.color = event.target.value))} />
          </div>
          <fieldset className="checks">
            <legend>{t('entity.searchFields')}</legend>
            {stringFields.map((field) => (
              <label key={field.name} className="check">
                <input
                  type="checkbox"
                  checked={entity.searchFields?.includes(field.name) ?? false}
                  onChange={(event) =>
                    update((document) => {
                      const others = (document.searchFields ?? []).filter((searched) => searched !== field.name);
                      document.searchFields = event.target.checked ? [...others, field.name] : others;
                    })
                  }
                />
                {text(field.label) || field.name}
              </label>
            ))}
          </fieldset>
        </div>
        {problemsUnder(studio.problems, entityPath)
          .filter((problem) => !problem.path.startsWith(`${entityPath}/fields/`))
          .map((problem) => (
            <p key={`${problem.path}:${problem.message}`} className="inline-error">
              <code>{problem.path.slice(entityPath.length) || '/'}</code> {problem.message}
            </p>
          ))}
      </section>
      <section className="card" aria-labelledby="entity-fields">
        <div className="card__header">
          <h2 id="entity-fields">{t('entity.fields')}</h2>
          <div className="inline-form">
            <label htmlFor="new-field-type">{t('field.type')}</label>
            <select id="new-field-type" value={newType} onChange={(event) => setNewType(event.target.value)}>
              {FIELD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {i18n.typeLabel(type)}
                </option>
              ))}
            </select>
            <button type="button" className="button button--primary" onClick={() => setEditing({ index: null, type: newType })}>
              {t('entity.addField')}
            </button>
          </div>
        </div>
        {entity.fields.length === 0 ? (
          <p className="muted">{t('entity.noFields')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('field.label')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.type')}</th>
                <th scope="col">{t('field.required')}</th>
                <th scope="col">{t('field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entity.fields.map((field, index) => {
                const liveField = liveFieldOf(live, field);
                const isChanged = liveField !== undefined && JSON.stringify(liveField) !== JSON.stringify({ ...field, renamedFrom: undefined });
                const problems = problemsUnder(studio.problems, `${entityPath}/fields/${index}`);
                const title = text(field.label) || field.name;
                return (
                  <tr key={`${field.name}:${index}`} className={problems.length > 0 ? 'row--problem' : undefined}>
                    <td>
                      {title}
                      {liveField === undefined && <span className="badge badge--brand">{t('field.new.badge')}</span>}
                      {isChanged && <span className="badge badge--warning">{t('field.changed.badge')}</span>}
                      {problems.map((problem) => (
                        <p key={`${problem.path}:${problem.message}`} className="inline-error">
                          {problem.message}
                        </p>
                      ))}
                    </td>
                    <td>
                      <code>{field.name}</code>
                    </td>
                    <td>{i18n.typeLabel(field.type)}</td>
                    <td>{field.required ? t('common.yes') : t('common.no')}</td>
                    <td className="row-actions">
                      <button type="button" className="button button--small" onClick={() => setEditing({ index })} aria-label={`${t('field.edit')} ${title}`}>
                        {t('field.edit')}
                      </button>
                      <button type="button" className="button button--small button--icon" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`${t('field.moveUp')} ${title}`}>
                        ↑
                      </button>
                      <button type="button" className="button button--small button--icon" disabled={index === entity.fields.length - 1} onClick={() => move(index, 1)} aria-label={`${t('field.moveDown')} ${title}`}>
                        ↓
                      </button>
                      <button type="button" className="button button--small button--danger" onClick={() => remove(index)} aria-label={`${t('field.remove')} ${title}`}>
                        {t('field.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {removedLive.length > 0 && (
          <ul className="removed-list">
            {removedLive.map((field) => (
              <li key={field.name}>
                <span className="badge badge--danger">{t('changes.removed')}</span> {text(field.label) || field.name} <code>{field.name}</code>{' '}
                <button type="button" className="button button--small" onClick={() => restore(field)}>
                  {t('field.restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RetiredFieldsCard entity={name} />
      <RelationsCard entity={entity} />
      {editing !== null && editedField && (
        <FieldPanel
          field={editedField}
          liveName={liveNameOf(editing)}
          otherNames={entity.fields.filter((_, index) => editing.index === null || index !== editing.index).map((field) => field.name)}
          entityNames={entityNames}
          isNew={editing.index === null}
          planChange={(edited) => planFieldChange(studio.draft, name, editing.index, edited)}
          onApply={apply}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
