// Pure rules of evidence verification: reviewer assignment, item decision and send-back states, correction deadlines.
import type { Rng } from '../random.js';

export const DECISIONS = ['accepted', 'insufficient', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Where one reviewable item stands: no decision yet, decided, returned to the agency, or resubmitted by it. */
export const ITEM_STATUSES = ['pending', 'accepted', 'insufficient', 'rejected', 'returned', 'resubmitted'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Assignment

export interface AssignOrganisation {
  id: string;
  /** The parent organisation (e.g. the ministry's office a department sits under); a reviewer from it is conflicted. */
  parentId?: string | null;
}

export interface AssignReviewer {
  id: string;
  /** The organisation the reviewer belongs to, if any. */
  organisationId: string | null;
  /** Organisations already assigned to this reviewer in the edition (counts towards the balance). */
  load: number;
}

/** A reviewer belongs to (and so may not review) their own organisation and organisations directly under it. */
export function reviewerConflicted(reviewer: Pick<AssignReviewer, 'organisationId'>, org: AssignOrganisation): boolean {
  if (!reviewer.organisationId) return false;
  return reviewer.organisationId === org.id || (org.parentId ?? null) === reviewer.organisationId;
}

export interface AssignmentPlan {
  assignments: { organisationId: string; reviewerId: string }[];
  /** Organisations no reviewer may take (every reviewer conflicted). */
  unassignable: string[];
}

/**
 * Balanced assignment: each organisation goes to the eligible reviewer with the lowest load so far (ties broken by
 * reviewer order), so final loads differ by at most one among reviewers who are eligible for the same organisations.
 * Deterministic for the same input order.
 */
export function balanceAssignments(orgs: AssignOrganisation[], reviewers: AssignReviewer[]): AssignmentPlan {
  const load = new Map(reviewers.map((r) => [r.id, r.load]));
  const assignments: AssignmentPlan['assignments'] = [];
  const unassignable: string[] = [];
  for (const org of orgs) {
    let best: AssignReviewer | null = null;
    for (const r of reviewers) {
      if (reviewerConflicted(r, org)) continue;
      if (!best || load.get(r.id)! < load.get(best.id)!) best = r;
    }
    if (!best) {
      unassignable.push(org.id);
      continue;
    }
    load.set(best.id, load.get(best.id)! + 1);
    assignments.push({ organisationId: org.id, reviewerId: best.id });
  }
  return { assignments, unassignable };
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions and send-backs

export interface ItemState {
  status: ItemStatus;
  /** The last decision recorded (stands when a correction deadline passes). */
  decision: Decision | null;
  /** A correction deadline passed without a resubmission: the last decision is final. */
  final: boolean;
  /** Deadline of the open send-back holding the item, when status is 'returned'. */
  deadline?: number | null;
}

export type Refusal = { ok: true } | { ok: false; problem: 'awaiting_agency' | 'final' | 'reason_required' | 'reason_not_applicable' };

/** Whether a reviewer may record `decision` on an item now (ms since epoch). */
export function canDecide(state: ItemState, decision: Decision, reason: { code: string; appliesTo: 'insufficient' | 'rejected' | 'any' } | null, now: number): Refusal {
  const s = effectiveState(state, now);
  if (s.final) return { ok: false, problem: 'final' };
  if (s.status === 'returned') return { ok: false, problem: 'awaiting_agency' };
  if (decision !== 'accepted') {
    if (!reason) return { ok: false, problem: 'reason_required' };
    if (reason.appliesTo !== 'any' && reason.appliesTo !== decision) return { ok: false, problem: 'reason_not_applicable' };
  }
  return { ok: true };
}

/** An item may be returned unless accepted, already out with the agency, or final. */
export function canSendBack(state: ItemState, now: number): Refusal {
  const s = effectiveState(state, now);
  if (s.final) return { ok: false, problem: 'final' };
  if (s.status === 'returned') return { ok: false, problem: 'awaiting_agency' };
  return { ok: true };
}

/**
 * The state as of `now`: a returned item whose deadline has passed falls back to its last decision, which is then
 * final (the agency missed the deadline; no further decision or send-back changes it).
 */
export function effectiveState(state: ItemState, now: number): ItemState {
  if (state.status === 'returned' && state.deadline != null && now >= state.deadline) {
    return { status: state.decision ?? 'pending', decision: state.decision, final: true, deadline: null };
  }
  return state;
}

export type SendBackPhase = 'open' | 'expired' | 'resubmitted';

/** An open send-back is open until its deadline (exclusive); at the deadline it has expired. */
export function sendBackPhase(sb: { status: SendBackPhase; deadline: number }, now: number): SendBackPhase {
  if (sb.status === 'open' && now >= sb.deadline) return 'expired';
  return sb.status;
}

export const DEADLINE_MIN_HOURS = 24;
export const DEADLINE_MAX_DAYS = 60;

/** A correction deadline is at least a day and at most 60 days after `now`. */
export function checkDeadline(deadline: number, now: number): { ok: true } | { ok: false; problem: 'too_soon' | 'too_late' } {
  if (deadline - now < DEADLINE_MIN_HOURS * 3_600_000) return { ok: false, problem: 'too_soon' };
  if (deadline - now > DEADLINE_MAX_DAYS * 86_400_000) return { ok: false, problem: 'too_late' };
  return { ok: true };
}

export const REMINDER_BEFORE_HOURS = 48;

/** One reminder per send-back, once inside the last 48 hours before the deadline and while it is still open. */
export function correctionReminderDue(sb: { status: SendBackPhase; deadline: number; reminderSentAt: number | null; createdAt: number }, now: number): boolean {
  if (sendBackPhase(sb, now) !== 'open' || sb.reminderSentAt !== null) return false;
  // A send-back made inside the window needs no reminder straight away: the agency was just told.
  if (sb.deadline - sb.createdAt <= REMINDER_BEFORE_HOURS * 3_600_000) return false;
  return sb.deadline - now <= REMINDER_BEFORE_HOURS * 3_600_000;
}

// ---------------------------------------------------------------------------------------------------------------
// Progress

export interface Progress {
  total: number;
  pending: number;
  accepted: number;
  insufficient: number;
  rejected: number;
  returned: number;
  resubmitted: number;
  /** Items with a decision that needs no further reviewer action (accepted, insufficient, rejected). */
  done: number;
  percent: number;
}

export function progressOf(counts: Partial<Record<ItemStatus, number>>, total: number): Progress {
  const c = (k: ItemStatus) => counts[k] ?? 0;
  const decided = c('accepted') + c('insufficient') + c('rejected') + c('returned') + c('resubmitted');
  const pending = Math.max(0, total - decided);
  const done = c('accepted') + c('insufficient') + c('rejected');
  return {
    total,
    pending,
    accepted: c('accepted'),
    insufficient: c('insufficient'),
    rejected: c('rejected'),
    returned: c('returned'),
    resubmitted: c('resubmitted'),
    done,
    percent: total === 0 ? 100 : Math.round((done / total) * 1000) / 10,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Demo decisions

export interface DemoPlan {
  decision: Decision;
  /** Return the item for correction; the agency then fixes it and the reviewer accepts it. */
  sendBack: boolean;
}

/** Realistic decision mix: ~85 % accepted, ~9 % insufficient, ~3 % rejected, ~3 % sent back and then corrected. */
export function demoDecision(rng: Rng): DemoPlan {
  const x = rng.next();
  if (x < 0.85) return { decision: 'accepted', sendBack: false };
  if (x < 0.94) return { decision: 'insufficient', sendBack: false };
  if (x < 0.97) return { decision: 'rejected', sendBack: false };
  return { decision: 'insufficient', sendBack: true };
}
