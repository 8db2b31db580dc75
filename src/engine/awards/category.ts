// Award category definitions: one versioned, JSON-serialisable award set per edition, and its validation.
import type { AwardProblem, I18nText, PeerAttributes } from './types.js';
import { problem } from './types.js';

/** Bumped when the shape of AwardSet changes; stored definitions carry it so old ones can be migrated. */
export const AWARD_SCHEMA_VERSION = 1 as const;

/** Peer groups a category can draw from. A unit can belong to several (department_service ⊂ department_all). */
export type PeerGroupCode =
  | 'department_service' // department-level, main mission serving the public
  | 'department_other' // department-level, policy / regulatory / internal
  | 'department_all'
  | 'province' // the province as a whole (answered by the PCIO)
  | 'provincial_unit' // a department's unit in a province
  | 'ministry' // synthetic ministry roll-up units
  | 'lao';

export const PEER_GROUPS: Record<PeerGroupCode, { name: I18nText; test: (p: PeerAttributes) => boolean }> = {
  department_service: {
    name: { th: 'หน่วยงานระดับกรมที่ให้บริการประชาชนเป็นหลัก', en: 'Department-level agencies serving the public' },
    test: (p) => p.level === 'department' && p.servesPublic,
  },
  department_other: {
    name: { th: 'หน่วยงานระดับกรมอื่น ๆ', en: 'Other department-level agencies' },
    test: (p) => p.level === 'department' && !p.servesPublic,
  },
  department_all: {
    name: { th: 'หน่วยงานระดับกรมทั้งหมด', en: 'All department-level agencies' },
    test: (p) => p.level === 'department',
  },
  province: { name: { th: 'จังหวัด', en: 'Provinces' }, test: (p) => p.level === 'province' },
  provincial_unit: {
    name: { th: 'หน่วยงานส่วนภูมิภาค', en: 'Provincial units' },
    test: (p) => p.level === 'provincial_unit',
  },
  ministry: { name: { th: 'ภาพรวมระดับกระทรวง', en: 'Ministry roll-up' }, test: (p) => p.level === 'ministry' },
  lao: { name: { th: 'องค์กรปกครองส่วนท้องถิ่น', en: 'Local administrative organisations' }, test: (p) => p.level === 'lao' },
};

export const PEER_GROUP_CODES = Object.keys(PEER_GROUPS) as PeerGroupCode[];

/** What decides a rule-based award. Every value is "higher is better". */
export type Criterion =
  /** The overall readiness score (output scale). */
  | { kind: 'overall' }
  /** One dimension's score (output scale). */
  | { kind: 'dimension'; dimension: string }
  /**
   * Mean item points (0–1) over the items carrying any of `tags` or listed in `codes`. Items that do not apply to the
   * unit are left out; unanswered items, and evidence-requiring items whose evidence was not accepted, count 0.
   */
  | { kind: 'items'; tags?: string[]; codes?: string[] }
  /**
   * Progress over the previous edition on the overall score or a dimension. 'adjusted' ranks by the residual of an
   * OLS regression of this year on last year within the competition group (removes regression to the mean);
   * 'raw' by the plain gain. Either way a unit must gain at least `minRawGain` (default 0: no award for decline).
   */
  | {
      kind: 'improvement';
      basis: 'overall' | { dimension: string };
      method: 'adjusted' | 'raw';
      minRawGain?: number;
      /** Units present in both editions needed to fit the regression; below it nobody wins. Default 5. */
      minRegressionUnits?: number;
    }
  /**
   * 1 when every applicable yes/no item with `tag` (or the item `code`) is answered yes (points > 0) with its evidence
   * accepted when required, else 0. With a tag, items whose kind is known and not 'yes_no' are ignored. Meant for
   * policy-support awards with selection { minValue: 1 }.
   */
  | { kind: 'yes_no'; tag?: string; code?: string };

