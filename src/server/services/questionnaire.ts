// One organisation's questionnaire in one edition: who may read or write it, the full view, checklist, assignments, complete → submit → reopen.
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { editionAllows, participantAfter, participantMayAnswer } from '../../engine/edition/lifecycle.js';
import type { AnswerValue, Framework } from '../../engine/framework/types.js';
import { checklist, type Checklist } from '../../engine/questionnaire/checklist.js';
import { canSeeOrganisation, type SessionUser } from '../auth/policy.js';
import { isUuid, presentOrganisation } from '../presenters.js';
import { findOrganisation } from '../repositories/organisations.js';
import { findEdition, type EditionRow } from '../repositories/editions.js';
import { findParticipant, updateParticipant, type ParticipantRow } from '../repositories/participants.js';
import { answerHistory, answersFor } from '../repositories/answers.js';
import { assignedDimensions, assignmentsFor, listOrganisationMembers, organisationMembers, replaceAssignments } from '../repositories/assignments.js';
import { evidenceFor } from '../repositories/evidence.js';
import { appendAudit } from './audit.js';
import { assertEditionAllows, presentEdition, stateForbids } from './editions.js';
import { requireFramework } from './frameworks.js';
import { presentEvidenceFile } from './evidence.js';
import { reviewerMayOpen } from './review.js';

export const WRITER_ROLES = ['coordinator', 'contributor', 'head'] as const;

export interface Opened {
  edition: EditionRow;
  participant: ParticipantRow;
  framework: Framework;
}

/**
 * The edition and participant if the user may see this organisation's questionnaire: its own agency users (once the
 * edition is past draft), reviewers and admins. Everyone else gets NOT_FOUND, as for a record that does not exist.
 */
export async function openQuestionnaire(ctx: AppContext, user: SessionUser, eid: string, oid: string, db: Kysely<Database> = ctx.db): Promise<Opened> {
  if (!isUuid(eid) || !isUuid(oid) || !canSeeOrganisation(user, oid)) throw new AppError('NOT_FOUND');
  if (user.role !== 'admin' && user.role !== 'reviewer' && !(WRITER_ROLES as readonly string[]).includes(user.role)) throw new AppError('NOT_FOUND');
  const [edition, participant] = await Promise.all([findEdition(db, eid), findParticipant(db, eid, oid)]);
  if (!edition || !participant) throw new AppError('NOT_FOUND');
  if (edition.state === 'draft' && user.role !== 'admin' && user.role !== 'reviewer') throw new AppError('NOT_FOUND');
  if (!(await reviewerMayOpen(db, user, eid, oid))) throw new AppError('NOT_FOUND');
  return { edition, participant, framework: await requireFramework(db, edition.framework_id, edition.framework_version) };
}

/** Dimensions the user may write: all for coordinator and head, assigned ones for a contributor, none for DGA roles. */
export async function editableDimensions(db: Kysely<Database>, user: SessionUser, fw: Framework, eid: string, oid: string): Promise<string[]> {
  if (user.organisationId !== oid) return [];
  if (user.role === 'coordinator' || user.role === 'head') return fw.dimensions.map((d) => d.code);
  if (user.role === 'contributor') return assignedDimensions(db, eid, oid, user.id);
  return [];
}

export function presentParticipant(p: ParticipantRow) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    status: p.status,
    version: p.version,
    completedAt: iso(p.completed_at),
    completedBy: p.completed_by_name,
    submittedAt: iso(p.submitted_at),
    submittedBy: p.submitted_by_name,
    reopenedReason: p.reopened_reason,
  };
}

export async function questionnaireView(ctx: AppContext, user: SessionUser, eid: string, oid: string) {
  const { edition, participant, framework } = await openQuestionnaire(ctx, user, eid, oid);
  // Only the coordinator assigns sections, so only they (and admins) get the member list.
  const seesMembers = user.role === 'admin' || (user.role === 'coordinator' && user.organisationId === oid);
  const [org, answers, files, assignments, editable, members] = await Promise.all([
    findOrganisation(ctx.db, oid),
    answersFor(ctx.db, eid, oid),
    evidenceFor(ctx.db, eid, oid),
    assignmentsFor(ctx.db, eid, oid),
    editableDimensions(ctx.db, user, framework, eid, oid),
    seesMembers ? listOrganisationMembers(ctx.db, oid) : Promise.resolve(null),
  ]);
  const answerMap: Record<string, { value: AnswerValue; version: number; updatedAt: string; updatedBy: string; updatedByName: string | null }> = {};
  for (const a of answers) {
    answerMap[a.item_code] = { value: a.value, version: a.version, updatedAt: new Date(a.updated_at).toISOString(), updatedBy: a.updated_by, updatedByName: a.updated_by_name };
  }
  const evidence: Record<string, ReturnType<typeof presentEvidenceFile>[]> = {};
  for (const f of files) (evidence[f.item_code] ??= []).push(presentEvidenceFile(f));
  const writable = editionAllows(edition.state, 'answer') && participantMayAnswer(participant.status);
  return {
    edition: presentEdition(edition),
    organisation: org ? presentOrganisation(org) : null,
    participant: presentParticipant(participant),
    framework,
    answers: answerMap,
    evidence,
    assignments: assignments.map((a) => ({ dimensionCode: a.dimension_code, userId: a.user_id, userName: a.user_name })),
    myEditableDimensions: writable ? editable : [],
    ...(members ? { members: members.map((m) => ({ id: m.id, displayName: m.display_name, role: m.role })) } : {}),
  };
}

