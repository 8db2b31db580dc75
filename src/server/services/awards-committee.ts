// Committee-judged awards (the outstanding digital leader): nominations with evidence, judge assignment, scoring, the recorded decision.
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
} from '../../engine/awards/index.js';
import type { AwardGiven } from '../../engine/awards/rollup.js';
import { can, type SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import {
  activeJudges,
  findDecision,
  findNomination,
  insertNomination,
  insertNominationFile,
  isJudgeAssigned,
  judgeAssignmentEditions,
  judgeScores,
  listNominations,
  lockEditionForAwards,
  nominationFiles,
  nominationJudges,
  replaceNominationJudges,
  upsertDecision,
  upsertScores,
  type NominationRow,
} from '../repositories/awards.js';
import type { EditionRow } from '../repositories/editions.js';
import { findOrganisation } from '../repositories/organisations.js';
import { appendAudit } from './audit.js';
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

/** Whether the user may see the nomination: DGA all; the nominating organisation's people; assigned judges. */
async function maySee(db: Db, user: SessionUser, n: NominationRow): Promise<boolean> {
  if (can(user, 'awards.review')) return true;
  if (user.role === 'judge') return isJudgeAssigned(db, n.id, user.id);
  return (user.role === 'head' || user.role === 'coordinator') && user.organisationId === n.organisation_id;
}

async function requireNomination(db: Db, user: SessionUser, e: EditionRow, nid: string): Promise<NominationRow> {
  if (!isUuid(nid)) throw new AppError('NOT_FOUND');
  const n = await findNomination(db, nid);
  if (!n || n.edition_id !== e.id || !(await maySee(db, user, n))) throw new AppError('NOT_FOUND');
  return n;
}

async function presentNominations(db: Db, user: SessionUser, rows: NominationRow[]) {
  const ids = rows.map((r) => r.id);
  const dga = can(user, 'awards.review');
  const [files, judges, mine, all] = await Promise.all([
    nominationFiles(db, ids),
    dga ? nominationJudges(db, ids) : Promise.resolve([]),
    user.role === 'judge' ? judgeScores(db, ids, { judgeId: user.id }) : Promise.resolve([]),
    dga ? judgeScores(db, ids, { assignedOnly: true }) : Promise.resolve([]),
  ]);
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
      ...(dga ? { judges: judges.filter((j) => j.nomination_id === n.id).map((j) => ({ id: j.judge_id, name: j.display_name, scoredCriteria: scoredBy.get(j.judge_id) ?? 0 })) } : {}),
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
  return { nominations: await presentNominations(ctx.db, user, rows) };
}

export async function getNomination(ctx: AppContext, user: SessionUser, eid: string, nid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const n = await requireNomination(ctx.db, user, e, nid);
  return (await presentNominations(ctx.db, user, [n]))[0]!;
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
  await committeeCategory(ctx.db, e, body.categoryId);
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
    // A retried request (or a second click) finds the same person already nominated by the organisation: no duplicate.
    const same = (await listNominations(trx, e.id, { categoryId: body.categoryId, organisationId: body.organisationId })).find(
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
  await assertOpen(ctx.db, e.id, n.category_id);
  return storeUpload(ctx, file, async (upload) => {
    const now = ctx.clock.now();
    const id = ctx.ids.uuid();
    const { filename, size, mimeType, sha256 } = upload;
    await ctx.db.transaction().execute(async (trx) => {
      await lockEditionForAwards(trx, e.id);
      await assertOpen(trx, e.id, n.category_id);
      await recordBlob(trx, upload, now);
      await insertNominationFile(trx, { id, nomination_id: n.id, sha256, filename, size, mime_type: mimeType, uploaded_by: user.id, uploaded_at: now });
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
    const before = (await nominationJudges(trx, [n.id])).map((j) => j.judge_id);
    await replaceNominationJudges(trx, n.id, unique, actor.id, now);
    await appendAudit(trx, now, { actorId: actor.id, action: 'awards.judges_assigned', entity: 'award_nomination', entityId: n.id, organisationId: n.organisation_id, before: { judges: before }, after: { judges: unique } });
  });
  return getNomination(ctx, actor, eid, nid);
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
    if (!(await isJudgeAssigned(trx, n.id, judge.id))) throw new AppError('NOT_FOUND');
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

/** The ranking from the scores of judges currently assigned (a removed judge's scores no longer count). */
async function ranking(db: Db, e: EditionRow, cat: CommitteeCategory) {
  const rows = await listNominations(db, e.id, { categoryId: cat.id });
  const scores: JudgeScore[] = (await judgeScores(db, rows.map((r) => r.id), { assignedOnly: true })).map((s) => ({
    judgeId: s.judge_id,
    nominationId: s.nomination_id,
    criterion: s.criterion,
    score: Number(s.score),
  }));
  return { rows, ranking: rankNominations(cat, rows.map(toNomination), scores) };
}

export async function committeeRanking(ctx: AppContext, eid: string, categoryId: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const cat = await committeeCategory(ctx.db, e, categoryId);
  const { rows, ranking: r } = await ranking(ctx.db, e, cat);
  const byId = new Map(rows.map((n) => [n.id, n]));
  const judgeIds = [...new Set(r.ranking.flatMap((x) => [...Object.keys(x.judgeScores), ...x.incompleteJudges]))];
  const names = new Map((await activeJudges(ctx.db, judgeIds.filter(isUuid))).map((j) => [j.id, j.display_name]));
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
    problems: r.problems,
  };
}

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
