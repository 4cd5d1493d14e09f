// The generated form itself (@rjsf/core with the ajv8 validator): schema and uiSchema rebuilt
// from the layout as values change (conditions), our widgets and templates, client validation in
// the user's language, and saving: only writable fields are sent (only changed ones on edit, with
// If-Match), the server's 422/403 problems land on their fields, and a rule the user may
// consciously break (an overlap, a likely duplicate) offers "Save anyway".
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { EntityDocument, FormLayout, RecordData } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { plainError } from '../ui/feedback';
import { buildFormModel, readOnlyNames } from './form-model';
import { placeProblems, translateErrors } from './form-errors';
import { ErrorListTemplate, FieldTemplate, ObjectFieldTemplate } from './templates';
import { FORM_WIDGETS, type FormContext } from './widgets';

/** Problem codes of rules a user may confirm past with ?confirm=<code>. */
const CONFIRMABLE = new Set(['overlap', 'duplicate']);

interface RecordFormProps {
  entity: EntityDocument;
  layout: FormLayout | undefined;
  baseSchema: Record<string, unknown>;
  initialValues: Record<string, unknown>;
  referenceTitles: Record<string, string>;
  /** The record being edited (absent: a new one). */
  record?: RecordData;
  onSaved(record: RecordData): void;
  onCancel(): void;
}

function sameValue(a: unknown, b: unknown): boolean {
  const empty = (value: unknown) => value === undefined || value === null || value === '';
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function RecordForm(props: RecordFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<Record<string, unknown>>(props.initialValues);
  const [serverErrors, setServerErrors] = useState<ErrorSchema | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [confirmable, setConfirmable] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const editing = props.record !== undefined;
  const model = useMemo(() => buildFormModel(props.baseSchema as RJSFSchema, props.entity, props.layout, values, i18n, { editing, now: new Date() }), [props.baseSchema, props.entity, props.layout, values, i18n, editing]);
  const context: FormContext & { sections: typeof model.sections } = { entity: props.entity, values, referenceTitles: props.referenceTitles, sections: model.sections };
  const labelOf = (name: string) => i18n.text(props.entity.fields.find((field) => field.name === name)?.label, name);

  const bodyOf = (formValues: Record<string, unknown>): Record<string, unknown> => {
    const locked = readOnlyNames(model);
    const body: Record<string, unknown> = {};
    for (const name of Object.keys(model.schema.properties ?? {})) {
      if (locked.has(name)) continue;
      const value = formValues[name];
      if (editing) {
        if (!sameValue(value, props.record?.[name])) body[name] = value === undefined || value === '' ? null : value;
      } else if (value !== undefined && value !== null && value !== '') body[name] = value;
    }
    return body;
  };

  const save = async (formValues: Record<string, unknown>, confirm: string[] = []) => {
    setSaving(true);
    setServerErrors(undefined);
    setGeneral([]);
    setConfirmable([]);
    const body = bodyOf(formValues);
    const query = confirm.length > 0 ? { confirm } : undefined;
    const path = `/api/records/${encodeURIComponent(props.entity.name)}`;
    try {
      if (editing && props.record) {
        if (Object.keys(body).length === 0) {
          props.onSaved(props.record);
          return;
        }
        props.onSaved(await api.patch<RecordData>(`${path}/${encodeURIComponent(props.record.id)}`, body, query));
      } else {
        props.onSaved(await api.post<RecordData>(path, body, query));
      }
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.details.length > 0 && [400, 403, 409, 422].includes(error.status)) {
        const shown = new Set(Object.keys(model.schema.properties ?? {}));
        const placed = placeProblems(error.details, shown, i18n.locale, labelOf);
        setServerErrors(placed.byField);
        // Problems shown on their fields are not repeated above the form.
        const onFields = Object.keys(placed.byField).length > 0;
        setGeneral([...(onFields ? [t('form.fixErrors')] : placed.general.length > 0 ? [] : [error.message]), ...placed.general]);
        setConfirmable([...new Set(error.details.map((detail) => detail.code ?? '').filter((code) => CONFIRMABLE.has(code)))]);
      } else {
        setGeneral([plainError(error, t)]);
      }
    }
  };

  return (
    <Form
      className="record-form"
      schema={model.schema}
      uiSchema={model.uiSchema}
      formData={values}
      formContext={context}
      validator={validator}
      widgets={FORM_WIDGETS}
      templates={{ FieldTemplate, ObjectFieldTemplate, ErrorListTemplate }}
      extraErrors={serverErrors}
      showErrorList={false}
      noHtml5Validate
      transformErrors={(errors) => translateErrors(errors, i18n)}
      onChange={(event) => setValues((event.formData ?? {}) as Record<string, unknown>)}
      onSubmit={(event) => void save((event.formData ?? {}) as Record<string, unknown>)}
      onError={() => setGeneral([t('form.fixErrors')])}
    >
      {general.length > 0 && (
        <div className="notice notice--error form-notice" role="alert">
          <div>
            {general.map((line, index) => (
              <p key={index}>{line}</p>
            ))}
          </div>
          {confirmable.length > 0 && (
            <button type="button" className="button" onClick={() => void save(values, confirmable)}>
              {t('form.saveAnyway')}
            </button>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('app.saving') : t('app.save')}
        </button>
      </div>
    </Form>
  );
}
