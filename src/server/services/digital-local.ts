// Digital Local contest: yearly set-up, LAO sign-up, entries (versioned drafts, attachments, submission, withdrawal) with dates from ctx.clock.
import type { AppContext } from '../app.js';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import {
  checkEligibility,
  defaultDigitalLocalContest,
  LAO_TYPE_NAMES,
  LAO_TYPES,
  validateContestConfig,
  type ContestConfig,
  type ContestSchedule,
  type JudgingProblem,
} from '../../engine/judging/index.js';
import { canReadDlEntry, canWriteDlEntry, type SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { countAttempt } from '../repositories/login-attempts.js';
import { emailExists } from '../repositories/users.js';
import {
  attachmentsOf,
  entryCounts,
  findAttachment,
  findContest,
  findEntry,
  findEntryOf,
  findEntryVersionByRequest,
  findLao,
  insertAttachment,
  insertContest,
  insertEntry,
  insertSignupInvitation,
  listContests,
  listEntries,
  listProvincesBrief,
  searchLaos,
  setEntrySubmitted,
  setEntryWithdrawn,
  softDeleteAttachment,
  updateContestConfig,
  writeEntryContent,
  type AttachmentRow,
  type ContestRow,
  type EntryContent,
  type EntryRow,
  type LaoRow,
} from '../repositories/digital-local.js';
import { assignedJudgeIds, countSheets, deleteUnscoredAssignments } from '../repositories/digital-local-judging.js';
import { appendAudit } from './audit.js';
import { assertApprovedApplicant, isTrustedEmail, trustedDomains } from './digital-local-applicants.js';
import { randomToken, sha256Hex } from './auth.js';
import { INVITATION_TTL_DAYS, invitationLink } from './invitations.js';
import { sendMail } from './mail.js';
import { openStoredFile, recordBlob, storeUpload, type IncomingFile } from './upload-staging.js';

// ---------------------------------------------------------------------------------------------------------------
// Registry: LAO types and look-ups

/** The engine's LAO type of a registry organisation: the registry files BMA and Pattaya together as "special". */
export function laoTypeOf(orgType: string | null, provinceCode: string | null): string {
  if (orgType === 'special') return provinceCode === '10' ? 'bma' : 'pattaya';
  return orgType ?? 'unknown';
}

/** Registry org_type values for engine LAO types (the inverse of laoTypeOf, for filters). */
function registryTypesFor(types: string[]): string[] {
  return [...new Set(types.map((t) => (t === 'bma' || t === 'pattaya' ? 'special' : t)))];
}

export function presentLao(o: Pick<LaoRow, 'id' | 'code' | 'name_th' | 'name_en' | 'org_type' | 'province_code' | 'province_name_th' | 'province_name_en'>) {
  return {
    id: o.id,
    code: o.code,
    nameTh: o.name_th,
    nameEn: o.name_en,
    laoType: laoTypeOf(o.org_type, o.province_code),
    provinceCode: o.province_code,
    provinceNameTh: o.province_name_th,
    provinceNameEn: o.province_name_en,
  };
}

export function laoTypes() {
  return { items: LAO_TYPES.map((code) => ({ code, name: LAO_TYPE_NAMES[code] })) };
}

export async function publicProvinces(ctx: AppContext) {
  return { items: (await listProvincesBrief(ctx.db)).map((p) => ({ code: p.code, nameTh: p.name_th, nameEn: p.name_en })) };
}

export async function publicLaos(ctx: AppContext, q: { province?: string; type?: string; q?: string }) {
  const types = q.type ? [q.type] : undefined;
  const rows = await searchLaos(ctx.db, { provinceCode: q.province, orgTypes: types ? registryTypesFor(types) : undefined, q: q.q?.trim() || undefined, limit: 300 });
  // "special" covers both BMA and Pattaya: keep only the one asked for.
  return { items: rows.map(presentLao).filter((o) => !q.type || o.laoType === q.type) };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const BANGKOK = '+07:00';

/**
 * A schedule value as an instant. A bare date is a whole day in Bangkok time: a start ("entriesOpen",
 * "judgingStart", "announcement") at 00:00 of that day, an end ("entriesClose", "judgingEnd") at the end of it.
 * A time without an offset is Bangkok time.
 */
export function scheduleInstant(value: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00${BANGKOK}`);
    return new Date(edge === 'start' ? start : start + 86400_000 - 1);
  }
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  return new Date(Date.parse(hasOffset ? value : `${value}${BANGKOK}`));
}

export interface ScheduleInstants {
  entriesOpen: Date;
  entriesClose: Date;
  judgingStart: Date;
  judgingEnd: Date;
  announcement: Date;
}

export function instantsOf(s: ContestSchedule): ScheduleInstants {
  return {
    entriesOpen: scheduleInstant(s.entriesOpen, 'start'),
    entriesClose: scheduleInstant(s.entriesClose, 'end'),
    judgingStart: scheduleInstant(s.judgingStart, 'start'),
    judgingEnd: scheduleInstant(s.judgingEnd, 'end'),
    announcement: scheduleInstant(s.announcement, 'start'),
  };
}

const fmtTh = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' });
const fmtEn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' });
export const dateTh = (d: Date) => `${fmtTh.format(d)} น.`;
export const dateEn = (d: Date) => `${fmtEn.format(d)} (Bangkok time)`;

export type ContestPhase = 'upcoming' | 'entries_open' | 'entries_closed' | 'judging' | 'committee' | 'confirmed' | 'announced';

export function contestPhase(row: Pick<ContestRow, 'config' | 'confirmed_at' | 'announced_at'>, now: Date): ContestPhase {
  if (row.announced_at) return 'announced';
  if (row.confirmed_at) return 'confirmed';
  const t = instantsOf((row.config as ContestConfig).schedule!);
  const n = now.getTime();
  if (n < t.entriesOpen.getTime()) return 'upcoming';
  if (n <= t.entriesClose.getTime()) return 'entries_open';
  if (n < t.judgingStart.getTime()) return 'entries_closed';
  if (n <= t.judgingEnd.getTime()) return 'judging';
  return 'committee';
}

/** Refuses entry writes outside the entry window, with the dates in the message. */
export function assertEntriesOpen(config: ContestConfig, now: Date): void {
  const t = instantsOf(config.schedule!);
  if (now.getTime() < t.entriesOpen.getTime()) throw new AppError('DL_ENTRIES_NOT_OPEN', { opensTh: dateTh(t.entriesOpen), opensEn: dateEn(t.entriesOpen) });
  if (now.getTime() > t.entriesClose.getTime()) throw new AppError('DL_ENTRIES_CLOSED', { closedTh: dateTh(t.entriesClose), closedEn: dateEn(t.entriesClose) });
}

// ---------------------------------------------------------------------------------------------------------------
// Contests

export function toDetails(problems: readonly JudgingProblem[]): ErrorDetail[] {
  return problems.map((p) => ({ path: p.path, th: p.th, en: p.en }));
}

export function invalid(problems: readonly JudgingProblem[] | readonly ErrorDetail[]): AppError {
  const details = problems.map((p) => ({ path: p.path, th: p.th, en: p.en }));
  return new AppError('VALIDATION_FAILED', { detail: details.map((d) => `${d.path}: ${d.en}`).join('; ') }, details);
}

export function configOf(row: ContestRow): ContestConfig {
  return row.config as ContestConfig;
}

export function presentContest(row: ContestRow, counts: Record<string, number> | undefined, now: Date) {
  const config = configOf(row);
  const t = instantsOf(config.schedule!);
  return {
    year: row.year,
    name: config.name,
    config,
    version: row.version,
    phase: contestPhase(row, now),
    dates: {
      entriesOpen: t.entriesOpen.toISOString(),
      entriesClose: t.entriesClose.toISOString(),
      judgingStart: t.judgingStart.toISOString(),
      judgingEnd: t.judgingEnd.toISOString(),
      announcement: t.announcement.toISOString(),
    },
    basis: row.basis,
    basisReason: row.basis_reason,
    basisChosenAt: row.basis_chosen_at ? new Date(row.basis_chosen_at).toISOString() : null,
    confirmedAt: row.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    announcedAt: row.announced_at ? new Date(row.announced_at).toISOString() : null,
    entries: { draft: counts?.['draft'] ?? 0, submitted: counts?.['submitted'] ?? 0, withdrawn: counts?.['withdrawn'] ?? 0 },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function requireContest(ctx: Pick<AppContext, 'db'>, year: number, lock?: 'update' | 'share'): Promise<ContestRow> {
  const row = await findContest(ctx.db, year, lock);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function listContestsFor(ctx: AppContext) {
  const rows = await listContests(ctx.db);
  const counts = await entryCounts(ctx.db, rows.map((r) => r.year));
  const now = ctx.clock.now();
  return { items: rows.map((r) => presentContest(r, counts.get(r.year), now)) };
}

export async function getContest(ctx: AppContext, year: number) {
  const row = await requireContest(ctx, year);
  const counts = await entryCounts(ctx.db, [year]);
  return presentContest(row, counts.get(year), ctx.clock.now());
}

export function defaultContest(year: number): ContestConfig {
  const c = defaultDigitalLocalContest(year);
  const ce = year - 543;
  // The 2022 calendar's shape: entries over the summer, judging in the autumn, results at the end of the year.
  return { ...c, schedule: { entriesOpen: `${ce}-06-01`, entriesClose: `${ce}-08-31`, judgingStart: `${ce}-09-15`, judgingEnd: `${ce}-10-31`, announcement: `${ce}-12-01` } };
}

function problemAt(path: string, th: string, en: string): ErrorDetail {
  return { path, th, en };
}

/**
 * Creates (version absent or 0) or updates (version = the current one) the contest of a year. Every problem is
 * reported at once and nothing is saved. Once entries exist the criteria codes are fixed (entries are written
 * against them), once scores exist so is the scale; after confirmation nothing changes.
 */
export async function saveContest(ctx: AppContext, actor: SessionUser, year: number, input: { config: ContestConfig; version?: number }) {
  const config = input.config;
  const problems: ErrorDetail[] = toDetails(validateContestConfig(config));
  if (config.year !== year) problems.push(problemAt('year', `ปีในข้อมูล (${config.year}) ไม่ตรงกับปีของการประกวด (${year})`, `The year in the configuration (${config.year}) is not the contest's year (${year})`));
  if (!config.schedule) problems.push(problemAt('schedule', 'ต้องกำหนดวันเปิดรับ ปิดรับ การตัดสิน และการประกาศผล', 'The schedule (entries open and close, judging, announcement) is required'));
  if (problems.length > 0) throw invalid(problems);

  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findContest(trx, year, 'update');
    if (!current) {
      if (input.version) throw new AppError('NOT_FOUND');
      if (!(await insertContest(trx, { year, config, created_by: actor.id, now }))) throw new AppError('CONFLICT', { detail: `the contest ${year} was just created` });
      await appendAudit(trx, now, { actorId: actor.id, action: 'dl.contest.create', entity: 'dl_contest', entityId: String(year), after: config });
    } else {
      if (input.version !== current.version) {
        throw new AppError('CONFLICT', { detail: `contest ${year} is at version ${current.version}` }, [
          { path: 'version', th: `การประกวดถูกแก้ไขแล้ว (ฉบับที่ ${current.version}) กรุณาโหลดใหม่`, en: `The contest was changed meanwhile (version ${current.version}); reload it` },
        ]);
      }
      if (current.confirmed_at) throw new AppError('STATE_FORBIDS', { state: current.announced_at ? 'announced' : 'confirmed' }, [problemAt('config', 'ผลการตัดสินได้รับการยืนยันแล้ว จึงแก้ไขการประกวดไม่ได้', 'The results are confirmed; the contest can no longer be changed')]);
      const before = configOf(current);
      const frozen: ErrorDetail[] = [];
      const counts = (await entryCounts(trx, [year])).get(year) ?? {};
      const hasEntries = Object.values(counts).some((n) => n > 0);
      const codes = (c: ContestConfig) => c.rubric.criteria.map((x) => x.code).join('|');
      if (hasEntries && codes(before) !== codes(config)) {
        frozen.push(problemAt('rubric.criteria', 'มีใบสมัครแล้ว จึงเปลี่ยนรหัสหรือลำดับเกณฑ์ไม่ได้ (แก้ชื่อ น้ำหนัก และคำอธิบายได้)', 'Entries exist: the criteria codes and order are fixed (names, weights and descriptors may change)'));
      }
      const scale = (c: ContestConfig) => `${c.rubric.scale.min}|${c.rubric.scale.max}|${c.rubric.scale.step}`;
      if (scale(before) !== scale(config) && (await countSheets(trx, year)) > 0) {
        frozen.push(problemAt('rubric.scale', 'มีการให้คะแนนแล้ว จึงเปลี่ยนช่วงคะแนนไม่ได้', 'Scores exist: the score scale is fixed'));
      }
      if (frozen.length > 0) throw new AppError('STATE_FORBIDS', { state: contestPhase(current, now) }, frozen);
      await updateContestConfig(trx, year, current.version, config, now);
      await appendAudit(trx, now, { actorId: actor.id, action: 'dl.contest.update', entity: 'dl_contest', entityId: String(year), before, after: config });
    }
    const row = (await findContest(trx, year))!;
    return presentContest(row, (await entryCounts(trx, [year])).get(year), now);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sign-up: a public request mails a single-use invitation link (the invitation machinery) for an LAO applicant account

const SIGNUP_WINDOW_MS = 60_000;

function signupMail(link: string, lao: LaoRow, expiresAt: Date, existing: boolean, reviewed: boolean): { subject: string; text: string } {
  const subject = 'สมัครเข้าร่วมรางวัลท้องถิ่นดิจิทัล · Digital Local contest sign-up';
  const footer = ['', 'หากท่านไม่ได้ขอรับอีเมลนี้ โปรดละเว้น · If you did not ask for this message, you can ignore it.', '', 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) · Digital Government Development Agency'];
  if (existing) {
    return {
      subject,
      text: [
        `มีคำขอสมัครบัญชีผู้สมัครรางวัลท้องถิ่นดิจิทัลของ${lao.name_th}ด้วยอีเมลนี้ แต่อีเมลนี้มีบัญชีในระบบอยู่แล้ว กรุณาเข้าสู่ระบบด้วยบัญชีเดิม`,
        '',
        `Someone asked for a Digital Local applicant account for ${lao.name_en ?? lao.name_th} with this address, but it already has an account. Please sign in with it.`,
        ...footer,
      ].join('\n'),
    };
  }
  return {
    subject,
    text: [
      `ยืนยันการสมัครบัญชีผู้สมัครรางวัลท้องถิ่นดิจิทัลของ${lao.name_th}`,
      `กรุณาเปิดลิงก์ด้านล่างเพื่อตั้งรหัสผ่าน ลิงก์นี้ใช้ได้ครั้งเดียวและหมดอายุ ${dateTh(expiresAt)}`,
      ...(reviewed ? ['อีเมลนี้ไม่ใช่อีเมลหน่วยงานราชการ (เช่น .go.th) สพร. จะตรวจสอบบัญชีก่อน ระหว่างนั้นท่านเตรียมใบสมัครได้ แต่จะส่งได้เมื่อได้รับการอนุมัติแล้ว'] : []),
      '',
      link,
      '',
      '----',
      '',
      `Confirm the Digital Local applicant account for ${lao.name_en ?? lao.name_th}.`,
      `Open the link below to set your password. It works once and expires on ${dateEn(expiresAt)}.`,
      ...(reviewed ? ['This is not an official government address (such as .go.th): DGA reviews the account first. Meanwhile you can prepare your entry; you can submit it once the account is approved.'] : []),
      '',
      link,
      ...footer,
    ].join('\n'),
  };
}

/**
 * A public sign-up request: counted against the IP and the e-mail like login attempts, then a confirmation link
 * (an ordinary single-use invitation for role lao_applicant of the chosen LAO) goes to the address. The answer is
 * the same whether or not the address already has an account, so the form cannot be used to find accounts.
 */
export async function requestSignup(ctx: AppContext, input: { email: string; organisationId: string; ip: string }) {
  const email = input.email.trim();
  const now = ctx.clock.now();
  const [byIp, byEmail] = await Promise.all([
    countAttempt(ctx.db, `dl-signup-ip:${input.ip}`, now, SIGNUP_WINDOW_MS),
    countAttempt(ctx.db, `dl-signup-email:${email.toLowerCase()}`, now, SIGNUP_WINDOW_MS),
  ]);
  if (byIp > ctx.config.LOGIN_RATE_LIMIT || byEmail > ctx.config.LOGIN_RATE_LIMIT) throw new AppError('RATE_LIMITED');
  const lao = isUuid(input.organisationId) ? await findLao(ctx.db, input.organisationId) : undefined;
  if (!lao || !lao.active) {
    throw new AppError('VALIDATION_FAILED', { detail: 'organisationId is not a local administrative organisation in the registry' }, [
      { path: 'body/organisationId', th: 'ไม่พบองค์กรปกครองส่วนท้องถิ่นนี้ในทะเบียน', en: 'No such local administrative organisation in the registry' },
    ]);
  }
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86400_000);
  if (await emailExists(ctx.db, email)) {
    const mail = signupMail('', lao, expiresAt, true, false);
    await sendMail(ctx, { to: email, subject: mail.subject, text: mail.text, kind: 'dl-signup' });
    return { sent: true };
  }
  const token = randomToken();
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await insertSignupInvitation(trx, { id, token_hash: sha256Hex(token), email, organisation_id: lao.id, created_at: now, expires_at: expiresAt });
    await appendAudit(trx, now, { actorId: null, action: 'dl.signup.request', entity: 'invitation', entityId: id, organisationId: lao.id, after: { email, role: 'lao_applicant', organisationId: lao.id, ip: input.ip, expiresAt: expiresAt.toISOString() } });
  });
  const mail = signupMail(invitationLink(ctx, token), lao, expiresAt, false, !isTrustedEmail(email, trustedDomains(ctx.config)));
  await sendMail(ctx, { to: email, subject: mail.subject, text: mail.text, kind: 'dl-signup' });
  return { sent: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Entries

export function presentAttachment(a: AttachmentRow) {
  return {
    id: a.id,
    section: a.section,
    filename: a.filename,
    size: Number(a.size),
    mimeType: a.mime_type,
    kind: a.mime_type.startsWith('image/') ? 'image' : 'document',
    sha256: a.sha256,
    uploadedAt: new Date(a.uploaded_at).toISOString(),
  };
}

export function presentEntrySummary(e: EntryRow) {
  return {
    id: e.id,
    contestYear: e.contest_year,
    organisation: presentLao({ id: e.organisation_id, code: e.org_code, name_th: e.org_name_th, name_en: e.org_name_en, org_type: e.org_type, province_code: e.province_code, province_name_th: e.province_name_th, province_name_en: e.province_name_en }),
    status: e.status,
    title: e.title,
    version: e.version,
    updatedAt: new Date(e.updated_at).toISOString(),
    submittedAt: e.submitted_at ? new Date(e.submitted_at).toISOString() : null,
    withdrawnAt: e.withdrawn_at ? new Date(e.withdrawn_at).toISOString() : null,
  };
}

export function presentEntry(e: EntryRow, attachments: AttachmentRow[]) {
  return {
    ...presentEntrySummary(e),
    summary: e.summary,
    sections: e.sections,
    links: e.links,
    attachments: attachments.filter((a) => a.entry_id === e.id).map(presentAttachment),
    updatedByName: e.updated_by_name,
    withdrawReason: e.withdraw_reason,
  };
}

export async function entryJson(ctx: Pick<AppContext, 'db'>, e: EntryRow) {
  return presentEntry(e, await attachmentsOf(ctx.db, [e.id]));
}

/** The entry if the user may read it (policy canReadDlEntry), else NOT_FOUND. */
export async function readableEntry(ctx: Pick<AppContext, 'db'>, user: SessionUser, id: string): Promise<EntryRow> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const e = await findEntry(ctx.db, id);
  if (!e) throw new AppError('NOT_FOUND');
  const judges = user.role === 'judge' ? await assignedJudgeIds(ctx.db, id) : [];
  if (!canReadDlEntry(user, { organisationId: e.organisation_id, status: e.status }, judges)) throw new AppError('NOT_FOUND');
  return e;
}

export async function getEntry(ctx: AppContext, user: SessionUser, id: string) {
  return entryJson(ctx, await readableEntry(ctx, user, id));
}

/** Admin and reviewer see every entry of the contest; an LAO applicant only their LAO's; anyone else NOT_FOUND. */
export async function listContestEntries(ctx: AppContext, user: SessionUser, year: number, f: { status?: string; province?: string; type?: string }) {
  await requireContest(ctx, year);
  let organisationId: string | undefined;
  if (user.role === 'lao_applicant') {
    if (!user.organisationId) return { items: [] };
    organisationId = user.organisationId;
  } else if (user.role !== 'admin' && user.role !== 'reviewer') {
    throw new AppError('NOT_FOUND');
  }
  const rows = await listEntries(ctx.db, year, {
    organisationId,
    statuses: f.status ? [f.status] : undefined,
    provinceCode: f.province,
    orgTypes: f.type ? registryTypesFor([f.type]) : undefined,
  });
  return { items: rows.map(presentEntrySummary).filter((e) => !f.type || e.organisation.laoType === f.type) };
}

const emptyContent = (): EntryContent => ({ title: '', summary: '', sections: {}, links: [] });

function eligibilityError(lao: LaoRow, config: ContestConfig): AppError | null {
  const p = checkEligibility(laoTypeOf(lao.org_type, lao.province_code), config);
  if (!p) return null;
  return new AppError('DL_NOT_ELIGIBLE', { detailTh: p.th, detailEn: p.en }, [{ path: p.path, th: p.th, en: p.en }]);
}

/**
 * The LAO applicant starts their LAO's entry (one per LAO per contest). Asking again answers the existing entry
 * (200 instead of 201), so a retried request creates nothing twice.
 */
export async function createEntry(ctx: AppContext, user: SessionUser, year: number, input: { title?: string }): Promise<{ created: boolean; entry: ReturnType<typeof presentEntry> }> {
  if (user.role !== 'lao_applicant' || !user.organisationId) throw new AppError('NOT_FOUND');
  const organisationId = user.organisationId;
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, year, 'share');
    const existing = await findEntryOf(trx, year, organisationId);
    if (existing) return { created: false, id: existing.id };
    const config = configOf(contest);
    if (contest.confirmed_at) throw new AppError('DL_ENTRIES_CLOSED', { closedTh: dateTh(instantsOf(config.schedule!).entriesClose), closedEn: dateEn(instantsOf(config.schedule!).entriesClose) });
    assertEntriesOpen(config, now);
    const lao = await findLao(trx, organisationId);
    if (!lao) throw new AppError('NOT_FOUND');
    const refused = eligibilityError(lao, config);
    if (refused) throw refused;
    const id = ctx.ids.uuid();
    const content = { ...emptyContent(), title: input.title?.trim() ?? '' };
    if (!(await insertEntry(trx, { id, contest_year: year, organisation_id: organisationId, content, by: user.id, now }))) {
      const raced = await findEntryOf(trx, year, organisationId);
      return { created: false, id: raced!.id };
    }
    await appendAudit(trx, now, { actorId: user.id, action: 'dl.entry.create', entity: 'dl_entry', entityId: id, organisationId, after: { contestYear: year, title: content.title } });
    return { created: true, id };
  });
  const e = (await findEntry(ctx.db, result.id))!;
  return { created: result.created, entry: await entryJson(ctx, e) };
}

