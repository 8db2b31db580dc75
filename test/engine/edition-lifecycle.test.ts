import { describe, expect, it } from 'vitest';
import {
  EDITION_STATES,
  checkEditionTransition,
  editionAllows,
  participantAfter,
  reminderDue,
  yearCeFromBe,
  type EditionState,
} from '../../src/engine/edition/lifecycle.js';

describe('edition lifecycle', () => {
  it('allows exactly the forward path and closed → open with a reason', () => {
    const allowed: string[] = [];
    for (const from of EDITION_STATES) for (const to of EDITION_STATES) if (checkEditionTransition(from, to, 'extension').ok) allowed.push(`${from}>${to}`);
    expect(allowed.sort()).toEqual(['closed>open', 'closed>verification', 'draft>open', 'open>closed', 'scored>published', 'verification>scored'].sort());
  });

  it('refuses extending a closed edition without a reason', () => {
    expect(checkEditionTransition('closed', 'open')).toEqual({ ok: false, problem: 'reason_required' });
    expect(checkEditionTransition('closed', 'open', '   ')).toEqual({ ok: false, problem: 'reason_required' });
    expect(checkEditionTransition('open', 'published')).toEqual({ ok: false, problem: 'not_allowed' });
    expect(checkEditionTransition('open', 'open')).toEqual({ ok: false, problem: 'same_state' });
  });

  it('takes answers only while open and changes the framework only in draft', () => {
    const answering = EDITION_STATES.filter((s: EditionState) => editionAllows(s, 'answer'));
    expect(answering).toEqual(['open']);
    expect(EDITION_STATES.filter((s) => editionAllows(s, 'change_framework'))).toEqual(['draft']);
    expect(EDITION_STATES.filter((s) => editionAllows(s, 'set_population'))).toEqual(['draft']);
  });

  it('moves a participant through first answer, complete, submit and reopen', () => {
    expect(participantAfter('not_started', 'first_answer')).toBe('in_progress');
    expect(participantAfter('completed', 'first_answer')).toBe('completed');
    expect(participantAfter('submitted', 'first_answer')).toBeNull();
    expect(participantAfter('in_progress', 'complete')).toBe('completed');
    expect(participantAfter('in_progress', 'submit')).toBeNull();
    expect(participantAfter('completed', 'submit')).toBe('submitted');
    expect(participantAfter('submitted', 'reopen')).toBe('in_progress');
    expect(participantAfter('not_started', 'reopen')).toBeNull();
  });

  it('converts Buddhist-era years', () => {
    expect(yearCeFromBe(2569)).toBe(2026);
  });

  it('spaces reminders and caps them', () => {
    const day = 86_400_000;
    const policy = { intervalDays: 7, max: 2 };
    const opened = 0;
    expect(reminderDue(policy, { status: 'not_started', remindersSent: 0, lastRemindedAt: null }, opened, 6 * day)).toBe(false);
    expect(reminderDue(policy, { status: 'not_started', remindersSent: 0, lastRemindedAt: null }, opened, 7 * day)).toBe(true);
    expect(reminderDue(policy, { status: 'in_progress', remindersSent: 1, lastRemindedAt: 7 * day }, opened, 13 * day)).toBe(false);
    expect(reminderDue(policy, { status: 'completed', remindersSent: 1, lastRemindedAt: 7 * day }, opened, 14 * day)).toBe(true);
    expect(reminderDue(policy, { status: 'in_progress', remindersSent: 2, lastRemindedAt: 7 * day }, opened, 90 * day)).toBe(false);
    expect(reminderDue(policy, { status: 'submitted', remindersSent: 0, lastRemindedAt: null }, opened, 90 * day)).toBe(false);
  });
});
