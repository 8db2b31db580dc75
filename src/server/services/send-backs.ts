// Send-back for correction: the reviewer returns items with a deadline, the agency corrects only those and resubmits; expiry and reminders.
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import type { AnswerValue } from '../../engine/framework/types.js';
import { canSendBack, checkDeadline, correctionReminderDue, type ItemState } from '../../engine/verification/index.js';
import { isUuid } from '../presenters.js';
import type { SessionUser } from '../auth/policy.js';
import { findEdition } from '../repositories/editions.js';
import { findParticipant } from '../repositories/participants.js';
import { answersFor, findAnswer } from '../repositories/answers.js';
import { findOrganisation } from '../repositories/organisations.js';
import { evidenceFor } from '../repositories/evidence.js';
import {
  agencyRecipients,
  anySendBackDue,
  answerAtVersion,
  claimSendBackReminder,
  dueSendBacks,
  finaliseExpiredItems,
  findSendBack,
  insertSendBack,
  listReasons,
  lockReviewItem,
  markItemsResubmitted,
  nextRound,
  openCorrectionItems,
  openSendBack,
  openSendBacksForReminder,
  sendBackItems,
  sendBacksOf,
  setSendBackStatus,
  upsertReviewItem,
} from '../repositories/review.js';
import { appendAudit } from './audit.js';
import { sendMail } from './mail.js';

type Ctx = Pick<AppContext, 'db' | 'config' | 'clock' | 'ids'>;

/** Edition states in which items can be returned and corrected. */
const CORRECTION_STATES = ['open', 'closed', 'verification'] as const;

/**
 * Expires open send-backs whose deadline has passed (as of `now`): their items fall back to the last decision, which
 * is then final. Called before every read or write of review state, and by the hourly job, so `ctx.clock` decides.
 */
export async function sweepExpiredSendBacks(ctx: Ctx, now: Date, eid?: string): Promise<number> {
  // Most calls find nothing due: check without locks before opening a transaction.
  if (!(await anySendBackDue(ctx.db, now, eid))) return 0;
  return ctx.db.transaction().execute(async (trx) => {
    const due = await dueSendBacks(trx, now, eid);
    for (const sb of due) {
      await setSendBackStatus(trx, sb.id, { status: 'expired' });
      const items = await finaliseExpiredItems(trx, sb.id, now);
      await appendAudit(trx, now, { actorId: null, action: 'review.send_back_expired', entity: 'review_send_back', entityId: sb.id, organisationId: sb.organisation_id, before: { status: 'open', deadline: sb.deadline }, after: { status: 'expired', itemsFinal: items } });
    }
    return due.length;
  });
}

/**
 * The items an agency may write now because they were returned for correction (deadline still ahead), or null when
 * nothing is open. The answers and evidence services call this inside their write transaction.
 */
export async function correctionItems(db: Kysely<Database>, eid: string, oid: string, now: Date): Promise<Set<string> | null> {
  const open = await openCorrectionItems(db, eid, oid, now);
  return open ? new Set(open.item_codes) : null;
}

export function correctionRefused(item: string, allowed: Set<string>): AppError {
  const list = [...allowed].sort().join(', ');
  return new AppError('CORRECTION_ITEMS_ONLY', { items: list }, [
    { path: `items/${item}`, th: `ข้อ ${item} ไม่ได้ถูกส่งกลับให้แก้ไข แก้ไขได้เฉพาะ: ${list}`, en: `Item ${item} was not returned for correction; only these can be changed: ${list}` },
  ]);
}

/** Records one corrected answer in the audit log with the value before and after. */
export async function auditCorrectionWrite(db: Kysely<Database>, now: Date, user: SessionUser, eid: string, oid: string, item: string, version: number, after: AnswerValue): Promise<void> {
  const before = version > 1 ? await answerAtVersion(db, eid, oid, item, version - 1) : null;
  await appendAudit(db, now, { actorId: user.id, action: 'review.correction_answer', entity: 'answer', entityId: `${eid}/${oid}/${item}`, organisationId: oid, before: { value: before, version: version - 1 }, after: { value: after, version } });
}

export interface SendBackInput {
  deadline: string;
  message?: string | null;
  items: { item: string; reasonCode: string; comment?: string | null }[];
}

function fmtDate(d: Date, locale: 'th-TH' | 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(d);
}

