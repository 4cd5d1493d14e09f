// A label in both shipped languages side by side (core's LocalisedText: a plain string or a map
// of locale → text). A missing translation is flagged, never filled in silently.
import type { LocalisedText } from '@stagecraft/core/label';
import { useId } from 'react';
import { useI18n } from '../i18n/i18n';

export const STUDIO_LOCALES = ['en', 'zh-CN'] as const;

export function localisedParts(value: LocalisedText | undefined): Record<string, string> {
  if (value === undefined) return {};
  return typeof value === 'string' ? { en: value } : { ...value };
}

/** The parts as a LocalisedText, empty ones dropped; undefined when nothing is left. */
export function localisedValue(parts: Record<string, string>): LocalisedText | undefined {
  const kept = Object.fromEntries(Object.entries(parts).filter(([, text]) => text.trim() !== ''));
  return Object.keys(kept).length === 0 ? undefined : kept;
}

export function isTranslationMissing(value: LocalisedText | undefined): boolean {
  const parts = localisedParts(value);
  return STUDIO_LOCALES.some((locale) => (parts[locale] ?? '').trim() === '');
}

export function LocalisedInput({ label, value, onChange, required = false, idPrefix }: { label: string; value: LocalisedText | undefined; onChange(value: LocalisedText | undefined): void; required?: boolean; idPrefix?: string }) {
  const { t } = useI18n();
  const generated = useId();
  const id = idPrefix ?? generated;
  const parts = localisedParts(value);
  const set = (locale: string, text: string): void => onChange(localisedValue({ ...parts, [locale]: text }));
  return (
    <fieldset className="localised">
      <legend>{label}</legend>
      {STUDIO_LOCALES.map((locale) => {
        // Flagged when the text exists in the other language (or is required): an empty optional text is no gap.
        const missing = (parts[locale] ?? '').trim() === '' && (required || Object.values(parts).some((text) => text.trim() !== ''));
        return (
          <div className="localised__part" key={locale}>
            <label htmlFor={`${id}-${locale}`}>{locale === 'en' ? t('localised.en') : t('localised.zh')}</label>
            <input
              id={`${id}-${locale}`}
              lang={locale}
              value={parts[locale] ?? ''}
              required={required && locale === 'en'}
              aria-describedby={missing ? `${id}-${locale}-missing` : undefined}
              onChange={(event) => set(locale, event.target.value)}
            />
            {missing && (
              <span id={`${id}-${locale}-missing`} className="badge badge--warning">
                {t('localised.missing')}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