export interface DraftInput {
  baseVersion: number;
  requestId: string;
  title?: string;
  summary?: string;
  sections?: Record<string, string>;
  links?: { url: string; label?: string }[];
}

function contentProblems(config: ContestConfig, input: DraftInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const codes = new Set(config.rubric.criteria.map((c) => c.code));
  for (const code of Object.keys(input.sections ?? {})) {
    if (!codes.has(code)) problems.push(problemAt(`body/sections/${code}`, `ไม่มีเกณฑ์รหัส "${code}" ในการประกวดนี้`, `There is no criterion "${code}" in this contest`));
  }
  (input.links ?? []).forEach((l, i) => {
    let ok: boolean;
    try {
      const u = new URL(l.url);
      ok = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) problems.push(problemAt(`body/links/${i}/url`, 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://', 'A link must be an http:// or https:// address'));
  });
  return problems;
}

export type DraftResult =
  | { status: 'saved'; version: number; updatedAt: string; entry: ReturnType<typeof presentEntry> }
  | { status: 'conflict'; current: ReturnType<typeof presentEntry> };

/**
 * Saves the draft (fields left out keep their value) as a compare-and-set on `baseVersion`. A stale version answers
 * `conflict` with the current entry and changes nothing; a retry of an applied `requestId` answers `saved` again.
 */
export async function saveDraft(ctx: AppContext, user: SessionUser, id: string, input: DraftInput): Promise<DraftResult> {
  const e0 = await readableEntry(ctx, user, id);
  if (!canWriteDlEntry(user, { organisationId: e0.organisation_id })) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, e0.contest_year, 'share');
    const e = (await findEntry(trx, id, 'update'))!;
    const applied = await findEntryVersionByRequest(trx, id, input.requestId);
    if (applied) return { kind: 'saved' as const, version: applied.version, at: new Date(applied.saved_at) };
    const config = configOf(contest);
    if (e.status !== 'draft') {
      throw new AppError('STATE_FORBIDS', { state: e.status }, [
        e.status === 'submitted'
          ? problemAt('status', 'ส่งใบสมัครแล้ว จึงแก้ไขไม่ได้', 'The entry has been submitted and can no longer be changed')
          : problemAt('status', 'ถอนใบสมัครแล้ว', 'The entry has been withdrawn'),
      ]);
    }
    assertEntriesOpen(config, now);
    const problems = contentProblems(config, input);
    if (problems.length > 0) throw invalid(problems);
    if (input.baseVersion !== e.version) return { kind: 'conflict' as const };
    const content: EntryContent = {
      title: input.title ?? e.title,
      summary: input.summary ?? e.summary,
      sections: input.sections ?? e.sections,
      links: input.links ? input.links.map((l) => ({ url: l.url, label: l.label ?? '' })) : e.links,
    };
    const version = await writeEntryContent(trx, { id, baseVersion: input.baseVersion, content, requestId: input.requestId, by: user.id, now });
    if (version === null) return { kind: 'conflict' as const };
    return { kind: 'saved' as const, version, at: now };
  });
  const current = await entryJson(ctx, (await findEntry(ctx.db, id))!);
  if (outcome.kind === 'conflict') return { status: 'conflict', current };
  return { status: 'saved', version: outcome.version, updatedAt: outcome.at.toISOString(), entry: current };
}