async function mailAgency(ctx: Ctx, eid: string, oid: string, kind: 'review_send_back' | 'review_reminder', deadline: Date, items: string[]): Promise<number> {
  const [edition, org, to] = await Promise.all([
    findEdition(ctx.db, eid),
    findOrganisation(ctx.db, oid),
    agencyRecipients(ctx.db, eid, oid),
  ]);
  if (!edition || !org) return 0;
  const link = `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}/corrections/${eid}/${oid}`;
  const first = kind === 'review_send_back';
  const text = [
    `เรียน ผู้ประสานงานของ${org.name_th}`,
    '',
    first
      ? `ผู้ตรวจสอบของ สพร. ส่งคำตอบ ${items.length} ข้อในแบบสำรวจ "${edition.title_th}" กลับให้แก้ไข (${items.join(', ')})`
      : `ยังมีคำตอบ ${items.length} ข้อที่ถูกส่งกลับให้แก้ไขและยังไม่ได้ส่งกลับ (${items.join(', ')})`,
    `กรุณาแก้ไขและส่งกลับภายใน ${fmtDate(deadline, 'th-TH')} หลังจากนั้นผลการพิจารณาครั้งล่าสุดเป็นที่สิ้นสุด`,
    '',
    link,
    '',
    '----',
    '',
    first
      ? `A DGA reviewer returned ${items.length} item(s) of "${edition.title_en}" for correction (${items.join(', ')}).`
      : `${items.length} item(s) returned for correction have not been resubmitted yet (${items.join(', ')}).`,
    `Please correct and resubmit them by ${fmtDate(deadline, 'en-GB')}; after that the last decision stands.`,
    '',
    link,
    '',
    'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) · Digital Government Development Agency',
  ].join('\n');
  const subject = first ? `ส่งกลับให้แก้ไข: ${edition.title_th} · Returned for correction: ${edition.title_en}` : `แจ้งเตือนกำหนดส่งแก้ไข: ${edition.title_th} · Correction deadline reminder: ${edition.title_en}`;
  for (const addr of to) await sendMail(ctx, { to: addr, subject, text, kind });
  return to.length;
}

