// "View as role": pick a role and an entity and see, from the draft, what a user holding that
// role could do — each operation on every record, some or none (and which grants reach them),
// and each field hidden, read-only or editable. Partner users can be previewed too.
import { useId, useMemo, useState } from 'react';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/strings';
import type { RoleRecord } from '../people/people-api';
import { rolesAsTree } from '../people/role-tree';
import { roleTitle } from '../people/use-people';
import { useChoiceLabel } from './PermissionCellDialog';
import { scopeChoices, YES_NO_CHOICES } from './permission-grants';
import { roleView } from './view-as-role';

export function ViewAsRole({ roles, initialRole }: { roles: RoleRecord[]; initialRole: string | null }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const choiceLabel = useChoiceLabel();
  const id = useId();
  const entityNames = Object.keys(studio.draft.entities).sort();
  const [role, setRole] = useState(initialRole ?? '');
  const [entityName, setEntityName] = useState(entityNames.includes('account') ? 'account' : (entityNames[0] ?? ''));
  const [isPartner, setPartner] = useState(false);
  const chosenRole = role || roles.find((candidate) => candidate.name !== 'admin')?.name || '';
  const view = useMemo(() => (chosenRole && entityName ? roleView(studio.draft, chosenRole, entityName, { isPartner }) : null), [studio.draft, chosenRole, entityName, isPartner]);
  const entity = studio.draft.entities[entityName];
  const scopeText = (operation: string, choice: string): string => {
    const options = operation === 'create' || operation === 'import' ? YES_NO_CHOICES : scopeChoices(entity, undefined);
    const found = options.find((option) => option.value === choice);
    if (found) return choiceLabel(found);
    const [, via = '', viaOperation] = choice.split(':');
    return choiceLabel({ value: choice, scope: 'via', via, ...(viaOperation && { operation: viaOperation }) });
  };

  return (
    <section className="card view-as" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('viewAs.title')}</h2>
      <p className="hint">{t('viewAs.intro')}</p>
      <div className="inline-form view-as__controls">
        <label htmlFor={`${id}-role`}>{t('viewAs.role')}</label>
        <select id={`${id}-role`} value={chosenRole} onChange={(event) => setRole(event.target.value)}>
          {rolesAsTree(roles).map(({ role: candidate, depth }) => (
            <option key={candidate.id} value={candidate.name}>
              {'\u00a0\u00a0'.repeat(depth)}
              {roleTitle(candidate)} ({candidate.name})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-entity`}>{t('viewAs.entity')}</label>
        <select id={`${id}-entity`} value={entityName} onChange={(event) => setEntityName(event.target.value)}>
          {entityNames.map((name) => (
            <option key={name} value={name}>
              {text(studio.draft.entities[name]?.label) || name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={isPartner} onChange={(event) => setPartner(event.target.checked)} />
          {t('viewAs.partner')}
        </label>
      </div>
      {chosenRole === 'admin' && <p className="alert alert--info">{t('viewAs.admin')}</p>}
      {view && (
        <>
          <p className="hint">{view.sets.length === 0 ? t('viewAs.noSets') : t('viewAs.sets', { sets: view.sets.join(', ') })}</p>
          <div className="grid-2">
            <table className="table">
              <caption>{t('viewAs.operations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('matrix.operation')}</th>
                  <th scope="col">{t('viewAs.allowed')}</th>
                  <th scope="col">{t('matrix.records')}</th>
                </tr>
              </thead>
              <tbody>
                {view.operations.map((operation) => (
                  <tr key={operation.operation}>
                    <th scope="row">{t(`operation.${operation.operation}` as MessageKey)}</th>
                    <td>{operation.allowed ? <span className="badge badge--success">{t('common.yes')}</span> : <span className="badge">{t('viewAs.no')}</span>}</td>
                    <td>
                      {t(`viewAs.reach.${operation.reach}` as MessageKey)}
                      {operation.reach === 'some' && (
                        <span className="hint">
                          {' '}
                          ({[...operation.grants.map((grant) => scopeText(operation.operation, grant.choice)), ...operation.sharingRules.map((rule) => t('viewAs.sharingRule', { rule }))].join(', ')})
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="table">
              <caption>{t('viewAs.fields')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.label')}</th>
                  <th scope="col">{t('viewAs.sees')}</th>
                  <th scope="col">{t('viewAs.edits')}</th>
                </tr>
              </thead>
              <tbody>
                {view.fields.map((field) => (
                  <tr key={field.name} className={field.access === 'hidden' ? 'row--muted' : undefined}>
                    <th scope="row">{text(entity?.fields.find((candidate) => candidate.name === field.name)?.label) || field.name}</th>
                    <td>{field.access === 'hidden' ? <span className="badge badge--warning">{t('level.hidden')}</span> : t('common.yes')}</td>
                    <td>{field.canEdit ? t('common.yes') : t('viewAs.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
