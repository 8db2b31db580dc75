// Cached date formatters: an Intl formatter is costly to build, and a 150-item form would build hundreds.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string): Intl.DateTimeFormat {
  const locale = lang === 'en' ? 'en-GB' : 'th-TH';
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return f;
}

/** Date and time in the reader's language (Buddhist era in Thai); '—' when absent. */
export function dateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : formatter(lang).format(d);
}
