// Roles and their hierarchy, drawn as an indented tree: a role sits above every role beneath it
// (the "hierarchy" record scope reaches the records of those below). A role's key (`name`) is
// what permission sets name, so it is set once; its label and parent can change.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Link } from '../shell/router';
import { Dialog } from '../ui/Dialog';
import { FormRow } from '../ui/FormRow';
import { PeopleFrame } from './PeopleFrame';
import { createPerson, fieldErrorsOf, updatePerson, type FormErrors, type RoleRecord } from './people-api';
import { roleAndBelow, rolesAsTree } from './role-tree';
import { roleTitle, usePeople, type People } from './use-people';

const ROLE_NAME = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

function RoleDialog({ role, parentId, people, onClose, onSaved }: { role?: RoleRecord; parentId?: string; people: People; onClose(): void; onSaved(role: RoleRecord): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(role?.name ?? '');
  const [label, setLabel] = useState(role?.label ?? '');
  const [parent, setParent] = useState(role?.parent ?? parentId ?? '');
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });
  const [isSaving, setSaving] = useState(false);
  const excluded = role ? roleAndBelow(people.roles, role.id) : new Set<string>();

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!role && !ROLE_NAME.test(name)) return setErrors({ fields: { name: t('roles.nameInvalid') }, general: null });
    setSaving(true);
    try {
      const values = { label: label.trim() === '' ? null : label.trim(), parent: parent === '' ? null : parent };
      const saved = role ? await updatePerson('role', role, values) : await createPerson('role', { name, ...(values.label !== null && { label: values.label }), ...(values.parent !== null && { parent: values.parent }) });
      onSaved(saved);
    } catch (error) {
      setErrors(fieldErrorsOf(error, ['name', 'label', 'parent']));
      setSaving(false);
    }
  };

  return (
    <Dialog title={role ? t('roles.editTitle', { name: role.name }) : t('roles.newTitle')} onClose={onClose}>
      <form onSubmit={(event) => void save(event)} noValidate>
        {errors.general && (
          <p className="alert alert--danger" role="alert">
            {errors.general}
          </p>
        )}
        <FormRow id="role-name" label={t('roles.name')} hint={role ? t('roles.nameFixed') : t('roles.nameHint')} error={errors.fields.name}>
          <input value={name} autoComplete="off" readOnly={role !== undefined} onChange={(event) => setName(event.target.value)} />
        </FormRow>
        <FormRow id="role-label" label={t('roles.label')} error={errors.fields.label}>
          <input value={label} autoComplete="off" onChange={(event) => setLabel(event.target.value)} />
        </FormRow>
        <FormRow id="role-parent" label={t('roles.parent')} hint={t('roles.parentHint')} error={errors.fields.parent}>
          <select value={parent} onChange={(event) => setParent(event.target.value)}>
            <option value="">{t('roles.noParent')}</option>
            {rolesAsTree(people.roles)
              .filter(({ role: candidate }) => !excluded.has(candidate.id))
              .map(({ role: candidate, depth }) => (
                <option key={candidate.id} value={candidate.id}>
                  {'\u00a0\u00a0'.repeat(depth)}
                  {roleTitle(candidate)} ({candidate.name})
                </option>
              ))}
          </select>
        </FormRow>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSaving}>
            {role ? t('people.save') : t('roles.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RolesPage() {
  const { t } = useI18n();
  const { state, reload } = usePeople();
  const [editing, setEditing] = useState<{ role?: RoleRecord; parentId?: string } | null>(null);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  const saved = (role: RoleRecord): void => {
    setEditing(null);
    void reload().then(() => setNotice({ text: t('roles.savedDone', { name: role.name }), isError: false }));
  };
  return (
    <PeopleFrame
      title={t('roles.title')}
      intro={t('roles.intro')}
      state={state}
      notice={notice}
      onDismiss={() => setNotice(null)}
      action={
        <button type="button" className="button button--primary" onClick={() => setEditing({})}>
          {t('roles.new')}
        </button>
      }
    >
      {(people) => (
        <>
          <table className="table role-tree">
            <caption className="visually-hidden">{t('roles.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roles.label')}</th>
                <th scope="col">{t('roles.name')}</th>
                <th scope="col">{t('roles.users')}</th>
                <th scope="col">{t('field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rolesAsTree(people.roles).map(({ role, depth }) => (
                <tr key={role.id}>
                  <th scope="row">
                    <span className="role-tree__label" style={{ paddingInlineStart: `${depth * 1.5}rem` }}>
                      {depth > 0 && <span className="role-tree__branch" aria-hidden="true" />}
                      {roleTitle(role)}
                      {role.parent && <span className="visually-hidden"> — {t('roles.under', { parent: roleTitle(people.roles.find((candidate) => candidate.id === role.parent)) })}</span>}
                    </span>
                  </th>
                  <td>
                    <code>{role.name}</code>
                  </td>
                  <td>{people.users.filter((user) => user.role === role.id).length}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="button button--small" aria-label={t('roles.editOf', { name: role.name })} onClick={() => setEditing({ role })}>
                        {t('field.edit')}
                      </button>
                      <button type="button" className="button button--small" aria-label={t('roles.addBelowOf', { name: role.name })} onClick={() => setEditing({ parentId: role.id })}>
                        {t('roles.addBelow')}
                      </button>
                      <Link className="button button--small" href={`/permissions?role=${encodeURIComponent(role.name)}`} aria-label={t('roles.permissionsOf', { name: role.name })}>
                        {t('roles.permissions')}
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {editing && <RoleDialog role={editing.role} parentId={editing.parentId} people={people} onClose={() => setEditing(null)} onSaved={saved} />}
        </>
      )}
    </PeopleFrame>
  );
}
