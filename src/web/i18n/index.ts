// i18next set-up: Thai first, English second; the choice is kept in localStorage and mirrored on <html lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import th from './th.json';
import en from './en.json';
// Feature modules' navigation labels (additive; features keep their own catalogues).
import '../features/questionnaire/shell-i18n';
import '../features/results/shell-i18n';
import '../features/review/shell-i18n';
import '../features/digital-local/shell-i18n';
import '../features/awards/shell-i18n';

export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'dgr.lang';

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'th' || v === 'en') return v;
  } catch {
    // Storage can be blocked (private mode, policies); Thai is the default then.
  }
  return 'th';
}

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.documentTitle');
}

void i18n.use(initReactI18next).init({
  resources: { th: { translation: th }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'th',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', (lng) => {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  applyDocumentLanguage(lng);
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'th';
}

export default i18n;