async function computeChecklist(db: Kysely<Database>, fw: Framework, eid: string, oid: string): Promise<Checklist> {
  const [answers, files] = await Promise.all([answersFor(db, eid, oid), evidenceFor(db, eid, oid)]);
  const values: Record<string, AnswerValue> = {};
  for (const a of answers) values[a.item_code] = a.value;
  return checklist(fw, values, new Set(files.map((f) => f.item_code)));
}

export async function questionnaireChecklist(ctx: AppContext, user: SessionUser, eid: string, oid: string): Promise<Checklist> {
  const { framework } = await openQuestionnaire(ctx, user, eid, oid);
  return computeChecklist(ctx.db, framework, eid, oid);
}

export async function itemHistory(ctx: AppContext, user: SessionUser, eid: string, oid: string, item: string) {
  await openQuestionnaire(ctx, user, eid, oid);
  const rows = await answerHistory(ctx.db, eid, oid, item);
  return rows.map((r) => ({ value: r.value as AnswerValue, version: r.version, at: new Date(r.at).toISOString(), byName: r.by_name }));
}

export async function setAssignments(ctx: AppContext, user: SessionUser, eid: string, oid: string, list: { dimensionCode: string; userId: string }[]) {
  const { framework, edition } = await openQuestionnaire(ctx, user, eid, oid);
  if (user.role !== 'coordinator' || user.organisationId !== oid) throw new AppError('NOT_FOUND');
  if (edition.state !== 'open' && edition.state !== 'draft') throw stateForbids(edition.state, 'มอบหมายส่วนได้เฉพาะระหว่างเปิดรับคำตอบ', 'Sections can be assigned only while the edition is open');
  const dims = new Set(framework.dimensions.map((d) => d.code));
  const userIds = [...new Set(list.map((a) => a.userId))];
  const members = await organisationMembers(ctx.db, oid, userIds.filter(isUuid));
  const memberIds = new Set(members.map((m) => m.id));
  const details = list.flatMap((a, i) => [
    ...(dims.has(a.dimensionCode) ? [] : [{ path: `body/assignments/${i}/dimensionCode`, th: `ไม่มีมิติ "${a.dimensionCode}" ในกรอบการประเมิน`, en: `No dimension "${a.dimensionCode}" in the framework` }]),
    ...(memberIds.has(a.userId) ? [] : [{ path: `body/assignments/${i}/userId`, th: 'ผู้ใช้นี้ไม่ได้อยู่ในหน่วยงาน', en: 'This user does not belong to the organisation' }]),
  ]);
  if (details.length) throw new AppError('VALIDATION_FAILED', { detail: details.map((d) => `${d.path}: ${d.en}`).join('; ') }, details);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await assignmentsFor(trx, eid, oid);
    await replaceAssignments(trx, eid, oid, list.map((a) => ({ dimension_code: a.dimensionCode, user_id: a.userId })), user.id, now);
    await appendAudit(trx, now, {
      actorId: user.id,
      action: 'questionnaire.assign',
      entity: 'participant',
      entityId: `${eid}/${oid}`,
      organisationId: oid,
      before: before.map((b) => ({ dimensionCode: b.dimension_code, userId: b.user_id })),
      after: list,
    });
  });
  const rows = await assignmentsFor(ctx.db, eid, oid);
  return { assignments: rows.map((a) => ({ dimensionCode: a.dimension_code, userId: a.user_id, userName: a.user_name })) };
}

function staleVersion(current: number, sent: number): AppError {
  return new AppError('CONFLICT', { detail: `participant version is ${current}, not ${sent}` });
}

