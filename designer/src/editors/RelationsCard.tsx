// An entity's relations besides its reference fields: one-to-many (the records of another entity
// whose reference points here, with that reference's delete rule) and many-to-many (a link table
// owned by this entity). Many-to-one relations are reference fields, edited in the field table.
import type { EntityDocument, FieldDefinition, RelationDefinition } from '@stagecraft/core';
import type { LocalisedText } from '@stagecraft/core/label';
import { useState, type FormEvent } from 'react';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { LocalisedInput } from '../ui/LocalisedInput';

const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;
const DELETE_RULES = ['restrict', 'setNull', 'cascade'] as const;
type DeleteRule = (typeof DELETE_RULES)[number];

/** Reference fields of `other` pointing at `entity`: what a one-to-many relation can follow. */
function referencesTo(other: EntityDocument | undefined, entity: string): FieldDefinition[] {
  return (other?.fields ?? []).filter((field) => field.type === 'reference' && field.entity === entity);
}

function RelationDialog({ entity, relation, index, onClose }: { entity: EntityDocument; relation: RelationDefinition | undefined; index: number | null; onClose(): void }) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const studio = useStudio();
  const [kind, setKind] = useState<RelationDefinition['kind']>(relation?.kind ?? 'hasMany');
  const [name, setName] = useState(relation?.name ?? '');
  const [label, setLabel] = useState<LocalisedText | undefined>(relation?.label);
  const [target, setTarget] = useState(relation?.entity ?? '');
  const [field, setField] = useState(relation?.kind === 'hasMany' ? relation.field : '');
  const [error, setError] = useState<string | null>(null);
  const targets = Object.values(studio.draft.entities).sort((a, b) => a.name.localeCompare(b.name));
  const candidates = referencesTo(studio.draft.entities[target], entity.name);
  const followed = candidates.find((candidate) => candidate.name === field);
  const [deleteRule, setDeleteRule] = useState<DeleteRule>(followed?.type === 'reference' ? (followed.onDelete ?? 'restrict') : 'restrict');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!IDENTIFIER.test(name)) return setError(t('field.invalidName'));
    const taken = [...entity.fields.map((other) => other.name), ...(entity.relations ?? []).filter((_, position) => position !== index).map((other) => other.name)];
    if (taken.includes(name)) return setError(t('field.duplicateName', { name }));
    if (target === '' || (kind === 'hasMany' && field === '')) return setError(t('relations.incomplete'));
    const next: RelationDefinition = kind === 'hasMany' ? { kind, name, entity: target, field, ...(label ? { label } : {}) } : { kind, name, entity: target, ...(label ? { label } : {}) };
    studio.change((bundle) => {
      const document = bundle.entities[entity.name];
      if (!document) return;
      const relations = [...(document.relations ?? [])];
      if (index === null) relations.push(next);
      else relations[index] = next;
      document.relations = relations;
      // The delete rule belongs to the reference the relation follows.
      const reference = kind === 'hasMany' ? bundle.entities[target]?.fields.find((candidate) => candidate.name === field) : undefined;
      if (reference?.type === 'reference') reference.onDelete = deleteRule;
    });
    onClose();
  };

  return (
    <Dialog title={index === null ? t('relations.new') : t('relations.edit', { name: relation?.name ?? '' })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <label htmlFor="relation-kind">{t('relations.kind')}</label>
          <select id="relation-kind" value={kind} onChange={(event) => setKind(event.target.value as RelationDefinition['kind'])}>
            <option value="hasMany">{t('relations.hasMany')}</option>
            <option value="manyToMany">{t('relations.manyToMany')}</option>
          </select>
        </div>
        <LocalisedInput label={t('field.label')} value={label} onChange={setLabel} idPrefix="relation-label" />
        <div className="form-row">
          <label htmlFor="relation-name">{t('field.name')}</label>
          <input id="relation-name" value={name} aria-invalid={error !== null} aria-describedby={error ? 'relation-error' : undefined} onChange={(event) => { setName(event.target.value); setError(null); }} />
        </div>
        <div className="form-row">
          <label htmlFor="relation-entity">{t('relations.entity')}</label>
          <select id="relation-entity" value={target} onChange={(event) => { setTarget(event.target.value); setField(''); }}>
            <option value="">—</option>
            {targets.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {text(candidate.label) || candidate.name}
              </option>
            ))}
          </select>
        </div>
        {kind === 'hasMany' && (
          <>
            <div className="form-row">
              <label htmlFor="relation-field">{t('relations.field')}</label>
              <select
                id="relation-field"
                value={field}
                onChange={(event) => {
                  setField(event.target.value);
                  // The rule shown is the chosen reference's own, until changed here.
                  const chosen = candidates.find((candidate) => candidate.name === event.target.value);
                  setDeleteRule(chosen?.type === 'reference' ? (chosen.onDelete ?? 'restrict') : 'restrict');
                }}
                aria-describedby="relation-field-help"
              >
                <option value="">—</option>
                {candidates.map((candidate) => (
                  <option key={candidate.name} value={candidate.name}>
                    {text(candidate.label) || candidate.name}
                  </option>
                ))}
              </select>
              <p id="relation-field-help" className="hint">
                {t('relations.fieldHelp', { entity: text(entity.label) || entity.name })}
              </p>
            </div>
            <div className="form-row">
              <label htmlFor="relation-delete">{t('relations.onDelete')}</label>
              <select id="relation-delete" value={deleteRule} onChange={(event) => setDeleteRule(event.target.value as DeleteRule)}>
                {DELETE_RULES.map((rule) => (
                  <option key={rule} value={rule}>
                    {t(`relations.onDelete.${rule}`)}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {error && (
          <p id="relation-error" className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('field.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RelationsCard({ entity }: { entity: EntityDocument }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const relations = entity.relations ?? [];
  const remove = (index: number): void =>
    studio.change((bundle) => {
      const document = bundle.entities[entity.name];
      if (document?.relations) document.relations = document.relations.filter((_, position) => position !== index);
    });
  return (
    <section className="card" aria-labelledby="entity-relations">
      <div className="card__header">
        <h2 id="entity-relations">{t('relations.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing({ index: null })}>
          {t('relations.add')}
        </button>
      </div>
      <p className="hint">{t('relations.intro')}</p>
      {relations.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('field.label')}</th>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('relations.kind')}</th>
              <th scope="col">{t('relations.entity')}</th>
              <th scope="col">{t('field.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {relations.map((relation, index) => {
              const title = text(relation.label) || relation.name;
              const problems = problemsUnder(studio.problems, pathOf('entities', entity.name, 'relations', index));
              return (
                <tr key={`${relation.name}:${index}`} className={problems.length > 0 ? 'row--problem' : undefined}>
                  <td>
                    {title}
                    {problems.map((problem) => (
                      <p key={`${problem.path}:${problem.message}`} className="inline-error">
                        {problem.message}
                      </p>
                    ))}
                  </td>
                  <td>
                    <code>{relation.name}</code>
                  </td>
                  <td>{t(relation.kind === 'hasMany' ? 'relations.hasMany' : 'relations.manyToMany')}</td>
                  <td>
                    {text(studio.draft.entities[relation.entity]?.label) || relation.entity}
                    {relation.kind === 'hasMany' && <span className="muted"> · {relation.field}</span>}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="button button--small" onClick={() => setEditing({ index })} aria-label={`${t('field.edit')} ${title}`}>
                      {t('field.edit')}
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
      {editing && <RelationDialog entity={entity} relation={editing.index === null ? undefined : relations[editing.index]} index={editing.index} onClose={() => setEditing(null)} />}
    </section>
  );
}
