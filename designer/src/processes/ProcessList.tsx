// The processes of the draft (the packs' and the administrators' own): each with its entity, its
// states, and the validators' problems; a process opens on the canvas. *New process* starts one on
// any entity: its stage field is an existing picklist of the entity or a new "Stage" picklist, and
// it begins with one state.
import type { EntityDocument, LocalisedText, ProcessDocument } from '@stagecraft/core';
import { lazy, Suspense, useState } from 'react';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../shell/router';
import { Dialog } from '../ui/Dialog';
import { FormRow } from '../ui/FormRow';
import { LocalisedInput } from '../ui/LocalisedInput';
import '../styles/processes.css';
import { STATE_NAME } from './process-edits';

const ProcessEditor = lazy(() => import('./ProcessEditor'));

export function ProcessPage({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="muted">{t('studio.loading')}</p>}>
      <ProcessEditor name={name} />
    </Suspense>
  );
}

const NEW_STAGE_FIELD = '';

function countStates(states: ProcessDocument['states']): number {
  return Object.values(states).reduce((count, state) => count + 1 + countStates(state.states ?? {}), 0);
}

function NewProcessDialog({ onClose }: { onClose(): void }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const { navigate } = useLocation();
  const entities = Object.values(studio.draft.entities).sort((a, b) => (text(a.label) || a.name).localeCompare(text(b.label) || b.name));
  const [name, setName] = useState('');
  const [label, setLabel] = useState<LocalisedText | undefined>(undefined);
  const [entityName, setEntityName] = useState(entities[0]?.name ?? '');
  const [stageField, setStageField] = useState(NEW_STAGE_FIELD);
  const [error, setError] = useState<string | undefined>();
  const entity: EntityDocument | undefined = studio.draft.entities[entityName];
  const enumFields = entity?.fields.filter((field) => field.type === 'enum') ?? [];
  const create = (): void => {
    if (!STATE_NAME.test(name)) return setError(t('process.nameInvalid'));
    if (Object.hasOwn(studio.draft.processes, name)) return setError(t('process.nameTaken', { name }));
    if (!entity) return;
    studio.change((bundle) => {
      const document = bundle.entities[entity.name];
      if (!document) return;
      let field = stageField;
      if (field === NEW_STAGE_FIELD) {
        field = document.fields.some((candidate) => candidate.name === 'stage') ? `${name}Stage` : 'stage';
        document.fields.push({ name: field, type: 'enum', label: { en: 'Stage', 'zh-CN': '阶段' }, options: [{ value: 'new', label: { en: 'New', 'zh-CN': '新建' } }] });
      }
      const options = document.fields.find((candidate) => candidate.name === field);
      const first = options?.type === 'enum' ? (options.options[0]?.value ?? 'new') : 'new';
      const firstLabel = options?.type === 'enum' ? (options.options[0]?.label ?? first) : first;
      bundle.processes[name] = { kind: 'process', name, label: label ?? { en: name }, entity: entity.name, stageField: field, initial: first, states: { [first]: { label: firstLabel } } };
    });
    onClose();
    navigate(`/processes/${name}`);
  };
  return (
    <Dialog title={t('process.newTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <FormRow id="process-name" label={t('process.name')} hint={t('process.nameHint')} error={error}>
          <input value={name} onChange={(event) => (setName(event.target.value), setError(undefined))} autoComplete="off" />
        </FormRow>
        <LocalisedInput label={t('process.label')} value={label} onChange={setLabel} idPrefix="process-label" />
        <FormRow id="process-entity" label={t('process.entity')}>
          <select value={entityName} onChange={(event) => (setEntityName(event.target.value), setStageField(NEW_STAGE_FIELD))}>
            {entities.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {text(candidate.label) || candidate.name}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="process-stage-field" label={t('process.stageField')} hint={t('process.stageFieldHint')}>
          <select value={stageField} onChange={(event) => setStageField(event.target.value)}>
            <option value={NEW_STAGE_FIELD}>{t('process.newStageField')}</option>
            {enumFields.map((field) => (
              <option key={field.name} value={field.name}>
                {text(field.label) || field.name}
              </option>
            ))}
          </select>
        </FormRow>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('process.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ProcessList() {
  const { t, text } = useI18n();
  const studio = useStudio();
  const [isCreating, setCreating] = useState(false);
  const processes = Object.values(studio.draft.processes).sort((a, b) => (text(a.label) || a.name).localeCompare(text(b.label) || b.name));
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>{t('processes.title')}</h1>
          <p className="page__intro">{t('processes.intro')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('process.new')}
        </button>
      </div>
      <table className="table process-list">
        <thead>
          <tr>
            <th scope="col">{t('process.name')}</th>
            <th scope="col">{t('process.entity')}</th>
            <th scope="col">{t('process.states')}</th>
            <th scope="col">{t('process.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {processes.map((process) => {
            const problems = problemsUnder(studio.problems, pathOf('processes', process.name));
            return (
              <tr key={process.name} className={problems.length > 0 ? 'row--problem' : undefined}>
                <td>
                  <Link href={`/processes/${process.name}`}>{text(process.label) || process.name}</Link> <code>{process.name}</code>
                </td>
                <td>{text(studio.draft.entities[process.entity]?.label) || process.entity}</td>
                <td>{countStates(process.states)}</td>
                <td>{problems.length === 0 ? '—' : <span className="badge badge--danger">{t('process.problemCount', { count: problems.length })}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {isCreating && <NewProcessDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
