// Committee-judged awards (the outstanding digital leader): nominations with evidence (edited or withdrawn while open),
// judge assignment, judges' recusals (conflicts of interest), scoring, the recorded decision.
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import {
  rankNominations,
  recordCommitteeDecision,
  type CommitteeCategory,
  type CommitteeDecision,
  type JudgeScore,
  type Nomination,
  type Recusal,
} from '../../engine/awards/index.js';
import type { AwardGiven } from '../../engine/awards/rollup.js';
import { can, type SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import {
  activeJudges,
  deleteNominationFile,
  findDecision,
  findNomination,
  insertNomination,
  insertNominationFile,
  deleteRecusal,
  insertRecusal,
  isJudgeActiveOn,
  listRecusals,
  judgeAssignmentEditions,
  judgeScores,
  listNominations,
  lockEditionForAwards,
  lockNomination,
  nominationHasScores,
  nominationFiles,
  nominationJudges,
  replaceNominationJudges,
  touchNomination,
  updateNomination,
  userNames,
  upsertDecision,
  upsertScores,
  withdrawNominationRow,
  type NominationEdit,
  type NominationRow,
  type RecusalRow,
} from '../repositories/awards.js';
import type { EditionRow } from '../repositories/editions.js';
import { findOrganisation } from '../repositories/organisations.js';
import { appendAudit } from './audit.js';
import { dateEn, dateTh } from './digital-local.js';
import { loadAwardSet, presentDecision, problemsToError, requireAwardsEdition, type CommitteeRecord } from './awards.js';
import { openStoredFile, recordBlob, storeUpload, type IncomingFile } from './upload-staging.js';

type Db = Kysely<Database>;

async function committeeCategory(db: Db, e: EditionRow, categoryId: string): Promise<CommitteeCategory> {
  const set = await loadAwardSet(db, e);
  const c = set.definition.categories.find((x) => x.id === categoryId);
  if (!c || c.type !== 'committee')
    throw new AppError('VALIDATION_FAILED', { detail: `no committee category ${categoryId}` }, [
      { path: 'categoryId', th: `ไม่มีรางวัลที่ตัดสินโดยคณะกรรมการรหัส ${categoryId}`, en: `There is no committee-judged category ${categoryId}` },
    ]);
  return c;
}

/** Refuses changes to nominations or scores once the category's decision is recorded. */
async function assertOpen(db: Db, editionId: string, categoryId: string): Promise<void> {
  const d = await findDecision(db, editionId, categoryId);
  if (d)
    throw new AppError('STATE_FORBIDS', { state: d.state }, [
      { path: 'categoryId', th: 'คณะกรรมการตัดสินรางวัลนี้แล้ว', en: 'The committee has already decided this award' },
    ]);
}

type Closed = { th: string; en: string };

/** The catalogued refusal once the category's nominations deadline has passed, or null while it is open. */
function pastDeadline(cat: CommitteeCategory, now: Date): AppError | null {
  if (!cat.nominationsCloseAt || now.getTime() < Date.parse(cat.nominationsCloseAt)) return null;
  const at = new Date(Date.parse(cat.nominationsCloseAt));
  return new AppError('NOMINATIONS_CLOSED', { closedTh: dateTh(at), closedEn: dateEn(at) }, [
    { path: 'categoryId', th: `ปิดรับการเสนอชื่อเมื่อ ${dateTh(at)}`, en: `Nominations closed on ${dateEn(at)} (${cat.nominationsCloseAt})` },
  ]);
}

function lockedError(why: Closed, path = 'nomination'): AppError {
  return new AppError('NOMINATION_LOCKED', { detailTh: why.th, detailEn: why.en }, [{ path, th: why.th, en: why.en }]);
}

/**
 * Refuses a change to a nomination unless nominations are still open for it: no decision recorded, before the
 * category's deadline, not withdrawn, and no judge has scored it yet (judges score what they saw).
 */
async function assertNominationChangeable(db: Db, cat: CommitteeCategory, e: EditionRow, nid: string, now: Date): Promise<void> {
  await assertOpen(db, e.id, cat.id);
  const deadline = pastDeadline(cat, now);
  if (deadline) throw deadline;
  const row = await lockNomination(db, nid);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.withdrawn_at) throw lockedError({ th: 'การเสนอชื่อนี้ถูกถอนแล้ว', en: 'the nomination has been withdrawn' });
  if (await nominationHasScores(db, nid)) throw lockedError({ th: 'กรรมการเริ่มให้คะแนนการเสนอชื่อนี้แล้ว', en: 'judges have started scoring this nomination' });
}

