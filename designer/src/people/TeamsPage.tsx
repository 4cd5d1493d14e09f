// Teams: a name, a manager and members. A member is a user whose `team` names the team, so
// changing the members updates those users (one record write each); a user is in one team at a
// time, so adding someone moves them from their old team.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { FormRow } from '../ui/FormRow';
import { PeopleFrame } from './PeopleFrame';
import { createPerson, fieldErrorsOf, updatePerson, type FormErrors, type TeamRecord } from './people-api';
import { usePeople, type People } from './use-people';

function TeamDialog({ team, people, onClose, onSaved }: { team?: TeamRecord; people: People; onClose(): void; onSaved(team: TeamRecord): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(team?.name ?? '');
  const [manager, setManager] = useState(team?.manager ?? '');
  const [members, setMembers] = useState<Set<string>>(() => new Set(team ? people.users.filter((user) => user.team === team.id).map((user) => user.id) : []));
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });
  const [isSaving, setSaving] = useState(false);
  const toggle = (id: string): void =>
    setMembers((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') return setErrors({ fields: { name: t('people.required') }, general: null });
    setSaving(true);
    try {
      const values = { name: name.trim(), manager: manager === '' ? null : manager };
      const saved = team ? await updatePerson('team', team, values) : await createPerson('team', { name: values.name, ...(manager !== '' && { manager }) });
      for (const user of people.users) {
        const isMember = members.has(user.id);
        if (isMember && user.team !== saved.id) await updatePerson('user', user, { team: saved.id });
        else if (!isMember && user.team === saved.id) await updatePerson('user', user, { team: null });
      }
      onSaved(saved);
    } catch (error) {
      setErrors(fieldErrorsOf(error, ['name', 'manager']));
      setSaving(false);
    }
  };

  return (
    <Dialog title={team ? t('teams.editTitle', { name: team.name }) : t('teams.newTitle')} onClose={onClose}>
      <form onSubmit={(event) => void save(event)} noValidate>
        {errors.general && (
          <p className="alert alert--danger" role="alert">
            {errors.general}
          </p>
        )}
        <FormRow id="team-name" label={t('teams.name')} error={errors.fields.name}>
          <input value={name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        </FormRow>
        <FormRow id="team-manager" label={t('teams.manager')} error={errors.fields.manager}>
          <select value={manager} onChange={(event) => setManager(event.target.value)}>
            <option value="">{t('people.none')}</option>
            {people.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName} ({user.username})
              </option>
            ))}
          </select>
        </FormRow>
        <fieldset className="member-list">
          <legend>{t('teams.members')}</legend>
          <p className="hint">{t('teams.membersHint')}</p>
          {people.users.map((user) => {
            const otherTeam = user.team && user.team !== team?.id ? people.teams.find((candidate) => candidate.id === user.team) : undefined;
            return (
              <label key={user.id} className="check">
                <input type="checkbox" checked={members.has(user.id)} onChange={() => toggle(user.id)} />
                {user.displayName} ({user.username}){otherTeam && <span className="hint"> — {t('teams.inTeam', { team: otherTeam.name })}</span>}
              </label>
            );
          })}
        </fieldset>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSaving}>
            {team ? t('people.save') : t('teams.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function TeamsPage() {
  const { t } = useI18n();
  const { state, reload } = usePeople();
  const [editing, setEditing] = useState<{ team?: TeamRecord } | null>(null);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  const saved = (team: TeamRecord): void => {
    setEditing(null);
    void reload().then(() => setNotice({ text: t('teams.savedDone', { name: team.name }), isError: false }));
  };
  return (
    <PeopleFrame
      title={t('teams.title')}
      intro={t('teams.intro')}
      state={state}
      notice={notice}
      onDismiss={() => setNotice(null)}
      action={
        <button type="button" className="button button--primary" onClick={() => setEditing({})}>
          {t('teams.new')}
        </button>
      }
    >
      {(people) => (
        <>
          <table className="table">
            <caption className="visually-hidden">{t('teams.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teams.name')}</th>
                <th scope="col">{t('teams.manager')}</th>
                <th scope="col">{t('teams.members')}</th>
                <th scope="col">{t('field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.teams.map((team) => {
                const members = people.users.filter((user) => user.team === team.id);
                return (
                  <tr key={team.id}>
                    <th scope="row">{team.name}</th>
                    <td>{people.users.find((user) => user.id === team.manager)?.displayName ?? t('common.no')}</td>
                    <td>{members.length === 0 ? t('common.no') : members.map((user) => user.displayName).join(', ')}</td>
                    <td>
                      <button type="button" className="button button--small" aria-label={t('teams.editOf', { name: team.name })} onClick={() => setEditing({ team })}>
                        {t('field.edit')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {people.teams.length === 0 && <p className="muted">{t('teams.none')}</p>}
          {editing && <TeamDialog team={editing.team} people={people} onClose={() => setEditing(null)} onSaved={saved} />}
        </>
      )}
    </PeopleFrame>
  );
}
