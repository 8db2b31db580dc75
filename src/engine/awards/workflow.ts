// The decision workflow of one award category: computed → reviewed (overrides with reasons) → approved → announced.
import type { CategoryResult } from './compute.js';
import type { AwardProblem, I18nText } from './types.js';
import { problem } from './types.js';

export type DecisionState = 'computed' | 'reviewed' | 'approved' | 'announced';

/** A committee change to the computed winners; the reason is mandatory and kept forever. */
export interface OverrideRecord {
  change: 'add' | 'remove';
  unitId: string;
  /** Competition group key (GroupResult.key). */
  group: string;
  reason: string;
  by: string;
  /** ISO timestamp supplied by the caller (the engine has no clock). */
  at: string;
}

export interface HistoryEntry {
  action: DecisionAction['type'];
  from: DecisionState;
  to: DecisionState;
  by: string;
  at: string;
  note?: string;
}

/** The persistent record of one category's decision. JSON-serialisable; every action returns a new object. */
export interface AwardDecision {
  categoryId: string;
  edition: string;
  state: DecisionState;
  /** The computed result the committee reviewed; never changed by the workflow. */
  result: CategoryResult;
  overrides: OverrideRecord[];
  /** Group keys whose knife-edge flag the committee has explicitly looked at. */
  acknowledgedKnifeEdge: string[];
  history: HistoryEntry[];
}

export type DecisionAction =
  /** The committee has looked at the result; may acknowledge knife-edge groups at the same time. */
  | { type: 'review'; by: string; at: string; acknowledgeKnifeEdge?: string[]; note?: string }
  /** Add or remove a winner; only while reviewed, only with a non-empty written reason. */
  | { type: 'override'; by: string; at: string; change: 'add' | 'remove'; unitId: string; group: string; reason: string }
  /** Approve the (possibly overridden) winners; every knife-edge group must have been acknowledged. */
  | { type: 'approve'; by: string; at: string; acknowledgeKnifeEdge?: string[]; note?: string }
  /** Send an approved decision back to review, with a reason. */
  | { type: 'reopen'; by: string; at: string; reason: string }
  /** Make the decision public; final. */
  | { type: 'announce'; by: string; at: string };

export type TransitionResult = { ok: true; decision: AwardDecision } | { ok: false; problems: AwardProblem[] };

/** A final winner, with where the decision came from. */
export interface FinalWinner {
  categoryId: string;
  group: string;
  unitId: string;
  source: 'rule' | 'committee';
  /** The computed reason, or the committee's written reason for an added winner. */
  reason: I18nText;
  value: number | null;
  rank: number | null;
}

/** Which actions each state accepts. */
export const ALLOWED_ACTIONS: Record<DecisionState, DecisionAction['type'][]> = {
  computed: ['review'],
  reviewed: ['override', 'approve'],
  approved: ['reopen', 'announce'],
  announced: [],
};

const STATE_NAMES: Record<DecisionState, I18nText> = {
  computed: { th: 'คำนวณแล้ว', en: 'computed' },
  reviewed: { th: 'คณะกรรมการพิจารณาแล้ว', en: 'reviewed' },
  approved: { th: 'อนุมัติแล้ว', en: 'approved' },
  announced: { th: 'ประกาศผลแล้ว', en: 'announced' },
};

export function createDecision(result: CategoryResult, edition: string): AwardDecision {
  return { categoryId: result.categoryId, edition, state: 'computed', result, overrides: [], acknowledgedKnifeEdge: [], history: [] };
}

/** Group keys flagged knife-edge in the computed result. */
export function knifeEdgeGroups(d: AwardDecision): string[] {
  return d.result.groups.filter((g) => g.knifeEdge.flagged).map((g) => g.key);
}