/** Whether the user could change the nomination now (shown as edit / withdraw buttons; the server checks again). */
function changeable(user: SessionUser, cats: Map<string, CommitteeCategory | undefined>, n: NominationRow, decided: Set<string>, scored: Set<string>, now: Date): boolean {
  const cat = cats.get(n.category_id);
  return (
    cat !== undefined &&
    can(user, 'awards.nominate', { organisationId: n.organisation_id }) &&
    n.withdrawn_at === null &&
    !decided.has(n.category_id) &&
    pastDeadline(cat, now) === null &&
    !scored.has(n.id)
  );
}

/** Whether the user may see the nomination: DGA all; the nominating organisation's people; assigned, non-recused judges. */
async function maySee(db: Db, user: SessionUser, n: NominationRow): Promise<boolean> {
  if (can(user, 'awards.review')) return true;
  if (user.role === 'judge') return n.withdrawn_at === null && isJudgeActiveOn(db, n.id, user.id);
  return (user.role === 'head' || user.role === 'coordinator') && user.organisationId === n.organisation_id;
}

async function requireNomination(db: Db, user: SessionUser, e: EditionRow, nid: string): Promise<NominationRow> {
  if (!isUuid(nid)) throw new AppError('NOT_FOUND');
  const n = await findNomination(db, nid);
  if (!n || n.edition_id !== e.id || !(await maySee(db, user, n))) throw new AppError('NOT_FOUND');
  return n;
}

function presentRecusal(r: RecusalRow) {
  return {
    judgeId: r.judge_id,
    judgeName: r.judge_name,
    reason: r.reason,
    /** true when the judge declared it; false when an admin recorded it. */
    selfDeclared: r.declared_by === r.judge_id,
    declaredByName: r.declared_by_name,
    at: new Date(r.declared_at).toISOString(),
  };
}

async function presentNominations(db: Db, user: SessionUser, rows: NominationRow[], now: Date) {
  const ids = rows.map((r) => r.id);
  const dga = can(user, 'awards.review');
  const [files, judges, recusals, mine, all, anyScores] = await Promise.all([
    nominationFiles(db, ids),
    dga ? nominationJudges(db, ids) : Promise.resolve([]),
    dga ? listRecusals(db, ids) : Promise.resolve([] as RecusalRow[]),
    user.role === 'judge' ? judgeScores(db, ids, { judgeId: user.id }) : Promise.resolve([]),
    dga ? judgeScores(db, ids, { assignedOnly: true }) : Promise.resolve([]),
    judgeScores(db, ids),
  ]);
  const scored = new Set(anyScores.map((s) => s.nomination_id));
  const editionIds = [...new Set(rows.map((r) => r.edition_id))];
  const cats = new Map<string, CommitteeCategory | undefined>();
  const decided = new Set<string>();
  for (const eid of editionIds) {
    const e = await requireAwardsEdition(db, eid);
    const set = await loadAwardSet(db, e);
    for (const c of set.definition.categories) if (c.type === 'committee') cats.set(c.id, c);
    for (const cid of new Set(rows.filter((r) => r.edition_id === eid).map((r) => r.category_id))) if (await findDecision(db, eid, cid)) decided.add(cid);
  }
  const canChange = new Map<string, boolean>();
  for (const n of rows) canChange.set(n.id, changeable(user, cats, n, decided, scored, now));
  return rows.map((n) => {
    const scoredBy = new Map<string, number>();
    for (const s of all) if (s.nomination_id === n.id) scoredBy.set(s.judge_id, (scoredBy.get(s.judge_id) ?? 0) + 1);
    return {
      id: n.id,
      editionId: n.edition_id,
      categoryId: n.category_id,
      organisation: { id: n.organisation_id, code: n.org_code, nameTh: n.org_name_th, nameEn: n.org_name_en },
      personNameTh: n.person_name_th,
      personNameEn: n.person_name_en,
      positionTh: n.position_th,
      positionEn: n.position_en,
      statement: n.statement,
      evidence: files
        .filter((f) => f.nomination_id === n.id)
        .map((f) => ({ id: f.id, filename: f.filename, size: Number(f.size), mimeType: f.mime_type, uploadedAt: new Date(f.uploaded_at).toISOString() })),
      nominatedByName: n.nominated_by_name,
      createdAt: new Date(n.created_at).toISOString(),
      updatedAt: n.updated_at ? new Date(n.updated_at).toISOString() : null,
      version: n.version,
      withdrawn: n.withdrawn_at ? { at: new Date(n.withdrawn_at).toISOString(), byName: n.withdrawn_by_name, reason: n.withdraw_reason } : null,
      /** Whether this user may edit or withdraw it now (nominations open, nobody has scored it). */
      changeable: canChange.get(n.id) ?? false,
      ...(dga
        ? {
            judges: judges
              .filter((j) => j.nomination_id === n.id)
              .map((j) => ({ id: j.judge_id, name: j.display_name, scoredCriteria: scoredBy.get(j.judge_id) ?? 0, recused: recusals.some((r) => r.nomination_id === n.id && r.judge_id === j.judge_id) })),
            recusals: recusals.filter((r) => r.nomination_id === n.id).map(presentRecusal),
          }
        : {}),
      ...(user.role === 'judge' ? { myScores: Object.fromEntries(mine.filter((s) => s.nomination_id === n.id).map((s) => [s.criterion, s.score])) } : {}),
    };
  });
}

