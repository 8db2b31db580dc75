// Committee-judged awards (e.g. the outstanding digital leader): weighted judge scores, ranking, and the recorded decision.
import type { CommitteeCategory } from './category.js';
import { fmt } from './criteria.js';
import type { AwardGiven } from './rollup.js';
import { competitionRanks, mean } from './stats.js';
import type { AwardProblem, I18nText } from './types.js';
import { problem } from './types.js';

/** A nominated person. */
export interface Nomination {
  id: string;
  person: { name: I18nText; position: I18nText };
  organisation: { unitId?: string; name: I18nText };
  /** The nomination statement (free text, usually Thai). */
  statement: string;
  /** Ids of evidence files or links supporting the statement. */
  evidenceRefs: string[];
  nominatedBy?: string;
}

/** One judge's score of one nomination on one criterion, 0–maxScore. */
export interface JudgeScore {
  judgeId: string;
  nominationId: string;
  criterion: string;
  score: number;
}

/** A judge who must not score a nomination (e.g. same organisation). */
export interface Recusal {
  judgeId: string;
  nominationId: string;
}

export interface NominationRanking {
  nominationId: string;
  /** 0–100: mean over complete judges of the judge's weighted score Σ wᵢ·sᵢ/maxᵢ / Σ wᵢ; null when unranked. */
  score: number | null;
  /** Mean raw score per criterion over complete judges. */
  perCriterion: Record<string, number | null>;
  /** Judge id → that judge's 0–100 weighted score (complete judges only); shows disagreement. */
  judgeScores: Record<string, number>;
  /** Judges who scored some but not all criteria; their scores are left out. */
  incompleteJudges: string[];
  /** Competition rank among ranked nominations; null when fewer than minJudges complete judges. */
  rank: number | null;
  reason: I18nText;
}

export interface CommitteeRanking {
  categoryId: string;
  /** Ranked nominations first (best first), then unranked ones. */
  ranking: NominationRanking[];
  /** Scores that were refused (unknown nomination or criterion, out of range, duplicate, recused judge). */
  problems: AwardProblem[];
}