/** Coordinator marks the questionnaire complete; refused while the checklist shows gaps. */
export async function completeQuestionnaire(ctx: AppContext, user: SessionUser, eid: string, oid: string, version: number) {
  const { framework } = await openQuestionnaire(ctx, user, eid, oid);
  if (user.role !== 'coordinator' || user.organisationId !== oid) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const e = (await findEdition(trx, eid, { lock: 'key_share' }))!;
    assertEditionAllows(e, 'complete', 'ยืนยันความครบถ้วนได้เฉพาะระหว่างเปิดรับคำตอบ', 'The questionnaire can be completed only while the edition is open');
    const p = (await findParticipant(trx, eid, oid, 'update'))!;
    if (p.version !== version) throw staleVersion(p.version, version);
    const next = participantAfter(p.status, 'complete');
    if (!next) throw new AppError('STATE_FORBIDS', { state: p.status }, [{ path: 'participant/status', th: 'สถานะแบบสำรวจไม่อนุญาตให้ยืนยันความครบถ้วน', en: `A ${p.status} questionnaire cannot be marked complete` }]);
    const list = await computeChecklist(trx, framework, eid, oid);
    if (!list.complete) {
      const details = [
        ...list.unanswered.map((c) => ({ path: `items/${c}`, th: 'ยังไม่ได้ตอบ', en: 'not answered' })),
        ...list.missingEvidence.map((c) => ({ path: `items/${c}`, th: 'ยังไม่ได้แนบหลักฐาน', en: 'evidence missing' })),
      ];
      throw new AppError('CHECKLIST_INCOMPLETE', { unanswered: list.unanswered.length, missingEvidence: list.missingEvidence.length }, details);
    }
    await updateParticipant(trx, eid, oid, { status: next, completed_at: now, completed_by: user.id });
    await appendAudit(trx, now, { actorId: user.id, action: 'questionnaire.complete', entity: 'participant', entityId: `${eid}/${oid}`, organisationId: oid, before: { status: p.status }, after: { status: next } });
  });
  return presentParticipant((await findParticipant(ctx.db, eid, oid))!);
}

/** Head/CIO approves and submits a completed questionnaire; answers lock. */
export async function submitQuestionnaire(ctx: AppContext, user: SessionUser, eid: string, oid: string, version: number) {
  await openQuestionnaire(ctx, user, eid, oid);
  if (user.role !== 'head' || user.organisationId !== oid) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const e = (await findEdition(trx, eid, { lock: 'key_share' }))!;
    assertEditionAllows(e, 'submit', 'ส่งแบบสำรวจได้เฉพาะระหว่างเปิดรับคำตอบ', 'The questionnaire can be submitted only while the edition is open');
    // FOR UPDATE waits for answer writes in flight (they hold FOR NO KEY UPDATE on it), so none lands after the lock.
    const p = (await findParticipant(trx, eid, oid, 'update'))!;
    if (p.version !== version) throw staleVersion(p.version, version);
    const next = participantAfter(p.status, 'submit');
    if (!next) throw new AppError('STATE_FORBIDS', { state: p.status }, [{ path: 'participant/status', th: 'ต้องให้ผู้ประสานงานยืนยันความครบถ้วนก่อนส่ง', en: 'The coordinator must mark the questionnaire complete before it is submitted' }]);
    await updateParticipant(trx, eid, oid, { status: next, submitted_at: now, submitted_by: user.id });
    await appendAudit(trx, now, { actorId: user.id, action: 'questionnaire.submit', entity: 'participant', entityId: `${eid}/${oid}`, organisationId: oid, before: { status: p.status }, after: { status: next } });
  });
  return presentParticipant((await findParticipant(ctx.db, eid, oid))!);
}

/** Admin reopens a completed or submitted questionnaire, with a reason. */
export async function reopenQuestionnaire(ctx: AppContext, user: SessionUser, eid: string, oid: string, reason: string) {
  await openQuestionnaire(ctx, user, eid, oid);
  if (user.role !== 'admin') throw new AppError('NOT_FOUND');
  if (!reason.trim()) throw new AppError('VALIDATION_FAILED', { detail: 'reason is required' }, [{ path: 'body/reason', th: 'ต้องระบุเหตุผล', en: 'A reason is required' }]);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const e = (await findEdition(trx, eid, { lock: 'key_share' }))!;
    assertEditionAllows(e, 'reopen_participant', 'เปิดแบบสำรวจให้แก้ไขไม่ได้ในสถานะนี้', 'A questionnaire cannot be reopened in this edition state');
    const p = (await findParticipant(trx, eid, oid, 'update'))!;
    const next = participantAfter(p.status, 'reopen');
    if (!next) throw new AppError('STATE_FORBIDS', { state: p.status }, [{ path: 'participant/status', th: 'แบบสำรวจยังไม่ได้ยืนยันหรือส่ง', en: 'Only a completed or submitted questionnaire can be reopened' }]);
    await updateParticipant(trx, eid, oid, { status: next, reopened_at: now, reopened_reason: reason.trim(), completed_at: null, completed_by: null, submitted_at: null, submitted_by: null });
    await appendAudit(trx, now, { actorId: user.id, action: 'questionnaire.reopen', entity: 'participant', entityId: `${eid}/${oid}`, organisationId: oid, before: { status: p.status }, after: { status: next, reason: reason.trim() } });
  });
  return presentParticipant((await findParticipant(ctx.db, eid, oid))!);
}
