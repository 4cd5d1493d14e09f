// One field's properties: its label in both languages, name and type above, and below them the
// panel @rjsf/core generates from core's meta-schema for that type (see schema/field-schemas).
// Renaming a published field writes `renamedFrom` itself, so the column is renamed and keeps its
// values; a type change keeps the properties the new type shares and leaves the verdict to the
// migration planner, whose plan the studio shows before publishing.
import Form from '@rjsf/core';
import type { RegistryWidgetsType, RJSFSchema, WidgetProps } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import type { LocalisedText } from '@stagecraft/core/label';
import Ajv2020 from 'ajv/dist/2020';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { fieldPanelSchema, fieldPanelUiSchema, FIELD_TYPES, keptOnTypeChange, panelValues } from '../schema/field-schemas';
import { Dialog } from '../ui/Dialog';
import { LocalisedInput } from '../ui/LocalisedInput';
import { LocalisedTextField } from '../ui/LocalisedTextField';
import { stepText } from '../publish/plan-step-text';
import type { Verdict } from './type-change-verdict';

const validator = customizeValidator({ AjvClass: Ajv2020 });
const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;

export type FieldValue = Record<string, unknown> & { name: string; type: string; label?: LocalisedText };

/** Localised text inside the generated panel (help text, option labels): both languages side by side. */

interface PanelProps {
  /** The field as it is in the draft (absent: a new field). */
  field: FieldValue;
  /** Its name in the live version, when it is published (renames are written against it). */
  liveName: string | undefined;
  /** Names of the entity's other fields (a name may not repeat). */
  otherNames: readonly string[];
  entityNames: readonly string[];
  isNew: boolean;
  /** The planner's verdict on the field as edited (published fields only). */
  planChange?: (field: FieldValue) => Promise<Verdict>;
  onApply(field: FieldValue): void;
  onClose(): void;
}

const VERDICT_DELAY_MS = 400;

/** JSON with object keys sorted, so the same field written in another order compares equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

function VerdictNote({ verdict }: { verdict: Verdict | 'checking' | null }) {
  const { t } = useI18n();
  if (verdict === null) return null;
  if (verdict === 'checking') return <p className="hint" role="status">{t('verdict.checking')}</p>;
  const tone = verdict.kind === 'safe' ? 'alert--success' : verdict.kind === 'confirm' ? 'alert--warning' : 'alert--danger';
  const lines = verdict.kind === 'safe' || verdict.kind === 'confirm' ? verdict.steps.map((step) => stepText(step, t)) : verdict.reasons;
  const title = verdict.kind === 'safe' ? (lines.length === 0 ? t('verdict.none') : t('verdict.safe')) : t(verdict.kind === 'confirm' ? 'verdict.confirm' : verdict.kind === 'refused' ? 'verdict.refused' : 'verdict.invalid');
  return (
    <div className={`alert ${tone} verdict`} role="status">
      <p>{title}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldPanel({ field, liveName, otherNames, entityNames, isNew, planChange, onApply, onClose }: PanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState(field.name);
  const [type, setType] = useState(field.type);
  const [label, setLabel] = useState<LocalisedText | undefined>(field.label);
  const [values, setValues] = useState<Record<string, unknown>>(panelValues(field));
  const [nameError, setNameError] = useState<string | null>(null);
  const schema = useMemo(() => fieldPanelSchema(type), [type]);
  const uiSchema = useMemo(() => fieldPanelUiSchema(type, i18n.locale), [type, i18n.locale]);
  const widgets = useMemo<RegistryWidgetsType>(
    () => ({
      entityName: (props: WidgetProps) => (
        <select id={props.id} value={typeof props.value === 'string' ? props.value : ''} required={props.required} onChange={(event) => props.onChange(event.target.value)}>
          <option value="" disabled>
            —
          </option>
          {entityNames.map((entity) => (
            <option key={entity} value={entity}>
              {entity}
            </option>
          ))}
        </select>
      ),
    }),
    [entityNames],
  );

  const [verdict, setVerdict] = useState<Verdict | 'checking' | null>(null);
  const edited = useMemo<FieldValue>(() => ({ name, type, ...(label !== undefined ? { label } : {}), ...values, ...(liveName !== undefined && liveName !== name ? { renamedFrom: liveName } : {}) }), [name, type, label, values, liveName]);
  const isChanged = stableJson(edited) !== stableJson(field);
  const planner = useRef(planChange);
  planner.current = planChange;
  const hasPlanner = planChange !== undefined;
  // A published field's change is judged by the planner before it is applied.
  useEffect(() => {
    const planChange = planner.current;
    if (!planChange || liveName === undefined || !isChanged) {
      setVerdict(null);
      return undefined;
    }
    let isCurrent = true;
    setVerdict('checking');
    const timer = window.setTimeout(() => {
      void planChange(edited).then(
        (answer) => isCurrent && setVerdict(answer),
        () => isCurrent && setVerdict(null),
      );
    }, VERDICT_DELAY_MS);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [hasPlanner, liveName, isChanged, edited]);

  const changeType = (next: string): void => {
    setValues((current) => keptOnTypeChange(current, next));
    setType(next);
  };

  const apply = (event?: FormEvent): void => {
    event?.preventDefault();
    if (!IDENTIFIER.test(name) || name.length > 48) return setNameError(t('field.invalidName'));
    if (otherNames.includes(name)) return setNameError(t('field.duplicateName', { name }));
    if (typeof verdict === 'object' && verdict?.kind === 'refused') return;
    onApply(edited);
  };

  const title = isNew ? t('field.new') : t('field.editTitle', { name: field.name });
  return (
    <Dialog title={title} onClose={onClose} wide>
      <form className="field-panel" onSubmit={apply} noValidate>
        <LocalisedInput label={t('field.label')} value={label} onChange={setLabel} required idPrefix="field-label" />
        <div className="form-row">
          <label htmlFor="field-name">{t('field.name')}</label>
          <input
            id="field-name"
            value={name}
            aria-invalid={nameError !== null}
            aria-describedby={nameError ? 'field-name-error' : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
          />
          {nameError && (
            <p id="field-name-error" className="inline-error" role="alert">
              {nameError}
            </p>
          )}
          {liveName !== undefined && liveName !== name && !nameError && <p className="hint">{t('field.renamed', { from: liveName })}</p>}
        </div>
        <div className="form-row">
          <label htmlFor="field-type">{t('field.type')}</label>
          <select id="field-type" value={type} onChange={(event) => changeType(event.target.value)}>
            {FIELD_TYPES.map((option) => (
              <option key={option} value={option}>
                {i18n.typeLabel(option)}
              </option>
            ))}
          </select>
          {!isNew && type !== field.type && <p className="hint">{t('field.typeChange')}</p>}
        </div>
        <VerdictNote verdict={verdict} />
      </form>
      <div className="field-panel__properties">
        <Form
          key={type}
          schema={schema as RJSFSchema}
          uiSchema={uiSchema}
          formData={values}
          validator={validator}
          widgets={widgets}
          fields={{ localisedText: LocalisedTextField }}
          liveValidate="onChange"
          showErrorList={false}
          onChange={(change) => setValues((change.formData ?? {}) as Record<string, unknown>)}
          idPrefix="field-property"
        />
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('field.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={typeof verdict === 'object' && verdict?.kind === 'refused'} onClick={() => apply()}>
          {t('field.apply')}
        </button>
      </div>
    </Dialog>
  );
}