export async function listEditionNominations(ctx: AppContext, user: SessionUser, eid: string, categoryId?: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  let rows: NominationRow[];
  if (can(user, 'awards.review')) rows = await listNominations(ctx.db, e.id, { categoryId });
  else if (user.role === 'judge') rows = await listNominations(ctx.db, e.id, { categoryId, judgeId: user.id });
  else if ((user.role === 'head' || user.role === 'coordinator') && user.organisationId) rows = await listNominations(ctx.db, e.id, { categoryId, organisationId: user.organisationId });
  else rows = [];
  return { nominations: await presentNominations(ctx.db, user, rows, ctx.clock.now()) };
}

export async function getNomination(ctx: AppContext, user: SessionUser, eid: string, nid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, user, e, nid);
  return (await presentNominations(ctx.db, user, [n], ctx.clock.now()))[0]!;
}

export interface NominationBody {
  categoryId: string;
  organisationId: string;
  personNameTh: string;
  personNameEn?: string | null;
  positionTh: string;
  positionEn?: string | null;
  statement: string;
}

export async function createNomination(ctx: AppContext, user: SessionUser, eid: string, body: NominationBody) {
  const e = await requireAwardsEdition(ctx.db, eid);
  if (!isUuid(body.organisationId) || !can(user, 'awards.nominate', { organisationId: body.organisationId })) throw new AppError('NOT_FOUND');
  const org = await findOrganisation(ctx.db, body.organisationId);
  if (!org) throw new AppError('NOT_FOUND');
  const cat = await committeeCategory(ctx.db, e, body.categoryId);
  const blank = (['personNameTh', 'positionTh', 'statement'] as const).filter((k) => !body[k].trim());
  if (blank.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      { detail: `${blank.join(', ')} required` },
      blank.map((k) => ({ path: `body/${k}`, th: 'ต้องกรอกข้อมูลนี้', en: 'This field is required' })),
    );
  let id = ctx.ids.uuid();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertOpen(trx, e.id, body.categoryId);
    const deadline = pastDeadline(cat, now);
    if (deadline) throw deadline;
    // A retried request (or a second click) finds the same person already nominated by the organisation: no duplicate.
    // A withdrawn nomination does not count: the person may be nominated again.
    const same = (await listNominations(trx, e.id, { categoryId: body.categoryId, organisationId: body.organisationId, activeOnly: true })).find(
      (n) => n.person_name_th === body.personNameTh.trim(),
    );
    if (same) {
      id = same.id;
      return;
    }
    const row = {
      id,
      edition_id: e.id,
      category_id: body.categoryId,
      organisation_id: body.organisationId,
      person_name_th: body.personNameTh.trim(),
      person_name_en: body.personNameEn?.trim() || null,
      position_th: body.positionTh.trim(),
      position_en: body.positionEn?.trim() || null,
      statement: body.statement.trim(),
      nominated_by: user.id,
      created_at: now,
    };
    await insertNomination(trx, row);
    await appendAudit(trx, now, { actorId: user.id, action: 'awards.nominated', entity: 'award_nomination', entityId: id, organisationId: body.organisationId, after: { categoryId: body.categoryId, person: row.person_name_th, position: row.position_th } });
  });
  return getNomination(ctx, user, eid, id);
}

