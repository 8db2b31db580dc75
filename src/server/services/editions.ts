// Survey editions: creation, details, the state machine (rules in the engine), population selection and coordinator invitations.
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { checkEditionTransition, editionAllows, yearCeFromBe, type EditionAction, type EditionState } from '../../engine/edition/lifecycle.js';
import type { SessionUser } from '../auth/policy.js';
import { AGENCY_ROLES } from '../auth/policy.js';
import { isUuid, presentOrganisation } from '../presenters.js';
import type { OrganisationRow } from '../repositories/organisations.js';
import {
  findEdition,
  insertEdition,
  insertTransition,
  listEditions,
  listTransitions,
  participantsForInvitation,
  setContactEmail,
  previewPopulation,
  replacePopulation,
  updateEdition,
  type EditionRow,
  type PopulationFilter,
} from '../repositories/editions.js';
import { frameworkExists } from '../repositories/frameworks.js';
import { appendAudit } from './audit.js';
import { createInvitation } from './invitations.js';
import { latestSnapshotId, officialSnapshotId } from '../repositories/results.js';

export function presentEdition(e: EditionRow) {
  return {
    id: e.id,
    yearBe: e.year_be,
    yearCe: yearCeFromBe(e.year_be),
    titleTh: e.title_th,
    titleEn: e.title_en,
    frameworkId: e.framework_id,
    frameworkVersion: e.framework_version,
    state: e.state,
    opensAt: new Date(e.opens_at).toISOString(),
    closesAt: new Date(e.closes_at).toISOString(),
    version: e.version,
    participantCount: e.participant_count,
    reminderIntervalDays: e.reminder_interval_days,
    reminderMax: e.reminder_max,
  };
}
export type EditionJson = ReturnType<typeof presentEdition>;

const STATE_TH: Record<EditionState, string> = {
  draft: 'ร่าง',
  open: 'เปิดรับคำตอบ',
  closed: 'ปิดรับคำตอบ',
  verification: 'ตรวจสอบ',
  scored: 'คำนวณคะแนนแล้ว',
  published: 'เผยแพร่แล้ว',
};

/** 409 STATE_FORBIDS naming the state in both languages. */
export function stateForbids(state: EditionState, th: string, en: string): AppError {
  return new AppError('STATE_FORBIDS', { state: `${state} · ${STATE_TH[state]}` }, [{ path: 'edition/state', th, en }]);
}

export function assertEditionAllows(e: EditionRow, action: EditionAction, th: string, en: string): void {
  if (!editionAllows(e.state, action)) throw stateForbids(e.state, th, en);
}

/** The edition if the user may see it; agency users see only editions (past draft) their organisation takes part in. */
export async function visibleEdition(ctx: AppContext, user: SessionUser, eid: string): Promise<EditionRow> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const e = await findEdition(ctx.db, eid);
  if (!e) throw new AppError('NOT_FOUND');
  if (user.role === 'admin' || user.role === 'reviewer') return e;
  if (!AGENCY_ROLES.includes(user.role) || e.state === 'draft' || !user.organisationId) throw new AppError('NOT_FOUND');
  const mine = await listEditions(ctx.db, { organisationId: user.organisationId, hideDraft: true });
  if (!mine.some((m) => m.id === eid)) throw new AppError('NOT_FOUND');
  return e;
}

export async function editionsFor(ctx: AppContext, user: SessionUser): Promise<EditionJson[]> {
  if (user.role === 'admin' || user.role === 'reviewer') return (await listEditions(ctx.db, null)).map(presentEdition);
  if (!AGENCY_ROLES.includes(user.role)) return [];
  return (await listEditions(ctx.db, { organisationId: user.organisationId, hideDraft: true })).map(presentEdition);
}

function badDates(): AppError {
  return new AppError('VALIDATION_FAILED', { detail: 'closesAt must be after opensAt' }, [{ path: 'body/closesAt', th: 'วันปิดต้องอยู่หลังวันเปิด', en: 'closesAt must be after opensAt' }]);
}

async function assertFramework(ctx: AppContext, id: string, version: string): Promise<void> {
  if (!(await frameworkExists(ctx.db, id, version))) {
    throw new AppError('VALIDATION_FAILED', { detail: `unknown framework ${id} ${version}` }, [{ path: 'body/frameworkVersion', th: `ไม่พบกรอบการประเมิน ${id} รุ่น ${version}`, en: `No framework ${id} version ${version}` }]);
  }
}

export interface CreateEditionInput {
  yearBe: number;
  titleTh: string;
  titleEn: string;
  frameworkId: string;
  frameworkVersion: string;
  opensAt: string;
  closesAt: string;
  reminderIntervalDays?: number;
  reminderMax?: number;
}

