// Chooses an entity's icon from core's named set, with the chosen icon drawn beside the list (in
// the entity's colour) by the same component the app's navigation uses.
import { ENTITY_ICONS, type EntityIcon as EntityIconName } from '@stagecraft/core/entity-icons';
import { EntityIcon } from '../../../runtime/web/src/ui/EntityIcon';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/strings';

export function IconPicker({ id, value, color, onChange }: { id: string; value: string | undefined; color: string | undefined; onChange(icon: EntityIconName | undefined): void }) {
  const { t } = useI18n();
  return (
    <div className="form-row form-row--inline">
      <label htmlFor={id}>{t('entity.icon')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(ENTITY_ICONS.find((icon) => icon === event.target.value))}>
        <option value="">{t('icon.none')}</option>
        {ENTITY_ICONS.map((icon) => (
          <option key={icon} value={icon}>
            {t(`icon.${icon}` as MessageKey)}
          </option>
        ))}
      </select>
      <EntityIcon name={value} color={color} className="entity-icon entity-icon--large" />
    </div>
  );
}
