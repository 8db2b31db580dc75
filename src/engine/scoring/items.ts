// Item points: answers → 0–1 fractions of full marks (or raw indicator values), with visibility and evidence gating.
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import type { CompiledFramework } from '../framework/compile.js';
import type { AnswerValue, Item, UnitInput } from '../framework/types.js';

/** Per unit × item state codes in ItemMatrix.status. */
export const ST = { answered: 0, noEvidence: 1, missing: 2, hidden: 3, imputed: 4, zero: 5 } as const;

/** Row-major n × m matrices over units × scored items. */
export interface ItemMatrix {
  n: number;
  m: number;
  /** Points 0–1 (questions) or the raw value (indicators); NaN while missing, and for hidden items. */
  raw: Float64Array;
  status: Uint8Array;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Why an answer does not fit its item, or null. Missing answers (undefined/null) are fine here. */
export function answerProblem(item: Item, v: AnswerValue | undefined): { th: string; en: string } | null {
  if (v === undefined || v === null) return null;
  switch (item.kind) {
    case 'yes_no':
      return typeof v === 'boolean' ? null : { th: 'ต้องตอบใช่หรือไม่ใช่ (true/false)', en: 'Must be yes or no (true/false)' };
    case 'single_choice':
      if (typeof v !== 'string') return { th: 'ต้องเป็นรหัสตัวเลือกหนึ่งรหัส', en: 'Must be one option code' };
      return item.options.some((o) => o.code === v)
        ? null
        : { th: `ไม่มีตัวเลือก "${v}" (มี ${item.options.map((o) => o.code).join(', ')})`, en: `No option "${v}" (options: ${item.options.map((o) => o.code).join(', ')})` };
    case 'multi_choice': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        return { th: 'ต้องเป็นรายการรหัสตัวเลือก', en: 'Must be a list of option codes' };
      const bad = v.filter((x) => !item.options.some((o) => o.code === x));
      if (bad.length) return { th: `ไม่มีตัวเลือก ${bad.map((b) => `"${b}"`).join(', ')}`, en: `No option ${bad.map((b) => `"${b}"`).join(', ')} (options: ${item.options.map((o) => o.code).join(', ')})` };
      if (new Set(v).size !== v.length) return { th: 'เลือกตัวเลือกเดียวกันซ้ำ', en: 'An option is chosen twice' };
      if (v.includes('none') && v.length > 1 && item.options.some((o) => o.code === 'none'))
        return { th: 'เลือก "none" (ไม่มีข้อใดเลย) ร่วมกับตัวเลือกอื่นไม่ได้', en: '"none" (none of these) cannot be combined with other options' };
      return null;
    }
    case 'number':
    case 'indicator':
      if (!isNum(v)) return { th: 'ต้องเป็นตัวเลข', en: 'Must be a number' };
      if (item.kind === 'number') {
        if (isNum(item.min) && v < item.min) return { th: `ต้องไม่น้อยกว่า ${item.min}`, en: `Must be at least ${item.min}` };
        if (isNum(item.max) && v > item.max) return { th: `ต้องไม่เกิน ${item.max}`, en: `Must be at most ${item.max}` };
        if (item.integer && !Number.isInteger(v)) return { th: 'ต้องเป็นจำนวนเต็ม', en: 'Must be a whole number' };
      }
      return null;
    case 'text':
      return typeof v === 'string' ? null : { th: 'ต้องเป็นข้อความ', en: 'Must be text' };
  }
}

/** Fast acceptance of the common valid answers; anything else goes through answerProblem for its message. */
function quickOk(cf: CompiledFramework, item: Item, v: AnswerValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  switch (item.kind) {
    case 'yes_no':
      return typeof v === 'boolean';
    case 'single_choice':
      return typeof v === 'string' && cf.optionPoints.get(item.code)!.has(v);
    case 'multi_choice': {
      if (!Array.isArray(v)) return false;
      const opts = cf.optionPoints.get(item.code)!;
      for (let k = 0; k < v.length; k++) {
        const c = v[k];
        if (typeof c !== 'string' || !opts.has(c) || c === 'none') return false;
        for (let l = 0; l < k; l++) if (v[l] === c) return false;
      }
      return true;
    }
    case 'number':
      return false;
    case 'indicator':
      return typeof v === 'number' && Number.isFinite(v);
    case 'text':
      return typeof v === 'string';
  }
}

/** Answers of every unit as arrays aligned with `codes` (every item code, framework order), read once. */
export interface AnswerRows {
  codes: string[];
  rows: (AnswerValue | undefined)[][];
  problems: ErrorDetail[];
}

