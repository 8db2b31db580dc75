// Checks one answer value against its framework item (type, option codes, range) and renders it for people.
import type { AnswerValue, I18nText, Item } from '../framework/types.js';

export const MAX_TEXT_LENGTH = 20_000;

/** null when the value fits the item, else the reason in Thai and English. `null` (clear the answer) always fits. */
export function answerProblem(item: Item, value: unknown): I18nText | null {
  if (value === null) return null;
  switch (item.kind) {
    case 'yes_no':
      return typeof value === 'boolean' ? null : { th: 'ต้องเป็นใช่หรือไม่ใช่ (true/false)', en: 'must be yes or no (true/false)' };
    case 'single_choice': {
      if (typeof value !== 'string') return { th: 'ต้องเป็นรหัสตัวเลือกหนึ่งตัว', en: 'must be one option code' };
      const codes = item.options.map((o) => o.code);
      return codes.includes(value) ? null : { th: `ไม่มีตัวเลือก "${value}" (มี: ${codes.join(', ')})`, en: `unknown option "${value}" (options: ${codes.join(', ')})` };
    }
    case 'multi_choice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { th: 'ต้องเป็นรายการรหัสตัวเลือก', en: 'must be a list of option codes' };
      const codes = item.options.map((o) => o.code);
      const unknown = (value as string[]).filter((v) => !codes.includes(v));
      if (unknown.length > 0) return { th: `ไม่มีตัวเลือก ${unknown.map((u) => `"${u}"`).join(', ')}`, en: `unknown option(s) ${unknown.map((u) => `"${u}"`).join(', ')}` };
      if (new Set(value).size !== value.length) return { th: 'เลือกตัวเลือกซ้ำ', en: 'an option is chosen twice' };
      const none = item.options.find((o) => o.code === 'none' && o.points === 0);
      if (none && value.includes('none') && value.length > 1) return { th: '"ไม่มี" เลือกร่วมกับตัวเลือกอื่นไม่ได้', en: '"none" cannot be combined with other options' };
      return null;
    }
    case 'number':
    case 'indicator': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { th: 'ต้องเป็นตัวเลข', en: 'must be a number' };
      if (item.kind === 'number') {
        if (item.integer && !Number.isInteger(value)) return { th: 'ต้องเป็นจำนวนเต็ม', en: 'must be a whole number' };
        if (item.min !== undefined && value < item.min) return { th: `ต้องไม่น้อยกว่า ${item.min}`, en: `must be at least ${item.min}` };
        if (item.max !== undefined && value > item.max) return { th: `ต้องไม่มากกว่า ${item.max}`, en: `must be at most ${item.max}` };
      }
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return { th: 'ต้องเป็นข้อความ', en: 'must be text' };
      return value.length <= MAX_TEXT_LENGTH ? null : { th: `ยาวเกิน ${MAX_TEXT_LENGTH} ตัวอักษร`, en: `longer than ${MAX_TEXT_LENGTH} characters` };
  }
}

const YES: I18nText = { th: 'ใช่', en: 'Yes' };
const NO: I18nText = { th: 'ไม่ใช่', en: 'No' };

/** The answer as a person reads it: choice labels instead of codes (multi-choice joined with "; "). */
export function answerLabel(item: Item, value: AnswerValue | undefined, lang: keyof I18nText): string | number | null {
  if (value === null || value === undefined) return null;
  switch (item.kind) {
    case 'yes_no':
      return value === true ? YES[lang] : value === false ? NO[lang] : String(value);
    case 'single_choice':
      return item.options.find((o) => o.code === value)?.label[lang] ?? String(value);
    case 'multi_choice':
      return Array.isArray(value) ? value.map((c) => item.options.find((o) => o.code === c)?.label[lang] ?? c).join('; ') : String(value);
    case 'number':
    case 'indicator':
      return typeof value === 'number' ? value : String(value);
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