/** Criteria that can break a tie; they need no group-level fit. */
export type SecondaryCriterion =
  | { kind: 'overall' }
  | { kind: 'dimension'; dimension: string }
  | { kind: 'items'; tags?: string[]; codes?: string[] }
  | { kind: 'completeness' }
  | { kind: 'evidence_share' };

/** How many win: the best `topN`, every unit with value ≥ `minValue`, or the best `topN` among those ≥ `minValue`. */
export interface Selection {
  topN?: number;
  minValue?: number;
}

/**
 * What happens when units tie on the deciding value across the top-N cut-off:
 * all_win — every tied unit wins (more than N winners); none_win — none of the tied units wins (fewer than N);
 * secondary — the tied units are ordered by a secondary criterion; if still tied, `fallback` applies.
 */
export type TieRule =
  | { kind: 'all_win' }
  | { kind: 'none_win' }
  | { kind: 'secondary'; criterion: SecondaryCriterion; fallback: 'all_win' | 'none_win' };

export interface Eligibility {
  /** Peer groups whose units may compete. */
  peerGroups: PeerGroupCode[];
  /** Minimum share (0–1) of scored items answered. */
  minCompleteness?: number;
  /** Minimum share (0–1) of evidence-requiring items with accepted evidence. */
  minEvidenceShare?: number;
  /** Minimum readiness stage, as the 0-based index into the edition's ordered stages (stage names vary by year). */
  minStageOrder?: number;
}

/** An award decided by rules from the survey results. */
export interface RuleCategory {
  type: 'rule';
  /** Stable within the set, e.g. 'dg_award'; lower-case letters, digits and underscores. */
  id: string;
  name: I18nText;
  description?: I18nText;
  eligibility: Eligibility;
  criterion: Criterion;
  selection: Selection;
  /** Per-group selection replacing `selection` for that group (only with perPeerGroup), e.g. top 5 for provinces. */
  selectionByGroup?: Partial<Record<PeerGroupCode, Selection>>;
  tie: TieRule;
  /** true: one competition (and one set of winners) per listed peer group; false: the listed groups compete together. */
  perPeerGroup: boolean;
  /** How many best non-winners to report as near misses. Default 3. */
  nearMisses?: number;
  /** Deciding values closer than this count as tied. Default 1e-9 (exact ties only, up to float noise). */
  tieTolerance?: number;
}

/** One criterion a committee scores nominees on. */
export interface JudgingCriterion {
  code: string;
  name: I18nText;
  /** Relative weight, > 0. */
  weight: number;
  /** Scores run from 0 to maxScore. */
  maxScore: number;
}

/** An award decided by a committee from nominations (e.g. the outstanding digital leader). */
export interface CommitteeCategory {
  type: 'committee';
  id: string;
  name: I18nText;
  description?: I18nText;
  criteria: JudgingCriterion[];
  /** Number of awards the committee normally gives. */
  awards: number;
  /** A nomination needs complete scores from at least this many judges to be ranked. */
  minJudges: number;
  /**
   * When nominations close (ISO 8601 date-time with offset, e.g. '2026-07-31T23:59:59+07:00'). From then on
   * nominations cannot be made, edited or withdrawn. Absent: open until judging starts or the decision is recorded.
   */
  nominationsCloseAt?: string;
}

export type AwardCategory = RuleCategory | CommitteeCategory;

/** The award definition of one edition. Stored as JSON; `version` changes whenever the committee edits it. */
export interface AwardSet {
  schemaVersion: typeof AWARD_SCHEMA_VERSION;
  /** Edition, e.g. '2566' (Buddhist year). */
  edition: string;
  /** Version of this definition within the edition, e.g. '2566.1'. */
  version: string;
  /** Output scale of overall and dimension scores, so thresholds can be checked. */
  scale: '0-100' | '0-1';
  categories: AwardCategory[];
}

