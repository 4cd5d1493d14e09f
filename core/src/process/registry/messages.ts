// Localised reason texts: one template per shipped locale, filled with labels resolved in that
// locale, so "Close date is required to enter Proposal" reads naturally in every language.
import { resolveText, type Locale, type LocalisedText } from '../../model/label';

export const MESSAGE_LOCALES = ['en', 'zh-CN'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** `text` picks a label in the template's locale; `list` joins labels the way that locale does. */
export interface MessageTools {
  text(value: LocalisedText): string;
  list(values: readonly LocalisedText[]): string;
}

export type MessageTemplates = Readonly<Record<MessageLocale, (tools: MessageTools) => string>>;

export function localisedMessage(templates: MessageTemplates): LocalisedText {
  return Object.fromEntries(MESSAGE_LOCALES.map((locale) => [locale, templates[locale](toolsFor(locale))]));
}

function toolsFor(locale: Locale): MessageTools {
  const text = (value: LocalisedText): string => resolveText(value, locale);
  return {
    text,
    list: (values) => (locale.startsWith('zh') ? values.map(text).join('、') : joinEnglish(values.map(text))),
  };
}

function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
