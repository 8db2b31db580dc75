// Pure rules of a survey edition's life (draft → open → closed → verification → scored → published) and of a participant's submission.

export const EDITION_STATES = ['draft', 'open', 'closed', 'verification', 'scored', 'published'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

export const PARTICIPANT_STATUSES = ['not_started', 'in_progress', 'completed', 'submitted'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Allowed moves; closed → open ("extend") needs a reason. */
const NEXT: Record<EditionState, readonly EditionState[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'verification'],
  verification: ['scored'],
  scored: ['published'],
  published: [],
};

export type TransitionCheck = { ok: true } | { ok: false; problem: 'not_allowed' | 'reason_required' | 'same_state' };

export function allowedTransitions(from: EditionState): readonly EditionState[] {
  return NEXT[from];
}

export function checkEditionTransition(from: EditionState, to: EditionState, reason?: string | null): TransitionCheck {
  if (from === to) return { ok: false, problem: 'same_state' };
  if (!NEXT[from].includes(to)) return { ok: false, problem: 'not_allowed' };
  if (from === 'closed' && to === 'open' && !(reason && reason.trim().length > 0)) return { ok: false, problem: 'reason_required' };
  return { ok: true };
}

export type EditionAction =
  | 'change_framework'
  | 'set_population'
  | 'edit_details'
  | 'invite'
  | 'answer'
  | 'complete'
  | 'submit'
  | 'reopen_participant'
  | 'remind';

/** What each edition state permits. Answers, completion and submission only while open. */
export function editionAllows(state: EditionState, action: EditionAction): boolean {
  switch (action) {
    case 'change_framework':
    case 'set_population':
      return state === 'draft';
    case 'edit_details':
      return state === 'draft' || state === 'open' || state === 'closed';
    case 'invite':
      return state === 'draft' || state === 'open';
    case 'answer':
    case 'complete':
    case 'submit':
    case 'remind':
      return state === 'open';
    case 'reopen_participant':
      return state === 'open' || state === 'closed' || state === 'verification';
  }
}

/** Participants may change answers until they have submitted. */
export function participantMayAnswer(status: ParticipantStatus): boolean {
  return status !== 'submitted';
}

export type ParticipantMove = 'first_answer' | 'complete' | 'submit' | 'reopen';

/** The participant status after a move, or null when the move is not allowed from `status`. */
export function participantAfter(status: ParticipantStatus, move: ParticipantMove): ParticipantStatus | null {
  switch (move) {
    case 'first_answer':
      return status === 'not_started' ? 'in_progress' : status === 'submitted' ? null : status;
    case 'complete':
      return status === 'in_progress' || status === 'not_started' ? 'completed' : null;
    case 'submit':
      return status === 'completed' ? 'submitted' : null;
    case 'reopen':
      return status === 'completed' || status === 'submitted' ? 'in_progress' : null;
  }
}

/** Buddhist-era year → Common-era year (2569 → 2026). */
export function yearCeFromBe(yearBe: number): number {
  return yearBe - 543;
}

export interface ReminderPolicy {
  /** Minimum days between two reminders to the same organisation. */
  intervalDays: number;
  /** Most reminders one organisation receives in an edition. */
  max: number;
}

/**
 * Whether an organisation is due a reminder at `now` (ms since epoch): not submitted, under the cap, and at least
 * `intervalDays` since the last reminder (or, for the first one, since the edition opened).
 */
export function reminderDue(
  policy: ReminderPolicy,
  p: { status: ParticipantStatus; remindersSent: number; lastRemindedAt: number | null },
  openedAt: number,
  now: number,
): boolean {
  if (p.status === 'submitted') return false;
  if (policy.max <= 0 || p.remindersSent >= policy.max) return false;
  const since = p.lastRemindedAt ?? openedAt;
  return now - since >= policy.intervalDays * 86_400_000;
}
