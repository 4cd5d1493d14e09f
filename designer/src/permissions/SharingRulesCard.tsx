// Sharing rules: criteria-based access beyond a role's record scope ("the sales reps may read every
// gold account"). Each rule belongs to a permission set (so to its role), names an entity, gives
// read or read-and-edit access, and holds the criteria every shared record matches — edited with
// the same clause editor as a list's filters, never JSON. Edits land in the draft; the validators'
// problems show on the rule they concern.
import type { FilterClause, SharingRule } from '@stagecraft/core';
import { useState } from 'react';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { FilterClausesEditor } from '../ui/FilterClausesEditor';
import { FormRow } from '../ui/FormRow';
import { ProblemNotes } from '../layouts/ProblemNotes';

const RULE_NAME = /^[a-z][A-Za-z0-9]*$/;

type Editing = { set: string; index: number | null };

function RuleDialog({ editing, roleLabel, onClose }: { editing: Editing; roleLabel(set: string): string; onClose(): void }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const sets = Object.values(studio.draft.permissions ?? {});
  const existing = editing.index === null ? undefined : studio.draft.permissions?.[editing.set]?.sharingRules?.[editing.index];
  const entities = Object.values(studio.draft.entities).sort((a, b) => (text(a.label) || a.name).localeCompare(text(b.label) || b.name));
  const [set, setSet] = useState(editing.set);
  const [rule, setRule] = useState<SharingRule>(existing ? structuredClone(existing) : { name: '', entity: entities[0]?.name ?? '', access: 'read', where: [] });
  const [nameError, setNameError] = useState<string | undefined>();
  const entity = studio.draft.entities[rule.entity];
  const rulePath = editing.index === null ? undefined : pathOf('permissions', editing.set, 'sharingRules', String(editing.index));

  const save = (): void => {
    const taken = (studio.draft.permissions?.[set]?.sharingRules ?? []).some((other, index) => other.name === rule.name && !(set === editing.set && index === editing.index));
    if (!RULE_NAME.test(rule.name)) return setNameError(t('sharing.nameInvalid'));
    if (taken) return setNameError(t('sharing.nameTaken', { name: rule.name }));
    studio.change((bundle) => {
      const from = bundle.permissions?.[editing.set];
      if (from && editing.index !== null) from.sharingRules?.splice(editing.index, 1);
      if (from?.sharingRules?.length === 0) delete from.sharingRules;
      const to = bundle.permissions?.[set];
      if (to) to.sharingRules = [...(to.sharingRules ?? []), rule];
    });
    onClose();
  };

  return (
    <Dialog title={existing ? t('sharing.editTitle', { name: existing.name }) : t('sharing.newTitle')} onClose={onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="grid-2">
          <FormRow id="sharing-set" label={t('sharing.set')}>
            <select value={set} onChange={(event) => setSet(event.target.value)}>
              {sets.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {roleLabel(candidate.name)} ({candidate.name})
                </option>
              ))}
            </select>
          </FormRow>
          <FormRow id="sharing-name" label={t('sharing.name')} hint={t('sharing.nameHint')} error={nameError}>
            <input value={rule.name} onChange={(event) => (setRule({ ...rule, name: event.target.value }), setNameError(undefined))} autoComplete="off" />
          </FormRow>
          <FormRow id="sharing-entity" label={t('sharing.entity')}>
            <select value={rule.entity} onChange={(event) => setRule({ ...rule, entity: event.target.value, where: [] })}>
              {entities.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {text(candidate.label) || candidate.name}
                </option>
              ))}
            </select>
          </FormRow>
          <FormRow id="sharing-access" label={t('sharing.access')}>
            <select value={rule.access} onChange={(event) => setRule({ ...rule, access: event.target.value === 'edit' ? 'edit' : 'read' })}>
              <option value="read">{t('sharing.access.read')}</option>
              <option value="edit">{t('sharing.access.edit')}</option>
            </select>
          </FormRow>
        </div>
        <fieldset className="fieldset">
          <legend>{t('sharing.criteria')}</legend>
          {entity && (
            <FilterClausesEditor
              entity={entity}
              clauses={rule.where}
              problemsAt={(index) => (rulePath ? problemsUnder(studio.problems, `${rulePath}/where/${index}`) : [])}
              onChange={(where: FilterClause[]) => setRule({ ...rule, where })}
            />
          )}
        </fieldset>
        {rule.where.length === 0 && <p className="hint">{t('sharing.noCriteria')}</p>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('sharing.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function SharingRulesCard({ roleLabel }: { roleLabel(set: string): string }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const [editing, setEditing] = useState<Editing | null>(null);
  const sets = Object.values(studio.draft.permissions ?? {});
  const rules = sets.flatMap((set) => (set.sharingRules ?? []).map((rule, index) => ({ set: set.name, index, rule })));
  const entityTitle = (name: string): string => text(studio.draft.entities[name]?.label) || name;
  const remove = (set: string, index: number): void =>
    studio.change((bundle) => {
      const document = bundle.permissions?.[set];
      document?.sharingRules?.splice(index, 1);
      if (document?.sharingRules?.length === 0) delete document.sharingRules;
    });

  return (
    <section className="card" aria-labelledby="sharing-rules">
      <div className="card__header">
        <h2 id="sharing-rules">{t('sharing.title')}</h2>
        <button type="button" className="button" disabled={sets.length === 0} onClick={() => setEditing({ set: sets[0]?.name ?? '', index: null })}>
          {t('sharing.new')}
        </button>
      </div>
      <p className="muted">{t('sharing.intro')}</p>
      {rules.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('sharing.set')}</th>
              <th scope="col">{t('sharing.name')}</th>
              <th scope="col">{t('sharing.entity')}</th>
              <th scope="col">{t('sharing.access')}</th>
              <th scope="col">{t('sharing.criteria')}</th>
              <th scope="col">{t('field.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map(({ set, index, rule }) => {
              const problems = problemsUnder(studio.problems, pathOf('permissions', set, 'sharingRules', String(index)));
              return (
                <tr key={`${set}:${rule.name}:${index}`} className={problems.length > 0 ? 'row--problem' : undefined}>
                  <td>{roleLabel(set)}</td>
                  <td>
                    <code>{rule.name}</code>
                    <ProblemNotes problems={problems} />
                  </td>
                  <td>{entityTitle(rule.entity)}</td>
                  <td>{t(rule.access === 'edit' ? 'sharing.access.edit' : 'sharing.access.read')}</td>
                  <td>{rule.where.length === 0 ? t('sharing.everyRecord') : rule.where.map((clause) => `${text(studio.draft.entities[rule.entity]?.fields.find((field) => field.name === clause.field)?.label) || clause.field} ${t(`layouts.op.${clause.op}`)} ${Array.isArray(clause.value) ? clause.value.join(', ') : String(clause.value ?? '')}`).join('; ')}</td>
                  <td className="row-actions">
                    <button type="button" className="button button--small" aria-label={`${t('field.edit')} ${rule.name}`} onClick={() => setEditing({ set, index })}>
                      {t('field.edit')}
                    </button>
                    <button type="button" className="button button--small button--danger" aria-label={`${t('field.remove')} ${rule.name}`} onClick={() => remove(set, index)}>
                      {t('field.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && <RuleDialog editing={editing} roleLabel={roleLabel} onClose={() => setEditing(null)} />}
    </section>
  );
}
