// Computes rule-based awards: eligibility, deciding values, selection with tie rules, knife-edge flags, reasons.
import type { AwardSet, Criterion, PeerGroupCode, RuleCategory, SecondaryCriterion, Selection } from './category.js';
import { PEER_GROUPS, validateAwardSet } from './category.js';
import { AppError } from '../../shared/errors.js';
import { describeCriterion, fmt, improvementBasis, unitValue } from './criteria.js';
import type { OlsFit } from './stats.js';
import { competitionRanks, ols } from './stats.js';
import type { AwardUnit, GroupRobustness, I18nText, RankInterval, RobustnessInput } from './types.js';

export interface AwardInput {
  set: AwardSet;
  units: AwardUnit[];
  /** Item code → tags for the edition's questionnaire (used when a unit has no itemTags of its own). */
  itemTags?: Record<string, string[]>;
  robustness?: RobustnessInput;
}

/** Why a unit could not compete. */
export type ExclusionRule =
  | 'no_score' // no overall score, or no value for the deciding dimension
  | 'completeness'
  | 'evidence'
  | 'stage'
  | 'no_items' // none of the deciding items applies to the unit
  | 'not_in_previous' // improvement: not scored in the previous edition
  | 'no_gain' // improvement: did not gain more than minRawGain
  | 'regression_unavailable'; // improvement: too few units in both editions to adjust

export interface Exclusion {
  rule: ExclusionRule;
  /** The unit's value for the rule (share, stage order, gain…), when there is one. */
  value: number | string | null;
  threshold: number | string | null;
  reason: I18nText;
}

/**
 * won — in the top N and/or above the threshold; won_tie — tied at the cut-off and the tie rule lets all tied win;
 * won_tiebreak — tied at the cut-off and won on the secondary criterion; below_threshold; outside_top_n;
 * lost_tiebreak — tied at the cut-off, lost on the secondary criterion; tied_none_win — tied at the cut-off and the
 * tie rule lets none of them win; excluded — not eligible (see exclusions).
 */
export type Outcome =
  | 'won'
  | 'won_tie'
  | 'won_tiebreak'
  | 'below_threshold'
  | 'outside_top_n'
  | 'lost_tiebreak'
  | 'tied_none_win'
  | 'excluded';

/** Improvement figures for one unit; every candidate gets both raw and adjusted gains. */
export interface ImprovementFigures {
  previous: number;
  current: number;
  /** current − previous. */
  rawGain: number;
  /** intercept + slope · previous from the group's regression; null when it could not be fitted. */
  expected: number | null;
  /** current − expected: progress beyond what units starting at the same score made. */
  adjustedGain: number | null;
}

/** The decision about one unit in one competition group, with its explanation. */
export interface UnitDecision {
  unitId: string;
  name: I18nText;
  eligible: boolean;
  /** Every eligibility rule the unit failed (empty when eligible). */
  exclusions: Exclusion[];
  /** The deciding value; null when it cannot be computed. */
  value: number | null;
  /** Competition rank (1 = best) among eligible units of the group; null when not eligible. */
  rank: number | null;
  /** Secondary criterion value, when the tie rule needed it. */
  secondaryValue?: number | null;
  improvement?: ImprovementFigures;
  won: boolean;
  outcome: Outcome;
  reason: I18nText;
  /** One of the next few eligible non-winners, shown to the committee beside the winners. */
  nearMiss: boolean;
  /** From the robustness analysis, for winners and near misses when provided. */
  rankInterval?: RankInterval;
}

export interface KnifeEdge {
  /** true: the committee should look before announcing. */
  flagged: boolean;
  /** false when the decision was not cut by rank, or no rank intervals were provided. */
  assessed: boolean;
  lastWinner: string | null;
  firstNonWinner: string | null;
  reason: I18nText;
}

