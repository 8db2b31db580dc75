// Answers as a reader would say them (option labels, yes/no, number with unit), for conflicts and history.
import type { I18nText, Item } from '../../../engine/framework/types';
import type { AnswerValue } from './autosave';

function pickText(t: I18nText | undefined, en: boolean): string {
  if (!t) return '';
  return en ? t.en || t.th : t.th || t.en;
}

/** An answer as a reader would say it: option labels, yes/no, the number with its unit. */
export function describeValue(item: Item | undefined, value: AnswerValue | undefined, en: boolean, t: (k: string) => string): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return t('conflict.empty');
  if (!item) return Array.isArray(value) ? value.join(', ') : String(value);
  switch (item.kind) {
    case 'yes_no':
      return value === true ? t('yes') : value === false ? t('no') : String(value);
    case 'single_choice':
      return pickText(item.options.find((o) => o.code === value)?.label, en) || String(value);
    case 'multi_choice':
      return (Array.isArray(value) ? value : [String(value)]).map((c) => pickText(item.options.find((o) => o.code === c)?.label, en) || c).join(', ');
    case 'number':
      return `${typeof value === 'number' ? value.toLocaleString(en ? 'en-GB' : 'th-TH') : String(value)}${item.unit ? ` ${pickText(item.unit, en)}` : ''}`;
    default:
      return String(value);
  }
}