/** Only the nominating organisation's head or coordinator, or an admin, adds evidence, and only while the category is open. */
export async function uploadNominationEvidence(ctx: AppContext, user: SessionUser, eid: string, nid: string, file: IncomingFile) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, user, e, nid);
  if (!can(user, 'awards.nominate', { organisationId: n.organisation_id })) throw new AppError('NOT_FOUND');
  const cat = await committeeCategory(ctx.db, e, n.category_id);
  // Checked before the body is read (nothing stored for a refused upload) and again, locked, before recording it.
  await assertNominationChangeable(ctx.db, cat, e, n.id, ctx.clock.now());
  return storeUpload(ctx, file, async (upload) => {
    const now = ctx.clock.now();
    const id = ctx.ids.uuid();
    const { filename, size, mimeType, sha256 } = upload;
    await ctx.db.transaction().execute(async (trx) => {
      await lockEditionForAwards(trx, e.id);
      await assertNominationChangeable(trx, cat, e, n.id, now);
      await recordBlob(trx, upload, now);
      await insertNominationFile(trx, { id, nomination_id: n.id, sha256, filename, size, mime_type: mimeType, uploaded_by: user.id, uploaded_at: now });
      await touchNomination(trx, n.id, now);
      await appendAudit(trx, now, { actorId: user.id, action: 'awards.nomination_evidence', entity: 'award_nomination', entityId: n.id, organisationId: n.organisation_id, after: { fileId: id, filename, size, mimeType, sha256 } });
    });
    return { id, filename, size, mimeType, uploadedAt: now.toISOString() };
  });
}

export async function nominationEvidenceDownload(ctx: AppContext, user: SessionUser, eid: string, nid: string, fid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, user, e, nid);
  return openStoredFile(ctx, (await nominationFiles(ctx.db, [n.id])).find((x) => x.id === fid));
}

/** Removes one evidence file from a nomination while it is changeable (the stored blob stays: it may be shared). */
export async function deleteNominationEvidence(ctx: AppContext, user: SessionUser, eid: string, nid: string, fid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, user, e, nid);
  if (!can(user, 'awards.nominate', { organisationId: n.organisation_id })) throw new AppError('NOT_FOUND');
  const f = (await nominationFiles(ctx.db, [n.id])).find((x) => x.id === fid);
  if (!f) throw new AppError('NOT_FOUND');
  const cat = await committeeCategory(ctx.db, e, n.category_id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertNominationChangeable(trx, cat, e, n.id, now);
    if (!(await deleteNominationFile(trx, n.id, f.id))) throw new AppError('NOT_FOUND');
    await touchNomination(trx, n.id, now);
    await appendAudit(trx, now, { actorId: user.id, action: 'awards.nomination_evidence_removed', entity: 'award_nomination', entityId: n.id, organisationId: n.organisation_id, before: { fileId: f.id, filename: f.filename, sha256: f.sha256 } });
  });
  return getNomination(ctx, user, eid, nid);
}

export interface NominationEditBody {
  version: number;
  personNameTh?: string;
  personNameEn?: string | null;
  positionTh?: string;
  positionEn?: string | null;
  statement?: string;
}

const EDIT_FIELDS = { personNameTh: 'person_name_th', personNameEn: 'person_name_en', positionTh: 'position_th', positionEn: 'position_en', statement: 'statement' } as const;