/** Applies one action; refuses with reasons instead of throwing. The input decision is not modified. */
export function applyDecisionAction(d: AwardDecision, action: DecisionAction): TransitionResult {
  const problems: AwardProblem[] = [];
  if (!ALLOWED_ACTIONS[d.state].includes(action.type)) {
    const s = STATE_NAMES[d.state];
    return {
      ok: false,
      problems: [
        problem(
          'TRANSITION_NOT_ALLOWED',
          'action.type',
          `ทำรายการ "${action.type}" ไม่ได้เมื่อผลรางวัลอยู่ในสถานะ "${s.th}"${hint(d.state).th}`,
          `"${action.type}" is not allowed while the decision is ${s.en}${hint(d.state).en}`,
        ),
      ],
    };
  }
  if (!action.by?.trim()) problems.push(problem('ACTOR_REQUIRED', 'action.by', 'ต้องระบุผู้ดำเนินการ', 'Who acts must be recorded'));
  if (!action.at?.trim()) problems.push(problem('TIME_REQUIRED', 'action.at', 'ต้องระบุเวลา', 'The time must be recorded'));

  const next: AwardDecision = {
    ...d,
    overrides: [...d.overrides],
    acknowledgedKnifeEdge: [...d.acknowledgedKnifeEdge],
    history: [...d.history],
  };
  const groupKeys = d.result.groups.map((g) => g.key);
  const acknowledge = (keys: string[] | undefined) => {
    for (const k of keys ?? []) {
      if (!groupKeys.includes(k))
        problems.push(problem('GROUP_UNKNOWN', 'action.acknowledgeKnifeEdge', `ไม่มีกลุ่ม ${k} ในรางวัลนี้`, `This category has no group ${k}`));
      else if (!next.acknowledgedKnifeEdge.includes(k)) next.acknowledgedKnifeEdge.push(k);
    }
  };
  let to: DecisionState = d.state;
  let note: string | undefined;

  switch (action.type) {
    case 'review':
      acknowledge(action.acknowledgeKnifeEdge);
      to = 'reviewed';
      note = action.note;
      break;
    case 'override': {
      if (!action.reason?.trim())
        problems.push(
          problem('OVERRIDE_REASON_REQUIRED', 'action.reason', 'การเพิ่มหรือถอนผู้ได้รับรางวัลต้องมีเหตุผลเป็นลายลักษณ์อักษร', 'Adding or removing a winner needs a written reason'),
        );
      const group = d.result.groups.find((g) => g.key === action.group);
      if (!group) problems.push(problem('GROUP_UNKNOWN', 'action.group', `ไม่มีกลุ่ม ${action.group} ในรางวัลนี้`, `This category has no group ${action.group}`));
      else {
        const current = finalWinners(d).filter((w) => w.group === group.key).map((w) => w.unitId);
        if (action.change === 'add') {
          if (!group.decisions.some((x) => x.unitId === action.unitId))
            problems.push(
              problem('UNIT_NOT_CANDIDATE', 'action.unitId', `หน่วยงาน ${action.unitId} ไม่อยู่ในกลุ่มที่แข่งขันนี้`, `Unit ${action.unitId} is not a candidate in this group`),
            );
          else if (current.includes(action.unitId))
            problems.push(problem('ALREADY_WINNER', 'action.unitId', `หน่วยงาน ${action.unitId} ได้รับรางวัลอยู่แล้ว`, `Unit ${action.unitId} already wins`));
        } else if (!current.includes(action.unitId))
          problems.push(problem('NOT_A_WINNER', 'action.unitId', `หน่วยงาน ${action.unitId} ไม่ได้เป็นผู้ได้รับรางวัล`, `Unit ${action.unitId} is not a winner`));
      }
      next.overrides.push({ change: action.change, unitId: action.unitId, group: action.group, reason: action.reason?.trim() ?? '', by: action.by, at: action.at });
      note = `${action.change} ${action.unitId} (${action.group}): ${action.reason?.trim() ?? ''}`;
      break;
    }
    case 'approve': {
      acknowledge(action.acknowledgeKnifeEdge);
      const missing = knifeEdgeGroups(d).filter((k) => !next.acknowledgedKnifeEdge.includes(k));
      if (missing.length > 0)
        problems.push(
          problem(
            'KNIFE_EDGE_UNACKNOWLEDGED',
            'action.acknowledgeKnifeEdge',
            `ผลของกลุ่ม ${missing.join(', ')} ใกล้เคียงกันมาก (knife-edge) คณะกรรมการต้องพิจารณาและยืนยันก่อนอนุมัติ`,
            `The decision in ${missing.join(', ')} is knife-edge; the committee must look at it and acknowledge it before approving`,
          ),
        );
      to = 'approved';
      note = action.note;
      break;
    }
    case 'reopen':
      if (!action.reason?.trim())
        problems.push(problem('REOPEN_REASON_REQUIRED', 'action.reason', 'การเปิดพิจารณาใหม่ต้องมีเหตุผล', 'Reopening needs a written reason'));
      to = 'reviewed';
      note = action.reason;
      break;
    case 'announce':
      to = 'announced';
      break;
  }
  if (problems.length > 0) return { ok: false, problems };
  next.state = to;
  const entry: HistoryEntry = { action: action.type, from: d.state, to, by: action.by, at: action.at };
  if (note !== undefined && note !== '') entry.note = note;
  next.history.push(entry);
  return { ok: true, decision: next };
}

function hint(state: DecisionState): I18nText {
  switch (state) {
    case 'computed':
      return { th: ' (ต้องให้คณะกรรมการพิจารณาก่อน)', en: ' (the committee must review it first)' };
    case 'reviewed':
      return { th: ' (แก้ไขผู้ได้รับรางวัลหรืออนุมัติได้)', en: ' (winners can be overridden, or the decision approved)' };
    case 'approved':
      return { th: ' (ประกาศผลหรือเปิดพิจารณาใหม่ได้)', en: ' (it can be announced or reopened)' };
    case 'announced':
      return { th: ' (ประกาศผลแล้ว แก้ไขไม่ได้)', en: ' (announced decisions are final)' };
  }
}

/** The winners after the committee's overrides, per group, rule winners first in rank order. */
export function finalWinners(d: AwardDecision): FinalWinner[] {
  const out: FinalWinner[] = [];
  for (const g of d.result.groups) {
    let list: FinalWinner[] = g.decisions
      .filter((x) => x.won)
      .map((x) => ({ categoryId: d.categoryId, group: g.key, unitId: x.unitId, source: 'rule' as const, reason: x.reason, value: x.value, rank: x.rank }));
    for (const o of d.overrides.filter((o) => o.group === g.key)) {
      if (o.change === 'remove') list = list.filter((w) => w.unitId !== o.unitId);
      else if (!list.some((w) => w.unitId === o.unitId)) {
        const x = g.decisions.find((y) => y.unitId === o.unitId);
        list.push({
          categoryId: d.categoryId,
          group: g.key,
          unitId: o.unitId,
          source: 'committee',
          reason: { th: `คณะกรรมการเพิ่มผู้ได้รับรางวัล: ${o.reason}`, en: `Added by the committee: ${o.reason}` },
          value: x?.value ?? null,
          rank: x?.rank ?? null,
        });
      }
    }
    out.push(...list);
  }
  return out;
}

/** All final winners of several decisions, as awards for rollUpAwards (pass only announced ones for public figures). */
export function awardsGiven(decisions: readonly AwardDecision[]): FinalWinner[] {
  return decisions.flatMap((d) => finalWinners(d));
}
