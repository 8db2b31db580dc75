// Framework validation: every problem with its path and a Thai and English message; invalid frameworks never score.
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import type { Aggregation, Framework, I18nText, Item, Normalisation, PeerGroupKey } from './types.js';

/** One problem found in a framework. `path` is JSON-path-like: dimensions[1].items[3].options[0].points. */
export interface FrameworkProblem extends ErrorDetail {
  /** Stable problem code for tests and UIs, e.g. "DUPLICATE_CODE". */
  code: string;
}

export const PEER_GROUP_KEYS: readonly PeerGroupKey[] = ['level', 'ministry', 'province', 'serves_public', 'org_type', 'all'];
const NORMALISATIONS = ['none', 'minmax', 'zscore', 'zscore_minmax', 'goalposts', 'rank', 'percentile'];
const KINDS = ['yes_no', 'single_choice', 'multi_choice', 'number', 'text', 'indicator'];

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

class Collector {
  readonly problems: FrameworkProblem[] = [];
  add(path: string, code: string, th: string, en: string): void {
    this.problems.push({ path, code, th, en });
  }
  text(path: string, t: I18nText | undefined, required: boolean): void {
    if (t === undefined || t === null) {
      if (required) this.add(path, 'TEXT_MISSING', 'ต้องมีข้อความภาษาไทยและภาษาอังกฤษ', 'Thai and English text are required');
      return;
    }
    if (typeof t !== 'object') {
      this.add(path, 'TEXT_MISSING', 'ต้องเป็นข้อความ { th, en }', 'Must be a text { th, en }');
      return;
    }
    if (typeof t.th !== 'string' || t.th.trim() === '') this.add(`${path}.th`, 'TEXT_MISSING', 'ไม่มีข้อความภาษาไทย', 'The Thai text is missing');
    if (typeof t.en !== 'string' || t.en.trim() === '') this.add(`${path}.en`, 'TEXT_MISSING', 'ไม่มีข้อความภาษาอังกฤษ', 'The English text is missing');
  }
  weight(path: string, w: unknown): void {
    if (w === undefined) return;
    if (!isNum(w)) this.add(path, 'WEIGHT_INVALID', `น้ำหนักต้องเป็นตัวเลข (ได้ ${String(w)})`, `The weight must be a number (got ${String(w)})`);
    else if (w < 0) this.add(path, 'WEIGHT_NEGATIVE', `น้ำหนักติดลบไม่ได้ (${w})`, `The weight cannot be negative (${w})`);
  }
  weightSum(path: string, weights: (number | undefined)[], what: { th: string; en: string }): void {
    if (weights.length === 0) return;
    const sum = weights.reduce<number>((s, w) => s + (isNum(w) && w > 0 ? w : w === undefined ? 1 : 0), 0);
    if (sum <= 0)
      this.add(path, 'WEIGHTS_ZERO_SUM', `ผลรวมน้ำหนักของ${what.th}ต้องมากกว่าศูนย์`, `The weights of the ${what.en} must sum to more than zero`);
  }
  fraction(path: string, p: unknown, what: string): void {
    if (p === undefined || p === null)
      this.add(path, 'POINTS_MISSING', `${what}ไม่มีคะแนน`, `${what === 'ตัวเลือก' ? 'The option' : 'The value'} has no points`);
    else if (!isNum(p)) this.add(path, 'POINTS_INVALID', `คะแนนต้องเป็นตัวเลข (ได้ ${String(p)})`, `Points must be a number (got ${String(p)})`);
    else if (p < 0 || p > 1)
      this.add(path, 'POINTS_OUT_OF_RANGE', `คะแนนต้องอยู่ระหว่าง 0 ถึง 1 (สัดส่วนของคะแนนเต็ม) ได้ ${p}`, `Points must be between 0 and 1 (a fraction of full marks); got ${p}`);
  }
}

