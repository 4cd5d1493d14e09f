// Users: who may sign in, with their role, team and language. New users start with a password an
// administrator sets; a password can be reset (every session of the user ends); disabling a user
// ends their sessions and tokens at once. Changes are record writes: they apply immediately.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { PeopleFrame } from './PeopleFrame';
import { fieldErrorsOf, updatePerson, type UserRecord } from './people-api';
import { roleTitle, usePeople, type People } from './use-people';
import { PasswordDialog, UserDialog } from './UserDialog';

type Editing = { kind: 'new' } | { kind: 'edit'; user: UserRecord } | { kind: 'password'; user: UserRecord } | null;

function UsersTable({ people, onEdit, onPassword, onToggle }: { people: People; onEdit(user: UserRecord): void; onPassword(user: UserRecord): void; onToggle(user: UserRecord): void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = people.users.filter((user) => needle === '' || `${user.username} ${user.displayName} ${user.email ?? ''}`.toLowerCase().includes(needle));
  const roleOf = (id: string | null) => people.roles.find((role) => role.id === id);
  const teamOf = (id: string | null) => people.teams.find((team) => team.id === id);
  return (
    <>
      <div className="toolbar">
        <label className="visually-hidden" htmlFor="users-search">
          {t('users.search')}
        </label>
        <input id="users-search" type="search" placeholder={t('users.search')} value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <table className="table">
        <caption className="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.team')}</th>
            <th scope="col">{t('users.locale')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('field.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'row--muted'}>
              <th scope="row">{user.username}</th>
              <td>
                {user.displayName}
                {user.partnerAccount && <span className="badge badge--brand">{t('users.partnerBadge')}</span>}
              </td>
              <td>{roleTitle(roleOf(user.role)) || t('common.no')}</td>
              <td>{teamOf(user.team)?.name ?? t('common.no')}</td>
              <td>{user.locale === 'zh-CN' ? '简体中文' : 'English'}</td>
              <td>{user.active ? <span className="badge badge--success">{t('users.active')}</span> : <span className="badge badge--danger">{t('users.disabled')}</span>}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button--small" aria-label={t('users.editOf', { name: user.username })} onClick={() => onEdit(user)}>
                    {t('field.edit')}
                  </button>
                  <button type="button" className="button button--small" aria-label={t('users.passwordOf', { name: user.username })} onClick={() => onPassword(user)}>
                    {t('users.resetPassword')}
                  </button>
                  <button type="button" className="button button--small" aria-label={t(user.active ? 'users.disableOf' : 'users.enableOf', { name: user.username })} onClick={() => onToggle(user)}>
                    {user.active ? t('users.disable') : t('users.enable')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">{t('users.none')}</p>}
    </>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const { state, reload } = usePeople();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  // The notice comes with the reloaded table, so what it says is what the table shows.
  const done = (text: string): void => {
    setEditing(null);
    void reload().then(() => setNotice({ text, isError: false }));
  };
  const toggle = async (user: UserRecord): Promise<void> => {
    if (user.active && !window.confirm(t('users.disableConfirm', { name: user.username }))) return;
    try {
      await updatePerson('user', user, { active: !user.active });
      done(t(user.active ? 'users.disabledDone' : 'users.enabledDone', { name: user.username }));
    } catch (error) {
      setNotice({ text: fieldErrorsOf(error, []).general ?? '', isError: true });
      void reload();
    }
  };
  return (
    <PeopleFrame
      title={t('users.title')}
      intro={t('users.intro')}
      state={state}
      notice={notice}
      onDismiss={() => setNotice(null)}
      action={
        <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'new' })}>
          {t('users.new')}
        </button>
      }
    >
      {(people) => (
        <>
          <UsersTable people={people} onEdit={(user) => setEditing({ kind: 'edit', user })} onPassword={(user) => setEditing({ kind: 'password', user })} onToggle={(user) => void toggle(user)} />
          {editing?.kind === 'new' && <UserDialog people={people} onClose={() => setEditing(null)} onSaved={(user) => done(t('users.createdDone', { name: user.username }))} />}
          {editing?.kind === 'edit' && <UserDialog user={editing.user} people={people} onClose={() => setEditing(null)} onSaved={(user) => done(t('users.savedDone', { name: user.username }))} />}
          {editing?.kind === 'password' && <PasswordDialog user={editing.user} onClose={() => setEditing(null)} onDone={() => done(t('users.passwordDone', { name: editing.user.username }))} />}
        </>
      )}
    </PeopleFrame>
  );
}
