// Digital Local judging: judges' conflicts, conflict-free assignment, score sheets with hidden scores, committee calibration, tiers, confirmation, announcement.
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import {
  assignJudges,
  auditAssignments,
  committeeReport,
  conflictRegister,
  entryFeedback,
  mulberry32,
  overrideTier,
  seedFromString,
  sheetTotal,
  validateAssignmentChange,
  validateScoreSheet,
  visibleScores,
  type Affiliation,
  type Assignment,
  type AssignmentChange,
  type ContestConfig,
  type DeclaredConflict,
  type Entry,
  type Judge,
  type JudgingProblem,
  type ScoreBasis,
  type ScoreSheet,
  type TierResult,
} from '../../engine/judging/index.js';
import type { SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import {
  entryBriefs,
  entryCounts,
  findContest,
  findEntry,
  findLao,
  findOrganisationsBrief,
  listContests,
  listEntries,
  provinceExists,
  setContestAnnounced,
  setContestBasis,
  setContestConfirmed,
  type ContestRow,
  type EntryRow,
} from '../repositories/digital-local.js';
import {
  affiliationsOf,
  assignedJudgeIds,
  assignmentsOf,
  assignmentsOfEntry,
  contestSettings,
  declarationsOf,
  deleteAssignment,
  deleteDeclaration,
  deleteOverride,
  findSheet,
  insertAssignments,
  insertDeclaration,
  insertOverride,
  insertSheet,
  listJudgeUsers,
  overridesOf,
  replaceAffiliations,
  setMaxEntriesPerJudge,
  sheetsOfContest,
  sheetsOfEntries,
  updateSheet,
  voidedSheetsOf,
  voidSheet,
  adminEmails,
  type AffiliationRow,
  type DeclarationRow,
  type JudgeUserRow,
  type OverrideRow,
  type SheetRow,
  type VoidSheetRow,
} from '../repositories/digital-local-judging.js';
import { auditForEntity } from '../repositories/audit.js';
import { appendAudit } from './audit.js';
import { sendMail } from './mail.js';
import { configOf, contestPhase, dateEn, dateTh, entryJson, instantsOf, laoTypeOf, presentContest, presentEntrySummary, presentLao, readableEntry, requireContest } from './digital-local.js';
import { searchRanked } from '../../shared/thai-search.js';

type Db = Kysely<Database>;

/** Validation problems of the engine as a 400, keeping each problem's stable code next to its texts. */
function invalidProblems(problems: readonly JudgingProblem[]): AppError {
  const details = problems.map((p) => ({ path: p.path, code: p.code, th: p.th, en: p.en }));
  return new AppError('VALIDATION_FAILED', { detail: details.map((d) => `${d.path}: ${d.en}`).join('; ') }, details);
}

function stateError(state: string, th: string, en: string, path = 'contest'): AppError {
  return new AppError('STATE_FORBIDS', { state }, [{ path, th, en }]);
}

// ---------------------------------------------------------------------------------------------------------------
// Judges: affiliations from the registry, declarations, and the engine's view of them

/** The engine's affiliations for one stored row: an LAO (and, for a PAO, its province), a provincial body, a province. */
function affiliationsFor(a: AffiliationRow): Affiliation[] {
  const out: Affiliation[] = [];
  if (a.organisation_id && a.org_level === 'lao') {
    out.push({ kind: 'lao', laoId: a.organisation_id, ...(a.org_province_code ? { provinceCode: a.org_province_code } : {}) });
    if (a.org_type === 'pao' && a.org_province_code) out.push({ kind: 'pao', provinceCode: a.org_province_code });
  } else if (a.organisation_id && (a.org_level === 'province' || a.org_level === 'provincial_unit') && a.org_province_code) {
    out.push({ kind: 'province', provinceCode: a.org_province_code });
  }
  if (a.province_code) out.push({ kind: 'province', provinceCode: a.province_code });
  return out;
}

function declaredFor(d: DeclarationRow): DeclaredConflict {
  if (d.kind === 'other') return { kind: 'other', laoId: d.organisation_id!, note: d.note ?? '' };
  return d.organisation_id ? { kind: 'lao', laoId: d.organisation_id, ...(d.note ? { note: d.note } : {}) } : { kind: 'province', provinceCode: d.province_code!, ...(d.note ? { note: d.note } : {}) };
}

interface Panel {
  users: JudgeUserRow[];
  judges: Judge[];
  affiliations: AffiliationRow[];
  declarations: DeclarationRow[];
}

async function loadPanel(db: Db, opts: { activeOnly?: boolean; ids?: string[] } = {}): Promise<Panel> {
  const users = await listJudgeUsers(db, opts);
  const ids = users.map((u) => u.id);
  const [affiliations, declarations] = await Promise.all([affiliationsOf(db, ids), declarationsOf(db, ids)]);
  const judges = users.map((u) => ({
    id: u.id,
    affiliations: affiliations.filter((a) => a.judge_id === u.id).flatMap(affiliationsFor),
    declaredConflicts: declarations.filter((d) => d.judge_id === u.id).map(declaredFor),
  }));
  return { users, judges, affiliations, declarations };
}

function presentJudge(u: JudgeUserRow, p: Panel) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    active: u.active,
    affiliations: p.affiliations
      .filter((a) => a.judge_id === u.id)
      .map((a) => ({
        id: a.id,
        organisation: a.organisation_id
          ? { id: a.organisation_id, code: a.org_code, nameTh: a.org_name_th, nameEn: a.org_name_en, level: a.org_level, laoType: a.org_level === 'lao' ? laoTypeOf(a.org_type, a.org_province_code) : null, provinceCode: a.org_province_code }
          : null,
        provinceCode: a.province_code,
      })),
    declarations: p.declarations
      .filter((d) => d.judge_id === u.id)
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        organisation: d.organisation_id ? { id: d.organisation_id, code: d.org_code, nameTh: d.org_name_th, nameEn: d.org_name_en } : null,
        provinceCode: d.province_code,
        note: d.note,
        createdAt: new Date(d.created_at).toISOString(),
      })),
  };
}

export async function listJudges(ctx: AppContext) {
  const p = await loadPanel(ctx.db);
  return { items: p.users.map((u) => presentJudge(u, p)) };
}

async function judgeJson(db: Db, judgeId: string) {
  const p = await loadPanel(db, { ids: [judgeId] });
  const u = p.users[0];
  if (!u) throw new AppError('NOT_FOUND');
  return presentJudge(u, p);
}

export async function myJudgeProfile(ctx: AppContext, judge: SessionUser) {
  return judgeJson(ctx.db, judge.id);
}

function engineEntry(e: EntryRow): Entry {
  return { id: e.id, laoId: e.organisation_id, provinceCode: e.province_code ?? '', laoType: laoTypeOf(e.org_type, e.province_code) };
}

interface Released {
  contestYear: number;
  entryId: string;
}

interface Voided extends Released {
  /** The voided sheet's state: a submitted score leaves the result, a draft is set aside with it. */
  status: 'draft' | 'submitted';
}