function checkAggregation(c: Collector, path: string, a: Aggregation | undefined, required: boolean): void {
  if (!a) {
    if (required) c.add(path, 'AGGREGATION_MISSING', 'ไม่ได้กำหนดวิธีรวมคะแนน', 'The aggregation is missing');
    return;
  }
  if (a.method !== 'arithmetic' && a.method !== 'geometric')
    c.add(`${path}.method`, 'AGGREGATION_UNKNOWN', `ไม่รู้จักวิธีรวมคะแนน "${String(a.method)}" (ใช้ arithmetic หรือ geometric)`, `Unknown aggregation "${String(a.method)}" (use arithmetic or geometric)`);
  if (a.zeroRule !== undefined && a.zeroRule !== 'epsilon' && a.zeroRule !== 'zero')
    c.add(`${path}.zeroRule`, 'ZERO_RULE_UNKNOWN', `ไม่รู้จักกฎค่าศูนย์ "${String(a.zeroRule)}"`, `Unknown zero rule "${String(a.zeroRule)}" (use epsilon or zero)`);
  if (a.epsilon !== undefined && (!isNum(a.epsilon) || a.epsilon <= 0 || a.epsilon >= 1))
    c.add(`${path}.epsilon`, 'EPSILON_INVALID', 'ค่า epsilon ต้องมากกว่า 0 และน้อยกว่า 1', 'epsilon must be greater than 0 and less than 1');
}

function checkNormalisation(c: Collector, path: string, n: Normalisation | undefined, geometric: boolean): void {
  if (!n) return;
  if (!NORMALISATIONS.includes(n.method)) {
    c.add(`${path}.method`, 'NORMALISATION_UNKNOWN', `ไม่รู้จักวิธีปรับมาตรฐาน "${String(n.method)}"`, `Unknown normalisation "${String(n.method)}" (use ${NORMALISATIONS.join(', ')})`);
    return;
  }
  if (n.method === 'goalposts') {
    if (!isNum(n.low) || !isNum(n.high))
      c.add(path, 'GOALPOSTS_MISSING', 'วิธี goalposts ต้องกำหนด low และ high เป็นตัวเลข', 'The goalposts method needs numeric low and high');
    else if (n.low >= n.high)
      c.add(path, 'GOALPOSTS_ORDER', `ค่า low (${n.low}) ต้องน้อยกว่า high (${n.high})`, `low (${n.low}) must be less than high (${n.high})`);
  }
  if (n.method === 'zscore' && geometric)
    c.add(path, 'ZSCORE_GEOMETRIC', 'ค่า z-score อาจติดลบ จึงใช้กับการรวมแบบเรขาคณิตไม่ได้ (ใช้ zscore_minmax)', 'z-scores can be negative, so they cannot feed a geometric mean (use zscore_minmax)');
}

