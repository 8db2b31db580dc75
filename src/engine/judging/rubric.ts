// Digital Local contest configuration: rubric (criteria, weights, scale, level descriptors), tiers, eligibility; validation and defaults.
import { messageFor, problem, type I18nText, type JudgingProblem } from './messages.js';

/** LAO types as coded in data/reference/lao_counts.csv and the registry's `organisation.org_type`. */
export type LaoType = 'pao' | 'city_municipality' | 'town_municipality' | 'subdistrict_municipality' | 'sao' | 'bma' | 'pattaya';

export const LAO_TYPES: readonly LaoType[] = [
  'pao',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'sao',
  'bma',
  'pattaya',
];

export const LAO_TYPE_NAMES: Readonly<Record<LaoType, I18nText>> = {
  pao: { th: 'องค์การบริหารส่วนจังหวัด (อบจ.)', en: 'Provincial Administrative Organisation (PAO)' },
  city_municipality: { th: 'เทศบาลนคร', en: 'City municipality' },
  town_municipality: { th: 'เทศบาลเมือง', en: 'Town municipality' },
  subdistrict_municipality: { th: 'เทศบาลตำบล', en: 'Subdistrict municipality' },
  sao: { th: 'องค์การบริหารส่วนตำบล (อบต.)', en: 'Subdistrict Administrative Organisation (SAO)' },
  bma: { th: 'กรุงเทพมหานคร', en: 'Bangkok Metropolitan Administration' },
  pattaya: { th: 'เมืองพัทยา', en: 'Pattaya City' },
};

/** Scores a judge may give: min, min + step, …, max (e.g. 1–5 step 1, or 0–10 step 0.5). */
export interface ScoreScale {
  min: number;
  max: number;
  step: number;
}

/** What a score level means for one criterion (anchors; not every level needs one). */
export interface LevelDescriptor {
  score: number;
  text: I18nText;
}

export interface Criterion {
  /** Stable code, e.g. "problem"; score sheets key their ratings by it. */
  code: string;
  name: I18nText;
  /** What the entry should show for this criterion; shown to applicants and judges. */
  guidance?: I18nText;
  /** Relative weight (> 0); totals are weighted means, so weights need not sum to anything in particular. */
  weight: number;
  descriptors: LevelDescriptor[];
}

export interface Rubric {
  scale: ScoreScale;
  criteria: Criterion[];
}

/**
 * What happens when entries tie (same score and same tie-break criteria) across a tier's top-N cut-off:
 * - include_all: every tied entry gets the tier (the tier may exceed N);
 * - exclude_all: none of the tied entries gets it (the tier may fall short of N);
 * - refer_to_committee: none gets it automatically; they are marked pending and flagged for the committee.
 */
export type TieAtCutoff = 'include_all' | 'exclude_all' | 'refer_to_committee';

/** A tier. Tiers are listed best first; an entry placed in one tier is not considered for those below. */
export interface TierRule {
  code: string;
  name: I18nText;
  /** At most this many entries (among those not placed in a higher tier and meeting minScore). */
  topN?: number;
  /** Only entries scoring at least this (on the rubric scale) qualify. */
  minScore?: number;
  tieAtCutoff: TieAtCutoff;
}

/** When judges' totals for one entry differ this much (on the rubric scale), the entry is flagged. */
export interface DisagreementThresholds {
  maxRange: number;
  maxSd: number;
}

/** Dates as ISO 8601 strings ("2022-09-01" or "2022-09-01T00:00:00+07:00"); the server compares them with its clock. */
export interface ContestSchedule {
  entriesOpen: string;
  entriesClose: string;
  judgingStart: string;
  judgingEnd: string;
  announcement: string;
}

export interface ContestConfig {
  /** Edition year in the Buddhist Era, e.g. 2565 (2022). */
  year: number;
  name: I18nText;
  rubric: Rubric;
  /** Best tier first. */
  tiers: TierRule[];
  /** Criteria whose mean raw score breaks ties in the ranking, in order; ties that remain are real ties. */
  tieBreakCriteria: string[];
  eligibleLaoTypes: LaoType[];
  /** k: judges assigned to each entry. */
  judgesPerEntry: number;
  disagreement: DisagreementThresholds;
  schedule?: ContestSchedule;
}