/** Edits the text of a nomination at the version the editor saw; a stale version is refused (409) rather than overwritten. */
export async function editNomination(ctx: AppContext, user: SessionUser, eid: string, nid: string, body: NominationEditBody) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, user, e, nid);
  if (!can(user, 'awards.nominate', { organisationId: n.organisation_id })) throw new AppError('NOT_FOUND');
  const cat = await committeeCategory(ctx.db, e, n.category_id);
  const edit: NominationEdit = {};
  const problems: { path: string; th: string; en: string }[] = [];
  for (const [k, col] of Object.entries(EDIT_FIELDS) as [keyof typeof EDIT_FIELDS, (typeof EDIT_FIELDS)[keyof typeof EDIT_FIELDS]][]) {
    const v = body[k];
    if (v === undefined) continue;
    const t = v?.trim() ?? '';
    if (col === 'person_name_en' || col === 'position_en') edit[col] = t || null;
    else if (!t) problems.push({ path: `body/${k}`, th: 'ต้องกรอกข้อมูลนี้', en: 'This field is required' });
    else edit[col] = t;
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { detail: problems.map((p) => `${p.path.slice(5)} required`).join(', ') }, problems);
  if (Object.keys(edit).length === 0)
    throw new AppError('VALIDATION_FAILED', { detail: 'nothing to change' }, [{ path: 'body', th: 'ไม่มีข้อมูลที่จะแก้ไข', en: 'Nothing to change' }]);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertNominationChangeable(trx, cat, e, n.id, now);
    const before = (await findNomination(trx, n.id))!;
    if (!(await updateNomination(trx, n.id, body.version, edit, now)))
      throw new AppError('CONFLICT', { detail: `the nomination is at version ${before.version}, not ${body.version}` });
    const changed = Object.keys(edit) as (keyof NominationEdit)[];
    await appendAudit(trx, now, {
      actorId: user.id,
      action: 'awards.nomination_edited',
      entity: 'award_nomination',
      entityId: n.id,
      organisationId: n.organisation_id,
      before: { version: before.version, ...Object.fromEntries(changed.map((c) => [c, before[c]])) },
      after: { version: before.version + 1, ...edit },
    });
  });
  return getNomination(ctx, user, eid, nid);
}

/** Withdraws a nomination while nominations are open: judges no longer see it, it is not ranked; the record stays. */
export async function withdrawNomination(ctx: AppContext, user: SessionUser, eid: string, nid: string, body: { version: number; reason?: string }) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, user, e, nid);
  if (!can(user, 'awards.nominate', { organisationId: n.organisation_id })) throw new AppError('NOT_FOUND');
  const cat = await committeeCategory(ctx.db, e, n.category_id);
  const reason = body.reason?.trim() || null;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertNominationChangeable(trx, cat, e, n.id, now);
    const before = (await findNomination(trx, n.id))!;
    if (!(await withdrawNominationRow(trx, n.id, body.version, { by: user.id, reason, at: now })))
      throw new AppError('CONFLICT', { detail: `the nomination is at version ${before.version}, not ${body.version}` });
    await appendAudit(trx, now, {
      actorId: user.id,
      action: 'awards.nomination_withdrawn',
      entity: 'award_nomination',
      entityId: n.id,
      organisationId: n.organisation_id,
      before: { version: before.version, withdrawn: false },
      after: { version: before.version + 1, withdrawn: true, reason, person: before.person_name_th },
    });
  });
  return getNomination(ctx, user, eid, nid);
}

export async function judgeList(ctx: AppContext) {
  return { judges: (await activeJudges(ctx.db)).map((j) => ({ id: j.id, name: j.display_name, email: j.email })) };
}

/** A judge's own starting point: the editions where committee nominations are assigned to them. */
export async function myJudgingEditions(ctx: AppContext, judge: SessionUser) {
  const rows = await judgeAssignmentEditions(ctx.db, judge.id);
  return { editions: rows.map((r) => ({ id: r.id, yearBe: r.year_be, titleTh: r.title_th, titleEn: r.title_en, assigned: r.assigned, scored: r.scored })) };
}

export async function assignJudges(ctx: AppContext, actor: SessionUser, eid: string, nid: string, judgeIds: string[]) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, actor, e, nid);
  const unique = [...new Set(judgeIds)];
  const found = await activeJudges(ctx.db, unique.filter(isUuid));
  const missing = unique.filter((id) => !found.some((j) => j.id === id));
  if (missing.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      { detail: `not judges: ${missing.join(', ')}` },
      missing.map((id) => ({ path: 'body/judgeIds', th: `ผู้ใช้ ${id} ไม่ใช่กรรมการ`, en: `User ${id} is not an active judge` })),
    );
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertOpen(trx, e.id, n.category_id);
    if ((await lockNomination(trx, n.id))?.withdrawn_at) throw lockedError({ th: 'การเสนอชื่อนี้ถูกถอนแล้ว', en: 'the nomination has been withdrawn' });
    const before = (await nominationJudges(trx, [n.id])).map((j) => j.judge_id);
    // A judge with a recorded conflict cannot be newly assigned (one already assigned stays listed, marked recused).
    const conflicted = (await listRecusals(trx, [n.id])).filter((r) => unique.includes(r.judge_id) && !before.includes(r.judge_id));
    if (conflicted.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        { detail: `recused judges: ${conflicted.map((r) => r.judge_id).join(', ')}` },
        conflicted.map((r) => ({
          path: 'body/judgeIds',
          th: `${r.judge_name} ถอนตัวจากการพิจารณาการเสนอชื่อนี้แล้ว (มีส่วนได้เสีย) จึงมอบหมายไม่ได้`,
          en: `${r.judge_name} is recused from this nomination (conflict of interest) and cannot be assigned`,
        })),
      );
    await replaceNominationJudges(trx, n.id, unique, actor.id, now);
    await appendAudit(trx, now, { actorId: actor.id, action: 'awards.judges_assigned', entity: 'award_nomination', entityId: n.id, organisationId: n.organisation_id, before: { judges: before }, after: { judges: unique } });
  });
  return getNomination(ctx, actor, eid, nid);
}