function checkItem(c: Collector, path: string, item: Item, geometric: boolean): void {
  if (!KINDS.includes(item.kind)) {
    c.add(`${path}.kind`, 'KIND_UNKNOWN', `ไม่รู้จักประเภทคำถาม "${String(item.kind)}"`, `Unknown item kind "${String(item.kind)}" (use ${KINDS.join(', ')})`);
    return;
  }
  c.text(`${path}.text`, item.text, true);
  c.weight(`${path}.weight`, item.weight);
  const scored = item.kind !== 'text';
  if (scored) {
    if (!item.recommendation)
      c.add(`${path}.recommendation`, 'RECOMMENDATION_MISSING', `ข้อ ${item.code} มีคะแนนจึงต้องมีข้อเสนอแนะ (ภาษาไทยและอังกฤษ)`, `Item ${item.code} is scored, so it needs a recommendation (Thai and English)`);
    else c.text(`${path}.recommendation`, item.recommendation, true);
  }
  // The framework default is checked once at the top level; here only the item's own.
  checkNormalisation(c, `${path}.normalisation`, item.normalisation, geometric);
  switch (item.kind) {
    case 'yes_no':
      if (item.points) {
        c.fraction(`${path}.points.yes`, item.points.yes, 'คำตอบ "ใช่"');
        c.fraction(`${path}.points.no`, item.points.no, 'คำตอบ "ไม่ใช่"');
      }
      break;
    case 'single_choice':
    case 'multi_choice': {
      if (!Array.isArray(item.options) || item.options.length === 0) {
        c.add(`${path}.options`, 'OPTIONS_MISSING', `ข้อ ${item.code} ไม่มีตัวเลือก`, `Item ${item.code} has no options`);
        break;
      }
      const seen = new Set<string>();
      item.options.forEach((o, k) => {
        const op = `${path}.options[${k}]`;
        if (typeof o.code !== 'string' || o.code === '') c.add(`${op}.code`, 'CODE_MISSING', 'ตัวเลือกไม่มีรหัส', 'The option has no code');
        else if (seen.has(o.code))
          c.add(`${op}.code`, 'DUPLICATE_CODE', `รหัสตัวเลือก "${o.code}" ซ้ำในข้อ ${item.code}`, `Option code "${o.code}" is used twice in item ${item.code}`);
        else seen.add(o.code);
        if (typeof o.code === 'string' && o.code.includes(';'))
          c.add(`${op}.code`, 'CODE_INVALID', 'รหัสตัวเลือกห้ามมีเครื่องหมาย ;', 'An option code cannot contain ";"');
        c.text(`${op}.label`, o.label, true);
        c.fraction(`${op}.points`, o.points, 'ตัวเลือก');
      });
      if (item.kind === 'multi_choice') {
        if (item.scoring !== 'count' && item.scoring !== 'weighted')
          c.add(`${path}.scoring`, 'SCORING_UNKNOWN', `ไม่รู้จักวิธีให้คะแนน "${String(item.scoring)}" (ใช้ count หรือ weighted)`, `Unknown scoring "${String(item.scoring)}" (use count or weighted)`);
        const countable = item.options.filter((o) => o.code !== 'none').length;
        if (item.countForFull !== undefined && (!Number.isInteger(item.countForFull) || item.countForFull < 1 || item.countForFull > countable))
          c.add(`${path}.countForFull`, 'COUNT_FOR_FULL_INVALID', `countForFull ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง ${countable}`, `countForFull must be a whole number from 1 to ${countable}`);
        if (item.cap !== undefined && (!isNum(item.cap) || item.cap <= 0 || item.cap > 1))
          c.add(`${path}.cap`, 'CAP_INVALID', 'เพดานคะแนน (cap) ต้องมากกว่า 0 และไม่เกิน 1', 'cap must be greater than 0 and at most 1');
        const none = item.options.find((o) => o.code === 'none');
        if (none && none.points !== 0)
          c.add(`${path}.options`, 'NONE_OPTION_POINTS', 'ตัวเลือก "none" (ไม่มีข้อใดเลย) ต้องมีคะแนน 0', 'The "none" option (none of these) must have 0 points');
      }
      break;
    }
    case 'number': {
      if (isNum(item.min) && isNum(item.max) && item.min > item.max)
        c.add(path, 'RANGE_ORDER', `ค่าต่ำสุด (${item.min}) มากกว่าค่าสูงสุด (${item.max})`, `min (${item.min}) is greater than max (${item.max})`);
      const s = item.scoring;
      if (!s || (s.type !== 'goalposts' && s.type !== 'thresholds')) {
        c.add(`${path}.scoring`, 'SCORING_UNKNOWN', 'ข้อที่เป็นตัวเลขต้องกำหนดการให้คะแนนแบบ goalposts หรือ thresholds', 'A number item needs goalposts or thresholds scoring');
      } else if (s.type === 'goalposts') {
        if (!isNum(s.low) || !isNum(s.high))
          c.add(`${path}.scoring`, 'GOALPOSTS_MISSING', 'วิธี goalposts ต้องกำหนด low และ high เป็นตัวเลข', 'The goalposts scoring needs numeric low and high');
        else if (s.low >= s.high)
          c.add(`${path}.scoring`, 'GOALPOSTS_ORDER', `ค่า low (${s.low}) ต้องน้อยกว่า high (${s.high})`, `low (${s.low}) must be less than high (${s.high})`);
      } else {
        if (!Array.isArray(s.thresholds) || s.thresholds.length === 0)
          c.add(`${path}.scoring.thresholds`, 'THRESHOLDS_MISSING', 'ต้องมีเกณฑ์อย่างน้อยหนึ่งขั้น', 'At least one threshold is needed');
        else
          s.thresholds.forEach((t, k) => {
            const tp = `${path}.scoring.thresholds[${k}]`;
            if (!isNum(t.min)) c.add(`${tp}.min`, 'THRESHOLD_INVALID', 'ค่า min ของเกณฑ์ต้องเป็นตัวเลข', 'The threshold min must be a number');
            c.fraction(`${tp}.points`, t.points, 'เกณฑ์');
            const prev = s.thresholds[k - 1];
            if (k > 0 && prev && isNum(prev.min) && isNum(t.min) && t.min <= prev.min)
              c.add(`${tp}.min`, 'THRESHOLDS_ORDER', `เกณฑ์ต้องเรียงจากน้อยไปมาก (${t.min} ≤ ${prev.min})`, `Thresholds must be in ascending order of min (${t.min} ≤ ${prev.min})`);
          });
      }
      break;
    }
    default:
      break;
  }
}

