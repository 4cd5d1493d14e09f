// The live preview of a form layout: the end-user app's own form model (runtime/web's
// buildFormModel), templates and widgets render the draft entity and layout with @rjsf/core,
// exactly as a user will see them, in English or Simplified Chinese. Typing in the preview
// evaluates the layout's conditions, so a rule can be tried on the form itself.
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { EntityDocument, FormLayout } from '@stagecraft/core';
import { compileEntitySchema } from '@stagecraft/core/entity-schema';
import { resolveEntity } from '@stagecraft/core/resolve';
import { useEffect, useId, useMemo, useState } from 'react';
import { buildFormModel } from '../../../runtime/web/src/form/form-model';
import { FieldTemplate, ObjectFieldTemplate, ErrorListTemplate } from '../../../runtime/web/src/form/templates';
import { FORM_WIDGETS, type FormContext } from '../../../runtime/web/src/form/widgets';
import { createI18n, I18nContext } from '../../../runtime/web/src/i18n/i18n';
import '../../../runtime/web/src/styles/form.css';
import { useI18n } from '../i18n/i18n';
import type { StudioLocale } from '../i18n/i18n';

const PREVIEW_LOCALES: StudioLocale[] = ['en', 'zh-CN'];

export function FormPreview({ entity, layout }: { entity: EntityDocument; layout: FormLayout }) {
  const { t, locale: studioLocale } = useI18n();
  const [locale, setLocale] = useState<StudioLocale>(studioLocale);
  const [values, setValues] = useState<Record<string, unknown>>({});
  // Follows the studio's language when that changes; its own switch tries the other one.
  useEffect(() => setLocale(studioLocale), [studioLocale]);
  const titleId = useId();
  const appI18n = useMemo(() => createI18n(locale, () => undefined), [locale]);
  // The draft as the app would serve it once published: every default filled.
  const resolved = useMemo(() => resolveEntity(entity), [entity]);
  const model = useMemo(() => {
    try {
      const base = compileEntitySchema(resolved, { mode: 'create', locale }) as RJSFSchema;
      return buildFormModel(base, resolved, layout, values, appI18n, { editing: false, now: new Date() });
    } catch {
      // A draft entity the compiler refuses (its problems are shown in the data model).
      return null;
    }
  }, [resolved, layout, values, appI18n, locale]);
  const context: FormContext & { sections: NonNullable<typeof model>['sections'] } = { entity: resolved, values, referenceTitles: {}, sections: model?.sections ?? [] };

  return (
    <section className="card preview" aria-labelledby={titleId}>
      <div className="card__header">
        <h2 id={titleId}>{t('layouts.preview')}</h2>
        <div className="segmented" role="group" aria-label={t('layouts.previewLanguage')}>
          {PREVIEW_LOCALES.map((option) => (
            <button key={option} type="button" className="button button--small" aria-pressed={option === locale} onClick={() => setLocale(option)}>
              {option === 'en' ? 'English' : '简体中文'}
            </button>
          ))}
        </div>
      </div>
      <p className="hint">{t('layouts.previewHint')}</p>
      <div className="preview__frame" lang={locale}>
        <I18nContext.Provider value={appI18n}>
          {model === null ? (
            <p className="muted">{t('layouts.previewUnavailable')}</p>
          ) : (
            <Form
              className="record-form"
              schema={model.schema}
              uiSchema={model.uiSchema}
              formData={values}
              formContext={context}
              validator={validator}
              widgets={FORM_WIDGETS}
              templates={{ FieldTemplate, ObjectFieldTemplate, ErrorListTemplate }}
              showErrorList={false}
              noHtml5Validate
              onChange={(event) => setValues((event.formData ?? {}) as Record<string, unknown>)}
              onSubmit={() => undefined}
            />
          )}
        </I18nContext.Provider>
      </div>
    </section>
  );
}
