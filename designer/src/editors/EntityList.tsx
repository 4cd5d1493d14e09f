// The data model's first screen: every entity of the draft with its labels, field count and
// problems, a search box, and "New entity".
import type { EntityDocument } from '@stagecraft/core';
import { useMemo, useState } from 'react';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../shell/router';
import { NewEntityDialog } from './NewEntityDialog';
import { EntityIcon } from '../../../runtime/web/src/ui/EntityIcon';

export function EntityList() {
  const { t, text } = useI18n();
  const studio = useStudio();
  const { navigate } = useLocation();
  const [query, setQuery] = useState('');
  const [isCreating, setCreating] = useState(false);
  const entities = useMemo(() => Object.values(studio.draft.entities).sort((a, b) => a.name.localeCompare(b.name)), [studio.draft.entities]);
  const shown = entities.filter((entity) => {
    const needle = query.trim().toLowerCase();
    return needle === '' || entity.name.toLowerCase().includes(needle) || text(entity.label).toLowerCase().includes(needle);
  });

  const create = (entity: EntityDocument): void => {
    studio.change((bundle) => {
      bundle.entities[entity.name] = entity;
    });
    setCreating(false);
    navigate(`/entities/${entity.name}`);
  };

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>{t('entities.title')}</h1>
          <p className="page__intro">{t('entities.intro')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('entities.new')}
        </button>
      </div>
      <div className="toolbar">
        <label className="visually-hidden" htmlFor="entity-search">
          {t('entities.search')}
        </label>
        <input id="entity-search" type="search" placeholder={t('entities.search')} value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('entities.label')}</th>
            <th scope="col">{t('entities.name')}</th>
            <th scope="col">{t('entities.fields')}</th>
            <th scope="col">{t('problems.title')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entity) => {
            const problems = problemsUnder(studio.problems, pathOf('entities', entity.name));
            const isNew = studio.live.bundle.entities[entity.name] === undefined;
            return (
              <tr key={entity.name}>
                <td>
                  {entity.icon ? <EntityIcon name={entity.icon} color={entity.color} /> : entity.color && <span className="entity-dot" style={{ background: entity.color }} aria-hidden="true" />}
                  <Link href={`/entities/${entity.name}`}>{text(entity.label)}</Link>
                  {isNew && <span className="badge badge--brand">{t('field.new.badge')}</span>}
                </td>
                <td>
                  <code>{entity.name}</code>
                </td>
                <td>{t('entities.fieldCount', { count: entity.fields.length })}</td>
                <td>{problems.length > 0 ? <span className="badge badge--danger">{t('problems.count', { count: problems.length })}</span> : <span className="muted">{t('common.no')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {isCreating && <NewEntityDialog existing={entities.map((entity) => entity.name)} onCreate={create} onClose={() => setCreating(false)} />}
    </div>
  );
}