/** What the validator can check references against; every field optional. */
export interface AwardSetContext {
  dimensions?: string[];
  tags?: string[];
  itemCodes?: string[];
  /** Number of stages in the edition's framework. */
  stageCount?: number;
  /** When the edition opens (ISO 8601): a committee category's nominations cannot close before it. */
  editionOpensAt?: string;
}

const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isShare = (v: unknown): boolean => isNum(v) && v >= 0 && v <= 1;
const isPosInt = (v: unknown): boolean => isNum(v) && Number.isInteger(v) && v >= 1;

/**
 * Checks a stored or edited award set. Accepts unknown input (JSON from the database or an admin form) and returns
 * every problem with Thai and English messages; an empty list means `value` is a valid AwardSet.
 */
export function validateAwardSet(value: unknown, context: AwardSetContext = {}): AwardProblem[] {
  const out: AwardProblem[] = [];
  const add = (code: string, path: string, th: string, en: string) => out.push(problem(code, path, th, en));
  if (!isRec(value)) {
    add('AWARD_SET_INVALID', '', 'ชุดรางวัลต้องเป็นออบเจ็กต์', 'The award set must be an object');
    return out;
  }
  if (value.schemaVersion !== AWARD_SCHEMA_VERSION)
    add('SCHEMA_VERSION', 'schemaVersion', `รองรับเฉพาะ schemaVersion ${AWARD_SCHEMA_VERSION}`, `Only schemaVersion ${AWARD_SCHEMA_VERSION} is supported`);
  if (!isStr(value.edition)) add('REQUIRED', 'edition', 'ต้องระบุปีการสำรวจ', 'The edition is required');
  if (!isStr(value.version)) add('REQUIRED', 'version', 'ต้องระบุเวอร์ชันของเกณฑ์รางวัล', 'The definition version is required');
  if (value.scale !== '0-100' && value.scale !== '0-1')
    add('SCALE', 'scale', 'มาตราคะแนนต้องเป็น 0-100 หรือ 0-1', 'The scale must be 0-100 or 0-1');
  const scaleMax = value.scale === '0-1' ? 1 : 100;
  if (!Array.isArray(value.categories) || value.categories.length === 0) {
    add('REQUIRED', 'categories', 'ต้องมีประเภทรางวัลอย่างน้อยหนึ่งประเภท', 'At least one award category is required');
    return out;
  }
  const seen = new Set<string>();
  value.categories.forEach((c: unknown, i: number) => {
    const p = `categories[${i}]`;
    if (!isRec(c)) {
      add('CATEGORY_INVALID', p, 'ประเภทรางวัลต้องเป็นออบเจ็กต์', 'An award category must be an object');
      return;
    }
    if (typeof c.id !== 'string' || !ID_PATTERN.test(c.id))
      add('ID_INVALID', `${p}.id`, 'รหัสรางวัลต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ _ และขึ้นต้นด้วยตัวอักษร', 'The id must be lower-case letters, digits or _, starting with a letter');
    else if (seen.has(c.id)) add('ID_DUPLICATE', `${p}.id`, `รหัสรางวัล ${c.id} ซ้ำ`, `Duplicate category id ${c.id}`);
    else seen.add(c.id);
    checkName(c.name, `${p}.name`, add);
    if (c.type === 'rule') checkRule(c, p, scaleMax, context, add);
    else if (c.type === 'committee') checkCommittee(c, p, context, add);
    else add('TYPE_INVALID', `${p}.type`, 'ประเภทต้องเป็น rule หรือ committee', 'The type must be rule or committee');
  });
  return out;
}

type Add = (code: string, path: string, th: string, en: string) => void;

function checkName(v: unknown, path: string, add: Add): void {
  if (!isRec(v) || !isStr(v.th) || !isStr(v.en))
    add('NAME_REQUIRED', path, 'ต้องมีชื่อทั้งภาษาไทยและภาษาอังกฤษ', 'A Thai and an English name are required');
}

