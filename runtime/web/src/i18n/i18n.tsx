// The language of the whole app: chrome words from strings.ts, metadata labels through
// resolveText (the very function the server uses), numbers and dates through Intl. The choice
// is remembered in this browser; the signed-in user's own locale is the starting point.
import { resolveText, type LocalisedText } from '@stagecraft/core/label';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, MESSAGES, type AppLocale, type MessageKey } from './strings';

const STORAGE_KEY = 'stagecraft.locale';

export type Translate = (key: MessageKey | (string & {}), values?: Record<string, string | number>) => string;

export interface I18n {
  locale: AppLocale;
  /** Switches the language and remembers the choice (for this browser and, once signed in, this user). */
  setLocale(locale: AppLocale): void;
  /** After sign-in: this user's remembered choice here, else their locale from the server. */
  adoptUserLocale(username: string, serverLocale: string | null | undefined): void;
  t: Translate;
  /** A metadata label ({"en": …, "zh-CN": …} or plain text) in the current language. */
  text(label: LocalisedText | null | undefined, fallback?: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  currency(value: number, code: string): string;
  date(value: string | Date): string;
  dateTime(value: string | Date): string;
}

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale this browser chose last (for one user, when named), if any. */
export function storedLocale(username?: string): AppLocale | undefined {
  try {
    const value = window.localStorage.getItem(username === undefined ? STORAGE_KEY : `${STORAGE_KEY}.${username}`);
    return isAppLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function storeLocale(locale: AppLocale, username: string | undefined): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
    if (username !== undefined) window.localStorage.setItem(`${STORAGE_KEY}.${username}`, locale);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
}

function initialLocale(): AppLocale {
  return storedLocale() ?? (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}

/** A date-only value ("2026-11-23") is a calendar day, not midnight UTC: format it without a time zone shift. */
function asDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
}

function fill(template: string, values: Record<string, string | number> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Intl formatters are costly to build (a board formats hundreds of amounts): one per locale and options. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${options ? JSON.stringify(options) : ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function createI18n(locale: AppLocale, setLocale: (locale: AppLocale) => void, adoptUserLocale: I18n['adoptUserLocale'] = () => undefined): I18n {
  const messages = MESSAGES[locale] as Record<string, string>;
  const fallback = MESSAGES.en as Record<string, string>;
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return {
    locale,
    setLocale,
    adoptUserLocale,
    t: (key, values) => fill(messages[key] ?? fallback[key] ?? key, values),
    text: (label, otherwise = '') => (label === null || label === undefined ? otherwise : resolveText(label, locale) || otherwise),
    number: (value, options) => numberFormat(locale, options).format(value),
    currency: (value, code) => {
      try {
        // Whole amounts without cents: lists of deals read faster (and stay narrower).
        return numberFormat(locale, { style: 'currency', currency: code, ...(Number.isInteger(value) && { minimumFractionDigits: 0, maximumFractionDigits: 0 }) }).format(value);
      } catch {
        return `${numberFormat(locale).format(value)} ${code}`;
      }
    },
    date: (value) => dateFormat.format(asDate(value)),
    dateTime: (value) => dateTimeFormat.format(asDate(value)),
  };
}

/** Exported for previews of the app's renderers elsewhere (the studio), which provide a fixed locale. */
export const I18nContext = createContext<I18n>(createI18n('en', () => undefined));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<AppLocale>(initialLocale);
  const [username, setUsername] = useState<string | undefined>(undefined);
  const setLocale = useCallback(
    (next: AppLocale) => {
      setLocaleState(next);
      storeLocale(next, username);
    },
    [username],
  );
  const adoptUserLocale = useCallback((user: string, serverLocale: string | null | undefined) => {
    setUsername(user);
    const chosen = storedLocale(user) ?? (isAppLocale(serverLocale) ? serverLocale : undefined);
    if (chosen) setLocaleState(chosen);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => createI18n(locale, setLocale, adoptUserLocale), [locale, setLocale, adoptUserLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
