// A user's properties: a new user (with the password they start with) or an existing one (role,
// team, partner account, language, name and e-mail). The record is written through the record
// API; what the server refuses comes back at the input its path names.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { FormRow } from '../ui/FormRow';
import { createPerson, fieldErrorsOf, setUserPassword, updatePerson, type FormErrors, type UserRecord } from './people-api';
import { PartnerAccountPicker } from './PartnerAccountPicker';
import { rolesAsTree } from './role-tree';
import { roleTitle, type People } from './use-people';

export const MIN_PASSWORD_LENGTH = 8;
const FIELDS = ['username', 'displayName', 'email', 'role', 'team', 'partnerAccount', 'locale', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function initialValues(user: UserRecord | undefined): Values {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    role: user?.role ?? '',
    team: user?.team ?? '',
    partnerAccount: user?.partnerAccount ?? '',
    locale: user?.locale ?? 'en',
    password: '',
  };
}

/** Empty inputs clear the field (null) on an update and are left out on a create. */
function recordValues(values: Values, isNew: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = { displayName: values.displayName, locale: values.locale };
  if (isNew) result.username = values.username;
  for (const name of ['email', 'role', 'team', 'partnerAccount'] as const) {
    const value = values[name].trim();
    if (value !== '') result[name] = value;
    else if (!isNew) result[name] = null;
  }
  return result;
}

export function UserDialog({ user, people, onClose, onSaved }: { user?: UserRecord; people: People; onClose(): void; onSaved(user: UserRecord, isNew: boolean): void }) {
  const { t } = useI18n();
  const isNew = user === undefined;
  const [values, setValues] = useState<Values>(() => initialValues(user));
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: null });
  const [isSaving, setSaving] = useState(false);
  // Created, but its password was refused: a retry only sets the password.
  const [created, setCreated] = useState<UserRecord | undefined>();
  const set = (name: keyof Values, value: string): void => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, fields: { ...current.fields, [name]: '' } }));
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (isNew && values.username.trim() === '') local.username = t('people.required');
    if (values.displayName.trim() === '') local.displayName = t('people.required');
    if (isNew && values.password.length < MIN_PASSWORD_LENGTH) local.password = t('people.passwordTooShort', { count: MIN_PASSWORD_LENGTH });
    if (Object.keys(local).length > 0) return setErrors({ fields: local, general: null });
    setSaving(true);
    let saved = created;
    try {
      saved ??= isNew ? await createPerson('user', recordValues(values, true)) : await updatePerson('user', user, recordValues(values, false));
      if (isNew) {
        setCreated(saved);
        await setUserPassword(saved.id, values.password);
      }
      onSaved(saved, isNew);
    } catch (error) {
      const found = fieldErrorsOf(error, FIELDS);
      setErrors(saved && isNew ? { fields: found.fields, general: t('users.createdWithoutPassword') } : found);
      setSaving(false);
    }
  };

  const text = (name: keyof Values, props: { type?: string; autoComplete?: string; readOnly?: boolean } = {}) => <input value={values[name]} onChange={(event) => set(name, event.target.value)} {...props} />;
  return (
    <Dialog title={isNew ? t('users.newTitle') : t('users.editTitle', { name: user.username })} onClose={onClose}>
      <form onSubmit={(event) => void save(event)} noValidate>
        {errors.general && (
          <p className="alert alert--danger" role="alert">
            {errors.general}
          </p>
        )}
        <FormRow id="user-username" label={t('users.username')} hint={isNew ? t('users.usernameHint') : undefined} error={errors.fields.username}>
          {text('username', { autoComplete: 'off', readOnly: !isNew })}
        </FormRow>
        <FormRow id="user-display-name" label={t('users.displayName')} error={errors.fields.displayName}>
          {text('displayName', { autoComplete: 'off' })}
        </FormRow>
        <FormRow id="user-email" label={t('users.email')} error={errors.fields.email}>
          {text('email', { type: 'email', autoComplete: 'off' })}
        </FormRow>
        <FormRow id="user-role" label={t('users.role')} error={errors.fields.role}>
          <select value={values.role} onChange={(event) => set('role', event.target.value)}>
            <option value="">{t('people.none')}</option>
            {rolesAsTree(people.roles).map(({ role, depth }) => (
              <option key={role.id} value={role.id}>
                {'\u00a0\u00a0'.repeat(depth)}
                {roleTitle(role)}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="user-team" label={t('users.team')} error={errors.fields.team}>
          <select value={values.team} onChange={(event) => set('team', event.target.value)}>
            <option value="">{t('people.none')}</option>
            {people.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="user-partner" label={t('users.partnerAccount')} hint={t('users.partnerHint')} error={errors.fields.partnerAccount}>
          <PartnerAccountPicker value={values.partnerAccount} onChange={(value) => set('partnerAccount', value)} />
        </FormRow>
        <FormRow id="user-locale" label={t('users.locale')} error={errors.fields.locale}>
          <select value={values.locale} onChange={(event) => set('locale', event.target.value)}>
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </FormRow>
        {isNew && (
          <FormRow id="user-password" label={t('users.password')} hint={t('users.passwordHint', { count: MIN_PASSWORD_LENGTH })} error={errors.fields.password}>
            {text('password', { type: 'password', autoComplete: 'new-password' })}
          </FormRow>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={isSaving}>
            {isNew ? t('users.create') : t('people.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function PasswordDialog({ user, onClose, onDone }: { user: UserRecord; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string | null>(null);
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setError(t('people.passwordTooShort', { count: MIN_PASSWORD_LENGTH }));
    try {
      await setUserPassword(user.id, password);
      onDone();
    } catch (failure) {
      const found = fieldErrorsOf(failure, ['password']);
      setError(found.fields.password);
      setGeneral(found.general);
    }
  };
  return (
    <Dialog title={t('users.passwordTitle', { name: user.username })} onClose={onClose}>
      <form onSubmit={(event) => void save(event)} noValidate>
        <p className="hint">{t('users.passwordEffect')}</p>
        {general && (
          <p className="alert alert--danger" role="alert">
            {general}
          </p>
        )}
        <FormRow id="reset-password" label={t('users.newPassword')} hint={t('users.passwordHint', { count: MIN_PASSWORD_LENGTH })} error={error}>
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              setError(undefined);
            }}
          />
        </FormRow>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('users.setPassword')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