function incompleteness(config: ContestConfig, e: EntryRow): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (e.title.trim() === '') out.push(problemAt('title', 'ยังไม่ได้ระบุชื่อนวัตกรรม', 'The innovation has no title'));
  if (e.summary.trim() === '') out.push(problemAt('summary', 'ยังไม่ได้เขียนบทสรุป', 'The summary is empty'));
  for (const c of config.rubric.criteria) {
    if ((e.sections[c.code] ?? '').trim() === '') out.push(problemAt(`sections/${c.code}`, `ยังไม่ได้เขียนส่วน "${c.name.th}"`, `The section "${c.name.en}" is empty`));
  }
  return out;
}

/** Submits the draft before entries close; a retry of an already submitted entry answers it unchanged. */
export async function submitEntry(ctx: AppContext, user: SessionUser, id: string, input: { version?: number }) {
  const e0 = await readableEntry(ctx, user, id);
  if (!canWriteDlEntry(user, { organisationId: e0.organisation_id })) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, e0.contest_year, 'share');
    const e = (await findEntry(trx, id, 'update'))!;
    if (e.status === 'submitted') return;
    if (e.status === 'withdrawn') throw new AppError('STATE_FORBIDS', { state: e.status }, [problemAt('status', 'ถอนใบสมัครแล้ว', 'The entry has been withdrawn')]);
    const config = configOf(contest);
    assertEntriesOpen(config, now);
    if (input.version !== undefined && input.version !== e.version) {
      throw new AppError('CONFLICT', { detail: `the entry is at version ${e.version}` }, [problemAt('version', 'ใบสมัครถูกแก้ไขแล้ว กรุณาตรวจสอบก่อนส่ง', 'The entry was changed meanwhile; check it before submitting')]);
    }
    const lao = await findLao(trx, e.organisation_id);
    const refused = lao ? eligibilityError(lao, config) : null;
    if (refused) throw refused;
    await assertApprovedApplicant(trx, user);
    const missing = incompleteness(config, e);
    if (missing.length > 0) throw new AppError('DL_ENTRY_INCOMPLETE', { detailTh: missing.map((m) => m.th).join('; '), detailEn: missing.map((m) => m.en).join('; ') }, missing);
    await setEntrySubmitted(trx, id, user.id, now);
    await appendAudit(trx, now, { actorId: user.id, action: 'dl.entry.submit', entity: 'dl_entry', entityId: id, organisationId: e.organisation_id, after: { contestYear: e.contest_year, version: e.version + 1, title: e.title } });
  });
  return entryJson(ctx, (await findEntry(ctx.db, id))!);
}