/**
 * Reads every unit's answers into arrays (keyed object access is the slow part on large inputs, so it happens
 * once) and checks them: duplicate or empty ids, unknown item codes, answers of the wrong type.
 */
export function readAnswers(cf: CompiledFramework, units: readonly UnitInput[]): AnswerRows {
  const codes = [...cf.allItems.keys()];
  const items = codes.map((c) => cf.allItems.get(c)!);
  const problems: ErrorDetail[] = [];
  const ids = new Set<string>();
  const rows = units.map((u, i) => {
    const p = `units[${i}]`;
    if (typeof u.id !== 'string' || u.id === '') problems.push({ path: `${p}.id`, th: 'ไม่มีรหัสหน่วยงาน', en: 'The unit id is missing' });
    else if (ids.has(u.id)) problems.push({ path: `${p}.id`, th: `รหัสหน่วยงาน "${u.id}" ซ้ำ`, en: `Unit id "${u.id}" appears twice` });
    else ids.add(u.id);
    const answers = u.answers ?? {};
    const row: (AnswerValue | undefined)[] = new Array(codes.length);
    let found = 0;
    for (let k = 0; k < codes.length; k++) {
      const v = answers[codes[k]!];
      row[k] = v;
      if (v === undefined) continue;
      found++;
      if (!quickOk(cf, items[k]!, v)) {
        const prob = answerProblem(items[k]!, v);
        if (prob) problems.push({ path: `${p}.answers.${codes[k]}`, ...prob });
      }
    }
    if (Object.keys(answers).length !== found)
      for (const code of Object.keys(answers))
        if (!cf.allItems.has(code)) problems.push({ path: `${p}.answers.${code}`, th: `ไม่มีข้อ "${code}" ในกรอบการประเมิน`, en: `Unknown item "${code}"` });
    for (const code of u.evidenceAccepted ?? [])
      if (!cf.allItems.has(code)) problems.push({ path: `${p}.evidenceAccepted`, th: `ไม่มีข้อ "${code}" ในกรอบการประเมิน`, en: `Unknown item "${code}"` });
    return row;
  });
  return { codes, rows, problems };
}