function checkRule(c: Rec, p: string, scaleMax: number, ctx: AwardSetContext, add: Add): void {
  const el = c.eligibility;
  if (!isRec(el)) add('REQUIRED', `${p}.eligibility`, 'ต้องกำหนดคุณสมบัติผู้มีสิทธิ์', 'Eligibility is required');
  else {
    const groups = el.peerGroups;
    if (!Array.isArray(groups) || groups.length === 0)
      add('PEER_GROUPS_REQUIRED', `${p}.eligibility.peerGroups`, 'ต้องระบุกลุ่มหน่วยงานอย่างน้อยหนึ่งกลุ่ม', 'At least one peer group is required');
    else {
      groups.forEach((g: unknown, j: number) => {
        if (typeof g !== 'string' || !(PEER_GROUP_CODES as string[]).includes(g))
          add('PEER_GROUP_UNKNOWN', `${p}.eligibility.peerGroups[${j}]`, `ไม่รู้จักกลุ่มหน่วยงาน ${String(g)}`, `Unknown peer group ${String(g)}`);
      });
      if (new Set(groups).size !== groups.length)
        add('PEER_GROUP_DUPLICATE', `${p}.eligibility.peerGroups`, 'กลุ่มหน่วยงานซ้ำกัน', 'A peer group is listed twice');
    }
    for (const k of ['minCompleteness', 'minEvidenceShare'] as const)
      if (el[k] !== undefined && !isShare(el[k]))
        add('SHARE_RANGE', `${p}.eligibility.${k}`, 'ต้องเป็นสัดส่วนระหว่าง 0 ถึง 1', 'Must be a share between 0 and 1');
    if (el.minStageOrder !== undefined) {
      if (!isNum(el.minStageOrder) || !Number.isInteger(el.minStageOrder) || el.minStageOrder < 0)
        add('STAGE_INVALID', `${p}.eligibility.minStageOrder`, 'ลำดับระดับความพร้อมต้องเป็นจำนวนเต็มตั้งแต่ 0', 'The stage order must be an integer ≥ 0');
      else if (ctx.stageCount !== undefined && el.minStageOrder >= ctx.stageCount)
        add('STAGE_UNKNOWN', `${p}.eligibility.minStageOrder`, `กรอบการประเมินมีเพียง ${ctx.stageCount} ระดับ`, `The framework has only ${ctx.stageCount} stages`);
    }
  }
  const crit = c.criterion;
  let valueMax = scaleMax;
  let critKind: unknown;
  if (!isRec(crit)) add('REQUIRED', `${p}.criterion`, 'ต้องกำหนดเกณฑ์ตัดสิน', 'The deciding criterion is required');
  else {
    critKind = crit.kind;
    if (crit.kind === 'improvement') {
      valueMax = Infinity;
      const basis = crit.basis;
      if (basis !== 'overall') checkDimensionRef(isRec(basis) ? basis.dimension : undefined, `${p}.criterion.basis.dimension`, ctx, add);
      if (crit.method !== 'adjusted' && crit.method !== 'raw')
        add('METHOD_INVALID', `${p}.criterion.method`, 'วิธีวัดพัฒนาการต้องเป็น adjusted หรือ raw', 'The improvement method must be adjusted or raw');
      if (crit.minRawGain !== undefined && !isNum(crit.minRawGain))
        add('NUMBER_INVALID', `${p}.criterion.minRawGain`, 'ต้องเป็นตัวเลข', 'Must be a number');
      if (crit.minRegressionUnits !== undefined && !(isPosInt(crit.minRegressionUnits) && (crit.minRegressionUnits as number) >= 3))
        add('NUMBER_INVALID', `${p}.criterion.minRegressionUnits`, 'ต้องเป็นจำนวนเต็มอย่างน้อย 3', 'Must be an integer of at least 3');
    } else if (crit.kind === 'yes_no') {
      valueMax = 1;
      const hasTag = isStr(crit.tag);
      const hasCode = isStr(crit.code);
      if (hasTag === hasCode)
        add('YES_NO_REF', `${p}.criterion`, 'ต้องระบุแท็กหรือรหัสข้อคำถามอย่างใดอย่างหนึ่ง', 'Give exactly one of tag or code');
      if (hasTag) checkTags([crit.tag], `${p}.criterion.tag`, ctx, add);
      if (hasCode) checkCodes([crit.code], `${p}.criterion.code`, ctx, add);
    } else {
      valueMax = crit.kind === 'items' ? 1 : scaleMax;
      checkSecondaryShape(crit, `${p}.criterion`, ctx, add, false);
    }
  }
  checkSelection(c.selection, `${p}.selection`, critKind, valueMax, add);
  if (c.selectionByGroup !== undefined) {
    if (!isRec(c.selectionByGroup))
      add('SELECTION_INVALID', `${p}.selectionByGroup`, 'ต้องเป็นออบเจ็กต์ตามกลุ่มหน่วยงาน', 'Must be an object keyed by peer group');
    else {
      if (c.perPeerGroup !== true)
        add('SELECTION_BY_GROUP', `${p}.selectionByGroup`, 'กำหนดเกณฑ์แยกตามกลุ่มได้เฉพาะเมื่อตัดสินแยกตามกลุ่มหน่วยงาน', 'Per-group selection needs perPeerGroup: true');
      const listed = isRec(el) && Array.isArray(el.peerGroups) ? (el.peerGroups as unknown[]) : [];
      for (const [g, s] of Object.entries(c.selectionByGroup)) {
        if (!listed.includes(g))
          add('PEER_GROUP_UNKNOWN', `${p}.selectionByGroup.${g}`, `กลุ่ม ${g} ไม่อยู่ในคุณสมบัติผู้มีสิทธิ์ของรางวัลนี้`, `Group ${g} is not among this category's peer groups`);
        checkSelection(s, `${p}.selectionByGroup.${g}`, critKind, valueMax, add);
      }
    }
  }
  const tie = c.tie;
  if (!isRec(tie)) add('REQUIRED', `${p}.tie`, 'ต้องกำหนดวิธีจัดการคะแนนเท่ากัน', 'The tie rule is required');
  else if (tie.kind === 'secondary') {
    if (!isRec(tie.criterion)) add('REQUIRED', `${p}.tie.criterion`, 'ต้องระบุเกณฑ์รอง', 'The secondary criterion is required');
    else checkSecondaryShape(tie.criterion, `${p}.tie.criterion`, ctx, add, true);
    if (tie.fallback !== 'all_win' && tie.fallback !== 'none_win')
      add('TIE_INVALID', `${p}.tie.fallback`, 'กรณียังเท่ากันต้องเป็น all_win หรือ none_win', 'The fallback must be all_win or none_win');
  } else if (tie.kind !== 'all_win' && tie.kind !== 'none_win')
    add('TIE_INVALID', `${p}.tie.kind`, 'วิธีจัดการคะแนนเท่ากันต้องเป็น all_win, none_win หรือ secondary', 'The tie rule must be all_win, none_win or secondary');
  if (typeof c.perPeerGroup !== 'boolean')
    add('REQUIRED', `${p}.perPeerGroup`, 'ต้องระบุว่าจะตัดสินแยกตามกลุ่มหน่วยงานหรือไม่', 'perPeerGroup must be true or false');
  if (c.nearMisses !== undefined && !(isNum(c.nearMisses) && Number.isInteger(c.nearMisses) && c.nearMisses >= 0))
    add('NUMBER_INVALID', `${p}.nearMisses`, 'ต้องเป็นจำนวนเต็มตั้งแต่ 0', 'Must be an integer ≥ 0');
  if (c.tieTolerance !== undefined && !(isNum(c.tieTolerance) && c.tieTolerance >= 0))
    add('NUMBER_INVALID', `${p}.tieTolerance`, 'ต้องเป็นตัวเลขตั้งแต่ 0', 'Must be a number ≥ 0');
}