/**
 * After a judge's affiliations or declarations change: their assignments in contests not yet confirmed are checked
 * again and those now conflicted are dropped. An admin's change of affiliations keeps the assignments the judge
 * already submitted a sheet for (the committee sees those in the conflict register); a conflict the judge declares
 * themselves withdraws them from the entry whatever they did, and their sheet is voided (kept for audit, out of the
 * result) so that a replacement judge can be assigned.
 */
async function releaseConflicted(
  db: Db,
  judgeId: string,
  actorId: string,
  now: Date,
  voiding?: { declarationId: string; newId: () => string },
): Promise<{ released: Released[]; voided: Voided[] }> {
  const panel = await loadPanel(db, { ids: [judgeId] });
  const released: Released[] = [];
  const voided: Voided[] = [];
  if (panel.judges.length === 0) return { released, voided };
  for (const c of await listContests(db)) {
    if (c.confirmed_at) continue;
    const mine = (await assignmentsOf(db, c.year)).filter((a) => a.judge_id === judgeId);
    if (mine.length === 0) continue;
    const entries = await listEntries(db, c.year, { ids: mine.map((a) => a.entry_id) });
    const conflicted = auditAssignments(mine.map((a) => ({ entryId: a.entry_id, judgeId: a.judge_id })), entries.map(engineEntry), panel.judges);
    if (conflicted.length === 0) continue;
    const sheets = await sheetsOfEntries(db, conflicted.map((x) => x.entryId));
    for (const x of conflicted) {
      const reasons = x.reasons.map((r) => r.code);
      const sheet = sheets.find((s) => s.entry_id === x.entryId && s.judge_id === judgeId);
      if (!voiding && sheet?.status === 'submitted') continue;
      await deleteAssignment(db, x.entryId, judgeId);
      released.push({ contestYear: c.year, entryId: x.entryId });
      let voidedStatus: Voided['status'] | null = null;
      if (voiding && sheet) {
        const gone = await voidSheet(db, { id: voiding.newId(), entry_id: x.entryId, judge_id: judgeId, voided_at: now, voided_by: actorId, reason_codes: reasons, declaration_id: voiding.declarationId });
        if (gone) {
          voidedStatus = gone.status;
          voided.push({ contestYear: c.year, entryId: x.entryId, status: gone.status });
        }
      }
      await appendAudit(db, now, {
        actorId,
        action: 'dl.assignment.release',
        entity: 'dl_assignment',
        entityId: x.entryId,
        after: { contestYear: c.year, judgeId, reasons, ...(voidedStatus ? { voidedSheet: voidedStatus } : {}) },
      });
    }
  }
  return { released, voided };
}

/** Tells the admins, by the ordinary mail, which entries lost a judge and need a replacement. */
async function mailReleased(ctx: AppContext, judge: SessionUser, released: Released[], voided: Voided[]): Promise<void> {
  if (released.length === 0) return;
  const recipients = await adminEmails(ctx.db);
  if (recipients.length === 0) return;
  const lines: { th: string; en: string }[] = [];
  for (const year of [...new Set(released.map((r) => r.contestYear))]) {
    const ids = released.filter((r) => r.contestYear === year).map((r) => r.entryId);
    for (const e of await listEntries(ctx.db, year, { ids })) {
      const v = voided.find((x) => x.entryId === e.id);
      const th = `- ${year}: ${e.org_name_th} «${e.title}»${v ? (v.status === 'submitted' ? ' (คะแนนที่ส่งแล้วถูกยกเลิก)' : ' (ร่างคะแนนถูกยกเลิก)') : ''}`;
      const en = `- ${year}: ${e.org_name_en ?? e.org_name_th} "${e.title}"${v ? (v.status === 'submitted' ? ' (the submitted score was voided)' : ' (the draft score was voided)') : ''}`;
      lines.push({ th, en });
    }
  }
  const text = [
    `กรรมการ ${judge.displayName} แจ้งส่วนได้เสียและถูกถอนจากผลงาน ${released.length} รายการ กรุณามอบหมายกรรมการแทนในแท็บการมอบหมาย`,
    ...lines.map((l) => l.th),
    '',
    '----',
    '',
    `Judge ${judge.displayName} declared a conflict of interest and was withdrawn from ${released.length} entry(ies). Please assign a replacement on the assignments tab.`,
    ...lines.map((l) => l.en),
    '',
    'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) · Digital Government Development Agency',
  ].join('\n');
  const subject = 'กรรมการถอนตัวจากผลงานท้องถิ่นดิจิทัล · A Digital Local judge was withdrawn';
  for (const to of recipients) await sendMail(ctx, { to, subject, text, kind: 'dl-judge-withdrawn' });
}

export async function setAffiliations(ctx: AppContext, admin: SessionUser, judgeId: string, list: { organisationId?: string | null; provinceCode?: string | null }[]) {
  if (!isUuid(judgeId)) throw new AppError('NOT_FOUND');
  const judge = (await listJudgeUsers(ctx.db, { ids: [judgeId] }))[0];
  if (!judge) throw new AppError('NOT_FOUND');
  const problems: ErrorDetail[] = [];
  const orgIds = list.map((a) => a.organisationId).filter((x): x is string => !!x);
  const orgs = await findOrganisationsBrief(ctx.db, orgIds.filter(isUuid));
  for (const [i, a] of list.entries()) {
    if (!a.organisationId && !a.provinceCode) problems.push({ path: `body/affiliations/${i}`, th: 'ต้องระบุหน่วยงานหรือจังหวัด', en: 'Give an organisation or a province' });
    if (a.organisationId && !orgs.some((o) => o.id === a.organisationId)) problems.push({ path: `body/affiliations/${i}/organisationId`, th: 'ไม่พบหน่วยงานนี้ในทะเบียน', en: 'No such organisation in the registry' });
    if (a.provinceCode && !(await provinceExists(ctx.db, a.provinceCode))) problems.push({ path: `body/affiliations/${i}/provinceCode`, th: 'ไม่พบจังหวัดนี้', en: 'No such province' });
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { detail: problems.map((p) => `${p.path}: ${p.en}`).join('; ') }, problems);
  const now = ctx.clock.now();
  const before = await judgeJson(ctx.db, judgeId);
  const released = await ctx.db.transaction().execute(async (trx) => {
    await replaceAffiliations(
      trx,
      judgeId,
      list.map((a) => ({ id: ctx.ids.uuid(), organisation_id: a.organisationId ?? null, province_code: a.provinceCode ?? null })),
      admin.id,
      now,
    );
    await appendAudit(trx, now, { actorId: admin.id, action: 'dl.judge.affiliations', entity: 'app_user', entityId: judgeId, before: before.affiliations, after: list });
    return (await releaseConflicted(trx, judgeId, admin.id, now)).released;
  });
  return { ...(await judgeJson(ctx.db, judgeId)), released };
}

export type DeclarationKind = 'lao' | 'province' | 'other';

/** The shortest reason accepted for an "other" conflict: enough for the committee to understand it. */
export const OTHER_REASON_MIN = 5;