/** All problems of a framework; an empty list means it can be used to score. Never throws on malformed input. */
export function validateFramework(fw: Framework): FrameworkProblem[] {
  const c = new Collector();
  if (!fw || typeof fw !== 'object') {
    c.add('', 'NOT_AN_OBJECT', 'กรอบการประเมินต้องเป็นออบเจกต์ JSON', 'The framework must be a JSON object');
    return c.problems;
  }
  if (typeof fw.id !== 'string' || fw.id === '') c.add('id', 'ID_MISSING', 'ไม่มีรหัสกรอบการประเมิน (id)', 'The framework id is missing');
  if (typeof fw.version !== 'string' || fw.version === '') c.add('version', 'VERSION_MISSING', 'ไม่มีรุ่นของกรอบการประเมิน (version)', 'The framework version is missing');
  c.text('title', fw.title, true);
  if (fw.scale !== '0-100' && fw.scale !== '0-1')
    c.add('scale', 'SCALE_UNKNOWN', `ไม่รู้จักมาตราคะแนน "${String(fw.scale)}" (ใช้ 0-100 หรือ 0-1)`, `Unknown scale "${String(fw.scale)}" (use 0-100 or 0-1)`);
  const max = fw.scale === '0-1' ? 1 : 100;
  if (!fw.missing || (fw.missing.rule !== 'zero' && fw.missing.rule !== 'peer_mean'))
    c.add('missing.rule', 'MISSING_RULE_UNKNOWN', 'กฎคำตอบที่ขาดต้องเป็น zero หรือ peer_mean', 'The missing-answer rule must be zero or peer_mean');
  else if (fw.missing.peerGroup !== undefined && !PEER_GROUP_KEYS.includes(fw.missing.peerGroup))
    c.add('missing.peerGroup', 'PEER_GROUP_UNKNOWN', `ไม่รู้จักกลุ่มเปรียบเทียบ "${String(fw.missing.peerGroup)}"`, `Unknown peer group "${String(fw.missing.peerGroup)}"`);
  checkAggregation(c, 'aggregation.items', fw.aggregation?.items, true);
  checkAggregation(c, 'aggregation.dimensions', fw.aggregation?.dimensions, true);
  const anyGeometric =
    fw.aggregation?.items?.method === 'geometric' ||
    fw.aggregation?.dimensions?.method === 'geometric' ||
    (Array.isArray(fw.dimensions) && fw.dimensions.some((d) => d?.aggregation?.method === 'geometric'));
  checkNormalisation(c, 'normalisation', fw.normalisation, anyGeometric);

  const dimCodes = new Set<string>();
  const itemPaths = new Map<string, string>();
  const allItems: Item[] = [];
  const subCodes = new Set<string>();
  if (!Array.isArray(fw.dimensions) || fw.dimensions.length === 0) {
    c.add('dimensions', 'DIMENSIONS_MISSING', 'กรอบการประเมินต้องมีอย่างน้อยหนึ่งมิติ', 'The framework needs at least one dimension');
  } else {
    c.weightSum('dimensions', fw.dimensions.map((d) => d.weight), { th: 'มิติ', en: 'dimensions' });
    fw.dimensions.forEach((d, i) => {
      const dp = `dimensions[${i}]`;
      if (typeof d.code !== 'string' || d.code === '') c.add(`${dp}.code`, 'CODE_MISSING', 'มิติไม่มีรหัส', 'The dimension has no code');
      else if (dimCodes.has(d.code)) c.add(`${dp}.code`, 'DUPLICATE_CODE', `รหัสมิติ "${d.code}" ซ้ำ`, `Dimension code "${d.code}" is used twice`);
      else dimCodes.add(d.code);
      c.text(`${dp}.name`, d.name, true);
      c.weight(`${dp}.weight`, d.weight);
      if (d.recommendation) c.text(`${dp}.recommendation`, d.recommendation, true);
      checkAggregation(c, `${dp}.aggregation`, d.aggregation, false);
      const geometric = (d.aggregation ?? fw.aggregation?.items)?.method === 'geometric' || fw.aggregation?.dimensions?.method === 'geometric';
      const hasItems = Array.isArray(d.items) && d.items.length > 0;
      const hasSubs = Array.isArray(d.subdimensions) && d.subdimensions.length > 0;
      if (hasItems && hasSubs)
        c.add(dp, 'DIMENSION_MIXED', `มิติ ${d.code} มีทั้งข้อคำถามและมิติย่อย ให้เลือกอย่างใดอย่างหนึ่ง`, `Dimension ${d.code} has both items and sub-dimensions; use one or the other`);
      if (!hasItems && !hasSubs)
        c.add(dp, 'DIMENSION_EMPTY', `มิติ ${d.code} ไม่มีข้อคำถาม`, `Dimension ${d.code} has no items`);
      const groups: { path: string; items: Item[] }[] = [];
      if (hasItems) groups.push({ path: dp, items: d.items! });
      if (hasSubs) {
        c.weightSum(`${dp}.subdimensions`, d.subdimensions!.map((s) => s.weight), { th: 'มิติย่อย', en: 'sub-dimensions' });
        d.subdimensions!.forEach((s, k) => {
          const sp = `${dp}.subdimensions[${k}]`;
          if (typeof s.code !== 'string' || s.code === '') c.add(`${sp}.code`, 'CODE_MISSING', 'มิติย่อยไม่มีรหัส', 'The sub-dimension has no code');
          else if (subCodes.has(s.code) || dimCodes.has(s.code))
            c.add(`${sp}.code`, 'DUPLICATE_CODE', `รหัสมิติย่อย "${s.code}" ซ้ำ`, `Sub-dimension code "${s.code}" is used twice`);
          else subCodes.add(s.code);
          c.text(`${sp}.name`, s.name, true);
          c.weight(`${sp}.weight`, s.weight);
          if (!Array.isArray(s.items) || s.items.length === 0)
            c.add(`${sp}.items`, 'SUBDIMENSION_EMPTY', `มิติย่อย ${s.code} ไม่มีข้อคำถาม`, `Sub-dimension ${s.code} has no items`);
          else groups.push({ path: sp, items: s.items });
        });
      }
      let scoredInDim = 0;
      for (const g of groups) {
        const scored = g.items.filter((it) => it && it.kind !== 'text');
        scoredInDim += scored.length;
        c.weightSum(`${g.path}.items`, scored.map((it) => it.weight), { th: 'ข้อคำถาม', en: 'items' });
        g.items.forEach((it, k) => {
          const ip = `${g.path}.items[${k}]`;
          if (!it || typeof it !== 'object') {
            c.add(ip, 'ITEM_INVALID', 'ข้อคำถามไม่ถูกต้อง', 'The item is not an object');
            return;
          }
          if (typeof it.code !== 'string' || it.code === '') c.add(`${ip}.code`, 'CODE_MISSING', 'ข้อคำถามไม่มีรหัส', 'The item has no code');
          else if (itemPaths.has(it.code))
            c.add(`${ip}.code`, 'DUPLICATE_CODE', `รหัสข้อคำถาม "${it.code}" ซ้ำกับ ${itemPaths.get(it.code)}`, `Item code "${it.code}" is already used at ${itemPaths.get(it.code)}`);
          else itemPaths.set(it.code, ip);
          allItems.push(it);
          checkItem(c, ip, it, geometric);
        });
      }
      if ((hasItems || hasSubs) && scoredInDim === 0)
        c.add(dp, 'DIMENSION_UNSCORED', `มิติ ${d.code} ไม่มีข้อคำถามที่ให้คะแนน`, `Dimension ${d.code} has no scored item`);
    });
  }

  // visibleIf: the target must exist, be answerable in the way `equals` expects, and chains must not loop.
  const byCode = new Map(allItems.filter((it) => typeof it.code === 'string').map((it) => [it.code, it]));
  for (const it of allItems) {
    if (!it.visibleIf) continue;
    const path = `${itemPaths.get(it.code) ?? it.code}.visibleIf`;
    const target = byCode.get(it.visibleIf.item);
    if (!target) {
      c.add(`${path}.item`, 'VISIBLE_IF_UNKNOWN_ITEM', `เงื่อนไขการแสดงของข้อ ${it.code} อ้างถึงข้อ "${it.visibleIf.item}" ที่ไม่มีอยู่`, `visibleIf of item ${it.code} refers to unknown item "${it.visibleIf.item}"`);
      continue;
    }
    if (target.code === it.code) {
      c.add(`${path}.item`, 'VISIBLE_IF_SELF', `ข้อ ${it.code} อ้างถึงตัวเองในเงื่อนไขการแสดง`, `Item ${it.code} refers to itself in visibleIf`);
      continue;
    }
    const eq = it.visibleIf.equals;
    if (target.kind === 'yes_no' && typeof eq !== 'boolean')
      c.add(`${path}.equals`, 'VISIBLE_IF_TYPE', `ข้อ ${target.code} เป็นคำถามใช่/ไม่ใช่ ค่า equals ต้องเป็น true หรือ false`, `Item ${target.code} is yes/no, so equals must be true or false`);
    else if (target.kind === 'single_choice' || target.kind === 'multi_choice') {
      if (typeof eq !== 'string' || !target.options?.some((o) => o.code === eq))
        c.add(`${path}.equals`, 'VISIBLE_IF_OPTION', `ข้อ ${target.code} ไม่มีตัวเลือก "${String(eq)}"`, `Item ${target.code} has no option "${String(eq)}"`);
    } else if (target.kind !== 'yes_no')
      c.add(`${path}.item`, 'VISIBLE_IF_KIND', `เงื่อนไขการแสดงต้องอ้างถึงคำถามใช่/ไม่ใช่หรือแบบเลือกตอบ (ข้อ ${target.code} เป็น ${target.kind})`, `visibleIf must refer to a yes/no or choice item (${target.code} is ${target.kind})`);
  }
  for (const it of allItems) {
    const seen = new Set<string>([it.code]);
    let cur = it.visibleIf ? byCode.get(it.visibleIf.item) : undefined;
    while (cur) {
      if (seen.has(cur.code)) {
        if (cur.code === it.code && cur.visibleIf?.item !== it.code)
          c.add(`${itemPaths.get(it.code) ?? it.code}.visibleIf`, 'VISIBLE_IF_CYCLE', `เงื่อนไขการแสดงของข้อ ${it.code} วนกลับมาที่ตัวเอง`, `visibleIf of item ${it.code} forms a cycle`);
        break;
      }
      seen.add(cur.code);
      cur = cur.visibleIf ? byCode.get(cur.visibleIf.item) : undefined;
    }
  }

  // Stages: ascending cut-offs from 0, inside the scale, conditions on known dimensions.
  if (!Array.isArray(fw.stages) || fw.stages.length === 0) {
    c.add('stages', 'STAGES_MISSING', 'ต้องมีระดับความพร้อมอย่างน้อยหนึ่งระดับ', 'At least one readiness stage is needed');
  } else {
    const stageCodes = new Set<string>();
    fw.stages.forEach((s, i) => {
      const sp = `stages[${i}]`;
      if (typeof s.code !== 'string' || s.code === '') c.add(`${sp}.code`, 'CODE_MISSING', 'ระดับไม่มีรหัส', 'The stage has no code');
      else if (stageCodes.has(s.code)) c.add(`${sp}.code`, 'DUPLICATE_CODE', `รหัสระดับ "${s.code}" ซ้ำ`, `Stage code "${s.code}" is used twice`);
      else stageCodes.add(s.code);
      c.text(`${sp}.name`, s.name, true);
      if (!isNum(s.minScore)) c.add(`${sp}.minScore`, 'STAGE_MIN_INVALID', 'คะแนนขั้นต่ำของระดับต้องเป็นตัวเลข', 'The stage minScore must be a number');
      else {
        if (i === 0 && s.minScore !== 0)
          c.add(`${sp}.minScore`, 'STAGE_NOT_FROM_ZERO', `ระดับแรกต้องเริ่มที่ 0 (ได้ ${s.minScore})`, `The first stage must start at 0 (got ${s.minScore})`);
        const prev = fw.stages[i - 1];
        if (i > 0 && prev && isNum(prev.minScore) && s.minScore <= prev.minScore)
          c.add(`${sp}.minScore`, 'STAGES_ORDER', `เกณฑ์ของระดับต้องเรียงจากน้อยไปมาก: ${s.code} (${s.minScore}) ไม่สูงกว่า ${prev.code} (${prev.minScore})`, `Stage cut-offs must ascend: ${s.code} (${s.minScore}) is not above ${prev.code} (${prev.minScore})`);
        if (s.minScore < 0 || s.minScore > max)
          c.add(`${sp}.minScore`, 'STAGE_OUT_OF_SCALE', `เกณฑ์ ${s.minScore} อยู่นอกมาตรา 0–${max}`, `Cut-off ${s.minScore} is outside the 0–${max} scale`);
      }
      (s.conditions ?? []).forEach((cond, k) => {
        const cp = `${sp}.conditions[${k}]`;
        if (!dimCodes.has(cond.dimension))
          c.add(`${cp}.dimension`, 'STAGE_UNKNOWN_DIMENSION', `เงื่อนไขของระดับ ${s.code} อ้างถึงมิติ "${cond.dimension}" ที่ไม่มีอยู่`, `A condition of stage ${s.code} refers to unknown dimension "${cond.dimension}"`);
        if (!isNum(cond.min) || cond.min < 0 || cond.min > max)
          c.add(`${cp}.min`, 'STAGE_CONDITION_INVALID', `ค่าขั้นต่ำของเงื่อนไขต้องอยู่ในช่วง 0–${max}`, `The condition min must be within 0–${max}`);
      });
    });
  }

  if (!Array.isArray(fw.peerGroups)) c.add('peerGroups', 'PEER_GROUPS_MISSING', 'ต้องระบุกลุ่มเปรียบเทียบ (peerGroups) อย่างน้อยเป็นรายการว่าง', 'peerGroups must be a list (it may be empty)');
  else
    fw.peerGroups.forEach((g, i) => {
      if (!PEER_GROUP_KEYS.includes(g))
        c.add(`peerGroups[${i}]`, 'PEER_GROUP_UNKNOWN', `ไม่รู้จักกลุ่มเปรียบเทียบ "${String(g)}" (ใช้ ${PEER_GROUP_KEYS.join(', ')})`, `Unknown peer group "${String(g)}" (use ${PEER_GROUP_KEYS.join(', ')})`);
    });

  if (fw.crosswalk) {
    if (!fw.crosswalk.previous?.id || !fw.crosswalk.previous?.version)
      c.add('crosswalk.previous', 'CROSSWALK_PREVIOUS_MISSING', 'ต้องระบุรหัสและรุ่นของกรอบการประเมินปีก่อน', 'The previous framework id and version are needed');
    const targets = new Map<string, string>();
    for (const [cur, prev] of Object.entries(fw.crosswalk.items ?? {})) {
      const it = byCode.get(cur);
      if (!it) c.add(`crosswalk.items.${cur}`, 'CROSSWALK_UNKNOWN_ITEM', `ตารางเทียบปีอ้างถึงข้อ "${cur}" ที่ไม่มีในกรอบนี้`, `The crosswalk refers to item "${cur}", which this framework does not have`);
      else if (it.kind === 'text') c.add(`crosswalk.items.${cur}`, 'CROSSWALK_UNSCORED', `ข้อ ${cur} ไม่มีคะแนน จึงเทียบข้ามปีไม่ได้`, `Item ${cur} is not scored, so it cannot be compared across years`);
      if (typeof prev !== 'string' || prev === '')
        c.add(`crosswalk.items.${cur}`, 'CROSSWALK_TARGET_MISSING', `ไม่ได้ระบุข้อของปีก่อนที่เทียบกับข้อ ${cur}`, `No previous item is given for ${cur}`);
      else if (targets.has(prev))
        c.add(`crosswalk.items.${cur}`, 'CROSSWALK_DUPLICATE', `ข้อ ${prev} ของปีก่อนถูกเทียบกับทั้ง ${targets.get(prev)} และ ${cur}`, `Previous item ${prev} is mapped from both ${targets.get(prev)} and ${cur}`);
      else targets.set(prev, cur);
    }
  }
  return c.problems;
}

/** Throws AppError FRAMEWORK_INVALID listing every problem when the framework does not validate. */
export function assertValidFramework(fw: Framework): void {
  const problems = validateFramework(fw);
  if (problems.length === 0) return;
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (+${problems.length - 1})` : '';
  throw new AppError('FRAMEWORK_INVALID', { detail: `${first.path || '(root)'}${more}` }, problems.map(({ path, th, en }) => ({ path, th, en })));
}