/** Ranks nominations from judges' scores. Invalid scores are reported and left out, never silently used. */
export function rankNominations(
  category: CommitteeCategory,
  nominations: readonly Nomination[],
  scores: readonly JudgeScore[],
  recusals: readonly Recusal[] = [],
): CommitteeRanking {
  const problems: AwardProblem[] = [];
  const crit = new Map(category.criteria.map((c) => [c.code, c]));
  const nomIds = new Set(nominations.map((n) => n.id));
  const recused = new Set(recusals.map((r) => `${r.judgeId}\u0000${r.nominationId}`));
  const sheet = new Map<string, Map<string, Map<string, number>>>(); // nomination → judge → criterion → score
  scores.forEach((s, i) => {
    const path = `scores[${i}]`;
    const c = crit.get(s.criterion);
    if (!nomIds.has(s.nominationId))
      return void problems.push(problem('NOMINATION_UNKNOWN', path, `ไม่มีผู้ได้รับการเสนอชื่อ ${s.nominationId}`, `No nomination ${s.nominationId}`));
    if (!c) return void problems.push(problem('CRITERION_UNKNOWN', path, `ไม่มีเกณฑ์ ${s.criterion}`, `No criterion ${s.criterion}`));
    if (recused.has(`${s.judgeId}\u0000${s.nominationId}`))
      return void problems.push(
        problem('JUDGE_RECUSED', path, `กรรมการ ${s.judgeId} ต้องงดให้คะแนน ${s.nominationId}`, `Judge ${s.judgeId} is recused from ${s.nominationId}`),
      );
    if (!(Number.isFinite(s.score) && s.score >= 0 && s.score <= c.maxScore))
      return void problems.push(problem('SCORE_RANGE', path, `คะแนนต้องอยู่ระหว่าง 0 ถึง ${c.maxScore}`, `The score must lie between 0 and ${c.maxScore}`));
    const byJudge = sheet.get(s.nominationId) ?? new Map<string, Map<string, number>>();
    const byCrit = byJudge.get(s.judgeId) ?? new Map<string, number>();
    if (byCrit.has(s.criterion))
      return void problems.push(
        problem('SCORE_DUPLICATE', path, `กรรมการ ${s.judgeId} ให้คะแนนเกณฑ์ ${s.criterion} ซ้ำ`, `Judge ${s.judgeId} scored ${s.criterion} twice`),
      );
    byCrit.set(s.criterion, s.score);
    byJudge.set(s.judgeId, byCrit);
    sheet.set(s.nominationId, byJudge);
  });

  const totalWeight = category.criteria.reduce((a, c) => a + c.weight, 0);
  const rows: NominationRanking[] = nominations.map((n) => {
    const judgeScores: Record<string, number> = {};
    const incompleteJudges: string[] = [];
    const perCrit: Record<string, number[]> = Object.fromEntries(category.criteria.map((c) => [c.code, []]));
    for (const [judge, byCrit] of [...(sheet.get(n.id) ?? new Map<string, Map<string, number>>()).entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (byCrit.size < category.criteria.length) {
        incompleteJudges.push(judge);
        continue;
      }
      judgeScores[judge] = (100 * category.criteria.reduce((a, c) => a + (c.weight * byCrit.get(c.code)!) / c.maxScore, 0)) / totalWeight;
      for (const c of category.criteria) perCrit[c.code]!.push(byCrit.get(c.code)!);
    }
    const complete = Object.values(judgeScores);
    const ranked = complete.length >= category.minJudges;
    return {
      nominationId: n.id,
      score: ranked ? mean(complete) : null,
      perCriterion: Object.fromEntries(Object.entries(perCrit).map(([k, v]) => [k, v.length ? mean(v) : null])),
      judgeScores,
      incompleteJudges,
      rank: null,
      reason: ranked
        ? { th: '', en: '' }
        : {
            th: `มีกรรมการให้คะแนนครบ ${complete.length} คน ต้องการอย่างน้อย ${category.minJudges} คน`,
            en: `${complete.length} judge(s) scored every criterion; at least ${category.minJudges} are needed`,
          },
    };
  });
  const ranked = rows.filter((r) => r.score !== null);
  const ranks = competitionRanks(ranked.map((r) => r.score!), 1e-9);
  ranked.forEach((r, i) => {
    r.rank = ranks[i]!;
    r.reason = {
      th: `คะแนนถ่วงน้ำหนักเฉลี่ย ${fmt(r.score)} จากกรรมการ ${Object.keys(r.judgeScores).length} คน อันดับ ${r.rank}`,
      en: `Weighted mean score ${fmt(r.score)} from ${Object.keys(r.judgeScores).length} judges, rank ${r.rank}`,
    };
  });
  ranked.sort((a, b) => a.rank! - b.rank! || (a.nominationId < b.nominationId ? -1 : 1));
  const unranked = rows.filter((r) => r.score === null).sort((a, b) => (a.nominationId < b.nominationId ? -1 : 1));
  return { categoryId: category.id, ranking: [...ranked, ...unranked], problems };
}

export interface CommitteeDecisionInput {
  /** Chosen nomination ids. */
  winners: string[];
  /** Nomination id → the committee's written reason; required for every winner. */
  reasons: Record<string, string>;
  /** Required when the choice departs from the ranking (a lower-ranked nominee chosen over a higher-ranked one) or gives more awards than the category's number. */
  deviationReason?: string;
  decidedBy: string[];
  /** ISO timestamp from the caller. */
  at: string;
}

export interface CommitteeDecision {
  categoryId: string;
  winners: { nominationId: string; rank: number; score: number; reason: string }[];
  /** true when the committee chose exactly the top of the ranking within the category's number of awards. */
  followsRanking: boolean;
  deviationReason: string | null;
  decidedBy: string[];
  at: string;
  /** The ranking the decision was made on. */
  ranking: NominationRanking[];
}

/** Records the committee's final choice; refuses winners without reasons, unranked winners and unexplained deviations. */
export function recordCommitteeDecision(
  category: CommitteeCategory,
  ranking: CommitteeRanking,
  input: CommitteeDecisionInput,
): { ok: true; decision: CommitteeDecision } | { ok: false; problems: AwardProblem[] } {
  const problems: AwardProblem[] = [];
  const byId = new Map(ranking.ranking.map((r) => [r.nominationId, r]));
  if (input.winners.length === 0) problems.push(problem('WINNERS_REQUIRED', 'winners', 'ต้องเลือกผู้ได้รับรางวัลอย่างน้อยหนึ่งคน', 'Choose at least one winner'));
  if (new Set(input.winners).size !== input.winners.length)
    problems.push(problem('WINNER_DUPLICATE', 'winners', 'เลือกผู้ได้รับรางวัลซ้ำ', 'A winner is listed twice'));
  if (input.decidedBy.filter((j) => j.trim()).length === 0)
    problems.push(problem('ACTOR_REQUIRED', 'decidedBy', 'ต้องระบุกรรมการผู้ตัดสิน', 'The deciding committee members must be recorded'));
  if (!input.at?.trim()) problems.push(problem('TIME_REQUIRED', 'at', 'ต้องระบุเวลา', 'The time must be recorded'));
  for (const id of input.winners) {
    const r = byId.get(id);
    if (!r) problems.push(problem('NOMINATION_UNKNOWN', `winners.${id}`, `ไม่มีผู้ได้รับการเสนอชื่อ ${id}`, `No nomination ${id}`));
    else if (r.rank === null)
      problems.push(problem('NOMINATION_UNRANKED', `winners.${id}`, `${id} ยังได้รับคะแนนจากกรรมการไม่ครบ`, `${id} has not been scored by enough judges`));
    if (!input.reasons[id]?.trim())
      problems.push(problem('DECISION_REASON_REQUIRED', `reasons.${id}`, `ต้องระบุเหตุผลที่ ${id} ได้รับรางวัล`, `A written reason is required for ${id}`));
  }
  const chosen = input.winners.map((id) => byId.get(id)).filter((r): r is NominationRanking => r !== undefined && r.rank !== null);
  const lowestChosen = Math.min(...chosen.map((r) => r.score!));
  // Passed over: a ranked nominee, not chosen, scoring strictly above the lowest chosen one.
  const passedOver = ranking.ranking.filter((r) => r.score !== null && !input.winners.includes(r.nominationId) && r.score > lowestChosen + 1e-9);
  const followsRanking = chosen.length > 0 && passedOver.length === 0 && input.winners.length <= category.awards;
  if (!followsRanking && chosen.length === input.winners.length && input.winners.length > 0 && !input.deviationReason?.trim())
    problems.push(
      problem(
        'DEVIATION_REASON_REQUIRED',
        'deviationReason',
        passedOver.length > 0
          ? `เลือกผู้ที่ได้คะแนนต่ำกว่า ${passedOver.map((r) => r.nominationId).join(', ')} ต้องระบุเหตุผล`
          : `ให้รางวัลมากกว่า ${category.awards} รางวัล ต้องระบุเหตุผล`,
        passedOver.length > 0
          ? `Nominees ranked above a chosen one were passed over (${passedOver.map((r) => r.nominationId).join(', ')}); give a reason`
          : `More than ${category.awards} award(s) given; give a reason`,
      ),
    );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    decision: {
      categoryId: category.id,
      winners: chosen.map((r) => ({ nominationId: r.nominationId, rank: r.rank!, score: r.score!, reason: input.reasons[r.nominationId]!.trim() })),
      followsRanking,
      deviationReason: input.deviationReason?.trim() || null,
      decidedBy: input.decidedBy,
      at: input.at,
      ranking: ranking.ranking,
    },
  };
}

/** Committee winners as awards to their organisations, for rollUpAwards (nominees without a unit id are skipped). */
export function committeeAwardsGiven(decision: CommitteeDecision, nominations: readonly Nomination[]): AwardGiven[] {
  const byId = new Map(nominations.map((n) => [n.id, n]));
  return decision.winners
    .map((w) => byId.get(w.nominationId)?.organisation.unitId)
    .filter((u): u is string => typeof u === 'string')
    .map((unitId) => ({ categoryId: decision.categoryId, group: 'committee', unitId }));
}