/** One competition: a peer group, or the pooled peer groups of a category. */
export interface GroupResult {
  /** Peer-group code, or the codes joined by '+' when pooled; also the key for robustness input. */
  key: string;
  peerGroups: PeerGroupCode[];
  name: I18nText;
  /** Units in the group(s), eligible or not. */
  candidates: number;
  eligible: number;
  /** The selection applied to this group (the category's, or its per-group override). */
  selection: Selection;
  /** Value of the N-th qualified unit when top N bound the selection; null otherwise. */
  cutoffValue: number | null;
  /** Units tied across the top-N cut-off were decided by the tie rule. */
  tieAtCutoff: boolean;
  /** Improvement categories: the regression of this edition on the previous one within the group. */
  regression?: OlsFit | null;
  /** Winner ids, best first. */
  winners: string[];
  nearMisses: string[];
  knifeEdge: KnifeEdge;
  /** Winners first (by rank), then the other eligible units (by rank), then excluded units (by id). */
  decisions: UnitDecision[];
  notes: I18nText[];
}

export interface CategoryResult {
  categoryId: string;
  name: I18nText;
  /** The rule as applied (a copy of the category), so the record stays self-explaining. */
  rule: RuleCategory;
  groups: GroupResult[];
  /** Units outside every peer group of the category, with the reason. */
  notInPeerGroups: { unitId: string; reason: I18nText }[];
  totalWinners: number;
  /** Keys of the groups whose decision is knife-edge; the committee must acknowledge them before approving. */
  knifeEdgeGroups: string[];
}

export interface AwardResults {
  edition: string;
  version: string;
  categories: CategoryResult[];
}

const DEFAULT_TOLERANCE = 1e-9;
const DEFAULT_NEAR_MISSES = 3;
const DEFAULT_MIN_REGRESSION_UNITS = 5;

/**
 * Computes every rule-based category of the set (committee categories are decided in committee.ts).
 * Throws AppError VALIDATION_FAILED, with every problem as a detail, when the set is invalid or unit ids repeat.
 */
export function computeAwards(input: AwardInput): AwardResults {
  const problems = validateAwardSet(input.set);
  const seen = new Set<string>();
  for (const u of input.units) {
    if (seen.has(u.id))
      problems.push({ code: 'UNIT_DUPLICATE', path: `units.${u.id}`, th: `หน่วยงาน ${u.id} ซ้ำ`, en: `Unit ${u.id} appears twice` });
    seen.add(u.id);
  }
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      { detail: problems.map((p) => p.en).join('; ') },
      problems.map(({ path, th, en }) => ({ path, th, en })),
    );
  const categories: CategoryResult[] = [];
  for (const c of input.set.categories)
    if (c.type === 'rule') categories.push(computeCategory(c, input.units, { itemTags: input.itemTags, robustness: input.robustness }));
  return { edition: input.set.edition, version: input.set.version, categories };
}