/** A reviewer returns a batch of items to the agency with a deadline. Access is checked by the caller. */
export async function createSendBack(ctx: Ctx, user: SessionUser, eid: string, oid: string, input: SendBackInput, reviewable: Set<string>) {
  const now = ctx.clock.now();
  const deadline = new Date(input.deadline);
  if (Number.isNaN(deadline.getTime())) throw new AppError('VALIDATION_FAILED', { detail: 'deadline is not a date' }, [{ path: 'body/deadline', th: 'กำหนดส่งไม่ใช่วันที่', en: 'The deadline is not a date' }]);
  const dl = checkDeadline(deadline.getTime(), now.getTime());
  if (!dl.ok) {
    const [th, en] = dl.problem === 'too_soon' ? ['กำหนดส่งต้องห่างจากปัจจุบันอย่างน้อย 24 ชั่วโมง', 'The deadline must be at least 24 hours ahead'] : ['กำหนดส่งต้องไม่เกิน 60 วัน', 'The deadline must be at most 60 days ahead'];
    throw new AppError('VALIDATION_FAILED', { detail: en }, [{ path: 'body/deadline', th, en }]);
  }
  if (input.items.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'no items' }, [{ path: 'body/items', th: 'ต้องเลือกอย่างน้อยหนึ่งข้อ', en: 'Choose at least one item' }]);
  const reasons = new Map((await listReasons(ctx.db)).map((r) => [r.code, r]));
  const problems = input.items.flatMap((i, n) => [
    ...(reviewable.has(i.item) ? [] : [{ path: `body/items/${n}/item`, th: `ข้อ ${i.item} ไม่อยู่ในรายการตรวจ`, en: `Item ${i.item} is not reviewable for this organisation` }]),
    ...(reasons.has(i.reasonCode) ? [] : [{ path: `body/items/${n}/reasonCode`, th: `ไม่มีเหตุผลรหัส ${i.reasonCode}`, en: `No reason ${i.reasonCode}` }]),
  ]);
  if (new Set(input.items.map((i) => i.item)).size !== input.items.length) problems.push({ path: 'body/items', th: 'มีข้อซ้ำ', en: 'An item appears twice' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', { detail: problems.map((p) => `${p.path}: ${p.en}`).join('; ') }, problems);
  await sweepExpiredSendBacks(ctx, now, eid);
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    const e = await findEdition(trx, eid, { lock: 'key_share' });
    if (!e || !(CORRECTION_STATES as readonly string[]).includes(e.state)) throw new AppError('STATE_FORBIDS', { state: e?.state ?? 'unknown' });
    const p = await findParticipant(trx, eid, oid, 'update');
    if (!p || p.status !== 'submitted') {
      throw new AppError('STATE_FORBIDS', { state: p?.status ?? 'unknown' }, [{ path: 'participant/status', th: 'ส่งกลับได้เฉพาะแบบสำรวจที่ส่งแล้ว', en: 'Only a submitted questionnaire can have items returned' }]);
    }
    if (await openSendBack(trx, eid, oid)) {
      throw new AppError('STATE_FORBIDS', { state: 'returned' }, [{ path: 'organisation', th: 'มีรายการที่ส่งกลับและยังรอหน่วยงานอยู่แล้ว', en: 'Items are already out with the agency for correction' }]);
    }
    const files = await evidenceFor(trx, eid, oid);
    const rows = [];
    const states: Record<string, unknown> = {};
    for (const i of [...input.items].sort((a, b) => (a.item < b.item ? -1 : 1))) {
      const cur = await lockReviewItem(trx, eid, oid, i.item);
      const state: ItemState = { status: cur?.status ?? 'pending', decision: cur?.decision ?? null, final: cur?.final ?? false };
      const ok = canSendBack(state, now.getTime());
      if (!ok.ok) throw new AppError(ok.problem === 'final' ? 'REVIEW_DECISION_FINAL' : 'REVIEW_AWAITING_AGENCY', {}, [{ path: `items/${i.item}`, th: `ข้อ ${i.item}`, en: `Item ${i.item}` }]);
      const ans = await findAnswer(trx, eid, oid, i.item);
      rows.push({ item_code: i.item, reason_code: i.reasonCode, comment: i.comment?.trim() || null, answer_before: ans?.value ?? null, answer_version_before: ans?.version ?? null, files_before: files.filter((f) => f.item_code === i.item).map((f) => f.id) });
      states[i.item] = { status: state.status, decision: state.decision, lastDecisionId: cur?.last_decision_id ?? null };
    }
    const round = await nextRound(trx, eid, oid);
    await insertSendBack(trx, { id, edition_id: eid, organisation_id: oid, round, message: input.message?.trim() || null, deadline, created_by: user.id, created_at: now }, rows);
    for (const [item, st] of Object.entries(states) as [string, { decision: ItemState['decision']; lastDecisionId: string | null }][]) {
      await upsertReviewItem(trx, { edition_id: eid, organisation_id: oid, item_code: item, status: 'returned', decision: st.decision, last_decision_id: st.lastDecisionId, send_back_id: id, final: false, updated_at: now });
    }
    await appendAudit(trx, now, {
      actorId: user.id,
      action: 'review.send_back',
      entity: 'review_send_back',
      entityId: id,
      organisationId: oid,
      before: states,
      after: { round, deadline: deadline.toISOString(), message: input.message ?? null, items: rows.map((r) => ({ item: r.item_code, reasonCode: r.reason_code, comment: r.comment })) },
    });
  });
  await mailAgency(ctx, eid, oid, 'review_send_back', deadline, input.items.map((i) => i.item).sort());
  return sendBackDetail(ctx, id, true);
}