export async function declareConflict(
  ctx: AppContext,
  judge: SessionUser,
  input: { kind?: DeclarationKind | null; organisationId?: string | null; provinceCode?: string | null; note?: string | null },
) {
  const hasOrg = Boolean(input.organisationId);
  const hasProvince = Boolean(input.provinceCode);
  // Without a kind (older clients), the target decides it.
  const kind: DeclarationKind = input.kind ?? (hasOrg ? 'lao' : 'province');
  const note = input.note?.trim() || null;
  const problems: ErrorDetail[] = [];
  if (kind === 'other') {
    if (!hasOrg || hasProvince) problems.push({ path: 'body/organisationId', th: 'ส่วนได้เสียประเภท "อื่น ๆ" ต้องระบุองค์กรปกครองส่วนท้องถิ่นผู้สมัครหนึ่งแห่ง', en: 'An "other" conflict names one applicant LAO' });
    if ((note ?? '').length < OTHER_REASON_MIN) {
      problems.push({ path: 'body/note', th: `ส่วนได้เสียประเภท "อื่น ๆ" ต้องอธิบายเหตุผลอย่างน้อย ${OTHER_REASON_MIN} ตัวอักษร`, en: `An "other" conflict needs its reason written out (at least ${OTHER_REASON_MIN} characters)` });
    }
  } else if (hasOrg === hasProvince) {
    problems.push({ path: 'body', th: 'ระบุองค์กรปกครองส่วนท้องถิ่นหรือจังหวัดอย่างใดอย่างหนึ่ง', en: 'Give either an LAO or a province' });
  } else if ((kind === 'lao') !== hasOrg) {
    problems.push({ path: 'body/kind', th: 'ประเภทไม่ตรงกับสิ่งที่ระบุ (องค์กรปกครองส่วนท้องถิ่นหรือจังหวัด)', en: 'The kind does not match what was given (an LAO or a province)' });
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { detail: problems.map((p) => `${p.path}: ${p.en}`).join('; ') }, problems);
  if (hasOrg && !(isUuid(input.organisationId!) && (await findLao(ctx.db, input.organisationId!)))) {
    throw new AppError('VALIDATION_FAILED', { detail: 'not an LAO' }, [{ path: 'body/organisationId', th: 'ไม่พบองค์กรปกครองส่วนท้องถิ่นนี้', en: 'No such local administrative organisation' }]);
  }
  if (hasProvince && !(await provinceExists(ctx.db, input.provinceCode!))) {
    throw new AppError('VALIDATION_FAILED', { detail: 'no such province' }, [{ path: 'body/provinceCode', th: 'ไม่พบจังหวัดนี้', en: 'No such province' }]);
  }
  const now = ctx.clock.now();
  const id = ctx.ids.uuid();
  const { released, voided } = await ctx.db.transaction().execute(async (trx) => {
    const row = { id, judge_id: judge.id, kind, organisation_id: input.organisationId ?? null, province_code: input.provinceCode ?? null, note, created_at: now };
    await insertDeclaration(trx, row);
    await appendAudit(trx, now, { actorId: judge.id, action: 'dl.judge.declare', entity: 'dl_judge_declaration', entityId: id, organisationId: row.organisation_id, after: { kind, organisationId: row.organisation_id, provinceCode: row.province_code, note: row.note } });
    return releaseConflicted(trx, judge.id, judge.id, now, { declarationId: id, newId: () => ctx.ids.uuid() });
  });
  await mailReleased(ctx, judge, released, voided);
  return { ...(await judgeJson(ctx.db, judge.id)), released, voided };
}

export const CANDIDATE_LIMIT_DEFAULT = 20;
export const CANDIDATE_LIMIT_MAX = 50;

/**
 * The applicant LAOs a judge may declare a conflict with in a contest: those with an entry they could be assigned —
 * submitted, and while entries are still open also drafts (they may yet be submitted) — searched Thai-aware
 * (abbreviations such as "ทต." or "อบต.", SARA AM typed in two keys, several words) and capped. A confirmed contest
 * assigns nobody any more: none.
 */
export async function declarationCandidates(ctx: AppContext, year: number, query: { q?: string; limit?: number }) {
  const contest = await requireContest(ctx, year);
  const phase = contestPhase(contest, ctx.clock.now());
  const statuses: EntryRow['status'][] = contest.confirmed_at ? [] : phase === 'entries_open' || phase === 'upcoming' ? ['submitted', 'draft'] : ['submitted'];
  const rows = await entryBriefs(ctx.db, year, statuses);
  const limit = Math.min(query.limit ?? CANDIDATE_LIMIT_DEFAULT, CANDIDATE_LIMIT_MAX);
  const found = searchRanked(rows, query.q ?? '', (r) => ({ name: r.name_th, others: [r.name_en, r.code, r.province_name_th, r.province_name_en] }), limit);
  return {
    contest: { year, name: configOf(contest).name, phase },
    total: found.total,
    truncated: found.total > found.items.length,
    items: found.items.map((r) => ({ ...presentLao(r), entryStatus: r.status })),
  };
}

export async function removeDeclaration(ctx: AppContext, judge: SessionUser, id: string): Promise<void> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await deleteDeclaration(trx, judge.id, id);
    if (!gone) throw new AppError('NOT_FOUND');
    await appendAudit(trx, now, { actorId: judge.id, action: 'dl.judge.undeclare', entity: 'dl_judge_declaration', entityId: id, before: { kind: gone.kind, organisationId: gone.organisation_id, provinceCode: gone.province_code, note: gone.note } });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Assignment

function assertAssignable(contest: ContestRow, now: Date): void {
  if (contest.confirmed_at) throw stateError('confirmed', 'ผลการตัดสินได้รับการยืนยันแล้ว', 'The results are confirmed');
  const close = instantsOf(configOf(contest).schedule!).entriesClose;
  if (now.getTime() <= close.getTime()) {
    throw stateError('entries_open', `มอบหมายกรรมการได้หลังปิดรับใบสมัคร (${dateTh(close)})`, `Judges are assigned after entries close (${dateEn(close)})`);
  }
}

/** The panel with the contest's most entries per judge (none: unlimited). */
function withCapacity(judges: Judge[], max: number | null): Judge[] {
  return max === null ? judges : judges.map((j) => ({ ...j, capacity: max }));
}

/** Sets the most entries any one judge is given in this contest (null: no limit); audited. */
export async function setJudgeCapacity(ctx: AppContext, admin: SessionUser, year: number, input: { maxEntriesPerJudge: number | null }) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, year, 'update');
    if (contest.confirmed_at) throw stateError('confirmed', 'ผลการตัดสินได้รับการยืนยันแล้ว', 'The results are confirmed');
    const before = (await contestSettings(trx, year))?.max_entries_per_judge ?? null;
    await setMaxEntriesPerJudge(trx, year, input.maxEntriesPerJudge, admin.id, now);
    await appendAudit(trx, now, { actorId: admin.id, action: 'dl.judge.capacity', entity: 'dl_contest', entityId: String(year), before: { maxEntriesPerJudge: before }, after: { maxEntriesPerJudge: input.maxEntriesPerJudge } });
  });
  return assignmentOverview(ctx, year);
}

