// Permissions: the draft's permission sets as a matrix — one row per entity, one column per set
// (named by its role) — each cell the operations the set grants and the fields it hides or makes
// read-only; a cell opens its editor. A role without a set gets a new one here. Sets are
// metadata: edits land in the draft and apply when it is published. Below, the sharing rules and
// "view as role".
import type { PermissionSetDocument } from '@stagecraft/core';
import { useEffect, useState } from 'react';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import '../styles/people.css';
import type { MessageKey } from '../i18n/strings';
import { listPeople, type RoleRecord } from '../people/people-api';
import { rolesAsTree } from '../people/role-tree';
import { roleTitle } from '../people/use-people';
import { Dialog } from '../ui/Dialog';
import { FormRow } from '../ui/FormRow';
import { PermissionCellDialog, useChoiceLabel } from './PermissionCellDialog';
import { grantSummary, newSetName, scopeChoices, YES_NO_CHOICES } from './permission-grants';
import { EVERY_USER } from './view-as-role';
import { SharingRulesCard } from './SharingRulesCard';
import { ViewAsRole } from './ViewAsRole';

function NewSetDialog({ roles, onClose, onCreated }: { roles: RoleRecord[]; onClose(): void; onCreated(name: string): void }) {
  const { t } = useI18n();
  const studio = useStudio();
  const sets = Object.values(studio.draft.permissions ?? {});
  const withoutSet = rolesAsTree(roles).filter(({ role }) => !sets.some((set) => set.role === role.name));
  const [role, setRole] = useState(withoutSet[0]?.role.name ?? roles[0]?.name ?? '');
  const create = (): void => {
    const name = newSetName(studio.draft, role);
    studio.change((bundle) => {
      const label = roleTitle(roles.find((candidate) => candidate.name === role)) || role;
      bundle.permissions = { ...(bundle.permissions ?? {}), [name]: { kind: 'permissionSet', name, role, label, entities: {} } };
    });
    onCreated(name);
  };
  return (
    <Dialog title={t('matrix.newSetTitle')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (role !== '') create();
        }}
      >
        <FormRow id="new-set-role" label={t('matrix.role')} hint={t('matrix.newSetHint')}>
          <select value={role} onChange={(event) => setRole(event.target.value)}>
            {rolesAsTree(roles).map(({ role: candidate, depth }) => (
              <option key={candidate.id} value={candidate.name}>
                {'\u00a0\u00a0'.repeat(depth)}
                {roleTitle(candidate)} ({candidate.name}){sets.some((set) => set.role === candidate.name) ? ` — ${t('matrix.hasSet')}` : ''}
              </option>
            ))}
          </select>
        </FormRow>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={role === ''}>
            {t('matrix.createSet')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function CellSummary({ set, entityName }: { set: PermissionSetDocument; entityName: string }) {
  const { t } = useI18n();
  const studio = useStudio();
  const choiceLabel = useChoiceLabel();
  const permission = set.entities[entityName];
  const grants = grantSummary(permission);
  const levels = Object.values(permission?.fields ?? {});
  const entity = studio.draft.entities[entityName];
  if (!permission) return <span className="muted">{t('matrix.noAccess')}</span>;
  return (
    <>
      {grants.length === 0 && <span className="muted">{t('matrix.noOperations')}</span>}
      {grants.map(({ operation, choice }) => {
        const options = operation === 'create' || operation === 'import' ? YES_NO_CHOICES : scopeChoices(entity, permission[operation] as never);
        const found = options.find((option) => option.value === choice);
        return (
          <span key={operation} className="grant">
            <span className="grant__operation">{t(`operation.${operation}` as MessageKey)}</span>
            {operation !== 'create' && operation !== 'import' && found ? <span className="grant__scope">{choiceLabel(found)}</span> : null}
          </span>
        );
      })}
      {levels.includes('hidden') && <span className="badge badge--warning">{t('matrix.hiddenCount', { count: levels.filter((level) => level === 'hidden').length })}</span>}
      {levels.includes('readOnly') && <span className="badge">{t('matrix.readOnlyCount', { count: levels.filter((level) => level === 'readOnly').length })}</span>}
    </>
  );
}

export function PermissionsPage() {
  const { t, text } = useI18n();
  const studio = useStudio();
  const [roles, setRoles] = useState<RoleRecord[]>([]);
  const [cell, setCell] = useState<{ set: string; entity: string } | null>(null);
  const [isCreating, setCreating] = useState(false);
  const focusRole = new URLSearchParams(window.location.search).get('role');
  useEffect(() => {
    void listPeople('role').then(setRoles, () => setRoles([]));
  }, []);
  const roleLabel = (name: string): string => (name === EVERY_USER ? t('matrix.everyUser') : roleTitle(roles.find((role) => role.name === name)) || name);
  const sets = Object.values(studio.draft.permissions ?? {}).sort((a, b) => (a.role === EVERY_USER ? -1 : b.role === EVERY_USER ? 1 : a.role.localeCompare(b.role) || a.name.localeCompare(b.name)));
  const entities = Object.values(studio.draft.entities).sort((a, b) => a.name.localeCompare(b.name));
  const rolesWithoutSet = roles.filter((role) => role.name !== 'admin' && !sets.some((set) => set.role === role.name));
  const setPartnerOnly = (name: string, isPartnerOnly: boolean): void =>
    studio.change((bundle) => {
      const document = bundle.permissions?.[name];
      if (!document) return;
      if (isPartnerOnly) document.partnerOnly = true;
      else delete document.partnerOnly;
    });

  return (
    <div className="page page--wide">
      <div className="page__header">
        <div>
          <h1>{t('matrix.title')}</h1>
          <p className="page__intro">{t('matrix.intro')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('matrix.newSet')}
        </button>
      </div>
      <p className="alert alert--info">{t('matrix.appliesOnPublish')}</p>
      {rolesWithoutSet.length > 0 && <p className="hint">{t('matrix.rolesWithoutSet', { roles: rolesWithoutSet.map((role) => role.name).join(', ') })}</p>}
      <div className="matrix-wrap">
        <table className="table matrix">
          <caption className="visually-hidden">{t('matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.entity')}</th>
              {sets.map((set) => (
                <th key={set.name} scope="col" className={focusRole === set.role ? 'matrix__focus' : undefined}>
                  <span className="matrix__role">{roleLabel(set.role)}</span>
                  <code>{set.name}</code>
                  {problemsUnder(studio.problems, pathOf('permissions', set.name))
                    .filter((problem) => !problem.path.startsWith(`${pathOf('permissions', set.name, 'entities')}/`))
                    .map((problem) => (
                      <span key={problem.path + problem.message} className="inline-error">
                        {problem.message}
                      </span>
                    ))}
                  {set.role !== EVERY_USER && (
                    <label className="check matrix__partner">
                      <input type="checkbox" checked={set.partnerOnly === true} aria-label={t('matrix.partnerOnlyOf', { set: set.name })} onChange={(event) => setPartnerOnly(set.name, event.target.checked)} />
                      {t('matrix.partnerOnly')}
                    </label>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entities.map((entity) => (
              <tr key={entity.name}>
                <th scope="row">
                  {text(entity.label) || entity.name}
                  <br />
                  <code>{entity.name}</code>
                </th>
                {sets.map((set) => {
                  const problems = problemsUnder(studio.problems, pathOf('permissions', set.name, 'entities', entity.name));
                  const problemId = `problem-${set.name}-${entity.name}`;
                  return (
                    <td key={set.name} className={problems.length > 0 ? 'matrix__cell matrix__cell--problem' : 'matrix__cell'}>
                      <button
                        type="button"
                        className="matrix__button"
                        aria-describedby={problems.length > 0 ? problemId : undefined}
                        onClick={() => setCell({ set: set.name, entity: entity.name })}
                      >
                        <span className="visually-hidden">{t('matrix.editCell', { role: roleLabel(set.role), set: set.name, entity: text(entity.label) || entity.name })} </span>
                        <CellSummary set={set} entityName={entity.name} />
                      </button>
                      {problems.length > 0 && (
                        <span id={problemId} className="inline-error">
                          {problems.map((problem) => problem.message).join('; ')}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SharingRulesCard roleLabel={(setName) => roleLabel(studio.draft.permissions?.[setName]?.role ?? '')} />
      <ViewAsRole roles={roles} initialRole={focusRole} />
      {cell && <PermissionCellDialog setName={cell.set} entityName={cell.entity} roleLabel={roleLabel(studio.draft.permissions?.[cell.set]?.role ?? '')} onClose={() => setCell(null)} />}
      {isCreating && (
        <NewSetDialog
          roles={roles}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
          }}
        />
      )}
    </div>
  );
}