/** A send-back as the agency sees it: items, reasons (Thai/English), reviewer comments, what changed; never internal notes. */
export async function sendBackDetail(ctx: Ctx, id: string, _forDga: boolean) {
  const sb = await findSendBack(ctx.db, id);
  if (!sb) throw new AppError('NOT_FOUND');
  const [items, reasons, files, answers] = await Promise.all([
    sendBackItems(ctx.db, [id]),
    listReasons(ctx.db, true),
    evidenceFor(ctx.db, sb.edition_id, sb.organisation_id),
    answersFor(ctx.db, sb.edition_id, sb.organisation_id),
  ]);
  const reasonBy = new Map(reasons.map((r) => [r.code, r]));
  const ansBy = new Map(answers.map((a) => [a.item_code, a]));
  const now = ctx.clock.now().getTime();
  const phase = sb.status === 'open' && now >= new Date(sb.deadline).getTime() ? 'expired' : sb.status;
  return {
    id: sb.id,
    round: sb.round,
    status: phase,
    deadline: new Date(sb.deadline).toISOString(),
    message: sb.message,
    createdAt: new Date(sb.created_at).toISOString(),
    createdByName: sb.created_by_name,
    resubmittedAt: sb.resubmitted_at ? new Date(sb.resubmitted_at).toISOString() : null,
    items: items.map((i) => {
      const r = reasonBy.get(i.reason_code);
      const cur = ansBy.get(i.item_code);
      const before = new Set(i.files_before);
      const newFiles = files.filter((f) => f.item_code === i.item_code && !before.has(f.id)).map((f) => ({ id: f.id, filename: f.filename, mimeType: f.mime_type, uploadedAt: new Date(f.uploaded_at).toISOString() }));
      const answerAfter = (cur?.value ?? null) as AnswerValue | null;
      return {
        item: i.item_code,
        reasonCode: i.reason_code,
        reason: r ? { th: r.label_th, en: r.label_en } : { th: i.reason_code, en: i.reason_code },
        comment: i.comment,
        answerBefore: i.answer_before,
        answerAfter,
        answerChanged: JSON.stringify(i.answer_before) !== JSON.stringify(answerAfter),
        newFiles,
      };
    }),
  };
}

/** Every send-back of an organisation in an edition, newest first. */
export async function sendBacksFor(ctx: Ctx, eid: string, oid: string) {
  await sweepExpiredSendBacks(ctx, ctx.clock.now(), eid);
  const list = await sendBacksOf(ctx.db, eid, oid);
  return Promise.all(list.map((s) => sendBackDetail(ctx, s.id, false)));
}

/** The agency (coordinator or head) resubmits a send-back before its deadline; the items go back to the reviewer. */
export async function resubmitSendBack(ctx: Ctx, user: SessionUser, eid: string, oid: string, sbId: string) {
  if (!isUuid(sbId) || user.organisationId !== oid || (user.role !== 'coordinator' && user.role !== 'head')) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const sb = await findSendBack(trx, sbId, true);
    if (!sb || sb.edition_id !== eid || sb.organisation_id !== oid) throw new AppError('NOT_FOUND');
    if (sb.status !== 'open') throw new AppError('STATE_FORBIDS', { state: sb.status });
    if (now.getTime() >= new Date(sb.deadline).getTime()) throw new AppError('CORRECTION_DEADLINE_PASSED');
    await setSendBackStatus(trx, sbId, { status: 'resubmitted', resubmitted_by: user.id, resubmitted_at: now });
    await markItemsResubmitted(trx, sbId, now);
  });
  const detail = await sendBackDetail(ctx, sbId, false);
  await appendAudit(ctx.db, now, {
    actorId: user.id,
    action: 'review.resubmit',
    entity: 'review_send_back',
    entityId: sbId,
    organisationId: oid,
    before: { status: 'open' },
    after: { status: 'resubmitted', changes: detail.items.map((i) => ({ item: i.item, answerBefore: i.answerBefore, answerAfter: i.answerAfter, newFiles: i.newFiles.map((f) => f.id) })) },
  });
  return detail;
}

/** Hourly pass: expire send-backs past their deadline and remind agencies once inside the last 48 hours. */
export async function runCorrectionReminders(ctx: Ctx, now: Date): Promise<{ expired: number; reminded: number }> {
  const expired = await sweepExpiredSendBacks(ctx, now);
  let reminded = 0;
  for (const sb of await openSendBacksForReminder(ctx.db, now)) {
    const due = correctionReminderDue({ status: 'open', deadline: new Date(sb.deadline).getTime(), reminderSentAt: null, createdAt: new Date(sb.created_at).getTime() }, now.getTime());
    if (!due || !(await claimSendBackReminder(ctx.db, sb.id, now))) continue;
    const items = (await sendBackItems(ctx.db, [sb.id])).map((i) => i.item_code);
    const sent = await mailAgency(ctx, sb.edition_id, sb.organisation_id, 'review_reminder', new Date(sb.deadline), items);
    await appendAudit(ctx.db, now, { actorId: null, action: 'review.correction_reminder', entity: 'review_send_back', entityId: sb.id, organisationId: sb.organisation_id, after: { recipients: sent } });
    reminded++;
  }
  return { expired, reminded };
}
