// Judges' score sheets: validation, weighted totals, and the rule that others' scores stay hidden until one's own is submitted.
import { problem, type I18nText, type JudgingProblem } from './messages.js';
import { scoreIsOnScale, weightedTotal, type Rubric } from './rubric.js';

export interface CriterionRating {
  /** null while the judge has not scored this criterion yet (drafts). */
  score: number | null;
  comment: string;
}

export interface ScoreSheet {
  entryId: string;
  judgeId: string;
  /** Keyed by criterion code. */
  ratings: Record<string, CriterionRating>;
  overallComment?: string;
  /** A submitted sheet is final for the judge; only submitted sheets count in calibration and unlock visibility. */
  status: 'draft' | 'submitted';
}

export interface SheetValidationOptions {
  /** Submission needs every criterion scored; drafts may be partial. */
  forSubmission: boolean;
  /** Require a non-blank comment on each criterion at submission (default true: the LAO reads them after announcement). */
  requireComments?: boolean;
}

export function validateScoreSheet(sheet: ScoreSheet, rubric: Rubric, options: SheetValidationOptions): JudgingProblem[] {
  const out: JudgingProblem[] = [];
  const { min, max, step } = rubric.scale;
  const codes = new Set(rubric.criteria.map((c) => c.code));
  for (const code of Object.keys(sheet.ratings)) {
    if (!codes.has(code)) out.push(problem(`ratings.${code}`, 'SCORE_UNKNOWN_CRITERION', { criterion: code }));
  }
  for (const c of rubric.criteria) {
    const r = sheet.ratings[c.code];
    const path = `ratings.${c.code}`;
    if (!r || r.score === null) {
      if (options.forSubmission) out.push(problem(`${path}.score`, 'SCORE_MISSING', { criterion: c.code }));
    } else if (typeof r.score !== 'number' || !scoreIsOnScale(r.score, rubric.scale)) {
      out.push(problem(`${path}.score`, 'SCORE_OFF_SCALE', { criterion: c.code, min, max, step }));
    }
    if (options.forSubmission && (options.requireComments ?? true) && (!r || typeof r.comment !== 'string' || r.comment.trim() === '')) {
      out.push(problem(`${path}.comment`, 'COMMENT_MISSING', { criterion: c.code }));
    }
  }
  return out;
}

/** The sheet's weighted total on the rubric scale; null while any criterion is unscored. */
export function sheetTotal(sheet: ScoreSheet, rubric: Rubric): number | null {
  const scores: Record<string, number | null> = {};
  for (const [code, r] of Object.entries(sheet.ratings)) scores[code] = r.score;
  return weightedTotal(rubric, scores);
}

export interface VisibleScores {
  /** The viewer's own sheet for the entry (draft or submitted), if any. */
  own: ScoreSheet | null;
  /** Other judges' submitted sheets — only once the viewer has submitted their own. */
  others: ScoreSheet[];
  /** How many other judges' sheets exist but are withheld (so the UI can say "2 judges have scored"). */
  hiddenCount: number;
  why: 'own_submitted' | 'own_not_submitted' | 'not_assigned';
}

/**
 * What judge `viewerJudgeId` may see of entry `entryId`'s scores: always their own sheet; other judges' sheets
 * only after the viewer has submitted theirs, and never other judges' drafts. When `assignedJudgeIds` is given
 * and the viewer is not among them, nothing is visible (the route must also refuse the entry itself).
 * Admins and the committee after judging closes are the server's business, not this rule's.
 */
export function visibleScores(
  viewerJudgeId: string,
  entryId: string,
  sheets: readonly ScoreSheet[],
  assignedJudgeIds?: readonly string[],
): VisibleScores {
  const forEntry = sheets.filter((s) => s.entryId === entryId);
  const others = forEntry.filter((s) => s.judgeId !== viewerJudgeId);
  if (assignedJudgeIds && !assignedJudgeIds.includes(viewerJudgeId)) {
    return { own: null, others: [], hiddenCount: 0, why: 'not_assigned' }; // not even how many have scored
  }
  const own = forEntry.find((s) => s.judgeId === viewerJudgeId) ?? null;
  if (own?.status !== 'submitted') return { own, others: [], hiddenCount: others.length, why: 'own_not_submitted' };
  const visible = others.filter((s) => s.status === 'submitted');
  return { own, others: visible, hiddenCount: others.length - visible.length, why: 'own_submitted' };
}

export interface CriterionFeedback {
  code: string;
  name: I18nText;
  meanScore: number;
  /** Non-blank comments, in the same order as `sheets`. */
  comments: string[];
}

export interface EntryFeedback {
  entryId: string;
  judgeCount: number;
  /** Mean of the judges' weighted totals (raw); null when no judge has submitted. */
  meanTotal: number | null;
  criteria: CriterionFeedback[];
  overallComments: string[];
  /** One per judge, anonymised ("กรรมการคนที่ 1" / "Judge 1"), highest total first. */
  sheets: { label: I18nText; total: number; scores: Record<string, number> }[];
}

/**
 * What an LAO sees of its entry after the announcement: scores and comments from submitted, complete sheets,
 * with judges anonymised. The route decides *when* (after announcement); this decides *what*.
 */
export function entryFeedback(entryId: string, sheets: readonly ScoreSheet[], rubric: Rubric): EntryFeedback {
  const usable = sheets
    .filter((s) => s.entryId === entryId && s.status === 'submitted')
    .map((s) => ({ s, total: sheetTotal(s, rubric) }))
    .filter((x): x is { s: ScoreSheet; total: number } => x.total !== null)
    .sort((a, b) => b.total - a.total);
  const nonBlank = (xs: (string | undefined)[]) => xs.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return {
    entryId,
    judgeCount: usable.length,
    meanTotal: usable.length > 0 ? usable.reduce((a, x) => a + x.total, 0) / usable.length : null,
    criteria: rubric.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      meanScore: usable.length > 0 ? usable.reduce((a, x) => a + x.s.ratings[c.code]!.score!, 0) / usable.length : 0,
      comments: nonBlank(usable.map((x) => x.s.ratings[c.code]!.comment)),
    })),
    overallComments: nonBlank(usable.map((x) => x.s.overallComment)),
    sheets: usable.map((x, i) => ({
      label: { th: `กรรมการคนที่ ${i + 1}`, en: `Judge ${i + 1}` },
      total: x.total,
      scores: Object.fromEntries(rubric.criteria.map((c) => [c.code, x.s.ratings[c.code]!.score!])),
    })),
  };
}
