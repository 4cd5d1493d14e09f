// English / 简体中文: relabels the whole app at once (chrome words and metadata labels).
import { useI18n } from '../i18n/i18n';
import { LOCALES, type AppLocale } from '../i18n/strings';

const NAMES: Record<AppLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LOCALES.map((option) => (
        <button key={option} type="button" lang={option} className="language-switch__option" aria-pressed={locale === option} onClick={() => setLocale(option)}>
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
