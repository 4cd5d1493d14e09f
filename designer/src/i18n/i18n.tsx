// The studio's language: English or Simplified Chinese, chosen in the top bar and remembered in
// the browser; `t` fills `{name}` placeholders. Labels of metadata are resolved with core's own
// resolveText, exactly as the end-user app and the server do.
import { resolveText, type LocalisedText } from '@stagecraft/core/label';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { FIELD_TYPE_LABELS, STRINGS, type MessageKey } from './strings';

export type StudioLocale = 'en' | 'zh-CN';

export interface I18n {
  locale: StudioLocale;
  setLocale(locale: StudioLocale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  text(value: LocalisedText | undefined): string;
  typeLabel(type: string): string;
  time(iso: string | Date): string;
}

const STORAGE_KEY = 'stagecraft.studio.locale';
const I18nContext = createContext<I18n | undefined>(undefined);

function initialLocale(): StudioLocale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<StudioLocale>(initialLocale);
  const setLocale = useCallback((next: StudioLocale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = locale;
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      setLocale,
      t: (key, values = {}) => STRINGS[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match)),
      text: (value) => resolveText(value, locale),
      typeLabel: (type) => FIELD_TYPE_LABELS[locale][type] ?? type,
      time: (iso) => format.format(typeof iso === 'string' ? new Date(iso) : iso),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