/** Withdraws the entry (draft or submitted) until the results are confirmed; judges not yet done with it are released. */
export async function withdrawEntry(ctx: AppContext, user: SessionUser, id: string, input: { reason?: string | null }) {
  const e0 = await readableEntry(ctx, user, id);
  if (!canWriteDlEntry(user, { organisationId: e0.organisation_id })) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, e0.contest_year, 'update');
    const e = (await findEntry(trx, id, 'update'))!;
    if (e.status === 'withdrawn') return;
    if (contest.confirmed_at) throw new AppError('STATE_FORBIDS', { state: 'confirmed' }, [problemAt('status', 'ผลการตัดสินได้รับการยืนยันแล้ว จึงถอนใบสมัครไม่ได้', 'The results are confirmed; the entry can no longer be withdrawn')]);
    const reason = input.reason?.trim() || null;
    await setEntryWithdrawn(trx, id, user.id, reason, now);
    const released = await deleteUnscoredAssignments(trx, id);
    await appendAudit(trx, now, { actorId: user.id, action: 'dl.entry.withdraw', entity: 'dl_entry', entityId: id, organisationId: e.organisation_id, before: { status: e.status }, after: { status: 'withdrawn', reason, releasedAssignments: released } });
  });
  return entryJson(ctx, (await findEntry(ctx.db, id))!);
}

