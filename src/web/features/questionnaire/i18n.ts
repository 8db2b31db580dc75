// Registers the questionnaire's own translations as the i18next namespace "questionnaire" when the feature loads.
import i18n from 'i18next';
import th from './i18n.th.json';
import en from './i18n.en.json';

export const NS = 'questionnaire';

if (!i18n.hasResourceBundle('th', NS)) {
  i18n.addResourceBundle('th', NS, th, true, false);
  i18n.addResourceBundle('en', NS, en, true, false);
}