async function submittedEntries(db: Db, year: number): Promise<EntryRow[]> {
  return listEntries(db, year, { statuses: ['submitted'] });
}

export async function autoAssign(ctx: AppContext, admin: SessionUser, year: number, input: { seed?: number }) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, year, 'update');
    assertAssignable(contest, now);
    const config = configOf(contest);
    const entries = await submittedEntries(trx, year);
    const ids = new Set(entries.map((e) => e.id));
    const panel = await loadPanel(trx, { activeOnly: true });
    const max = (await contestSettings(trx, year))?.max_entries_per_judge ?? null;
    const existing = (await assignmentsOf(trx, year)).filter((a) => ids.has(a.entry_id));
    const seed = input.seed ?? seedFromString(`digital-local-${year}`);
    const run = (judges: Judge[]) =>
      assignJudges(entries.map(engineEntry), judges, {
        judgesPerEntry: config.judgesPerEntry,
        rng: mulberry32(seed),
        locked: existing.map((a) => ({ entryId: a.entry_id, judgeId: a.judge_id })),
      });
    const result = run(withCapacity(panel.judges, max));
    const have = new Set(existing.map((a) => `${a.entry_id}:${a.judge_id}`));
    const added = result.assignments.filter((a) => !have.has(`${a.entryId}:${a.judgeId}`));
    if (max !== null) {
      // Capacity is what keeps entries from their judges when the same run without the limit places more: then
      // nothing is assigned, and the admin is told by how much the limit falls short.
      const unlimited = run(panel.judges).assignments.filter((a) => !have.has(`${a.entryId}:${a.judgeId}`)).length;
      if (added.length < unlimited) {
        const byId = new Map(entries.map((e) => [e.id, e]));
        throw new AppError(
          'DL_JUDGE_CAPACITY_INSUFFICIENT',
          { needed: unlimited, possible: added.length, max },
          result.shortfalls
            .filter((x) => x.reason.code === 'SHORTFALL_CAPACITY')
            .map((x) => {
              const e = byId.get(x.entryId);
              return { path: `entries/${x.entryId}`, code: x.reason.code, th: `${e ? `${e.org_name_th}: ` : ''}${x.reason.th}`, en: `${e ? `${e.org_name_en ?? e.org_name_th}: ` : ''}${x.reason.en}` };
            }),
        );
      }
    }
    await insertAssignments(
      trx,
      added.map((a) => ({ contest_year: year, entry_id: a.entryId, judge_id: a.judgeId, source: 'auto' as const, assigned_by: admin.id, assigned_at: now })),
    );
    await appendAudit(trx, now, {
      actorId: admin.id,
      action: 'dl.assignment.auto',
      entity: 'dl_contest',
      entityId: String(year),
      after: { seed, judgesPerEntry: config.judgesPerEntry, maxEntriesPerJudge: max, added: added.map((a) => [a.entryId, a.judgeId]), shortfalls: result.shortfalls.map((s) => s.entryId) },
    });
    return {
      added: added.length,
      total: result.assignments.length,
      loads: result.loads,
      loadSpread: result.loadSpread,
      shortfalls: result.shortfalls.map((s) => ({ entryId: s.entryId, assigned: s.assigned, required: s.required, eligibleJudges: s.eligibleJudges, reason: { code: s.reason.code, th: s.reason.th, en: s.reason.en } })),
      problems: result.problems,
    };
  });
}

export async function assignmentOverview(ctx: AppContext, year: number) {
  const contest = await requireContest(ctx, year);
  const config = configOf(contest);
  const entries = await submittedEntries(ctx.db, year);
  const panel = await loadPanel(ctx.db);
  const ids = new Set(entries.map((e) => e.id));
  const assignments = (await assignmentsOf(ctx.db, year)).filter((a) => ids.has(a.entry_id));
  const sheets = await sheetsOfContest(ctx.db, year);
  const name = new Map(panel.users.map((u) => [u.id, u.display_name]));
  const sheetStatus = (entryId: string, judgeId: string) => sheets.find((s) => s.entry_id === entryId && s.judge_id === judgeId)?.status ?? 'none';
  const loads = new Map<string, number>();
  for (const a of assignments) loads.set(a.judge_id, (loads.get(a.judge_id) ?? 0) + 1);
  const active = panel.users.filter((u) => u.active);
  const loadValues = active.map((u) => loads.get(u.id) ?? 0);
  const max = (await contestSettings(ctx.db, year))?.max_entries_per_judge ?? null;
  const voided = (await voidedSheetsOf(ctx.db, year)).filter((v) => ids.has(v.entry_id));
  return {
    judgesPerEntry: config.judgesPerEntry,
    maxEntriesPerJudge: max,
    // Places the limit allows in all, against the places the submitted entries need.
    capacity: { needed: entries.length * config.judgesPerEntry, available: max === null ? null : max * active.length },
    loadSpread: loadValues.length > 0 ? Math.max(...loadValues) - Math.min(...loadValues) : 0,
    entries: entries.map((e) => {
      const judges = assignments.filter((a) => a.entry_id === e.id).map((a) => ({ id: a.judge_id, displayName: name.get(a.judge_id) ?? '', source: a.source, sheetStatus: sheetStatus(e.id, a.judge_id) }));
      return {
        entry: presentEntrySummary(e),
        judges,
        // Places still to fill, e.g. after a judge withdrew for a conflict: automatic assignment or a manual add fills them.
        vacancies: Math.max(0, config.judgesPerEntry - judges.length),
        withdrawn: voided.filter((v) => v.entry_id === e.id).map((v) => presentVoided(v, config, name)),
      };
    }),
    judges: panel.users.map((u) => ({
      id: u.id,
      displayName: u.display_name,
      active: u.active,
      load: loads.get(u.id) ?? 0,
      overCapacity: max !== null && (loads.get(u.id) ?? 0) > max,
      submitted: sheets.filter((s) => s.judge_id === u.id && s.status === 'submitted' && ids.has(s.entry_id)).length,
    })),
    conflicts: conflictRegister(panel.judges, entries.map(engineEntry)).map((c) => ({ judgeId: c.judgeId, entryId: c.entryId, reasons: [{ code: c.code, th: c.th, en: c.en }] })),
  };
}

function presentVoided(v: VoidSheetRow, config: ContestConfig, names: Map<string, string>) {
  return {
    judgeId: v.judge_id,
    judgeName: names.get(v.judge_id) ?? '',
    status: v.status,
    total: sheetTotal(toSheet(v), config.rubric),
    submittedAt: v.submitted_at ? new Date(v.submitted_at).toISOString() : null,
    voidedAt: new Date(v.voided_at).toISOString(),
    reasons: v.reason_codes,
  };
}