function checkSelection(sel: unknown, path: string, critKind: unknown, valueMax: number, add: Add): void {
  if (!isRec(sel)) {
    add('REQUIRED', path, 'ต้องกำหนดวิธีคัดเลือก', 'The selection is required');
    return;
  }
  if (sel.topN === undefined && sel.minValue === undefined)
    add('SELECTION_EMPTY', path, 'ต้องระบุจำนวนผู้ได้รับรางวัล (top N) หรือเกณฑ์คะแนนขั้นต่ำ หรือทั้งสองอย่าง', 'Give top N, a minimum value, or both');
  if (sel.topN !== undefined && !isPosInt(sel.topN))
    add('TOP_N_INVALID', `${path}.topN`, 'จำนวนผู้ได้รับรางวัลต้องเป็นจำนวนเต็มบวก', 'Top N must be a positive integer');
  if (sel.minValue !== undefined) {
    if (!isNum(sel.minValue)) add('NUMBER_INVALID', `${path}.minValue`, 'ต้องเป็นตัวเลข', 'Must be a number');
    else if (critKind !== 'improvement' && (sel.minValue < 0 || sel.minValue > valueMax))
      add('THRESHOLD_RANGE', `${path}.minValue`, `เกณฑ์ขั้นต่ำต้องอยู่ระหว่าง 0 ถึง ${valueMax}`, `The minimum must lie between 0 and ${valueMax}`);
  }
}