/** Computes one rule-based category over the units. The category must be valid (see validateAwardSet). */
export function computeCategory(
  category: RuleCategory,
  units: readonly AwardUnit[],
  opts: { itemTags?: Record<string, string[]>; robustness?: RobustnessInput } = {},
): CategoryResult {
  const groupsSpec: PeerGroupCode[][] = category.perPeerGroup
    ? category.eligibility.peerGroups.map((g) => [g])
    : [category.eligibility.peerGroups];
  const groups = groupsSpec.map((codes) => {
    const key = codes.join('+');
    const members = units.filter((u) => codes.some((g) => PEER_GROUPS[g].test(u.peer)));
    const robustness =
      opts.robustness?.byCategory?.[category.id]?.[key] ??
      (category.criterion.kind === 'overall' ? opts.robustness?.overall?.[key] : undefined);
    return computeGroup(category, codes, members, opts.itemTags ?? {}, robustness);
  });
  const groupNames = category.eligibility.peerGroups.map((g) => PEER_GROUPS[g].name);
  const notInPeerGroups = units
    .filter((u) => !category.eligibility.peerGroups.some((g) => PEER_GROUPS[g].test(u.peer)))
    .map((u) => ({
      unitId: u.id,
      reason: {
        th: `รางวัลนี้สำหรับ ${groupNames.map((n) => n.th).join(', ')} เท่านั้น`,
        en: `This award is only for ${groupNames.map((n) => n.en).join(', ')}`,
      },
    }))
    .sort((a, b) => cmpStr(a.unitId, b.unitId));
  return {
    categoryId: category.id,
    name: category.name,
    rule: category,
    groups,
    notInPeerGroups,
    totalWinners: groups.reduce((s, g) => s + g.winners.length, 0),
    knifeEdgeGroups: groups.filter((g) => g.knifeEdge.flagged).map((g) => g.key),
  };
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Work {
  unit: AwardUnit;
  exclusions: Exclusion[];
  value: number | null;
  improvement?: ImprovementFigures;
  secondary?: number | null;
  rank: number | null;
  outcome: Outcome;
  reason: I18nText;
}

function computeGroup(
  cat: RuleCategory,
  codes: PeerGroupCode[],
  members: AwardUnit[],
  itemTags: Record<string, string[]>,
  robustness: GroupRobustness | undefined,
): GroupResult {
  const tol = cat.tieTolerance ?? DEFAULT_TOLERANCE;
  const crit = cat.criterion;
  const critName = describeCriterion(crit);
  const notes: I18nText[] = [];
  const work: Work[] = members.map((unit) => ({
    unit,
    exclusions: eligibilityExclusions(cat, unit),
    value: null,
    rank: null,
    outcome: 'excluded',
    reason: { th: '', en: '' },
  }));

  let regression: OlsFit | null | undefined;
  if (crit.kind === 'improvement') {
    regression = applyImprovement(crit, work, notes);
  } else {
    for (const w of work) {
      w.value = unitValue(w.unit, crit, itemTags);
      if (w.value === null) w.exclusions.push(missingValueExclusion(crit));
    }
  }

  const eligible = work.filter((w) => w.exclusions.length === 0);
  const ranks = competitionRanks(eligible.map((w) => w.value!), tol);
  eligible.forEach((w, i) => (w.rank = ranks[i]!));
  eligible.sort((a, b) => a.rank! - b.rank! || cmpStr(a.unit.id, b.unit.id));

  const selection = (codes.length === 1 && cat.perPeerGroup ? cat.selectionByGroup?.[codes[0]!] : undefined) ?? cat.selection;
  const { topN, minValue } = selection;
  const qualified = minValue === undefined ? eligible : eligible.filter((w) => w.value! >= minValue - tol);
  for (const w of eligible)
    if (!qualified.includes(w)) {
      w.outcome = 'below_threshold';
      w.reason = {
        th: `${critName.th} = ${fmt(w.value)} ต่ำกว่าเกณฑ์ขั้นต่ำ ${fmt(minValue)} (อันดับ ${w.rank})`,
        en: `${cap(critName.en)} ${fmt(w.value)} is below the minimum ${fmt(minValue)} (rank ${w.rank})`,
      };
    }

  let cutoffValue: number | null = null;
  let tieAtCutoff = false;
  const thresholdText = minValue === undefined ? { th: '', en: '' } : { th: ` และไม่ต่ำกว่าเกณฑ์ ${fmt(minValue)}`, en: ` and at least the minimum ${fmt(minValue)}` };
  const wonText = (w: Work): I18nText =>
    topN !== undefined
      ? {
          th: `${critName.th} = ${fmt(w.value)} อันดับ ${w.rank} อยู่ใน ${topN} อันดับแรก${thresholdText.th}`,
          en: `${cap(critName.en)} ${fmt(w.value)}, rank ${w.rank}: within the top ${topN}${thresholdText.en}`,
        }
      : {
          th: `${critName.th} = ${fmt(w.value)} ผ่านเกณฑ์ขั้นต่ำ ${fmt(minValue)} (อันดับ ${w.rank})`,
          en: `${cap(critName.en)} ${fmt(w.value)} meets the minimum ${fmt(minValue)} (rank ${w.rank})`,
        };

  if (topN === undefined || qualified.length <= topN) {
    for (const w of qualified) {
      w.outcome = 'won';
      w.reason = wonText(w);
    }
  } else {
    cutoffValue = qualified[topN - 1]!.value!;
    const cut = cutoffValue;
    const above = qualified.filter((w) => w.value! > cut + tol);
    const tied = qualified.filter((w) => Math.abs(w.value! - cut) <= tol);
    const below = qualified.filter((w) => w.value! < cut - tol);
    tieAtCutoff = above.length + tied.length > topN;
    for (const w of above) {
      w.outcome = 'won';
      w.reason = wonText(w);
    }
    for (const w of below) {
      w.outcome = 'outside_top_n';
      w.reason = {
        th: `${critName.th} = ${fmt(w.value)} อันดับ ${w.rank} ไม่อยู่ใน ${topN} อันดับแรก (ค่าตัดที่ ${fmt(cut)})`,
        en: `${cap(critName.en)} ${fmt(w.value)}, rank ${w.rank}: outside the top ${topN} (cut-off ${fmt(cut)})`,
      };
    }
    if (!tieAtCutoff) {
      for (const w of tied) {
        w.outcome = 'won';
        w.reason = wonText(w);
      }
    } else {
      resolveTie(cat, tied, topN - above.length, topN, cut, itemTags, tol, critName);
      notes.push({
        th: `มีหน่วยงาน ${tied.length} แห่งคะแนนเท่ากันที่ ${fmt(cut)} ตรงจุดตัด ${topN} อันดับ จึงตัดสินตามกติกากรณีคะแนนเท่ากัน`,
        en: `${tied.length} units tie at ${fmt(cut)} across the top-${topN} cut-off; decided by the tie rule`,
      });
    }
  }

  // Improvement reasons show both figures, so nobody has to take the adjustment on trust.
  for (const w of eligible)
    if (w.improvement && w.improvement.expected !== null) {
      const i = w.improvement;
      w.reason = {
        th: `${w.reason.th} (คะแนน ${fmt(i.previous)} → ${fmt(i.current)} เพิ่มขึ้น ${fmt(i.rawGain)}; คาดการณ์จากคะแนนปีก่อน ${fmt(i.expected)}; พัฒนาการที่ปรับแล้ว ${fmt(i.adjustedGain)})`,
        en: `${w.reason.en} (score ${fmt(i.previous)} → ${fmt(i.current)}, raw gain ${fmt(i.rawGain)}; expected from the previous score ${fmt(i.expected)}; adjusted gain ${fmt(i.adjustedGain)})`,
      };
    }

  const winners = eligible.filter((w) => isWin(w.outcome));
  const losers = eligible.filter((w) => !isWin(w.outcome));
  const nearMissIds = new Set(losers.slice(0, cat.nearMisses ?? DEFAULT_NEAR_MISSES).map((w) => w.unit.id));

  for (const w of work)
    if (w.exclusions.length > 0) {
      w.outcome = 'excluded';
      w.reason = {
        th: `ไม่มีสิทธิ์: ${w.exclusions.map((e) => e.reason.th).join('; ')}`,
        en: `Not eligible: ${w.exclusions.map((e) => e.reason.en).join('; ')}`,
      };
    }

  const boundByTopN = topN !== undefined && qualified.length > topN;
  const knifeEdge = assessKnifeEdge(winners, qualified.filter((w) => !isWin(w.outcome)), boundByTopN, tieAtCutoff, robustness);

  const excluded = work.filter((w) => w.exclusions.length > 0).sort((a, b) => cmpStr(a.unit.id, b.unit.id));
  const decisions: UnitDecision[] = [...winners, ...losers, ...excluded].map((w) => {
    const won = isWin(w.outcome);
    const nearMiss = nearMissIds.has(w.unit.id);
    const d: UnitDecision = {
      unitId: w.unit.id,
      name: w.unit.name,
      eligible: w.exclusions.length === 0,
      exclusions: w.exclusions,
      value: w.value,
      rank: w.rank,
      won,
      outcome: w.outcome,
      reason: w.reason,
      nearMiss,
    };
    if (w.secondary !== undefined) d.secondaryValue = w.secondary;
    if (w.improvement) d.improvement = w.improvement;
    const interval = robustness?.intervals[w.unit.id];
    if (interval && (won || nearMiss)) d.rankInterval = interval;
    return d;
  });

  const result: GroupResult = {
    key: codes.join('+'),
    peerGroups: codes,
    name: {
      th: codes.map((g) => PEER_GROUPS[g].name.th).join(' / '),
      en: codes.map((g) => PEER_GROUPS[g].name.en).join(' / '),
    },
    candidates: members.length,
    eligible: eligible.length,
    selection,
    cutoffValue,
    tieAtCutoff,
    winners: winners.map((w) => w.unit.id),
    nearMisses: [...nearMissIds],
    knifeEdge,
    decisions,
    notes,
  };
  if (regression !== undefined) result.regression = regression;
  return result;
}

const isWin = (o: Outcome): boolean => o === 'won' || o === 'won_tie' || o === 'won_tiebreak';
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Completeness, evidence and stage rules; the criterion's own rules are added by the caller. */
function eligibilityExclusions(cat: RuleCategory, unit: AwardUnit): Exclusion[] {
  const out: Exclusion[] = [];
  const el = cat.eligibility;
  if (el.minCompleteness !== undefined && !(unit.completeness >= el.minCompleteness))
    out.push({
      rule: 'completeness',
      value: unit.completeness,
      threshold: el.minCompleteness,
      reason: {
        th: `ตอบแบบสำรวจครบ ${pct(unit.completeness)} ต่ำกว่าเกณฑ์ ${pct(el.minCompleteness)}`,
        en: `answered ${pct(unit.completeness)} of the items, below the minimum ${pct(el.minCompleteness)}`,
      },
    });
  if (el.minEvidenceShare !== undefined && !(unit.acceptedEvidenceShare >= el.minEvidenceShare))
    out.push({
      rule: 'evidence',
      value: unit.acceptedEvidenceShare,
      threshold: el.minEvidenceShare,
      reason: {
        th: `หลักฐานผ่านการตรวจ ${pct(unit.acceptedEvidenceShare)} ต่ำกว่าเกณฑ์ ${pct(el.minEvidenceShare)}`,
        en: `${pct(unit.acceptedEvidenceShare)} of the evidence was accepted, below the minimum ${pct(el.minEvidenceShare)}`,
      },
    });
  if (el.minStageOrder !== undefined && !(unit.stage !== null && unit.stage.order >= el.minStageOrder))
    out.push({
      rule: 'stage',
      value: unit.stage?.code ?? null,
      threshold: el.minStageOrder,
      reason: unit.stage
        ? {
            th: `ระดับความพร้อม ${unit.stage.code} (ลำดับ ${unit.stage.order + 1}) ต่ำกว่าระดับขั้นต่ำลำดับ ${el.minStageOrder + 1}`,
            en: `readiness stage ${unit.stage.code} (stage ${unit.stage.order + 1}) is below the minimum, stage ${el.minStageOrder + 1}`,
          }
        : { th: 'ยังไม่ได้รับการจัดระดับความพร้อม', en: 'no readiness stage was assigned' },
    });
  return out;
}

const pct = (v: number): string => `${Math.round(v * 1000) / 10} %`;

function missingValueExclusion(crit: Exclude<Criterion, { kind: 'improvement' }>): Exclusion {
  if (crit.kind === 'items' || crit.kind === 'yes_no')
    return {
      rule: 'no_items',
      value: null,
      threshold: null,
      reason: { th: 'ไม่มีข้อคำถามที่ใช้ตัดสินรางวัลนี้ในแบบสำรวจของหน่วยงาน', en: "none of the deciding items applies to the unit" },
    };
  return {
    rule: 'no_score',
    value: null,
    threshold: null,
    reason: { th: `ไม่มี${describeCriterion(crit).th}`, en: `no ${describeCriterion(crit).en}` },
  };
}

/**
 * Improvement: fits current = a + b · previous over every unit of the group scored in both editions (not only the
 * eligible ones: eligibility screens on the current stage, and fitting on a sample selected on the outcome would bias
 * the slope), then scores each eligible unit by its residual (adjusted) or its raw gain.
 */
function applyImprovement(crit: Extract<Criterion, { kind: 'improvement' }>, work: Work[], notes: I18nText[]): OlsFit | null {
  const pairs = work.map((w) => improvementBasis(w.unit, crit.basis));
  const both = pairs.map((p, i) => ({ p, i })).filter(({ p }) => p.current !== null && p.previous !== null);
  const minUnits = crit.minRegressionUnits ?? DEFAULT_MIN_REGRESSION_UNITS;
  const fit =
    both.length >= minUnits
      ? ols(
          both.map(({ p }) => p.previous!),
          both.map(({ p }) => p.current!),
        )
      : null;
  if (fit === null)
    notes.push({
      th: `ปรับพัฒนาการตามคะแนนปีก่อนไม่ได้: มีหน่วยงานที่มีคะแนนทั้งสองปี ${both.length} แห่ง (ต้องการอย่างน้อย ${minUnits} แห่งที่คะแนนปีก่อนไม่เท่ากันทั้งหมด)`,
      en: `Cannot adjust for the previous score: ${both.length} units were scored in both editions (at least ${minUnits} with differing previous scores are needed)`,
    });
  const minGain = crit.minRawGain ?? 0;
  work.forEach((w, i) => {
    const { current, previous } = pairs[i]!;
    if (current === null) {
      w.exclusions.push({ rule: 'no_score', value: null, threshold: null, reason: { th: 'ไม่มีคะแนนปีนี้', en: 'no score in this edition' } });
      return;
    }
    if (previous === null) {
      w.exclusions.push({
        rule: 'not_in_previous',
        value: null,
        threshold: null,
        reason: { th: 'ไม่มีคะแนนในปีก่อน จึงวัดพัฒนาการไม่ได้', en: 'not scored in the previous edition, so progress cannot be measured' },
      });
      return;
    }
    const rawGain = current - previous;
    const expected = fit ? fit.intercept + fit.slope * previous : null;
    const adjustedGain = expected === null ? null : current - expected;
    w.improvement = { previous, current, rawGain, expected, adjustedGain };
    if (!(rawGain > minGain))
      w.exclusions.push({
        rule: 'no_gain',
        value: rawGain,
        threshold: minGain,
        reason: {
          th: `คะแนนเพิ่มขึ้น ${fmt(rawGain)} ไม่มากกว่า ${fmt(minGain)}`,
          en: `the score rose by ${fmt(rawGain)}, not more than ${fmt(minGain)}`,
        },
      });
    if (crit.method === 'raw') w.value = rawGain;
    else if (adjustedGain === null)
      w.exclusions.push({
        rule: 'regression_unavailable',
        value: null,
        threshold: minUnits,
        reason: { th: 'คำนวณพัฒนาการที่ปรับแล้วไม่ได้ในกลุ่มนี้', en: 'the adjusted gain cannot be computed in this group' },
      });
    else w.value = adjustedGain;
  });
  return fit;
}

/** Orders the units tied at the cut-off and marks `slots` of them as winners according to the tie rule. */
function resolveTie(
  cat: RuleCategory,
  tied: Work[],
  slots: number,
  topN: number,
  cut: number,
  itemTags: Record<string, string[]>,
  tol: number,
  critName: I18nText,
): void {
  const tieRule = cat.tie;
  const tieDesc = { th: `คะแนนเท่ากัน ${tied.length} แห่งที่ ${fmt(cut)} ตรงจุดตัด ${topN} อันดับ`, en: `${tied.length} units tied at ${fmt(cut)} across the top-${topN} cut-off` };
  const markAll = (ws: Work[], win: boolean, how: I18nText) => {
    for (const w of ws) {
      w.outcome = win ? 'won_tie' : 'tied_none_win';
      w.reason = { th: `${critName.th} = ${fmt(w.value)} อันดับ ${w.rank}: ${tieDesc.th}; ${how.th}`, en: `${cap(critName.en)} ${fmt(w.value)}, rank ${w.rank}: ${tieDesc.en}; ${how.en}` };
    }
  };
  const allWin = { th: 'กติกา: ทุกหน่วยงานที่คะแนนเท่ากันได้รับรางวัล', en: 'rule: all tied units win' };
  const noneWin = { th: 'กติกา: หน่วยงานที่คะแนนเท่ากันที่จุดตัดไม่ได้รับรางวัล', en: 'rule: none of the units tied at the cut-off wins' };
  if (tieRule.kind === 'all_win') return markAll(tied, true, allWin);
  if (tieRule.kind === 'none_win') return markAll(tied, false, noneWin);

  const secName = describeCriterion(tieRule.criterion);
  for (const w of tied) w.secondary = unitValue(w.unit, tieRule.criterion as SecondaryCriterion, itemTags);
  const sv = (w: Work): number => w.secondary ?? -Infinity;
  tied.sort((a, b) => sv(b) - sv(a) || cmpStr(a.unit.id, b.unit.id));
  const s2 = sv(tied[slots - 1]!);
  const eq = (x: number) => x === s2 || Math.abs(x - s2) <= tol;
  const above2 = tied.filter((w) => sv(w) > s2 && !eq(sv(w)));
  const tied2 = tied.filter((w) => eq(sv(w)));
  const below2 = tied.filter((w) => sv(w) < s2 && !eq(sv(w)));
  const secText = (w: Work, won: boolean): I18nText => ({
    th: `${critName.th} = ${fmt(w.value)} อันดับ ${w.rank}: ${tieDesc.th}; ตัดสินด้วยเกณฑ์รอง ${secName.th} = ${fmt(w.secondary)} ${won ? 'จึงได้รับรางวัล' : 'จึงไม่ได้รับรางวัล'}`,
    en: `${cap(critName.en)} ${fmt(w.value)}, rank ${w.rank}: ${tieDesc.en}; broken by ${secName.en} = ${fmt(w.secondary)}, ${won ? 'so it wins' : 'so it does not win'}`,
  });
  for (const w of above2) {
    w.outcome = 'won_tiebreak';
    w.reason = secText(w, true);
  }
  for (const w of below2) {
    w.outcome = 'lost_tiebreak';
    w.reason = secText(w, false);
  }
  if (above2.length + tied2.length <= slots) {
    for (const w of tied2) {
      w.outcome = 'won_tiebreak';
      w.reason = secText(w, true);
    }
    return;
  }
  const how = tieRule.fallback === 'all_win' ? allWin : noneWin;
  for (const w of tied2) {
    w.outcome = tieRule.fallback === 'all_win' ? 'won_tie' : 'tied_none_win';
    w.reason = {
      th: `${critName.th} = ${fmt(w.value)} อันดับ ${w.rank}: ${tieDesc.th}; เกณฑ์รอง ${secName.th} = ${fmt(w.secondary)} ก็ยังเท่ากัน; ${how.th}`,
      en: `${cap(critName.en)} ${fmt(w.value)}, rank ${w.rank}: ${tieDesc.en}; still tied on ${secName.en} = ${fmt(w.secondary)}; ${how.en}`,
    };
  }
}

/**
 * Knife-edge: the last winner and the first qualified non-winner are not robustly ordered. Ties across the cut-off
 * are always knife-edge. Otherwise, their 5–95 % rank intervals overlap (the winner's worst plausible rank p95 is not
 * better than the non-winner's best plausible rank p5), or the robustness analysis marks the pair as not robust.
 */
function assessKnifeEdge(
  winners: Work[],
  qualifiedLosers: Work[],
  boundByTopN: boolean,
  tieAtCutoff: boolean,
  robustness: GroupRobustness | undefined,
): KnifeEdge {
  const last = winners[winners.length - 1] ?? null;
  const first = qualifiedLosers[0] ?? null;
  const ids = { lastWinner: last?.unit.id ?? null, firstNonWinner: first?.unit.id ?? null };
  if (boundByTopN && tieAtCutoff)
    return {
      flagged: true,
      assessed: true,
      ...ids,
      reason: { th: 'มีคะแนนเท่ากันตรงจุดตัด ตัดสินด้วยกติกากรณีคะแนนเท่ากัน', en: 'Units tie at the cut-off; the tie rule decided' },
    };
  if (!boundByTopN || last === null || first === null)
    return {
      flagged: false,
      assessed: false,
      ...ids,
      reason: { th: 'ไม่ได้ตัดสินด้วยลำดับที่ (ทุกหน่วยงานที่ผ่านเกณฑ์ได้รับรางวัล)', en: 'Not decided by rank: every qualifying unit won' },
    };
  const a = last.unit.id;
  const b = first.unit.id;
  const pair = robustness?.pairs?.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  const ia = robustness?.intervals[a];
  const ib = robustness?.intervals[b];
  if (pair && !pair.robust)
    return {
      flagged: true,
      assessed: true,
      ...ids,
      reason: { th: `การวิเคราะห์ความทนทานระบุว่าลำดับของ ${a} และ ${b} สลับกันได้`, en: `The robustness analysis marks the order of ${a} and ${b} as not robust` },
    };
  if (!ia || !ib)
    return {
      flagged: false,
      assessed: pair !== undefined,
      ...ids,
      reason: pair
        ? { th: `ลำดับของ ${a} และ ${b} ทนทาน`, en: `The order of ${a} and ${b} is robust` }
        : { th: 'ไม่มีช่วงอันดับจากการวิเคราะห์ความทนทาน', en: 'No rank intervals from the robustness analysis' },
    };
  const overlap = ia.p95 >= ib.p5;
  const text = `${a} [${fmt(ia.p5)}–${fmt(ia.p95)}], ${b} [${fmt(ib.p5)}–${fmt(ib.p95)}]`;
  return overlap
    ? {
        flagged: true,
        assessed: true,
        ...ids,
        reason: { th: `ช่วงอันดับ 5–95 % ของผู้ได้รับรางวัลลำดับสุดท้ายและผู้ไม่ได้รับรางวัลลำดับแรกซ้อนทับกัน: ${text}`, en: `The 5–95 % rank intervals of the last winner and the first non-winner overlap: ${text}` },
      }
    : {
        flagged: false,
        assessed: true,
        ...ids,
        reason: { th: `ช่วงอันดับ 5–95 % ไม่ซ้อนทับกัน: ${text}`, en: `The 5–95 % rank intervals do not overlap: ${text}` },
      };
}

/** Where one unit stands in one category: its decision in each group it competed in, or why it could not compete. */
export interface UnitExplanation {
  categoryId: string;
  name: I18nText;
  /** Empty when the unit is outside the category's peer groups. */
  decisions: (UnitDecision & { group: string })[];
  notInPeerGroups: I18nText | null;
}

/** Every category's decision about one unit, e.g. for the agency's own scorecard ("why did we not win?"). */
export function explainUnit(results: AwardResults, unitId: string): UnitExplanation[] {
  return results.categories.map((c) => ({
    categoryId: c.categoryId,
    name: c.name,
    decisions: c.groups.flatMap((g) => g.decisions.filter((d) => d.unitId === unitId).map((d) => ({ ...d, group: g.key }))),
    notInPeerGroups: c.notInPeerGroups.find((x) => x.unitId === unitId)?.reason ?? null,
  }));
}