const EPS = 1e-9;

function isOnScale(x: number, scale: ScoreScale): boolean {
  if (!Number.isFinite(x) || x < scale.min - EPS || x > scale.max + EPS) return false;
  const steps = (x - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

/** True when `x` is one of the scores a judge may give on this scale. */
export function scoreIsOnScale(x: number, scale: ScoreScale): boolean {
  return isOnScale(x, scale);
}

/** Every score level of the scale, lowest first. */
export function scaleLevels(scale: ScoreScale): number[] {
  const n = Math.round((scale.max - scale.min) / scale.step);
  return Array.from({ length: n + 1 }, (_, i) => Number((scale.min + i * scale.step).toFixed(10)));
}

function textMissing(t: I18nText | undefined): boolean {
  return !t || typeof t.th !== 'string' || typeof t.en !== 'string' || t.th.trim() === '' || t.en.trim() === '';
}

function scaleValid(s: ScoreScale): boolean {
  if (![s.min, s.max, s.step].every(Number.isFinite) || s.step <= 0 || s.min >= s.max) return false;
  const steps = (s.max - s.min) / s.step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

export function validateRubric(rubric: Rubric, path = 'rubric'): JudgingProblem[] {
  const out: JudgingProblem[] = [];
  const scaleOk = scaleValid(rubric.scale);
  if (!scaleOk) out.push(problem(`${path}.scale`, 'SCALE_INVALID'));
  if (rubric.criteria.length === 0) out.push(problem(`${path}.criteria`, 'RUBRIC_NO_CRITERIA'));
  const seen = new Set<string>();
  rubric.criteria.forEach((c, i) => {
    const p = `${path}.criteria[${i}]`;
    if (!c.code || c.code.trim() === '') out.push(problem(`${p}.code`, 'CRITERION_CODE_MISSING'));
    else if (seen.has(c.code)) out.push(problem(`${p}.code`, 'CRITERION_CODE_DUPLICATE', { code: c.code }));
    seen.add(c.code);
    if (textMissing(c.name)) out.push(problem(`${p}.name`, 'TEXT_MISSING'));
    if (c.guidance && textMissing(c.guidance)) out.push(problem(`${p}.guidance`, 'TEXT_MISSING'));
    if (!Number.isFinite(c.weight) || c.weight <= 0) out.push(problem(`${p}.weight`, 'WEIGHT_INVALID'));
    const levels = new Set<string>();
    c.descriptors.forEach((d, j) => {
      const dp = `${p}.descriptors[${j}]`;
      if (scaleOk && !isOnScale(d.score, rubric.scale)) out.push(problem(`${dp}.score`, 'DESCRIPTOR_OFF_SCALE', { score: d.score }));
      const key = d.score.toFixed(6);
      if (levels.has(key)) out.push(problem(`${dp}.score`, 'DESCRIPTOR_DUPLICATE', { score: d.score }));
      levels.add(key);
      if (textMissing(d.text)) out.push(problem(`${dp}.text`, 'TEXT_MISSING'));
    });
  });
  return out;
}

const TIE_RULES: readonly TieAtCutoff[] = ['include_all', 'exclude_all', 'refer_to_committee'];

export function validateTiers(tiers: TierRule[], scale: ScoreScale, path = 'tiers'): JudgingProblem[] {
  const out: JudgingProblem[] = [];
  if (tiers.length === 0) out.push(problem(path, 'TIERS_MISSING'));
  const seen = new Set<string>();
  let previousThreshold = Infinity;
  tiers.forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (!t.code || t.code.trim() === '') out.push(problem(`${p}.code`, 'CRITERION_CODE_MISSING'));
    else if (seen.has(t.code)) out.push(problem(`${p}.code`, 'TIER_CODE_DUPLICATE', { code: t.code }));
    seen.add(t.code);
    if (textMissing(t.name)) out.push(problem(`${p}.name`, 'TEXT_MISSING'));
    if (t.topN === undefined && t.minScore === undefined) out.push(problem(p, 'TIER_NO_RULE'));
    if (t.topN !== undefined && (!Number.isInteger(t.topN) || t.topN < 1)) out.push(problem(`${p}.topN`, 'TIER_TOPN_INVALID'));
    if (t.minScore !== undefined) {
      if (!Number.isFinite(t.minScore) || t.minScore < scale.min - EPS || t.minScore > scale.max + EPS) {
        out.push(problem(`${p}.minScore`, 'TIER_THRESHOLD_OFF_SCALE'));
      } else if (t.minScore > previousThreshold + EPS) {
        out.push(problem(`${p}.minScore`, 'TIER_THRESHOLD_ORDER', { code: t.code }));
      } else {
        previousThreshold = t.minScore;
      }
    }
    if (!TIE_RULES.includes(t.tieAtCutoff)) out.push(problem(`${p}.tieAtCutoff`, 'TIER_TIE_RULE_INVALID'));
  });
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseIso(s: string): number | null {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

export function validateSchedule(s: ContestSchedule, path = 'schedule'): JudgingProblem[] {
  const out: JudgingProblem[] = [];
  const order: (keyof ContestSchedule)[] = ['entriesOpen', 'entriesClose', 'judgingStart', 'judgingEnd', 'announcement'];
  const times = order.map((k) => {
    const t = parseIso(s[k]);
    if (t === null) out.push(problem(`${path}.${k}`, 'DATE_INVALID'));
    return t;
  });
  for (let i = 1; i < order.length; i++) {
    const a = times[i - 1];
    const b = times[i];
    if (a != null && b != null && a > b) {
      out.push(problem(`${path}.${order[i]}`, 'SCHEDULE_ORDER', { first: order[i - 1]!, second: order[i]! }));
    }
  }
  return out;
}

/** Every problem in a contest configuration; an empty list means it may be used. */
export function validateContestConfig(config: ContestConfig): JudgingProblem[] {
  const out: JudgingProblem[] = [];
  if (!Number.isInteger(config.year) || config.year < 2400 || config.year > 2800) out.push(problem('year', 'YEAR_INVALID'));
  if (textMissing(config.name)) out.push(problem('name', 'TEXT_MISSING'));
  out.push(...validateRubric(config.rubric));
  out.push(...validateTiers(config.tiers, config.rubric.scale));
  const codes = new Set(config.rubric.criteria.map((c) => c.code));
  config.tieBreakCriteria.forEach((c, i) => {
    if (!codes.has(c)) out.push(problem(`tieBreakCriteria[${i}]`, 'TIE_BREAK_UNKNOWN_CRITERION', { code: c }));
  });
  if (config.eligibleLaoTypes.length === 0) out.push(problem('eligibleLaoTypes', 'ELIGIBILITY_EMPTY'));
  config.eligibleLaoTypes.forEach((t, i) => {
    if (!LAO_TYPES.includes(t)) out.push(problem(`eligibleLaoTypes[${i}]`, 'LAO_TYPE_UNKNOWN', { type: String(t) }));
  });
  if (!Number.isInteger(config.judgesPerEntry) || config.judgesPerEntry < 1) out.push(problem('judgesPerEntry', 'JUDGES_PER_ENTRY_INVALID'));
  const d = config.disagreement;
  if (!Number.isFinite(d.maxRange) || d.maxRange < 0) out.push(problem('disagreement.maxRange', 'THRESHOLD_INVALID'));
  if (!Number.isFinite(d.maxSd) || d.maxSd < 0) out.push(problem('disagreement.maxSd', 'THRESHOLD_INVALID'));
  if (config.schedule) out.push(...validateSchedule(config.schedule));
  return out;
}

/** null when an LAO of this type may enter, otherwise the reason it may not. */
export function checkEligibility(laoType: string, config: Pick<ContestConfig, 'eligibleLaoTypes'>): JudgingProblem | null {
  if ((config.eligibleLaoTypes as string[]).includes(laoType)) return null;
  const name = (LAO_TYPE_NAMES as Record<string, I18nText | undefined>)[laoType] ?? { th: laoType, en: laoType };
  return {
    path: 'laoType',
    code: 'NOT_ELIGIBLE',
    th: messageFor('NOT_ELIGIBLE', { type: name.th }).th,
    en: messageFor('NOT_ELIGIBLE', { type: name.en }).en,
  };
}

/**
 * The weighted mean of the criterion scores, on the rubric's scale; null while any criterion is unscored.
 * A weighted mean (not a weighted sum) keeps totals on the same scale as criterion scores, so thresholds,
 * calibrated scores and disagreement thresholds are all read in the units judges score in.
 */
export function weightedTotal(rubric: Rubric, scores: Readonly<Record<string, number | null | undefined>>): number | null {
  let sum = 0;
  let wsum = 0;
  for (const c of rubric.criteria) {
    const s = scores[c.code];
    if (s === null || s === undefined || !Number.isFinite(s)) return null;
    sum += c.weight * s;
    wsum += c.weight;
  }
  return wsum > 0 ? sum / wsum : null;
}

/** A total on the rubric scale expressed as 0–100 (for display). */
export function totalAsPercent(total: number, scale: ScoreScale): number {
  return ((total - scale.min) / (scale.max - scale.min)) * 100;
}

// ---------------------------------------------------------------------------------------------------------------
// Defaults. DGA has not published the Digital Local rubric's weights, scale or cut-offs; these are the product's
// defaults (equal weights, 1–5 scale) and reproduce the 2022 shape: 3 "excellent" and 12 "outstanding" awards.

function levels(texts: [string, string][]): LevelDescriptor[] {
  return texts.map(([th, en], i) => ({ score: i + 1, text: { th, en } }));
}

/** The four Digital Local criteria on a 1–5 scale, equal weights, with a descriptor for every level. */
export function defaultDigitalLocalRubric(): Rubric {
  return {
    scale: { min: 1, max: 5, step: 1 },
    criteria: [
      {
        code: 'problem',
        name: { th: 'ปัญหา', en: 'Problem' },
        guidance: {
          th: 'ปัญหาหรือความต้องการของประชาชนในพื้นที่ที่นำไปสู่นวัตกรรม ความชัดเจนและหลักฐานประกอบ',
          en: 'The local problem or citizens’ need that led to the innovation, how clearly it is stated and evidenced',
        },
        weight: 25,
        descriptors: levels([
          ['ไม่ระบุปัญหา หรือปัญหาไม่เกี่ยวกับประชาชนในพื้นที่', 'No problem stated, or not one the local people face'],
          ['ระบุปัญหากว้าง ๆ ไม่มีข้อมูลสนับสนุน', 'A broad problem with no supporting data'],
          ['ระบุปัญหาชัดเจน มีข้อมูลสนับสนุนบางส่วน', 'A clear problem with some supporting data'],
          ['ปัญหาชัดเจน มีข้อมูลและผู้ได้รับผลกระทบระบุชัด', 'A clear problem, evidenced, with the people affected identified'],
          [
            'ปัญหาชัดเจน วิเคราะห์สาเหตุด้วยข้อมูล และรับฟังความเห็นประชาชนอย่างเป็นระบบ',
            'A clear problem analysed with data down to its causes, with citizens systematically consulted',
          ],
        ]),
      },
      {
        code: 'policy_plan',
        name: { th: 'นโยบายและแผน', en: 'Policy and plan' },
        guidance: {
          th: 'นโยบายของผู้บริหาร แผนงาน งบประมาณ และความสอดคล้องกับแผนพัฒนาท้องถิ่นและนโยบายรัฐบาลดิจิทัล',
          en: 'Leadership policy, plan, budget and fit with the local development plan and digital government policy',
        },
        weight: 25,
        descriptors: levels([
          ['ไม่มีนโยบายหรือแผนรองรับ', 'No policy or plan behind it'],
          ['มีนโยบายแต่ไม่มีแผนหรืองบประมาณ', 'A policy, but no plan or budget'],
          ['มีนโยบายและแผนงาน แต่ยังไม่เชื่อมกับแผนพัฒนาท้องถิ่น', 'A policy and a plan, not yet tied to the local development plan'],
          ['มีนโยบาย แผน และงบประมาณ สอดคล้องกับแผนพัฒนาท้องถิ่น', 'Policy, plan and budget in line with the local development plan'],
          [
            'นโยบายและแผนชัดเจน มีตัวชี้วัด งบประมาณต่อเนื่อง และสอดคล้องกับนโยบายรัฐบาลดิจิทัล',
            'A clear policy and plan with indicators, sustained budget and fit with digital government policy',
          ],
        ]),
      },
      {
        code: 'work_process',
        name: { th: 'กระบวนการทำงาน', en: 'Work process' },
        guidance: {
          th: 'วิธีการพัฒนาและดำเนินงาน การมีส่วนร่วมของประชาชนและภาคี การใช้เทคโนโลยีดิจิทัลอย่างเหมาะสม',
          en: 'How the innovation was built and run: participation of citizens and partners, appropriate use of digital technology',
        },
        weight: 25,
        descriptors: levels([
          ['ไม่อธิบายกระบวนการทำงาน', 'The work process is not described'],
          ['อธิบายกระบวนการบางส่วน ไม่มีการมีส่วนร่วม', 'Partly described, with no participation'],
          ['กระบวนการชัดเจน มีการมีส่วนร่วมบางส่วน', 'A clear process with some participation'],
          ['กระบวนการเป็นระบบ มีส่วนร่วมของประชาชนและภาคี ใช้เทคโนโลยีเหมาะสม', 'A systematic process with citizens and partners, technology well chosen'],
          [
            'กระบวนการเป็นระบบ ติดตามและปรับปรุงต่อเนื่อง ความเสี่ยงและความปลอดภัยของข้อมูลได้รับการจัดการ',
            'A systematic process, monitored and improved, with risks and data security managed',
          ],
        ]),
      },
      {
        code: 'results',
        name: { th: 'ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด', en: 'Concrete results and further development' },
        guidance: {
          th: 'ผลลัพธ์ที่วัดได้ต่อประชาชนและหน่วยงาน ความยั่งยืน และการขยายผลหรือต่อยอด',
          en: 'Measurable results for citizens and the organisation, sustainability, and scaling up or further development',
        },
        weight: 25,
        descriptors: levels([
          ['ไม่มีผลลัพธ์ที่แสดงได้', 'No results shown'],
          ['มีผลลัพธ์เบื้องต้น ยังไม่มีข้อมูลวัดผล', 'Early results without measurement'],
          ['มีผลลัพธ์ที่วัดได้บางด้าน', 'Some measured results'],
          ['ผลลัพธ์ชัดเจนต่อประชาชน มีแผนต่อยอด', 'Clear results for citizens, with a plan for further development'],
          [
            'ผลลัพธ์ชัดเจนและยั่งยืน มีการขยายผลหรือถูกนำไปใช้โดยหน่วยงานอื่น',
            'Clear, lasting results, scaled up or adopted by other organisations',
          ],
        ]),
      },
    ],
  };
}

/** The 2022 shape: 3 "excellent" (ยอดเยี่ยม), then 12 "outstanding" (ดีเด่น); ties at a cut-off go to the committee. */
export function defaultDigitalLocalTiers(): TierRule[] {
  return [
    { code: 'excellent', name: { th: 'ยอดเยี่ยม', en: 'Excellent' }, topN: 3, tieAtCutoff: 'refer_to_committee' },
    { code: 'outstanding', name: { th: 'ดีเด่น', en: 'Outstanding' }, topN: 12, tieAtCutoff: 'refer_to_committee' },
  ];
}

/** A whole default configuration for an edition (year in the Buddhist Era). */
export function defaultDigitalLocalContest(year: number): ContestConfig {
  return {
    year,
    name: { th: `รางวัลท้องถิ่นดิจิทัล ประจำปี ${year}`, en: `Digital Local Award ${year - 543}` },
    rubric: defaultDigitalLocalRubric(),
    tiers: defaultDigitalLocalTiers(),
    // Results and further development first: it is what the contest rewards in the end.
    tieBreakCriteria: ['results', 'work_process'],
    eligibleLaoTypes: [...LAO_TYPES],
    judgesPerEntry: 3,
    // On a 1–5 scale: judges 1.5 points apart on the weighted total, or an SD above 0.75, warrant a discussion.
    disagreement: { maxRange: 1.5, maxSd: 0.75 },
  };
}
