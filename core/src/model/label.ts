// Localised text: a plain string, or a map from locale tag to text ({"en": …, "zh-CN": …}).
export type Locale = string;
export type LocalisedText = string | Readonly<Record<Locale, string>>;

export const DEFAULT_LOCALE = 'en';

/** Picks the text for a locale, falling back to its language, then English, then any text. */
export function resolveText(text: LocalisedText | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0] ?? locale;
  return text[locale] ?? text[language] ?? text[DEFAULT_LOCALE] ?? Object.values(text)[0] ?? '';
}