// ---------------------------------------------------------------------------------------------------------------
// Attachments (documents and images in the evidence store: type from content, content-addressed, size limit)

async function assertCanAttach(db: AppContext['db'], user: SessionUser, e: EntryRow, now: Date, section: string | null): Promise<void> {
  if (!canWriteDlEntry(user, { organisationId: e.organisation_id })) throw new AppError('NOT_FOUND');
  const contest = await requireContest({ db }, e.contest_year);
  if (e.status !== 'draft') throw new AppError('STATE_FORBIDS', { state: e.status }, [problemAt('status', 'แนบไฟล์ได้เฉพาะใบสมัครที่ยังไม่ได้ส่ง', 'Files can be attached only to an entry not yet submitted')]);
  const config = configOf(contest);
  assertEntriesOpen(config, now);
  if (section !== null && !config.rubric.criteria.some((c) => c.code === section)) {
    throw invalid([problemAt('body/section', `ไม่มีเกณฑ์รหัส "${section}" ในการประกวดนี้`, `There is no criterion "${section}" in this contest`)]);
  }
}

export async function uploadAttachment(ctx: AppContext, user: SessionUser, entryId: string, section: string | null, file: IncomingFile) {
  const e = await readableEntry(ctx, user, entryId);
  await assertCanAttach(ctx.db, user, e, ctx.clock.now(), section);
  return storeUpload(ctx, file, async (upload) => {
    const now = ctx.clock.now();
    const id = ctx.ids.uuid();
    const { filename, size, mimeType, sha256 } = upload;
    await ctx.db.transaction().execute(async (trx) => {
      // Re-checked under lock: the entry may have been submitted, or entries closed, during the upload.
      const locked = await findEntry(trx, entryId, 'update');
      if (!locked) throw new AppError('NOT_FOUND');
      await assertCanAttach(trx, user, locked, now, section);
      await recordBlob(trx, upload, now);
      await insertAttachment(trx, { id, entry_id: entryId, section, sha256, filename, size, mime_type: mimeType, uploaded_by: user.id, uploaded_at: now });
      await appendAudit(trx, now, { actorId: user.id, action: 'dl.attachment.upload', entity: 'dl_attachment', entityId: id, organisationId: e.organisation_id, after: { entryId, section, filename, size, mimeType, sha256 } });
    });
    return presentAttachment((await findAttachment(ctx.db, id))!);
  });
}

export async function attachmentForDownload(ctx: AppContext, user: SessionUser, id: string) {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const a = await findAttachment(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  await readableEntry(ctx, user, a.entry_id);
  return openStoredFile(ctx, a);
}

export async function deleteAttachment(ctx: AppContext, user: SessionUser, id: string): Promise<void> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const a = await findAttachment(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND');
  const e = await readableEntry(ctx, user, a.entry_id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await findEntry(trx, e.id, 'update');
    if (!locked) throw new AppError('NOT_FOUND');
    await assertCanAttach(trx, user, locked, now, null);
    if (!(await softDeleteAttachment(trx, id, user.id, now))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, now, { actorId: user.id, action: 'dl.attachment.delete', entity: 'dl_attachment', entityId: id, organisationId: e.organisation_id, before: { entryId: e.id, filename: a.filename, sha256: a.sha256 } });
  });
}