export async function changeAssignment(ctx: AppContext, admin: SessionUser, year: number, change: AssignmentChange) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, year, 'update');
    assertAssignable(contest, now);
    const config = configOf(contest);
    const entries = await submittedEntries(trx, year);
    const ids = new Set(entries.map((e) => e.id));
    const panel = await loadPanel(trx, { activeOnly: true });
    const max = (await contestSettings(trx, year))?.max_entries_per_judge ?? null;
    const current: Assignment[] = (await assignmentsOf(trx, year)).filter((a) => ids.has(a.entry_id)).map((a) => ({ entryId: a.entry_id, judgeId: a.judge_id }));
    const submitted = (await sheetsOfContest(trx, year)).filter((s) => s.status === 'submitted').map((s) => ({ entryId: s.entry_id, judgeId: s.judge_id }));
    const r = validateAssignmentChange(current, change, { entries: entries.map(engineEntry), judges: withCapacity(panel.judges, max), judgesPerEntry: config.judgesPerEntry, submitted });
    if (!r.ok) throw invalidProblems(r.problems);
    const key = (a: Assignment) => `${a.entryId}:${a.judgeId}`;
    const before = new Set(current.map(key));
    const after = new Set(r.assignments.map(key));
    for (const a of current) if (!after.has(key(a))) await deleteAssignment(trx, a.entryId, a.judgeId);
    const added = r.assignments.filter((a) => !before.has(key(a)));
    await insertAssignments(trx, added.map((a) => ({ contest_year: year, entry_id: a.entryId, judge_id: a.judgeId, source: 'manual' as const, assigned_by: admin.id, assigned_at: now })));
    await appendAudit(trx, now, { actorId: admin.id, action: 'dl.assignment.change', entity: 'dl_assignment', entityId: change.entryId, after: { contestYear: year, ...change } });
    return { warnings: r.warnings };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Score sheets

function toSheet(s: SheetRow): ScoreSheet {
  return { entryId: s.entry_id, judgeId: s.judge_id, ratings: s.ratings, ...(s.overall_comment ? { overallComment: s.overall_comment } : {}), status: s.status };
}

function presentSheet(s: SheetRow, config: ContestConfig, names: Map<string, string>) {
  return {
    judgeId: s.judge_id,
    judgeName: names.get(s.judge_id) ?? '',
    status: s.status,
    ratings: s.ratings,
    overallComment: s.overall_comment,
    total: sheetTotal(toSheet(s), config.rubric),
    version: s.version,
    updatedAt: new Date(s.updated_at).toISOString(),
    submittedAt: s.submitted_at ? new Date(s.submitted_at).toISOString() : null,
  };
}

/** Same scores, comments and overall comment (criteria in any order). */
function sameSheetContent(row: SheetRow, ratings: SheetRow['ratings'], overall: string | null): boolean {
  const norm = (r: SheetRow['ratings']) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]!.score, r[k]!.comment ?? '']));
  return (row.overall_comment ?? null) === overall && norm(row.ratings) === norm(ratings);
}

/** The entry when this judge is assigned to it and it is submitted; anything else is NOT_FOUND. */
async function assignedEntry(db: Db, judge: SessionUser, entryId: string): Promise<{ entry: EntryRow; judges: string[] }> {
  if (judge.role !== 'judge' || !isUuid(entryId)) throw new AppError('NOT_FOUND');
  const entry = await findEntry(db, entryId);
  const judges = entry ? await assignedJudgeIds(db, entryId) : [];
  if (!entry || entry.status !== 'submitted' || !judges.includes(judge.id)) throw new AppError('NOT_FOUND');
  return { entry, judges };
}

function assertJudgingOpen(contest: ContestRow, now: Date): void {
  const t = instantsOf(configOf(contest).schedule!);
  const closed = Boolean(contest.confirmed_at) || now.getTime() < t.judgingStart.getTime() || now.getTime() > t.judgingEnd.getTime();
  if (closed) throw new AppError('DL_JUDGING_NOT_OPEN', { fromTh: dateTh(t.judgingStart), toTh: dateTh(t.judgingEnd), fromEn: dateEn(t.judgingStart), toEn: dateEn(t.judgingEnd) });
}

async function judgeNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  return new Map((await listJudgeUsers(db, { ids })).map((u) => [u.id, u.display_name]));
}

export async function judgeEntries(ctx: AppContext, judge: SessionUser, year: number) {
  const contest = await requireContest(ctx, year);
  const config = configOf(contest);
  const mine = (await assignmentsOf(ctx.db, year)).filter((a) => a.judge_id === judge.id).map((a) => a.entry_id);
  const entries = await listEntries(ctx.db, year, { ids: mine, statuses: ['submitted'] });
  const sheets = (await sheetsOfEntries(ctx.db, entries.map((e) => e.id))).filter((s) => s.judge_id === judge.id);
  return {
    contest: { year: contest.year, name: config.name, phase: contestPhase(contest, ctx.clock.now()), rubric: config.rubric, dates: presentContest(contest, undefined, ctx.clock.now()).dates },
    items: entries.map((e) => {
      const s = sheets.find((x) => x.entry_id === e.id);
      return { ...presentEntrySummary(e), sheetStatus: s?.status ?? 'none', total: s ? sheetTotal(toSheet(s), config.rubric) : null };
    }),
  };
}

/**
 * Anonymous labels of an entry's judges ("Judge A", "Judge B", …): in the order they were assigned (then by id), so
 * a judge keeps the same letter on every visit and for every other judge of the entry. Judges who submitted a sheet
 * can no longer be removed, so the letters of the sheets a judge can see do not move.
 */
