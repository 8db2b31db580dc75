// Verification rules: balanced assignment without own-organisation conflicts, decision and send-back states, deadlines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  balanceAssignments,
  canDecide,
  canSendBack,
  checkDeadline,
  correctionReminderDue,
  demoDecision,
  effectiveState,
  progressOf,
  reviewerConflicted,
} from '../../src/engine/verification/index.js';
import { createRng } from '../../src/engine/random.js';

const H = 3_600_000;
const D = 24 * H;

describe('reviewer assignment', () => {
  it('never assigns a reviewer their own organisation or one directly under it, and balances loads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 8 }), fc.integer(), (nOrg, nRev, seed) => {
        const rng = createRng(seed);
        const orgs = Array.from({ length: nOrg }, (_, i) => ({ id: `o${i}`, parentId: rng.next() < 0.3 ? 'parent' : null }));
        const reviewers = Array.from({ length: nRev }, (_, i) => ({ id: `r${i}`, organisationId: i === 0 ? 'o0' : i === 1 ? 'parent' : null, load: 0 }));
        const plan = balanceAssignments(orgs, reviewers);
        expect(plan.assignments.length + plan.unassignable.length).toBe(nOrg);
        for (const a of plan.assignments) {
          const r = reviewers.find((x) => x.id === a.reviewerId)!;
          expect(reviewerConflicted(r, orgs.find((o) => o.id === a.organisationId)!)).toBe(false);
        }
        // Unconflicted reviewers end within one of each other.
        const free = reviewers.slice(2).map((r) => plan.assignments.filter((a) => a.reviewerId === r.id).length);
        expect(Math.max(...free) - Math.min(...free)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('counts existing load and reports organisations nobody may take', () => {
    const plan = balanceAssignments([{ id: 'a' }, { id: 'b' }], [{ id: 'r1', organisationId: 'a', load: 0 }]);
    expect(plan).toEqual({ assignments: [{ organisationId: 'b', reviewerId: 'r1' }], unassignable: ['a'] });
    const p2 = balanceAssignments([{ id: 'x' }], [{ id: 'r1', organisationId: null, load: 5 }, { id: 'r2', organisationId: null, load: 1 }]);
    expect(p2.assignments[0]!.reviewerId).toBe('r2');
  });
});

describe('decision and send-back states', () => {
  const reason = { code: 'X', appliesTo: 'insufficient' as const };
  it('needs a fitting reason for anything but accepted', () => {
    const s = { status: 'pending' as const, decision: null, final: false };
    expect(canDecide(s, 'accepted', null, 0)).toEqual({ ok: true });
    expect(canDecide(s, 'insufficient', null, 0)).toEqual({ ok: false, problem: 'reason_required' });
    expect(canDecide(s, 'rejected', reason, 0)).toEqual({ ok: false, problem: 'reason_not_applicable' });
    expect(canDecide(s, 'rejected', { code: 'O', appliesTo: 'any' }, 0)).toEqual({ ok: true });
  });

  it('a returned item waits for the agency until the deadline, then its last decision is final', () => {
    const returned = { status: 'returned' as const, decision: 'insufficient' as const, final: false, deadline: 10 * D };
    expect(canDecide(returned, 'accepted', null, 10 * D - 1)).toEqual({ ok: false, problem: 'awaiting_agency' });
    expect(canSendBack(returned, 5 * D)).toEqual({ ok: false, problem: 'awaiting_agency' });
    expect(effectiveState(returned, 10 * D)).toEqual({ status: 'insufficient', decision: 'insufficient', final: true, deadline: null });
    expect(canDecide(returned, 'accepted', null, 10 * D)).toEqual({ ok: false, problem: 'final' });
    expect(canSendBack(returned, 10 * D)).toEqual({ ok: false, problem: 'final' });
    expect(canDecide({ status: 'resubmitted', decision: 'insufficient', final: false }, 'accepted', null, 11 * D)).toEqual({ ok: true });
  });

  it('deadlines are 24 hours to 60 days ahead; one reminder inside the last 48 hours', () => {
    expect(checkDeadline(23 * H, 0)).toEqual({ ok: false, problem: 'too_soon' });
    expect(checkDeadline(D, 0)).toEqual({ ok: true });
    expect(checkDeadline(61 * D, 0)).toEqual({ ok: false, problem: 'too_late' });
    const sb = { status: 'open' as const, deadline: 7 * D, reminderSentAt: null, createdAt: 0 };
    expect(correctionReminderDue(sb, 4 * D)).toBe(false);
    expect(correctionReminderDue(sb, 5 * D)).toBe(true);
    expect(correctionReminderDue({ ...sb, reminderSentAt: 5 * D }, 6 * D)).toBe(false);
    expect(correctionReminderDue(sb, 7 * D)).toBe(false);
    expect(correctionReminderDue({ ...sb, createdAt: 6 * D }, 6 * D + H)).toBe(false);
  });

  it('progress counts decided items as done and the rest as pending', () => {
    expect(progressOf({ accepted: 6, insufficient: 1, returned: 1 }, 10)).toMatchObject({ total: 10, pending: 2, done: 7, returned: 1, percent: 70 });
    expect(progressOf({}, 0).percent).toBe(100);
  });

  it('demo decisions are mostly accepted and repeat with the seed', () => {
    const rng1 = createRng(5);
    const rng2 = createRng(5);
    const d1 = Array.from({ length: 2000 }, () => demoDecision(rng1));
    const d2 = Array.from({ length: 2000 }, () => demoDecision(rng2));
    expect(d1).toEqual(d2);
    const accepted = d1.filter((d) => d.decision === 'accepted').length / d1.length;
    expect(accepted).toBeGreaterThan(0.8);
    expect(d1.some((d) => d.sendBack)).toBe(true);
  });
});
