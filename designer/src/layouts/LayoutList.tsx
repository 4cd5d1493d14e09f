// The Layouts section's first screen: every layout of the draft by entity and kind (form, list,
// board), with its problems; a new layout of any kind for an entity starts with sensible contents
// (all fields in one section, the first columns, the first picklist as board columns); delete asks first.
import type { LayoutDocument, LayoutKind } from '@stagecraft/core';
import { useMemo } from 'react';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../shell/router';
import { createLayout, LAYOUT_KINDS, layoutsByEntity, newLayoutName } from './layout-edits';
import './layouts.css';

export function LayoutList() {
  const { t, text } = useI18n();
  const studio = useStudio();
  const { navigate } = useLocation();
  const groups = useMemo(() => layoutsByEntity(studio.draft), [studio.draft]);

  const create = (entityName: string, kind: LayoutKind): void => {
    const entity = studio.draft.entities[entityName];
    if (!entity) return;
    const name = newLayoutName(entityName, kind, Object.keys(studio.draft.layouts));
    const layout = createLayout(entity, kind, name);
    if (!layout) return;
    studio.change((bundle) => {
      bundle.layouts[name] = layout;
    });
    navigate(`/layouts/${name}`);
  };
  const remove = (layout: LayoutDocument): void => {
    if (!window.confirm(t('layouts.deleteConfirm', { name: layout.name }))) return;
    studio.change((bundle) => void delete bundle.layouts[layout.name]);
  };

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>{t('layouts.title')}</h1>
          <p className="page__intro">{t('layouts.intro')}</p>
        </div>
      </div>
      <table className="table layout-table">
        <thead>
          <tr>
            <th scope="col">{t('layouts.entity')}</th>
            {LAYOUT_KINDS.map((kind) => (
              <th key={kind} scope="col">
                {t(`layouts.kindPlural.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const entity = studio.draft.entities[group.entity];
            const entityTitle = entity ? text(entity.label) || entity.name : group.entity;
            return (
              <tr key={group.entity}>
                <th scope="row">
                  {entityTitle} <code>{group.entity}</code>
                </th>
                {LAYOUT_KINDS.map((kind) => {
                  const canCreate = entity !== undefined && (kind !== 'board' || createLayout(entity, kind, 'probe') !== undefined);
                  return (
                    <td key={kind}>
                      <ul className="layout-links">
                        {group.byKind[kind].map((layout) => {
                          const problems = problemsUnder(studio.problems, pathOf('layouts', layout.name));
                          const isNew = studio.live.bundle.layouts[layout.name] === undefined;
                          return (
                            <li key={layout.name}>
                              <Link href={`/layouts/${layout.name}`}>{text(layout.label) || layout.name}</Link>
                              {layout.label !== undefined && <code>{layout.name}</code>}
                              {isNew && <span className="badge badge--brand">{t('field.new.badge')}</span>}
                              {problems.length > 0 && <span className="badge badge--danger">{t('problems.count', { count: problems.length })}</span>}
                              <button type="button" className="button button--small button--quiet" aria-label={t('layouts.deleteNamed', { name: layout.name })} onClick={() => remove(layout)}>
                                ✕
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                      {canCreate && (
                        <button type="button" className="button button--small" aria-label={t(`layouts.newFor.${kind}`, { entity: entityTitle })} onClick={() => create(group.entity, kind)}>
                          + {t('layouts.new')}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