/** Every problem in the units: duplicate or empty ids, unknown item codes, answers of the wrong type. */
export function checkUnits(cf: CompiledFramework, units: readonly UnitInput[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const ids = new Set<string>();
  units.forEach((u, i) => {
    const p = `units[${i}]`;
    if (typeof u.id !== 'string' || u.id === '') out.push({ path: `${p}.id`, th: 'ไม่มีรหัสหน่วยงาน', en: 'The unit id is missing' });
    else if (ids.has(u.id)) out.push({ path: `${p}.id`, th: `รหัสหน่วยงาน "${u.id}" ซ้ำ`, en: `Unit id "${u.id}" appears twice` });
    else ids.add(u.id);
    const answers = u.answers ?? {};
    for (const code in answers) {
      const item = cf.allItems.get(code);
      const v = answers[code];
      if (!item) out.push({ path: `${p}.answers.${code}`, th: `ไม่มีข้อ "${code}" ในกรอบการประเมิน`, en: `Unknown item "${code}"` });
      else if (!quickOk(cf, item, v)) {
        const prob = answerProblem(item, v);
        if (prob) out.push({ path: `${p}.answers.${code}`, ...prob });
      }
    }
    for (const code of u.evidenceAccepted ?? [])
      if (!cf.allItems.has(code)) out.push({ path: `${p}.evidenceAccepted`, th: `ไม่มีข้อ "${code}" ในกรอบการประเมิน`, en: `Unknown item "${code}"` });
  });
  return out;
}

export function assertValidUnits(cf: CompiledFramework, units: readonly UnitInput[]): void {
  throwIfProblems(checkUnits(cf, units));
}

export function throwIfProblems(problems: ErrorDetail[]): void {
  if (problems.length) throw new AppError('VALIDATION_FAILED', { detail: `${problems[0]!.path}${problems.length > 1 ? ` (+${problems.length - 1})` : ''}` }, problems);
}

/** Points of an answered item as a fraction of full marks (raw value for indicators). Assumes a checked answer. */
export function itemPoints(item: Item, v: AnswerValue, options?: Map<string, number>): number {
  switch (item.kind) {
    case 'yes_no':
      return v === true ? (item.points?.yes ?? 1) : (item.points?.no ?? 0);
    case 'single_choice':
      return (options ? options.get(v as string) : item.options.find((o) => o.code === v)?.points) ?? 0;
    case 'multi_choice': {
      const chosen = v as string[];
      const cap = item.cap ?? 1;
      if (item.scoring === 'count') {
        let countable = 0;
        for (const o of item.options) if (o.code !== 'none') countable++;
        const k = item.countForFull ?? countable;
        let count = 0;
        for (const c of chosen) if (c !== 'none') count++;
        return Math.min(count / k, cap);
      }
      let sum = 0;
      for (const c of chosen) sum += (options ? options.get(c) : item.options.find((o) => o.code === c)?.points) ?? 0;
      return Math.min(sum, cap);
    }
    case 'number': {
      const x = v as number;
      const s = item.scoring;
      if (s.type === 'goalposts') return Math.min(1, Math.max(0, (x - s.low) / (s.high - s.low)));
      let pts = 0;
      for (const t of s.thresholds) if (x >= t.min) pts = t.points;
      return pts;
    }
    case 'indicator':
      return v as number;
    case 'text':
      return 0;
  }
}

function matches(item: Item | undefined, answer: AnswerValue | undefined, equals: boolean | string): boolean {
  if (answer === undefined || answer === null || !item) return false;
  if (item.kind === 'multi_choice') return Array.isArray(answer) && answer.includes(equals as string);
  return answer === equals;
}

/** Visibility of every item code for one unit: an item is visible when its target is visible and matches. */
export function visibility(cf: CompiledFramework, answers: Record<string, AnswerValue>): Map<string, boolean> {
  const vis = new Map<string, boolean>();
  for (const code of cf.visibilityOrder) {
    const item = cf.allItems.get(code)!;
    const cond = item.visibleIf;
    vis.set(code, !cond || (vis.get(cond.item) === true && matches(cf.allItems.get(cond.item), answers[cond.item], cond.equals)));
  }
  return vis;
}

/** Points of every scored item for every unit, before imputation and normalisation. */
export function computeItemMatrix(cf: CompiledFramework, units: readonly UnitInput[], read?: AnswerRows): ItemMatrix {
  const { codes, rows } = read ?? readAnswers(cf, units);
  const n = units.length;
  const m = cf.items.length;
  const raw = new Float64Array(n * m);
  const status = new Uint8Array(n * m);
  // Visibility plan: items in dependency order, each with the position of its target in the same order.
  const order = cf.visibilityOrder;
  const pos = new Map(order.map((c, i) => [c, i]));
  const plan = order.map((c) => {
    const it = cf.allItems.get(c)!;
    const cond = it.visibleIf;
    return cond ? { target: pos.get(cond.item)!, code: cond.item, kind: cf.allItems.get(cond.item)!.kind, equals: cond.equals } : null;
  });
  const colPos = cf.items.map((ci) => pos.get(ci.code)!);
  const rowPos = new Map(codes.map((c, i) => [c, i]));
  const colRow = cf.items.map((ci) => rowPos.get(ci.code)!);
  const visRow = plan.map((c) => (c ? rowPos.get(c.code)! : -1));
  const anyVisibleIf = plan.some((x) => x !== null);
  const visArr = new Uint8Array(order.length);
  const optionMaps = cf.items.map((ci) => cf.optionPoints.get(ci.code));
  for (let u = 0; u < n; u++) {
    const unit = units[u]!;
    const answers = rows[u]!;
    if (anyVisibleIf) {
      for (let k = 0; k < plan.length; k++) {
        const c = plan[k];
        if (!c) visArr[k] = 1;
        else if (!visArr[c.target]) visArr[k] = 0;
        else {
          const a = answers[visRow[k]!];
          visArr[k] = a === undefined || a === null ? 0 : c.kind === 'multi_choice' ? (Array.isArray(a) && a.includes(c.equals as string) ? 1 : 0) : a === c.equals ? 1 : 0;
        }
      }
    }
    const evidence = unit.evidenceAccepted && unit.evidenceAccepted.length ? new Set(unit.evidenceAccepted) : null;
    const row = u * m;
    for (let j = 0; j < m; j++) {
      const ci = cf.items[j]!;
      if (anyVisibleIf && !visArr[colPos[j]!]) {
        raw[row + j] = NaN;
        status[row + j] = ST.hidden;
        continue;
      }
      const v = answers[colRow[j]!];
      if (v === undefined || v === null) {
        raw[row + j] = NaN;
        status[row + j] = ST.missing;
      } else if (ci.item.requiresEvidence && !(evidence && evidence.has(ci.code))) {
        raw[row + j] = 0;
        status[row + j] = ST.noEvidence;
      } else {
        raw[row + j] = itemPoints(ci.item, v, optionMaps[j]);
        status[row + j] = ST.answered;
      }
    }
  }
  return { n, m, raw, status };
}
