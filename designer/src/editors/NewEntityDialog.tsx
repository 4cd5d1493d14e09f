// Creating an entity: its name and labels in both languages. It starts with a required `name`
// field (its title and search field) and an `owner` user field (record-level permissions read it),
// and is then shaped in the field table.
import type { EntityDocument } from '@stagecraft/core';
import type { LocalisedText } from '@stagecraft/core/label';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { LocalisedInput } from '../ui/LocalisedInput';
import type { EntityIcon as EntityIconName } from '@stagecraft/core';
import { IconPicker } from './IconPicker';

const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;

export function NewEntityDialog({ existing, onCreate, onClose }: { existing: readonly string[]; onCreate(entity: EntityDocument): void; onClose(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [label, setLabel] = useState<LocalisedText | undefined>(undefined);
  const [pluralLabel, setPluralLabel] = useState<LocalisedText | undefined>(undefined);
  const [color, setColor] = useState('#3b5bdb');
  const [icon, setIcon] = useState<EntityIconName | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!IDENTIFIER.test(name) || name.length > 48) return setError(t('field.invalidName'));
    if (existing.includes(name)) return setError(t('field.duplicateName', { name }));
    onCreate({
      kind: 'entity',
      name,
      label: label ?? name,
      ...(pluralLabel !== undefined ? { pluralLabel } : {}),
      color,
      ...(icon !== undefined ? { icon } : {}),
      displayField: 'name',
      searchFields: ['name'],
      fields: [
        { name: 'name', type: 'string', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
        { name: 'owner', type: 'user', label: { en: 'Owner', 'zh-CN': '负责人' } },
      ],
    });
  };

  return (
    <Dialog title={t('entities.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <label htmlFor="entity-name">{t('entities.name')}</label>
          <input
            id="entity-name"
            value={name}
            aria-invalid={error !== null}
            aria-describedby={error ? 'entity-name-error entity-name-help' : 'entity-name-help'}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
          <p id="entity-name-help" className="hint">
            {t('entities.nameHelp')}
          </p>
          {error && (
            <p id="entity-name-error" className="inline-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <LocalisedInput label={t('entities.singular')} value={label} onChange={setLabel} required idPrefix="entity-label" />
        <LocalisedInput label={t('entities.plural')} value={pluralLabel} onChange={setPluralLabel} idPrefix="entity-plural" />
        <IconPicker id="new-entity-icon" value={icon} color={color} onChange={setIcon} />
        <div className="form-row form-row--inline">
          <label htmlFor="entity-color">{t('entity.color')}</label>
          <input id="entity-color" type="color" value={color} onChange={(event) => setColor(event.target.value)} />
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('field.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('entities.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