function anonymousLabels(assignments: { judge_id: string; assigned_at: Date }[]): Map<string, { th: string; en: string }> {
  const ordered = [...assignments].sort((a, b) => new Date(a.assigned_at).getTime() - new Date(b.assigned_at).getTime() || (a.judge_id < b.judge_id ? -1 : a.judge_id > b.judge_id ? 1 : 0));
  const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`);
  return new Map(ordered.map((a, i) => [a.judge_id, { th: `กรรมการ ${letter(i)}`, en: `Judge ${letter(i)}` }]));
}

/** Another judge's sheet as a judge sees it: scores and comments under an anonymous label, never a name or an id. */
function presentAnonymousSheet(s: SheetRow, config: ContestConfig, label: { th: string; en: string }) {
  return {
    label,
    status: s.status,
    ratings: s.ratings,
    overallComment: s.overall_comment,
    total: sheetTotal(toSheet(s), config.rubric),
    submittedAt: s.submitted_at ? new Date(s.submitted_at).toISOString() : null,
  };
}

export async function judgeEntryView(ctx: AppContext, judge: SessionUser, entryId: string) {
  const { entry, judges } = await assignedEntry(ctx.db, judge, entryId);
  const contest = await requireContest(ctx, entry.contest_year);
  const config = configOf(contest);
  const rows = await sheetsOfEntries(ctx.db, [entryId]);
  const v = visibleScores(judge.id, entryId, rows.map(toSheet), judges);
  const names = await judgeNames(ctx.db, [judge.id]);
  const labels = anonymousLabels(await assignmentsOfEntry(ctx.db, entryId));
  const rowOf = (s: ScoreSheet) => rows.find((r) => r.judge_id === s.judgeId)!;
  const labelOf = (id: string) => labels.get(id) ?? { th: 'กรรมการ', en: 'Judge' };
  return {
    entry: await entryJson(ctx, entry),
    rubric: config.rubric,
    ownLabel: labelOf(judge.id),
    own: v.own ? presentSheet(rowOf(v.own), config, names) : null,
    others: v.others.map((s) => presentAnonymousSheet(rowOf(s), config, labelOf(s.judgeId))).sort((a, b) => (a.label.en < b.label.en ? -1 : 1)),
    hiddenCount: v.hiddenCount,
    visibility: v.why,
  };
}

export interface SheetInput {
  baseVersion: number;
  ratings: Record<string, { score: number | null; comment?: string }>;
  overallComment?: string | null;
}

export type SheetResult = { status: 'saved'; sheet: ReturnType<typeof presentSheet> } | { status: 'conflict'; current: ReturnType<typeof presentSheet> };

/** Saves the judge's draft sheet (compare-and-set on `baseVersion`, 0 = none yet) during the judging dates. */
export async function saveSheet(ctx: AppContext, judge: SessionUser, entryId: string, input: SheetInput): Promise<SheetResult> {
  const { entry } = await assignedEntry(ctx.db, judge, entryId);
  const now = ctx.clock.now();
  const names = await judgeNames(ctx.db, [judge.id]);
  return ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, entry.contest_year, 'share');
    const config = configOf(contest);
    assertJudgingOpen(contest, now);
    const current = await findSheet(trx, entryId, judge.id, true);
    const ratings: SheetRow['ratings'] = {};
    for (const [code, r] of Object.entries(input.ratings)) ratings[code] = { score: r.score, comment: r.comment ?? '' };
    const overall = input.overallComment?.trim() || null;
    // A retried save (the answer was lost) or a save that changes nothing: answered with the stored sheet, no new
    // version and no second audit entry, so the history shows each real change once.
    const same = current !== undefined && sameSheetContent(current, ratings, overall);
    if (current?.status === 'submitted') {
      if (same && input.baseVersion >= current.version - 2) return { status: 'saved' as const, sheet: presentSheet(current, config, names) };
      throw stateError('submitted', 'ส่งคะแนนแล้ว แก้ไขไม่ได้', 'The score sheet has been submitted and is final', 'status');
    }
    if (same && (input.baseVersion === current.version || input.baseVersion === current.version - 1)) return { status: 'saved' as const, sheet: presentSheet(current, config, names) };
    if ((current?.version ?? 0) !== input.baseVersion) {
      if (current) return { status: 'conflict' as const, current: presentSheet(current, config, names) };
      throw new AppError('CONFLICT', { detail: 'there is no score sheet yet: use baseVersion 0' });
    }
    const sheet: ScoreSheet = { entryId, judgeId: judge.id, ratings, status: 'draft' };
    const problems = validateScoreSheet(sheet, config.rubric, { forSubmission: false });
    if (problems.length > 0) throw invalidProblems(problems);
    if (current) await updateSheet(trx, entryId, judge.id, { ratings, overall_comment: overall, now, submit: false });
    else if (!(await insertSheet(trx, { entry_id: entryId, judge_id: judge.id, contest_year: entry.contest_year, ratings, overall_comment: overall, now }))) {
      // Another request of the same judge created the sheet meanwhile: the same content (a double click) is that
      // save; anything else is a conflict the later writer sees and resolves.
      const other = (await findSheet(trx, entryId, judge.id))!;
      if (sameSheetContent(other, ratings, overall)) return { status: 'saved' as const, sheet: presentSheet(other, config, names) };
      return { status: 'conflict' as const, current: presentSheet(other, config, names) };
    }
    const saved = (await findSheet(trx, entryId, judge.id))!;
    await appendAudit(trx, now, {
      actorId: judge.id,
      action: 'dl.sheet.save',
      entity: 'dl_score_sheet',
      entityId: entryId,
      organisationId: entry.organisation_id,
      ...(current ? { before: { version: current.version, ratings: current.ratings, overallComment: current.overall_comment } } : {}),
      after: { contestYear: entry.contest_year, judgeId: judge.id, version: saved.version, ratings, overallComment: overall, total: sheetTotal(toSheet(saved), config.rubric) },
    });
    return { status: 'saved' as const, sheet: presentSheet(saved, config, names) };
  });
}

/** Submits the sheet: every criterion scored on the scale and commented; final, and it unlocks the other judges' scores. */
export async function submitSheet(ctx: AppContext, judge: SessionUser, entryId: string) {
  const { entry } = await assignedEntry(ctx.db, judge, entryId);
  const now = ctx.clock.now();
  const names = await judgeNames(ctx.db, [judge.id]);
  return ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, entry.contest_year, 'share');
    const config = configOf(contest);
    const current = await findSheet(trx, entryId, judge.id, true);
    if (current?.status === 'submitted') return presentSheet(current, config, names);
    assertJudgingOpen(contest, now);
    const sheet: ScoreSheet = current ? toSheet(current) : { entryId, judgeId: judge.id, ratings: {}, status: 'draft' };
    const problems = validateScoreSheet(sheet, config.rubric, { forSubmission: true });
    if (problems.length > 0) throw invalidProblems(problems);
    await updateSheet(trx, entryId, judge.id, { ratings: current!.ratings, overall_comment: current!.overall_comment, now, submit: true });
    await appendAudit(trx, now, {
      actorId: judge.id,
      action: 'dl.sheet.submit',
      entity: 'dl_score_sheet',
      entityId: entryId,
      organisationId: entry.organisation_id,
      after: { contestYear: entry.contest_year, judgeId: judge.id, version: current!.version + 1, ratings: current!.ratings, overallComment: current!.overall_comment, total: sheetTotal(sheet, config.rubric) },
    });
    return presentSheet((await findSheet(trx, entryId, judge.id))!, config, names);
  });
}

/**
 * How each judge's sheet for an entry evolved: every save and the submission, from the hash-chained audit log
 * (for the committee; judges' names shown).
 */
export async function sheetHistory(ctx: AppContext, entryId: string) {
  if (!isUuid(entryId)) throw new AppError('NOT_FOUND');
  const entry = await findEntry(ctx.db, entryId);
  if (!entry) throw new AppError('NOT_FOUND');
  const rows = await auditForEntity(ctx.db, 'dl_score_sheet', entryId, ['dl.sheet.save', 'dl.sheet.submit']);
  const names = await judgeNames(ctx.db, [...new Set(rows.map((r) => r.actor_id).filter((x): x is string => !!x))]);
  return {
    entry: presentEntrySummary(entry),
    items: rows.map((r) => {
      const a = (r.after ?? {}) as { judgeId?: string; version?: number; ratings?: SheetRow['ratings']; overallComment?: string | null; total?: number | null };
      const judgeId = a.judgeId ?? r.actor_id ?? '';
      return {
        at: new Date(r.at).toISOString(),
        action: r.action === 'dl.sheet.submit' ? ('submit' as const) : ('save' as const),
        judgeId,
        judgeName: names.get(judgeId) ?? r.actor_name ?? '',
        version: a.version ?? null,
        ratings: a.ratings ?? {},
        overallComment: a.overallComment ?? null,
        total: a.total ?? null,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Committee

interface Scoring {
  contest: ContestRow;
  config: ContestConfig;
  entries: EntryRow[];
  sheets: ScoreSheet[];
  expectedSheets: number;
  names: Map<string, string>;
  overrides: OverrideRow[];
  voided: VoidSheetRow[];
}

async function loadScoring(db: Db, year: number, lock?: 'update'): Promise<Scoring> {
  const contest = await requireContest({ db }, year, lock);
  const entries = await submittedEntries(db, year);
  const ids = new Set(entries.map((e) => e.id));
  const rows = (await sheetsOfContest(db, year)).filter((s) => ids.has(s.entry_id));
  const assignments = (await assignmentsOf(db, year)).filter((a) => ids.has(a.entry_id));
  const names = new Map((await listJudgeUsers(db)).map((u) => [u.id, u.display_name]));
  const voided = (await voidedSheetsOf(db, year)).filter((v) => ids.has(v.entry_id));
  return { contest, config: configOf(contest), entries, sheets: rows.map(toSheet), expectedSheets: assignments.length, names, overrides: await overridesOf(db, year), voided };
}

/** Tiers on `basis` with the stored overrides applied in order; overrides that no longer apply are reported, not applied. */
function tiered(s: Scoring, basis: ScoreBasis) {
  const report = committeeReport(s.config, s.sheets, basis);
  let result: TierResult = report.result;
  const overrideProblems: { overrideId: string; problems: JudgingProblem[] }[] = [];
  for (const o of s.overrides) {
    const r = overrideTier(result, s.config.tiers, { entryId: o.entry_id, tier: o.to_tier, reason: o.reason });
    if (r.ok) result = r.result;
    else overrideProblems.push({ overrideId: o.id, problems: r.problems });
  }
  return { report, result, overrideProblems };
}

function presentReport(s: Scoring, basis: ScoreBasis, now: Date, counts: Record<string, number> | undefined) {
  const { report, result: live, overrideProblems } = tiered(s, basis);
  const frozen = s.contest.result as TierResult | null;
  const result = s.contest.confirmed_at && frozen ? frozen : live;
  const byId = new Map(s.entries.map((e) => [e.id, presentEntrySummary(e)]));
  const name = (id: string) => s.names.get(id) ?? '';
  const reasons = (rs: { code: string; th: string; en: string }[]) => rs.map((r) => ({ code: r.code, th: r.th, en: r.en }));
  const cal = report.calibration;
  return {
    contest: presentContest(s.contest, counts, now),
    basis: result.basis,
    chosenBasis: s.contest.basis,
    sheets: { submitted: s.sheets.filter((x) => x.status === 'submitted').length, expected: s.expectedSheets },
    calibration: {
      entries: cal.entries.map((e) => ({ ...e, entry: byId.get(e.entryId) ?? null, judgeTotals: e.judgeTotals.map((j) => ({ ...j, judgeName: name(j.judgeId) })) })),
      judges: cal.judges.map((j) => ({ ...j, judgeName: name(j.judgeId) })),
      grandMean: cal.grandMean,
      pooledSd: cal.pooledSd,
      additive: cal.additive,
      design: cal.design,
      agreement: cal.agreement,
      warnings: reasons(cal.warnings),
      ignoredSheets: cal.ignoredSheets,
    },
    result: { ...result, entries: result.entries.map((e) => ({ ...e, entry: byId.get(e.entryId) ?? null })) },
    flags: report.flags.map((f) => ({ ...f, reasons: reasons(f.reasons) })),
    overrides: s.overrides.map((o) => ({ id: o.id, entryId: o.entry_id, from: o.from_tier, to: o.to_tier, reason: o.reason, createdAt: new Date(o.created_at).toISOString(), createdByName: o.created_by_name })),
    overrideProblems,
    // Sheets of judges withdrawn for a conflict they declared: shown for the record, never part of the result.
    voidedSheets: s.voided.map((v) => ({ entryId: v.entry_id, entry: byId.get(v.entry_id) ?? null, ...presentVoided(v, s.config, s.names) })),
    confirmedAt: s.contest.confirmed_at ? new Date(s.contest.confirmed_at).toISOString() : null,
    announcedAt: s.contest.announced_at ? new Date(s.contest.announced_at).toISOString() : null,
  };
}

export async function committeeView(ctx: AppContext, year: number, basis?: ScoreBasis) {
  const s = await loadScoring(ctx.db, year);
  return presentReport(s, basis ?? s.contest.basis ?? 'raw', ctx.clock.now(), (await entryCounts(ctx.db, [year])).get(year));
}

function assertNotConfirmed(contest: ContestRow): void {
  if (contest.confirmed_at) throw stateError(contest.announced_at ? 'announced' : 'confirmed', 'ผลการตัดสินได้รับการยืนยันแล้ว', 'The results are already confirmed');
}

export async function chooseBasis(ctx: AppContext, admin: SessionUser, year: number, input: { basis: ScoreBasis; reason?: string | null }) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, year, 'update');
    assertNotConfirmed(contest);
    if (contest.basis !== input.basis && (await overridesOf(trx, year)).length > 0) {
      throw stateError('overrides', 'มีการเปลี่ยนผลโดยคณะกรรมการอยู่ กรุณาลบก่อนเปลี่ยนฐานคะแนน', 'Committee overrides exist: remove them before changing the score basis', 'basis');
    }
    const reason = input.reason?.trim() || null;
    await setContestBasis(trx, year, input.basis, reason, admin.id, now);
    await appendAudit(trx, now, { actorId: admin.id, action: 'dl.committee.basis', entity: 'dl_contest', entityId: String(year), before: { basis: contest.basis, reason: contest.basis_reason }, after: { basis: input.basis, reason } });
  });
  return committeeView(ctx, year);
}

export async function addOverride(ctx: AppContext, admin: SessionUser, year: number, input: { entryId: string; tier: string | null; reason: string }) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await loadScoring(trx, year, 'update');
    assertNotConfirmed(s.contest);
    if (!s.contest.basis) throw stateError('no_basis', 'กรุณาเลือกฐานคะแนนก่อนเปลี่ยนผล', 'Choose the score basis before changing a result', 'basis');
    const { result } = tiered(s, s.contest.basis);
    const r = overrideTier(result, s.config.tiers, input);
    if (!r.ok) throw invalidProblems(r.problems);
    const target = result.entries.find((e) => e.entryId === input.entryId)!;
    const id = ctx.ids.uuid();
    await insertOverride(trx, { id, contest_year: year, entry_id: input.entryId, from_tier: target.tier, to_tier: input.tier, reason: input.reason.trim(), created_by: admin.id, created_at: now });
    const e = s.entries.find((x) => x.id === input.entryId);
    await appendAudit(trx, now, { actorId: admin.id, action: 'dl.committee.override', entity: 'dl_entry', entityId: input.entryId, organisationId: e?.organisation_id ?? null, before: { tier: target.tier, pendingTier: target.pendingTier }, after: { tier: input.tier, reason: input.reason.trim(), basis: s.contest.basis } });
  });
  return committeeView(ctx, year);
}

export async function removeOverride(ctx: AppContext, admin: SessionUser, year: number, id: string) {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, year, 'update');
    assertNotConfirmed(contest);
    const o = (await overridesOf(trx, year)).find((x) => x.id === id);
    if (!o || !(await deleteOverride(trx, year, id))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, now, { actorId: admin.id, action: 'dl.committee.override_remove', entity: 'dl_entry', entityId: o.entry_id, before: { from: o.from_tier, to: o.to_tier, reason: o.reason } });
  });
  return committeeView(ctx, year);
}

/** Freezes the result on the chosen basis with the overrides, once judging is over and no tie is left to the committee. */
export async function confirmResults(ctx: AppContext, admin: SessionUser, year: number) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const s = await loadScoring(trx, year, 'update');
    assertNotConfirmed(s.contest);
    const end = instantsOf(s.config.schedule!).judgingEnd;
    if (now.getTime() <= end.getTime()) throw stateError(contestPhase(s.contest, now), `ยืนยันผลได้หลังสิ้นสุดการตัดสิน (${dateTh(end)})`, `Results can be confirmed after judging ends (${dateEn(end)})`);
    if (!s.contest.basis) throw stateError('no_basis', 'กรุณาเลือกฐานคะแนนก่อนยืนยันผล', 'Choose the score basis before confirming', 'basis');
    const { result, overrideProblems } = tiered(s, s.contest.basis);
    const pending = result.entries.filter((e) => e.pendingTier !== null);
    if (pending.length > 0 || overrideProblems.length > 0) {
      const details: ErrorDetail[] = [
        ...pending.map((e) => ({ path: `entries/${e.entryId}`, th: `ผลงานคะแนนเท่ากันที่เส้นตัดระดับ ${e.pendingTier} รอคณะกรรมการตัดสิน`, en: `Tied at the cut-off of tier ${e.pendingTier}: the committee must decide` })),
        ...overrideProblems.flatMap((o) => o.problems.map((p) => ({ path: `overrides/${o.overrideId}`, th: p.th, en: p.en }))),
      ];
      throw new AppError('STATE_FORBIDS', { state: 'committee' }, details);
    }
    await setContestConfirmed(trx, year, result, admin.id, now);
    await appendAudit(trx, now, {
      actorId: admin.id,
      action: 'dl.committee.confirm',
      entity: 'dl_contest',
      entityId: String(year),
      after: { basis: result.basis, tiers: result.entries.filter((e) => e.tier !== null).map((e) => ({ entryId: e.entryId, tier: e.tier, rank: e.rank, score: e.score })), overrides: result.overrides },
    });
  });
  const row = (await findContest(ctx.db, year))!;
  return presentContest(row, (await entryCounts(ctx.db, [year])).get(year), now);
}

export async function announceResults(ctx: AppContext, admin: SessionUser, year: number) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const contest = await requireContest({ db: trx }, year, 'update');
    if (contest.announced_at) return;
    if (!contest.confirmed_at) throw stateError(contestPhase(contest, now), 'ต้องยืนยันผลก่อนประกาศ', 'Confirm the results before announcing them');
    const at = instantsOf(configOf(contest).schedule!).announcement;
    if (now.getTime() < at.getTime()) throw stateError('confirmed', `ประกาศผลได้ตั้งแต่ ${dateTh(at)}`, `The results can be announced from ${dateEn(at)}`);
    await setContestAnnounced(trx, year, admin.id, now);
    await appendAudit(trx, now, { actorId: admin.id, action: 'dl.announce', entity: 'dl_contest', entityId: String(year), after: { announcedAt: now.toISOString() } });
  });
  const row = (await findContest(ctx.db, year))!;
  return presentContest(row, (await entryCounts(ctx.db, [year])).get(year), now);
}

// ---------------------------------------------------------------------------------------------------------------
// After the announcement: the public winners list and each LAO's own feedback

export async function publicContests(ctx: AppContext) {
  const rows = (await listContests(ctx.db)).filter((c) => c.announced_at);
  return { items: rows.map((c) => ({ year: c.year, name: configOf(c).name, announcedAt: new Date(c.announced_at!).toISOString() })) };
}

export async function publicWinners(ctx: AppContext, year: number) {
  const contest = await findContest(ctx.db, year);
  if (!contest?.announced_at || !contest.result) throw new AppError('NOT_FOUND');
  const config = configOf(contest);
  const result = contest.result as TierResult;
  const winners = result.entries.filter((e) => e.tier !== null);
  const entries = await listEntries(ctx.db, year, { ids: winners.map((w) => w.entryId) });
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    year,
    name: config.name,
    announcedAt: new Date(contest.announced_at).toISOString(),
    tiers: config.tiers.map((t) => ({
      code: t.code,
      name: t.name,
      winners: winners
        .filter((w) => w.tier === t.code && byId.has(w.entryId))
        .map((w) => {
          const e = byId.get(w.entryId)!;
          return {
            rank: w.rank,
            title: e.title,
            summary: e.summary,
            organisation: { nameTh: e.org_name_th, nameEn: e.org_name_en, laoType: laoTypeOf(e.org_type, e.province_code), provinceCode: e.province_code, provinceNameTh: e.province_name_th, provinceNameEn: e.province_name_en },
          };
        }),
    })),
  };
}

/** The LAO's scores and anonymised comments: for its applicants after the announcement, for DGA staff once confirmed. */
export async function entryFeedbackFor(ctx: AppContext, user: SessionUser, entryId: string) {
  if (user.role === 'judge') throw new AppError('NOT_FOUND');
  const e = await readableEntry(ctx, user, entryId);
  const contest = await requireContest(ctx, e.contest_year);
  const staff = user.role === 'admin' || user.role === 'reviewer';
  if (staff ? !contest.confirmed_at : !contest.announced_at) {
    throw stateError(contestPhase(contest, ctx.clock.now()), 'ยังไม่ประกาศผล คะแนนและความเห็นของกรรมการจะแสดงหลังประกาศผล', 'The results are not announced yet; scores and comments are shown after the announcement');
  }
  const config = configOf(contest);
  const rows = await sheetsOfEntries(ctx.db, [entryId]);
  const placed = (contest.result as TierResult).entries.find((x) => x.entryId === entryId);
  return {
    entryId,
    tier: placed?.tier ?? null,
    tierName: placed?.tier ? (config.tiers.find((t) => t.code === placed.tier)?.name ?? null) : null,
    rank: placed?.rank ?? null,
    announcedAt: contest.announced_at ? new Date(contest.announced_at).toISOString() : null,
    feedback: entryFeedback(entryId, rows.map(toSheet), config.rubric),
  };
}