function checkSecondaryShape(crit: Rec, path: string, ctx: AwardSetContext, add: Add, secondary: boolean): void {
  switch (crit.kind) {
    case 'overall':
      return;
    case 'dimension':
      checkDimensionRef(crit.dimension, `${path}.dimension`, ctx, add);
      return;
    case 'items': {
      const tags = crit.tags;
      const codes = crit.codes;
      const nTags = Array.isArray(tags) ? tags.length : 0;
      const nCodes = Array.isArray(codes) ? codes.length : 0;
      if ((tags !== undefined && !Array.isArray(tags)) || (codes !== undefined && !Array.isArray(codes)) || nTags + nCodes === 0)
        add('ITEMS_REF', path, 'ต้องระบุแท็กหรือรหัสข้อคำถามอย่างน้อยหนึ่งรายการ', 'Give at least one tag or item code');
      if (Array.isArray(tags)) checkTags(tags, `${path}.tags`, ctx, add);
      if (Array.isArray(codes)) checkCodes(codes, `${path}.codes`, ctx, add);
      return;
    }
    case 'completeness':
    case 'evidence_share':
      if (secondary) return;
      break;
  }
  add('CRITERION_INVALID', `${path}.kind`, `ไม่รู้จักเกณฑ์ ${String(crit.kind)}`, `Unknown criterion ${String(crit.kind)}`);
}

function checkDimensionRef(dim: unknown, path: string, ctx: AwardSetContext, add: Add): void {
  if (!isStr(dim)) add('REQUIRED', path, 'ต้องระบุมิติ', 'The dimension is required');
  else if (ctx.dimensions && !ctx.dimensions.includes(dim))
    add('DIMENSION_UNKNOWN', path, `ไม่มีมิติ ${dim} ในกรอบการประเมิน`, `The framework has no dimension ${dim}`);
}

function checkTags(tags: unknown[], path: string, ctx: AwardSetContext, add: Add): void {
  tags.forEach((t, j) => {
    if (!isStr(t)) add('TAG_INVALID', `${path}[${j}]`, 'แท็กต้องเป็นข้อความ', 'A tag must be text');
    else if (ctx.tags && !ctx.tags.includes(t))
      add('TAG_UNKNOWN', `${path}[${j}]`, `ไม่มีข้อคำถามที่ติดแท็ก ${t}`, `No item carries the tag ${t}`);
  });
}