export async function createEdition(ctx: AppContext, actor: SessionUser, input: CreateEditionInput): Promise<EditionJson> {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (!(closesAt.getTime() > opensAt.getTime())) throw badDates();
  await assertFramework(ctx, input.frameworkId, input.frameworkVersion);
  const id = ctx.ids.uuid();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertEdition(trx, {
      id,
      year_be: input.yearBe,
      title_th: input.titleTh.trim(),
      title_en: input.titleEn.trim(),
      framework_id: input.frameworkId,
      framework_version: input.frameworkVersion,
      opens_at: opensAt,
      closes_at: closesAt,
      ...(input.reminderIntervalDays !== undefined ? { reminder_interval_days: input.reminderIntervalDays } : {}),
      ...(input.reminderMax !== undefined ? { reminder_max: input.reminderMax } : {}),
      created_at: now,
    });
    await appendAudit(trx, now, { actorId: actor.id, action: 'edition.create', entity: 'edition', entityId: id, after: input });
  });
  return presentEdition((await findEdition(ctx.db, id))!);
}

export interface PatchEditionInput {
  version: number;
  titleTh?: string;
  titleEn?: string;
  opensAt?: string;
  closesAt?: string;
  frameworkId?: string;
  frameworkVersion?: string;
  reminderIntervalDays?: number;
  reminderMax?: number;
}

export async function patchEdition(ctx: AppContext, actor: SessionUser, eid: string, input: PatchEditionInput): Promise<EditionJson> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const e = await findEdition(trx, eid, { lock: 'update' });
    if (!e) throw new AppError('NOT_FOUND');
    if (e.version !== input.version) throw new AppError('CONFLICT', { detail: `edition version is ${e.version}, not ${input.version}` });
    const changesFramework =
      (input.frameworkId !== undefined && input.frameworkId !== e.framework_id) || (input.frameworkVersion !== undefined && input.frameworkVersion !== e.framework_version);
    if (changesFramework) {
      assertEditionAllows(e, 'change_framework', 'เปลี่ยนกรอบการประเมินได้เฉพาะก่อนเปิดรับคำตอบ', 'The framework can only be changed before the edition opens');
      await assertFramework(ctx, input.frameworkId ?? e.framework_id, input.frameworkVersion ?? e.framework_version);
    }
    const touchesDetails = [input.titleTh, input.titleEn, input.opensAt, input.closesAt, input.reminderIntervalDays, input.reminderMax].some((v) => v !== undefined);
    if (touchesDetails) assertEditionAllows(e, 'edit_details', 'แก้ไขรายละเอียดรอบการสำรวจไม่ได้ในสถานะนี้', 'Edition details cannot be changed in this state');
    const opensAt = input.opensAt ? new Date(input.opensAt) : new Date(e.opens_at);
    const closesAt = input.closesAt ? new Date(input.closesAt) : new Date(e.closes_at);
    if (!(closesAt.getTime() > opensAt.getTime())) throw badDates();
    const patch = {
      ...(input.titleTh !== undefined ? { title_th: input.titleTh.trim() } : {}),
      ...(input.titleEn !== undefined ? { title_en: input.titleEn.trim() } : {}),
      ...(input.opensAt !== undefined ? { opens_at: opensAt } : {}),
      ...(input.closesAt !== undefined ? { closes_at: closesAt } : {}),
      ...(input.frameworkId !== undefined ? { framework_id: input.frameworkId } : {}),
      ...(input.frameworkVersion !== undefined ? { framework_version: input.frameworkVersion } : {}),
      ...(input.reminderIntervalDays !== undefined ? { reminder_interval_days: input.reminderIntervalDays } : {}),
      ...(input.reminderMax !== undefined ? { reminder_max: input.reminderMax } : {}),
    };
    await updateEdition(trx, eid, patch, now);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (e as unknown as Record<string, unknown>)[k]]));
    await appendAudit(trx, now, { actorId: actor.id, action: 'edition.update', entity: 'edition', entityId: eid, before, after: patch });
  });
  return presentEdition((await findEdition(ctx.db, eid))!);
}

export async function transitionEdition(ctx: AppContext, actor: SessionUser, eid: string, to: EditionState, reason: string | undefined): Promise<EditionJson> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // FOR UPDATE waits for in-flight answer writes (they hold FOR KEY SHARE), so nothing is written after close.
    const e = await findEdition(trx, eid, { lock: 'update' });
    if (!e) throw new AppError('NOT_FOUND');
    const check = checkEditionTransition(e.state, to, reason);
    if (!check.ok) {
      if (check.problem === 'reason_required') {
        throw new AppError('VALIDATION_FAILED', { detail: 'a reason is required to reopen a closed edition' }, [{ path: 'body/reason', th: 'ต้องระบุเหตุผลในการเปิดรับคำตอบอีกครั้ง', en: 'A reason is required to reopen a closed edition' }]);
      }
      throw stateForbids(e.state, `เปลี่ยนสถานะจาก ${STATE_TH[e.state]} เป็น ${STATE_TH[to]} ไม่ได้`, `Cannot move the edition from ${e.state} to ${to}`);
    }
    if (to === 'open' && e.participant_count === 0) {
      throw stateForbids(e.state, 'ต้องเลือกหน่วยงานเป้าหมายก่อนเปิดรับคำตอบ', 'Select the population before opening the edition');
    }
    // Every published number must come from a frozen snapshot: scored needs one, published needs the official one.
    if (to === 'scored' && !(await latestSnapshotId(trx, eid))) {
      throw stateForbids(e.state, 'ต้องประมวลผลคะแนนอย่างน้อยหนึ่งครั้งก่อน', 'Run the scoring at least once first');
    }
    if (to === 'published' && !(await officialSnapshotId(trx, eid))) {
      throw stateForbids(e.state, 'ต้องกำหนดผลคะแนนฉบับทางการก่อนเผยแพร่', 'Mark a scoring snapshot as official before publishing');
    }
    await updateEdition(trx, eid, { state: to, ...(to === 'open' && !e.opened_at ? { opened_at: now } : {}) }, now);
    await insertTransition(trx, { edition_id: eid, from_state: e.state, to_state: to, at: now, actor_id: actor.id, reason: reason?.trim() || null });
    await appendAudit(trx, now, { actorId: actor.id, action: 'edition.transition', entity: 'edition', entityId: eid, before: { state: e.state }, after: { state: to, reason: reason?.trim() || null } });
  });
  return presentEdition((await findEdition(ctx.db, eid))!);
}

