// One layout of the draft: its name, entity and kind, its label in both languages, delete, and the
// editor of its kind. Every edit goes through studio.change, so it is saved to the draft, undone
// and redone there, and published with it; problems the validators find at `/layouts/<name>/…`
// appear on the element they name (those no element claims are listed here).
import type { LayoutDocument } from '@stagecraft/core';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../shell/router';
import { LocalisedInput } from '../ui/LocalisedInput';
import { BoardLayoutEditor } from './BoardLayoutEditor';
import { FormLayoutEditor } from './FormLayoutEditor';
import { ListLayoutEditor } from './ListLayoutEditor';
import { ProblemNotes } from './ProblemNotes';
import './layouts.css';

/** Paths the kind's editor shows problems for; anything else is listed at the top. */
const CLAIMED = /^\/(sections|columns|defaultSort|defaultFilters|groupBy|columnOrder|cardFields|sumField)(\/|$)/;

export function LayoutEditor({ name }: { name: string }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const { navigate } = useLocation();
  const layout = studio.draft.layouts[name];
  if (!layout) {
    return (
      <div className="page">
        <p>{t('layouts.notFound', { name })}</p>
        <Link href="/layouts">{t('layouts.back')}</Link>
      </div>
    );
  }
  const entity = studio.draft.entities[layout.entity];
  const path = pathOf('layouts', name);
  const update = <T extends LayoutDocument>(edit: (document: T) => void): void =>
    studio.change((bundle) => {
      const document = bundle.layouts[name];
      if (document) edit(document as T);
    });
  const remove = (): void => {
    if (!window.confirm(t('layouts.deleteConfirm', { name }))) return;
    studio.change((bundle) => void delete bundle.layouts[name]);
    navigate('/layouts');
  };
  const general = problemsUnder(studio.problems, path).filter((problem) => !CLAIMED.test(problem.path.slice(path.length)));

  return (
    <div className="page page--wide">
      <nav className="breadcrumb" aria-label={t('layouts.back')}>
        <Link href="/layouts">{t('layouts.back')}</Link>
      </nav>
      <div className="page__header">
        <div>
          <h1>{text(layout.label) || layout.name}</h1>
          <p className="page__intro">
            <span className="badge badge--brand">{t(`layouts.kind.${layout.kind}`)}</span> <code>{layout.name}</code> · {t('layouts.ofEntity', { entity: entity ? text(entity.label) || entity.name : layout.entity })}
          </p>
        </div>
        <button type="button" className="button button--danger" onClick={remove}>
          {t('layouts.delete')}
        </button>
      </div>
      <ProblemNotes problems={general} />
      <section className="card" aria-labelledby="layout-properties">
        <h2 id="layout-properties">{t('layouts.properties')}</h2>
        <LocalisedInput label={t('layouts.label')} value={layout.label} idPrefix="layout-label" onChange={(value) => update((document) => (value === undefined ? void delete document.label : void (document.label = value)))} />
      </section>
      {!entity ? (
        <p className="inline-error">{t('layouts.entityMissing', { entity: layout.entity })}</p>
      ) : layout.kind === 'form' ? (
        <FormLayoutEditor layout={layout} entity={entity} path={path} update={update} />
      ) : layout.kind === 'list' ? (
        <ListLayoutEditor layout={layout} entity={entity} path={path} update={update} />
      ) : (
        <BoardLayoutEditor layout={layout} entity={entity} path={path} update={update} />
      )}
    </div>
  );
}