function requireReason(reason: string | undefined): string {
  const r = reason?.trim() ?? '';
  if (!r)
    throw new AppError('VALIDATION_FAILED', { detail: 'a reason for the recusal is required' }, [
      { path: 'body/reason', th: 'ต้องระบุเหตุผลที่ถอนตัว (ส่วนได้เสีย)', en: 'A reason for the recusal (the conflict of interest) is required' },
    ]);
  return r;
}

async function recordRecusal(ctx: AppContext, actor: SessionUser, e: EditionRow, n: NominationRow, judgeId: string, reason: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    // A recusal changes the ranking, so it is refused once the committee's decision is recorded.
    await assertOpen(trx, e.id, n.category_id);
    await lockNomination(trx, n.id);
    const scored = (await judgeScores(trx, [n.id], { judgeId })).length;
    if (!(await insertRecusal(trx, { nomination_id: n.id, judge_id: judgeId, reason, declared_by: actor.id, declared_at: now }))) return;
    await appendAudit(trx, now, {
      actorId: actor.id,
      action: 'awards.judge_recused',
      entity: 'award_nomination',
      entityId: n.id,
      after: { judgeId, reason, selfDeclared: actor.id === judgeId, scoresLeftOut: scored },
    });
  });
}

/** A judge declares a conflict of interest on a nomination assigned to them: from then on they no longer see or score it. */
export async function recuseSelf(ctx: AppContext, judge: SessionUser, eid: string, nid: string, body: { reason?: string }) {
  const e = await requireAwardsEdition(ctx.db, eid);
  if (!can(judge, 'awards.judge')) throw new AppError('NOT_FOUND');
  const n = await requireNomination(ctx.db, judge, e, nid);
  await recordRecusal(ctx, judge, e, n, judge.id, requireReason(body.reason));
  return { nominationId: n.id, recused: true };
}

/** An admin records a judge's conflict of interest (e.g. reported by phone, or found in the registry). */
export async function addRecusal(ctx: AppContext, admin: SessionUser, eid: string, nid: string, body: { judgeId: string; reason?: string }) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, admin, e, nid);
  const reason = requireReason(body.reason);
  if (!isUuid(body.judgeId) || (await activeJudges(ctx.db, [body.judgeId])).length === 0)
    throw new AppError('VALIDATION_FAILED', { detail: `not a judge: ${body.judgeId}` }, [
      { path: 'body/judgeId', th: `ผู้ใช้ ${body.judgeId} ไม่ใช่กรรมการ`, en: `User ${body.judgeId} is not an active judge` },
    ]);
  await recordRecusal(ctx, admin, e, n, body.judgeId, reason);
  return getNomination(ctx, admin, eid, nid);
}

/** An admin lifts a recusal recorded in error; the judge sees the nomination again if assigned, and their scores count again. */
export async function removeRecusal(ctx: AppContext, admin: SessionUser, eid: string, nid: string, judgeId: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, admin, e, nid);
  if (!isUuid(judgeId)) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertOpen(trx, e.id, n.category_id);
    const before = (await listRecusals(trx, [n.id])).find((r) => r.judge_id === judgeId);
    if (!before || !(await deleteRecusal(trx, n.id, judgeId))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, now, {
      actorId: admin.id,
      action: 'awards.recusal_lifted',
      entity: 'award_nomination',
      entityId: n.id,
      before: { judgeId, reason: before.reason, declaredBy: before.declared_by, at: new Date(before.declared_at).toISOString() },
    });
  });
  return getNomination(ctx, admin, eid, nid);
}