export async function editionTransitions(ctx: AppContext, eid: string) {
  if (!isUuid(eid) || !(await findEdition(ctx.db, eid))) throw new AppError('NOT_FOUND');
  const rows = await listTransitions(ctx.db, eid);
  return rows.map((r) => ({ from: r.from_state, to: r.to_state, at: new Date(r.at).toISOString(), actorName: r.actor_name, reason: r.reason }));
}

export async function populationPreview(ctx: AppContext, eid: string, f: PopulationFilter) {
  if (!isUuid(eid) || !(await findEdition(ctx.db, eid))) throw new AppError('NOT_FOUND');
  const r = await previewPopulation(ctx.db, f, 20);
  return { count: r.count, byLevel: r.byLevel.map((b) => ({ level: b.level, count: b.count })), sample: r.sample.map((o) => presentOrganisation(o as OrganisationRow)) };
}

export async function setPopulation(ctx: AppContext, actor: SessionUser, eid: string, f: PopulationFilter, confirmCount: number): Promise<{ count: number }> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const e = await findEdition(trx, eid, { lock: 'update' });
    if (!e) throw new AppError('NOT_FOUND');
    assertEditionAllows(e, 'set_population', 'เลือกหน่วยงานเป้าหมายได้เฉพาะในสถานะร่าง', 'The population can only be selected while the edition is a draft');
    const preview = await previewPopulation(trx, f, 0);
    if (preview.count !== confirmCount) {
      throw new AppError('CONFLICT', { detail: `the filter now selects ${preview.count} organisations, not ${confirmCount}; preview again` }, [
        { path: 'body/confirmCount', th: `ตัวกรองนี้เลือกได้ ${preview.count} หน่วยงาน ไม่ใช่ ${confirmCount} กรุณาดูตัวอย่างอีกครั้ง`, en: `The filter selects ${preview.count} organisations, not ${confirmCount}; preview again` },
      ]);
    }
    const count = await replacePopulation(trx, eid, f);
    await updateEdition(trx, eid, {}, now);
    await appendAudit(trx, now, { actorId: actor.id, action: 'edition.population', entity: 'edition', entityId: eid, after: { filter: f, count } });
    return { count };
  });
}

/**
 * One coordinator invitation per participant that has no coordinator account yet and a contact e-mail (given now in
 * `contacts` or stored earlier). Participants without an address are reported back, not silently skipped.
 */
export async function inviteCoordinators(
  ctx: AppContext,
  actor: SessionUser,
  eid: string,
  input: { organisationIds?: string[]; contacts?: { organisationId: string; email: string }[] },
): Promise<{ invited: number; alreadyHaveCoordinator: number; missingEmail: string[] }> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const e = await findEdition(ctx.db, eid);
  if (!e) throw new AppError('NOT_FOUND');
  assertEditionAllows(e, 'invite', 'เชิญผู้ประสานงานได้ในสถานะร่างหรือเปิดรับคำตอบ', 'Coordinators can be invited while the edition is a draft or open');
  for (const c of input.contacts ?? []) {
    if (isUuid(c.organisationId)) await setContactEmail(ctx.db, eid, c.organisationId, c.email.trim());
  }
  const rows = await participantsForInvitation(ctx.db, eid, input.organisationIds ? input.organisationIds.filter(isUuid) : null, ctx.clock.now());
  let invited = 0;
  let already = 0;
  const missing: string[] = [];
  for (const r of rows) {
    if (r.has_coordinator || r.has_invitation) {
      already++;
      continue;
    }
    if (!r.contact_email) {
      missing.push(r.organisation_id);
      continue;
    }
    try {
      await createInvitation(ctx, actor, { email: r.contact_email, role: 'coordinator', organisationId: r.organisation_id });
      invited++;
    } catch (err) {
      if (err instanceof AppError && err.code === 'EMAIL_TAKEN') {
        already++;
        continue;
      }
      throw err;
    }
  }
  return { invited, alreadyHaveCoordinator: already, missingEmail: missing };
}