function checkCodes(codes: unknown[], path: string, ctx: AwardSetContext, add: Add): void {
  codes.forEach((t, j) => {
    if (!isStr(t)) add('CODE_INVALID', `${path}[${j}]`, 'รหัสข้อคำถามต้องเป็นข้อความ', 'An item code must be text');
    else if (ctx.itemCodes && !ctx.itemCodes.includes(t))
      add('CODE_UNKNOWN', `${path}[${j}]`, `ไม่มีข้อคำถามรหัส ${t}`, `No item has the code ${t}`);
  });
}

function checkCommittee(c: Rec, p: string, ctx: AwardSetContext, add: Add): void {
  if (!Array.isArray(c.criteria) || c.criteria.length === 0)
    add('CRITERIA_REQUIRED', `${p}.criteria`, 'ต้องมีเกณฑ์การพิจารณาอย่างน้อยหนึ่งข้อ', 'At least one judging criterion is required');
  else {
    const codes = new Set<string>();
    c.criteria.forEach((k: unknown, j: number) => {
      const q = `${p}.criteria[${j}]`;
      if (!isRec(k)) {
        add('CRITERION_INVALID', q, 'เกณฑ์ต้องเป็นออบเจ็กต์', 'A criterion must be an object');
        return;
      }
      if (!isStr(k.code)) add('REQUIRED', `${q}.code`, 'ต้องระบุรหัสเกณฑ์', 'The criterion code is required');
      else if (codes.has(k.code)) add('CODE_DUPLICATE', `${q}.code`, `รหัสเกณฑ์ ${k.code} ซ้ำ`, `Duplicate criterion code ${k.code}`);
      else codes.add(k.code);
      checkName(k.name, `${q}.name`, add);
      if (!(isNum(k.weight) && k.weight > 0)) add('WEIGHT_INVALID', `${q}.weight`, 'น้ำหนักต้องมากกว่า 0', 'The weight must be greater than 0');
      if (!(isNum(k.maxScore) && k.maxScore > 0))
        add('NUMBER_INVALID', `${q}.maxScore`, 'คะแนนเต็มต้องมากกว่า 0', 'The maximum score must be greater than 0');
    });
  }
  if (!isPosInt(c.awards)) add('NUMBER_INVALID', `${p}.awards`, 'จำนวนรางวัลต้องเป็นจำนวนเต็มบวก', 'The number of awards must be a positive integer');
  if (!isPosInt(c.minJudges)) add('NUMBER_INVALID', `${p}.minJudges`, 'จำนวนกรรมการขั้นต่ำต้องเป็นจำนวนเต็มบวก', 'The minimum number of judges must be a positive integer');
  // An offset is required: a bare local time would be read in the server's zone, not Thailand's.
  if (c.nominationsCloseAt !== undefined && !(typeof c.nominationsCloseAt === 'string' && ISO_WITH_OFFSET.test(c.nominationsCloseAt) && Number.isFinite(Date.parse(c.nominationsCloseAt))))
    add(
      'DATE_INVALID',
      `${p}.nominationsCloseAt`,
      'วันปิดรับการเสนอชื่อต้องเป็นวันเวลาแบบ ISO 8601 พร้อมเขตเวลา เช่น 2026-07-31T23:59:59+07:00',
      'The nominations deadline must be an ISO 8601 date-time with an offset, e.g. 2026-07-31T23:59:59+07:00',
    );
  else if (typeof c.nominationsCloseAt === 'string' && ctx.editionOpensAt !== undefined && Date.parse(c.nominationsCloseAt) <= Date.parse(ctx.editionOpensAt))
    add(
      'DATE_ORDER',
      `${p}.nominationsCloseAt`,
      `วันปิดรับการเสนอชื่อต้องอยู่หลังวันเปิดรอบการสำรวจ (${ctx.editionOpensAt})`,
      `Nominations must close after the edition opens (${ctx.editionOpensAt})`,
    );
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