/** A judge's scores on one assigned nomination; each call replaces the given criteria (a retry writes the same values). */
export async function scoreNomination(ctx: AppContext, judge: SessionUser, eid: string, nid: string, scores: { criterion: string; score: number }[]) {
  const e = await requireAwardsEdition(ctx.db, eid);
  if (!can(judge, 'awards.judge')) throw new AppError('NOT_FOUND');
  const n = await requireNomination(ctx.db, judge, e, nid);
  const cat = await committeeCategory(ctx.db, e, n.category_id);
  const problems = [];
  const seen = new Set<string>();
  for (const [i, s] of scores.entries()) {
    const c = cat.criteria.find((x) => x.code === s.criterion);
    if (!c) problems.push({ path: `scores[${i}].criterion`, th: `ไม่มีเกณฑ์ ${s.criterion}`, en: `No criterion ${s.criterion}` });
    else if (!(Number.isFinite(s.score) && s.score >= 0 && s.score <= c.maxScore))
      problems.push({ path: `scores[${i}].score`, th: `คะแนนต้องอยู่ระหว่าง 0 ถึง ${c.maxScore}`, en: `The score must lie between 0 and ${c.maxScore}` });
    else if (seen.has(s.criterion)) problems.push({ path: `scores[${i}].criterion`, th: `ให้คะแนนเกณฑ์ ${s.criterion} ซ้ำ`, en: `${s.criterion} is scored twice` });
    seen.add(s.criterion);
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { detail: problems.map((p) => p.en).join('; ') }, problems);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertOpen(trx, e.id, n.category_id);
    // Locked, so a withdrawal and a first score cannot both pass their checks at once.
    if ((await lockNomination(trx, n.id))?.withdrawn_at) throw new AppError('NOT_FOUND');
    if (!(await isJudgeActiveOn(trx, n.id, judge.id))) throw new AppError('NOT_FOUND');
    await upsertScores(trx, scores.map((s) => ({ nomination_id: n.id, judge_id: judge.id, criterion: s.criterion, score: s.score, updated_at: now })));
    await appendAudit(trx, now, { actorId: judge.id, action: 'awards.scored', entity: 'award_nomination', entityId: n.id, after: { scores } });
  });
  const mine = await judgeScores(ctx.db, [n.id], { judgeId: judge.id });
  return { nominationId: n.id, scores: Object.fromEntries(mine.map((s) => [s.criterion, s.score])) };
}

function toNomination(n: NominationRow): Nomination {
  return {
    id: n.id,
    person: { name: { th: n.person_name_th, en: n.person_name_en ?? n.person_name_th }, position: { th: n.position_th, en: n.position_en ?? n.position_th } },
    organisation: { unitId: n.organisation_id, name: { th: n.org_name_th, en: n.org_name_en ?? n.org_name_th } },
    statement: n.statement,
    evidenceRefs: [],
    nominatedBy: n.nominated_by,
  };
}

/** The ranking from the scores of judges currently assigned (a removed judge's scores no longer count), recusals applied. */
async function ranking(db: Db, e: EditionRow, cat: CommitteeCategory) {
  const rows = await listNominations(db, e.id, { categoryId: cat.id, activeOnly: true });
  const scores: JudgeScore[] = (await judgeScores(db, rows.map((r) => r.id), { assignedOnly: true })).map((s) => ({
    judgeId: s.judge_id,
    nominationId: s.nomination_id,
    criterion: s.criterion,
    score: Number(s.score),
  }));
  // Scores a judge gave before recusing stay stored; the engine refuses them (JUDGE_RECUSED) and leaves them out.
  const recusals: Recusal[] = (await listRecusals(db, rows.map((r) => r.id))).map((r) => ({ judgeId: r.judge_id, nominationId: r.nomination_id }));
  return { rows, ranking: rankNominations(cat, rows.map(toNomination), scores, recusals) };
}

