// One placed field's details in a form layout: help text (both languages, replacing the field's
// own), its grid span, and the conditions that show it, require it or lock it, each written in the
// expression editor. Every change goes to the draft as it is made.
import type { EntityDocument, FormFieldPlacement } from '@stagecraft/core';
import type { ProblemDetail } from '../api/client';
import { problemsUnder } from '../draft/problems';
import { ExpressionEditor } from '../expressions/ExpressionEditor';
import { useI18n } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { LocalisedInput } from '../ui/LocalisedInput';
import { PLACEMENT_CONDITIONS, SECTION_COLUMNS, type PlacementCondition } from './layout-edits';

interface PlacementDialogProps {
  placement: FormFieldPlacement;
  title: string;
  entity: EntityDocument;
  /** The placement's JSON path in the bundle, for its problems. */
  path: string;
  problems: readonly ProblemDetail[];
  onEdit(edit: (placement: FormFieldPlacement) => void): void;
  onCondition(key: PlacementCondition, source: string): void;
  onClose(): void;
}

export function PlacementDialog({ placement, title, entity, path, problems, onEdit, onCondition, onClose }: PlacementDialogProps) {
  const { t } = useI18n();
  const conditionLabel: Record<PlacementCondition, string> = { visibleWhen: t('layouts.visibleWhen'), requiredWhen: t('layouts.requiredWhen'), readOnlyWhen: t('layouts.readOnlyWhen') };
  const conditionHint: Record<PlacementCondition, string> = { visibleWhen: t('layouts.visibleWhenHint'), requiredWhen: t('layouts.requiredWhenHint'), readOnlyWhen: t('layouts.readOnlyWhenHint') };
  return (
    <Dialog title={t('layouts.placementTitle', { name: title })} onClose={onClose} wide>
      <div className="field-panel">
        <LocalisedInput
          label={t('property.helpText')}
          value={placement.helpText}
          idPrefix="placement-help"
          onChange={(value) => onEdit((target) => (value === undefined ? void delete target.helpText : void (target.helpText = value)))}
        />
        <div className="form-row">
          <label htmlFor="placement-span">{t('layouts.span')}</label>
          <select id="placement-span" value={placement.span ?? 1} onChange={(event) => onEdit((target) => (event.target.value === '1' ? void delete target.span : void (target.span = Number(event.target.value))))}>
            {SECTION_COLUMNS.map((count) => (
              <option key={count} value={count}>
                {t('layouts.columnCount', { count })}
              </option>
            ))}
          </select>
        </div>
        {PLACEMENT_CONDITIONS.map((key) => (
          <ExpressionEditor
            key={key}
            label={conditionLabel[key]}
            hint={conditionHint[key]}
            value={placement[key]}
            entity={entity}
            problems={problemsUnder(problems, `${path}/${key}`)}
            onCommit={(source) => onCondition(key, source)}
          />
        ))}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('field.close')}
        </button>
      </div>
    </Dialog>
  );
}
