// Registers the award screens' translations as the i18next namespace "awards" when the feature loads.
import i18n from 'i18next';
import th from './i18n.th.json';
import en from './i18n.en.json';

export const NS = 'awards';

if (!i18n.hasResourceBundle('th', NS)) {
  i18n.addResourceBundle('th', NS, th, true, false);
  i18n.addResourceBundle('en', NS, en, true, false);
}
