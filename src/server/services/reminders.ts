// Reminder mails to organisations that have not submitted: capped and spaced per edition, logged, sent through the outbox.
import type { AppContext } from '../app.js';
import { reminderDue } from '../../engine/edition/lifecycle.js';
import { isUuid } from '../presenters.js';
import { claimReminder, logReminder, openEditionsForReminders, reminderCandidates } from '../repositories/reminders.js';
import { appendAudit } from './audit.js';
import { sendMail } from './mail.js';

export type JobContext = Pick<AppContext, 'db' | 'config' | 'clock' | 'ids'>;

export interface ReminderRunResult {
  editions: number;
  sent: number;
  noRecipient: number;
}

function reminderMail(ctx: JobContext, e: { id: string; title_th: string; title_en: string; closes_at: Date }, org: { organisation_id: string; name_th: string; name_en: string | null }, sequence: number) {
  const closes = new Date(e.closes_at);
  const th = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(closes);
  const en = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }).format(closes);
  const link = `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}/editions/${e.id}/organisations/${org.organisation_id}`;
  const text = [
    `เรียน ผู้ประสานงานของ${org.name_th}`,
    '',
    `${org.name_th}ยังไม่ได้ส่งแบบสำรวจ "${e.title_th}" ซึ่งจะปิดรับคำตอบในวันที่ ${th}`,
    'กรุณาตอบแบบสำรวจให้ครบถ้วนและให้หัวหน้าหน่วยงานยืนยันการส่งก่อนวันปิดรับ',
    '',
    link,
    '',
    '----',
    '',
    `${org.name_en ?? org.name_th} has not yet submitted "${e.title_en}", which closes on ${en}.`,
    'Please complete the questionnaire and have the head of the organisation submit it before the deadline.',
    '',
    link,
    '',
    `(reminder ${sequence})`,
    'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) · Digital Government Development Agency',
  ].join('\n');
  return { subject: `แจ้งเตือน: ${e.title_th} · Reminder: ${e.title_en}`, text };
}

/**
 * One pass over open editions (or one of them). Safe to run twice at once: each reminder slot is claimed with a
 * compare-and-set before any mail is written. The clock comes from `ctx`, so tests call this with a fixed clock.
 */
export async function runReminders(ctx: JobContext, now: Date, opts: { editionId?: string } = {}): Promise<ReminderRunResult> {
  if (opts.editionId !== undefined && !isUuid(opts.editionId)) return { editions: 0, sent: 0, noRecipient: 0 };
  const editions = await openEditionsForReminders(ctx.db, opts.editionId);
  let sent = 0;
  let noRecipient = 0;
  for (const e of editions) {
    const policy = { intervalDays: e.reminder_interval_days, max: e.reminder_max };
    const openedAt = new Date(e.opened_at ?? e.opens_at).getTime();
    const candidates = await reminderCandidates(ctx.db, e.id, e.reminder_max);
    let editionSent = 0;
    let editionNoRecipient = 0;
    for (const c of candidates) {
      const due = reminderDue(policy, { status: c.status, remindersSent: c.reminders_sent, lastRemindedAt: c.last_reminded_at ? new Date(c.last_reminded_at).getTime() : null }, openedAt, now.getTime());
      if (!due) continue;
      const recipients = c.recipients.length > 0 ? c.recipients : c.contact_email ? [c.contact_email] : [];
      // With nobody to write to, the slot is not used up but the spacing still applies, so the log is not flooded.
      if (!(await claimReminder(ctx.db, e.id, c.organisation_id, c.reminders_sent, now, recipients.length > 0))) continue;
      const sequence = c.reminders_sent + 1;
      if (recipients.length === 0) {
        await logReminder(ctx.db, { edition_id: e.id, organisation_id: c.organisation_id, at: now, sequence: c.reminders_sent, recipients: [], outcome: 'no_recipient' });
        editionNoRecipient++;
        continue;
      }
      const mail = reminderMail(ctx, e, c, sequence);
      for (const to of recipients) await sendMail(ctx, { to, subject: mail.subject, text: mail.text, kind: 'reminder' });
      await logReminder(ctx.db, { edition_id: e.id, organisation_id: c.organisation_id, at: now, sequence, recipients, outcome: 'sent' });
      editionSent++;
    }
    if (editionSent + editionNoRecipient > 0) {
      await appendAudit(ctx.db, now, { actorId: null, action: 'reminders.run', entity: 'edition', entityId: e.id, after: { sent: editionSent, noRecipient: editionNoRecipient } });
    }
    sent += editionSent;
    noRecipient += editionNoRecipient;
  }
  return { editions: editions.length, sent, noRecipient };
}