export async function committeeRanking(ctx: AppContext, eid: string, categoryId: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const cat = await committeeCategory(ctx.db, e, categoryId);
  const { rows, ranking: r } = await ranking(ctx.db, e, cat);
  const byId = new Map(rows.map((n) => [n.id, n]));
  const judgeIds = [...new Set(r.ranking.flatMap((x) => [...Object.keys(x.judgeScores), ...x.incompleteJudges]))];
  const names = new Map((await activeJudges(ctx.db, judgeIds.filter(isUuid))).map((j) => [j.id, j.display_name]));
  // The engine names judges and nominees by id; the page shows people, so ids in its messages become names.
  const labels = new Map<string, string>([...names, ...(await userNames(ctx.db, [...new Set(r.problems.flatMap((p) => p.en.match(UUID_IN_TEXT) ?? []))]))]);
  for (const n of rows) labels.set(n.id, n.person_name_th);
  const named = (text: string) => text.replace(UUID_IN_TEXT, (id) => labels.get(id) ?? id);
  return {
    categoryId: cat.id,
    name: cat.name,
    criteria: cat.criteria,
    awards: cat.awards,
    minJudges: cat.minJudges,
    ranking: r.ranking.map((x) => {
      const n = byId.get(x.nominationId)!;
      return {
        nominationId: x.nominationId,
        personNameTh: n.person_name_th,
        personNameEn: n.person_name_en,
        organisation: { id: n.organisation_id, code: n.org_code, nameTh: n.org_name_th, nameEn: n.org_name_en },
        score: x.score,
        rank: x.rank,
        perCriterion: x.perCriterion,
        judgeScores: Object.entries(x.judgeScores).map(([judgeId, score]) => ({ judgeId, judgeName: names.get(judgeId) ?? null, score })),
        incompleteJudges: x.incompleteJudges,
        reason: x.reason,
      };
    }),
    problems: r.problems.map((p) => ({ ...p, th: named(p.th), en: named(p.en) })),
  };
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Records the committee's final decision (state approved); announcing it is a workflow action. */
export async function decideCommittee(
  ctx: AppContext,
  actor: SessionUser,
  eid: string,
  categoryId: string,
  body: { winners: string[]; reasons: Record<string, string>; deviationReason?: string },
) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const cat = await committeeCategory(ctx.db, e, categoryId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    await assertOpen(trx, e.id, categoryId);
    const { ranking: r } = await ranking(trx, e, cat);
    const out = recordCommitteeDecision(cat, r, { winners: body.winners, reasons: body.reasons, ...(body.deviationReason ? { deviationReason: body.deviationReason } : {}), decidedBy: [actor.id], at: now.toISOString() });
    if (!out.ok) throw problemsToError(out.problems);
    const record: CommitteeRecord = { committee: out.decision, history: [{ action: 'approve', from: 'reviewed', to: 'approved', by: actor.id, at: now.toISOString() }] };
    await upsertDecision(trx, {
      edition_id: e.id,
      category_id: categoryId,
      kind: 'committee',
      state: 'approved',
      set_seq: null,
      snapshot_id: null,
      previous_snapshot_id: null,
      inputs_fingerprint: null,
      record,
      computed_at: now,
      updated_at: now,
    });
    await appendAudit(trx, now, {
      actorId: actor.id,
      action: 'awards.committee_decided',
      entity: 'award_decision',
      entityId: `${e.id}:${categoryId}`,
      after: { winners: out.decision.winners, followsRanking: out.decision.followsRanking, deviationReason: out.decision.deviationReason },
    });
  });
  const d = (await findDecision(ctx.db, e.id, categoryId))!;
  return presentDecision(ctx.db, e, d, actor);
}

/** Committee winners with the nominee's name and organisation, for decision views and certificates. */
export async function committeeWinnerViews(db: Db, decision: CommitteeDecision) {
  const out = [];
  for (const w of decision.winners) {
    const n = await findNomination(db, w.nominationId);
    out.push({
      nominationId: w.nominationId,
      personNameTh: n?.person_name_th ?? w.nominationId,
      personNameEn: n?.person_name_en ?? null,
      positionTh: n?.position_th ?? null,
      positionEn: n?.position_en ?? null,
      organisation: n ? { id: n.organisation_id, code: n.org_code, nameTh: n.org_name_th, nameEn: n.org_name_en } : null,
      rank: w.rank,
      score: w.score,
      reason: w.reason,
    });
  }
  return out;
}

/** Committee awards as awards to the nominees' organisations (for roll-ups). */
export async function committeeAwards(db: Db, decisions: CommitteeDecision[]): Promise<AwardGiven[]> {
  const out: AwardGiven[] = [];
  for (const d of decisions)
    for (const w of d.winners) {
      const n = await findNomination(db, w.nominationId);
      if (n) out.push({ categoryId: d.categoryId, group: 'committee', unitId: n.organisation_id });
    }
  return out;
}
