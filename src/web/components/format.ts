// Locale-aware presentation helpers: organisation names, dates and numbers in the user's language.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

interface Named {
  nameTh: string;
  nameEn?: string | null;
}

export function useFormat() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  // th-TH formats dates in the Buddhist era, as Thai readers expect.
  const locale = en ? 'en-GB' : 'th-TH';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(locale);
  return {
    en,
    name: (o: Named | null | undefined): string => (o ? (en ? o.nameEn || o.nameTh : o.nameTh) : ''),
    /** The name in the other language, shown beneath the main one. */
    otherName: (o: Named | null | undefined): string => (o ? (en ? (o.nameEn ? o.nameTh : '') : o.nameEn ?? '') : ''),
    pick: (th: string | null | undefined, enText: string | null | undefined): string => (en ? enText || th || '' : th || enText || ''),
    dateTime: (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—'),
    date: (iso: string | null | undefined): string => (iso ? date.format(new Date(iso)) : '—'),
    number: (n: number): string => number.format(n),
    error: (err: unknown): string => {
      if (err instanceof ApiError) return err.localized(i18n.language);
      return t('errors.unexpected');
    },
  };
}
