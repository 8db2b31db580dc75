// Evidence verification use cases: reviewer access, assignments, the review queue, item view, decisions, scoring rule, losses, audit export.
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import type { AnswerValue, Framework, I18nText, Item } from '../../engine/framework/types.js';
import { itemPoints } from '../../engine/scoring/items.js';
import { frameworkItems, isAnswerable, type LocatedItem } from '../../engine/questionnaire/items.js';
import {
  balanceAssignments,
  canDecide,
  effectiveState,
  progressOf,
  reviewerConflicted,
  type Decision,
  type ItemState,
  type ItemStatus,
  type Progress,
} from '../../engine/verification/index.js';
import type { SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { findEdition, type EditionRow } from '../repositories/editions.js';
import { findParticipant } from '../repositories/participants.js';
import { findOrganisation } from '../repositories/organisations.js';
import { answersFor } from '../repositories/answers.js';
import { evidenceFor } from '../repositories/evidence.js';
import { evidenceItems } from '../repositories/results.js';
import {
  acceptedItems,
  activeReviewers,
  assignmentsOf,
  auditPageForOrganisation,
  decisionsOf,
  editionHasAssignments,
  editionHasDecisions,
  findAssignment,
  listReasons,
  lockDecisionTargets,
  lockParticipantsForDecision,
  participantOrgsByIds,
  previousEditionId,
  queueRows,
  refreshReviewTotals,
  reviewableOfEdition,
  reviewItemsOf,
  sendBackItems,
  sendBacksOf,
  submittedParticipantOrgs,
  upsertAssignments,
  upsertReason,
  writeDecisions,
  type NewDecision,
  type ReasonRow,
  type WrittenDecision,
} from '../repositories/review.js';
import { appendAudit } from './audit.js';
import type { EvidenceRule } from './evidence-acceptance.js';
import { requireFramework } from './frameworks.js';
import { presentEvidenceFile } from './evidence.js';
import { sweepExpiredSendBacks } from './send-backs.js';
import { csvCell } from '../reports/spreadsheet-safe.js';

type Ctx = Pick<AppContext, 'db' | 'config' | 'clock' | 'ids'>;

// ---------------------------------------------------------------------------------------------------------------
// Access

async function requireEdition(db: Kysely<Database>, eid: string): Promise<EditionRow> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const e = await findEdition(db, eid);
  if (!e || e.state === 'draft') throw new AppError('NOT_FOUND');
  return e;
}

/** Admins reach every organisation; a reviewer only those assigned to them in the edition. Others: NOT_FOUND. */
export async function assertReviewAccess(db: Kysely<Database>, user: SessionUser, eid: string, oid: string): Promise<void> {
  if (!isUuid(eid) || !isUuid(oid)) throw new AppError('NOT_FOUND');
  if (user.role === 'admin') return;
  if (user.role !== 'reviewer') throw new AppError('NOT_FOUND');
  const a = await findAssignment(db, eid, oid);
  if (!a || a.reviewer_id !== user.id) throw new AppError('NOT_FOUND');
}

/**
 * For the questionnaire and evidence routes: once an edition has review assignments, a reviewer reaches only the
 * organisations assigned to them there (before that, reviewers may monitor every questionnaire).
 */
export async function reviewerMayOpen(db: Kysely<Database>, user: SessionUser, eid: string, oid: string): Promise<boolean> {
  if (user.role !== 'reviewer') return true;
  if (!(await editionHasAssignments(db, eid))) return true;
  const a = await findAssignment(db, eid, oid);
  return Boolean(a && a.reviewer_id === user.id);
}

// ---------------------------------------------------------------------------------------------------------------
// Reason catalogue

export function presentReason(r: ReasonRow) {
  return { code: r.code, appliesTo: r.applies_to, label: { th: r.label_th, en: r.label_en }, active: r.active, sort: r.sort };
}

export async function reasonCatalogue(ctx: Ctx, includeInactive = false) {
  return (await listReasons(ctx.db, includeInactive)).map(presentReason);
}

export async function saveReason(ctx: Ctx, user: SessionUser, r: { code: string; appliesTo: ReasonRow['applies_to']; labelTh: string; labelEn: string; active?: boolean; sort?: number }) {
  if (!/^[A-Z0-9_]{2,40}$/.test(r.code)) throw new AppError('VALIDATION_FAILED', { detail: 'code must be A–Z, 0–9 or _' }, [{ path: 'body/code', th: 'รหัสต้องเป็น A–Z, 0–9 หรือ _', en: 'The code must be A–Z, 0–9 or _' }]);
  const before = (await listReasons(ctx.db, true)).find((x) => x.code === r.code) ?? null;
  const row: ReasonRow = { code: r.code, applies_to: r.appliesTo, label_th: r.labelTh.trim(), label_en: r.labelEn.trim(), active: r.active ?? true, sort: r.sort ?? before?.sort ?? 500 };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertReason(trx, row);
    await appendAudit(trx, now, { actorId: user.id, action: 'review.reason_saved', entity: 'review_reason', entityId: r.code, before, after: row });
  });
  return presentReason(row);
}

// ---------------------------------------------------------------------------------------------------------------
// Reviewable items

const locCache = new WeakMap<Framework, { all: LocatedItem[]; byCode: Map<string, LocatedItem>; evidence: string[] }>();
function located(fw: Framework) {
  let c = locCache.get(fw);
  if (!c) {
    const all = frameworkItems(fw).filter((l) => isAnswerable(l.item));
    c = { all, byCode: new Map(all.map((l) => [l.item.code, l])), evidence: all.filter((l) => l.item.requiresEvidence).map((l) => l.item.code) };
    locCache.set(fw, c);
  }
  return c;
}

/** An item needs review when it needs evidence and is answered, or carries evidence files, or already has a review state. */
function reviewableCodes(fw: Framework, answered: Set<string>, withFiles: Set<string>, reviewed: Set<string>): string[] {
  const { all } = located(fw);
  return all.filter((l) => (l.item.requiresEvidence && answered.has(l.item.code)) || withFiles.has(l.item.code) || reviewed.has(l.item.code)).map((l) => l.item.code);
}

export async function reviewableItemsOf(db: Kysely<Database>, fw: Framework, eid: string, oid: string): Promise<Set<string>> {
  const [answers, files, items] = await Promise.all([answersFor(db, eid, oid), evidenceFor(db, eid, oid), reviewItemsOf(db, eid, oid)]);
  return new Set(reviewableCodes(fw, new Set(answers.filter((a) => a.value !== null).map((a) => a.item_code)), new Set(files.map((f) => f.item_code)), new Set(items.map((i) => i.item_code))));
}

/** Every reviewable item of the edition's submitted organisations (organisation id → item codes with and without a file). */
export async function reviewableOfEditionItems(db: Kysely<Database>, fw: Framework, eid: string): Promise<Map<string, { item: string; hasFile: boolean }[]>> {
  const { byCode, evidence } = located(fw);
  const out = new Map<string, { item: string; hasFile: boolean }[]>();
  for (const r of await reviewableOfEdition(db, eid, evidence)) {
    if (!byCode.has(r.item_code)) continue;
    const list = out.get(r.organisation_id);
    if (list) list.push({ item: r.item_code, hasFile: r.has_file });
    else out.set(r.organisation_id, [{ item: r.item_code, hasFile: r.has_file }]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Assignments

export interface AssignInput {
  /** Organisation ids to assign; omitted = every submitted participant without a reviewer. */
  organisationIds?: string[];
  /** Reviewers to spread over; omitted = every active reviewer. */
  reviewerIds?: string[];
}

/** Admin: balanced assignment of organisations to reviewers, never to a reviewer who belongs to the organisation. */
export async function autoAssign(ctx: Ctx, user: SessionUser, eid: string, input: AssignInput = {}) {
  await requireEdition(ctx.db, eid);
  const [reviewers, existing, orgs] = await Promise.all([
    activeReviewers(ctx.db, input.reviewerIds),
    assignmentsOf(ctx.db, eid),
    submittedParticipantOrgs(ctx.db, eid),
  ]);
  if (reviewers.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'no active reviewer' }, [{ path: 'body/reviewerIds', th: 'ไม่มีผู้ตรวจสอบที่ใช้งานอยู่', en: 'There is no active reviewer' }]);
  const assigned = new Set(existing.map((a) => a.organisation_id));
  const wanted = input.organisationIds ? new Set(input.organisationIds) : null;
  const targets = orgs.filter((o) => (wanted ? wanted.has(o.id) : !assigned.has(o.id))).map((o) => ({ id: o.id, parentId: o.parent_id }));
  const targetIds = new Set(targets.map((t) => t.id));
  const load = new Map<string, number>();
  for (const a of existing) if (!targetIds.has(a.organisation_id)) load.set(a.reviewer_id, (load.get(a.reviewer_id) ?? 0) + 1);
  const plan = balanceAssignments(targets, reviewers.map((r) => ({ id: r.id, organisationId: r.organisation_id, load: load.get(r.id) ?? 0 })));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertAssignments(trx, eid, plan.assignments, user.id, now);
    await appendAudit(trx, now, { actorId: user.id, action: 'review.assign_auto', entity: 'edition', entityId: eid, after: { assigned: plan.assignments.length, reviewers: reviewers.length, unassignable: plan.unassignable } });
  });
  return { assigned: plan.assignments.length, unassignable: plan.unassignable };
}

/** Admin: move organisations to one reviewer by hand; refused when the reviewer belongs to one of them. */
export async function assignManually(ctx: Ctx, user: SessionUser, eid: string, organisationIds: string[], reviewerId: string) {
  await requireEdition(ctx.db, eid);
  if (!isUuid(reviewerId) || organisationIds.some((o) => !isUuid(o))) throw new AppError('NOT_FOUND');
  const [reviewer] = await activeReviewers(ctx.db, [reviewerId]);
  if (!reviewer) throw new AppError('VALIDATION_FAILED', { detail: 'not an active reviewer' }, [{ path: 'body/reviewerId', th: 'ผู้ใช้นี้ไม่ใช่ผู้ตรวจสอบ', en: 'This user is not an active reviewer' }]);
  const orgs = await participantOrgsByIds(ctx.db, eid, organisationIds);
  if (orgs.length !== new Set(organisationIds).size) throw new AppError('NOT_FOUND');
  const conflicted = orgs.filter((o) => reviewerConflicted({ organisationId: reviewer.organisation_id }, { id: o.id, parentId: o.parent_id }));
  if (conflicted.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      { detail: 'the reviewer belongs to an organisation' },
      conflicted.map((o) => ({ path: `body/organisationIds/${organisationIds.indexOf(o.id)}`, th: 'ผู้ตรวจสอบสังกัดหน่วยงานนี้ จึงตรวจหน่วยงานนี้ไม่ได้', en: 'The reviewer belongs to this organisation and cannot review it' })),
    );
  }
  const before = (await assignmentsOf(ctx.db, eid)).filter((a) => organisationIds.includes(a.organisation_id)).map((a) => ({ organisationId: a.organisation_id, reviewerId: a.reviewer_id }));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await upsertAssignments(trx, eid, organisationIds.map((o) => ({ organisationId: o, reviewerId })), user.id, now);
    for (const oid of organisationIds) {
      await appendAudit(trx, now, { actorId: user.id, action: 'review.assign', entity: 'review_assignment', entityId: `${eid}/${oid}`, organisationId: oid, before: before.find((b) => b.organisationId === oid) ?? null, after: { reviewerId } });
    }
  });
  return { assigned: organisationIds.length };
}

export async function reviewerList(ctx: Ctx) {
  return (await activeReviewers(ctx.db)).map((r) => ({ id: r.id, name: r.display_name, email: r.email, organisationId: r.organisation_id }));
}

// ---------------------------------------------------------------------------------------------------------------
// Queue

/** Brings the per-organisation reviewable totals up to date (new submissions), or recomputes the given organisations. */
export async function refreshTotals(ctx: Ctx, fw: Framework, eid: string, only?: string[]): Promise<number> {
  const { all, evidence } = located(fw);
  return refreshReviewTotals(ctx.db, eid, evidence, all.map((l) => l.item.code), all.map((l) => l.dimensionCode), ctx.clock.now(), only);
}

export interface QueueFilter {
  level?: string;
  ministry?: string;
  province?: string;
  dimension?: string;
  /** pending: items wait for a first decision; resubmitted: corrected items wait; returned: out with the agency; done: nothing waits. */
  status?: 'pending' | 'resubmitted' | 'returned' | 'done';
  /** A reviewer id, or "none" for unassigned organisations. */
  reviewer?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function reviewQueue(ctx: Ctx, user: SessionUser, eid: string, f: QueueFilter) {
  const edition = await requireEdition(ctx.db, eid);
  const fw = await requireFramework(ctx.db, edition.framework_id, edition.framework_version);
  await sweepExpiredSendBacks(ctx, ctx.clock.now(), eid);
  const { all } = located(fw);
  if (f.dimension && !fw.dimensions.some((d) => d.code === f.dimension)) throw new AppError('VALIDATION_FAILED', { detail: `no dimension ${f.dimension}` }, [{ path: 'query/dimension', th: `ไม่มีมิติ ${f.dimension}`, en: `No dimension ${f.dimension}` }]);
  await refreshTotals(ctx, fw, eid);
  const scope = f.dimension ? all.filter((l) => l.dimensionCode === f.dimension).map((l) => l.item.code) : null;
  const rows = await queueRows(ctx.db, eid, f.dimension ?? '*', scope);
  const reviewerOnly = user.role === 'admin' ? null : user.id;
  const withProgress = rows.map((r) => {
    const p = progressOf((r.counts ?? {}) as Partial<Record<ItemStatus, number>>, r.total);
    const status: NonNullable<QueueFilter['status']> = r.open_deadline ? 'returned' : p.resubmitted > 0 ? 'resubmitted' : p.pending > 0 ? 'pending' : 'done';
    return { r, p, status };
  });
  // Progress per reviewer and overall is over every organisation the caller may see, before the other filters.
  const visible = withProgress.filter((x) => !reviewerOnly || x.r.reviewer_id === reviewerOnly);
  const sum = (list: typeof visible): Progress => {
    const counts: Partial<Record<ItemStatus, number>> = {};
    let total = 0;
    for (const x of list) {
      total += x.p.total;
      for (const k of ['accepted', 'insufficient', 'rejected', 'returned', 'resubmitted'] as const) counts[k] = (counts[k] ?? 0) + x.p[k];
    }
    return progressOf(counts, total);
  };
  const byReviewer = new Map<string, { id: string | null; name: string | null; list: typeof visible }>();
  for (const x of visible) {
    const key = x.r.reviewer_id ?? 'none';
    let g = byReviewer.get(key);
    if (!g) byReviewer.set(key, (g = { id: x.r.reviewer_id, name: x.r.reviewer_name, list: [] }));
    g.list.push(x);
  }
  const q = f.q?.trim().toLowerCase();
  const filtered = visible.filter(
    ({ r, status }) =>
      (!f.level || r.level === f.level) &&
      (!f.ministry || r.ministry_code === f.ministry) &&
      (!f.province || r.province_code === f.province) &&
      (!f.status || status === f.status) &&
      (!f.reviewer || (f.reviewer === 'none' ? r.reviewer_id === null : r.reviewer_id === f.reviewer)) &&
      (!q || r.code.toLowerCase().includes(q) || r.name_th.toLowerCase().includes(q) || (r.name_en ?? '').toLowerCase().includes(q)),
  );
  const pageSize = Math.min(Math.max(f.pageSize ?? 50, 1), 500);
  const page = Math.max(f.page ?? 1, 1);
  return {
    edition: { id: edition.id, yearBe: edition.year_be, titleTh: edition.title_th, titleEn: edition.title_en, state: edition.state },
    dimensions: fw.dimensions.map((d) => ({ code: d.code, name: d.name })),
    overall: sum(visible),
    reviewers: [...byReviewer.values()].map((g) => ({ id: g.id, name: g.name, organisations: g.list.length, progress: sum(g.list) })).sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
    total: filtered.length,
    page,
    pageSize,
    organisations: filtered.slice((page - 1) * pageSize, page * pageSize).map(({ r, p, status }) => ({
      id: r.organisation_id,
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      level: r.level,
      ministryCode: r.ministry_code,
      provinceCode: r.province_code,
      reviewerId: r.reviewer_id,
      reviewerName: r.reviewer_name,
      status,
      correctionDeadline: r.open_deadline ? new Date(r.open_deadline).toISOString() : null,
      progress: p,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Item view

function answerLabel(item: Item, v: AnswerValue | null | undefined): I18nText | null {
  if (v === null || v === undefined) return null;
  switch (item.kind) {
    case 'yes_no':
      return v === true ? { th: 'ใช่', en: 'Yes' } : { th: 'ไม่ใช่', en: 'No' };
    case 'single_choice': {
      const o = item.options.find((x) => x.code === v);
      return o ? o.label : { th: String(v), en: String(v) };
    }
    case 'multi_choice': {
      const list = (v as string[]).map((c) => item.options.find((o) => o.code === c)?.label ?? { th: c, en: c });
      return { th: list.map((l) => l.th).join(', '), en: list.map((l) => l.en).join(', ') };
    }
    default:
      return { th: String(v), en: String(v) };
  }
}

/** Everything a reviewer needs to decide an organisation's items, in questionnaire order. */
export async function reviewItems(ctx: Ctx, user: SessionUser, eid: string, oid: string) {
  await assertReviewAccess(ctx.db, user, eid, oid);
  const edition = await requireEdition(ctx.db, eid);
  const participant = await findParticipant(ctx.db, eid, oid);
  if (!participant) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await sweepExpiredSendBacks(ctx, now, eid);
  const fw = await requireFramework(ctx.db, edition.framework_id, edition.framework_version);
  const [org, answers, files, states, decisions, reasons, sendBacks] = await Promise.all([
    findOrganisation(ctx.db, oid),
    answersFor(ctx.db, eid, oid),
    evidenceFor(ctx.db, eid, oid),
    reviewItemsOf(ctx.db, eid, oid),
    decisionsOf(ctx.db, eid, oid),
    listReasons(ctx.db, true),
    sendBacksOf(ctx.db, eid, oid),
  ]);
  if (!org) throw new AppError('NOT_FOUND');
  const sbItems = await sendBackItems(ctx.db, sendBacks.map((s) => s.id));
  const sbById = new Map(sendBacks.map((s) => [s.id, s]));
  const reasonBy = new Map(reasons.map((r) => [r.code, r]));
  const ansBy = new Map(answers.map((a) => [a.item_code, a]));
  const filesBy = new Map<string, typeof files>();
  for (const f of files) filesBy.set(f.item_code, [...(filesBy.get(f.item_code) ?? []), f]);
  const stateBy = new Map(states.map((s) => [s.item_code, s]));
  const decisionsBy = new Map<string, typeof decisions>();
  for (const d of decisions) decisionsBy.set(d.item_code, [...(decisionsBy.get(d.item_code) ?? []), d]);
  const codes = reviewableCodes(fw, new Set(answers.filter((a) => a.value !== null).map((a) => a.item_code)), new Set(filesBy.keys()), new Set(stateBy.keys()));

  // The previous edition's answer, through the crosswalk when the framework has one.
  const prevId = await previousEditionId(ctx.db, edition, fw.crosswalk?.previous ?? null);
  const prevAnswers = prevId ? new Map((await answersFor(ctx.db, prevId, oid)).map((a) => [a.item_code, a.value])) : new Map<string, AnswerValue>();
  const prevFw = prevId ? await (async () => { const pe = await findEdition(ctx.db, prevId); return pe ? requireFramework(ctx.db, pe.framework_id, pe.framework_version) : null; })() : null;
  const prevLoc = prevFw ? located(prevFw).byCode : null;

  const { byCode } = located(fw);
  const presentReasonRef = (code: string | null) => (code ? { code, label: reasonBy.has(code) ? { th: reasonBy.get(code)!.label_th, en: reasonBy.get(code)!.label_en } : { th: code, en: code } } : null);
  return {
    edition: { id: edition.id, yearBe: edition.year_be, titleTh: edition.title_th, titleEn: edition.title_en, state: edition.state },
    organisation: { id: org.id, code: org.code, nameTh: org.name_th, nameEn: org.name_en, level: org.level, ministryCode: org.ministry_code, provinceCode: org.province_code },
    participantStatus: participant.status,
    reasons: reasons.filter((r) => r.active).map(presentReason),
    openSendBack: (() => {
      const s = sendBacks.find((x) => x.status === 'open');
      return s ? { id: s.id, round: s.round, deadline: new Date(s.deadline).toISOString() } : null;
    })(),
    items: codes.map((code) => {
      const loc = byCode.get(code)!;
      const a = ansBy.get(code);
      const st = stateBy.get(code);
      const sb = st?.send_back_id ? sbById.get(st.send_back_id) : undefined;
      const raw: ItemState = { status: st?.status ?? 'pending', decision: st?.decision ?? null, final: st?.final ?? false, deadline: sb && sb.status === 'open' ? new Date(sb.deadline).getTime() : null };
      const eff = effectiveState(raw, now.getTime());
      const hist = decisionsBy.get(code) ?? [];
      const last = hist[hist.length - 1];
      const sbItem = st?.send_back_id ? sbItems.find((i) => i.send_back_id === st.send_back_id && i.item_code === code) : undefined;
      const itemFiles = filesBy.get(code) ?? [];
      const prevCode = fw.crosswalk ? fw.crosswalk.items[code] : code;
      const prevValue = prevCode ? prevAnswers.get(prevCode) : undefined;
      const prevItem = prevCode && prevLoc ? prevLoc.get(prevCode)?.item : undefined;
      return {
        code,
        dimension: loc.dimensionCode,
        text: loc.item.text,
        help: loc.item.help ?? null,
        kind: loc.item.kind,
        requiresEvidence: Boolean(loc.item.requiresEvidence),
        answer: a ? { value: a.value, label: answerLabel(loc.item, a.value), version: a.version, updatedAt: new Date(a.updated_at).toISOString() } : null,
        files: itemFiles.map(presentEvidenceFile),
        status: eff.status,
        decision: eff.decision,
        final: eff.final,
        lastDecision: last
          ? { id: last.id, decision: last.decision, reason: presentReasonRef(last.reason_code), comment: last.comment, internalNote: last.internal_note, reviewerName: last.reviewer_name, decidedAt: new Date(last.decided_at).toISOString() }
          : null,
        history: hist.map((d) => ({ decision: d.decision, reasonCode: d.reason_code, comment: d.comment, internalNote: d.internal_note, reviewerName: d.reviewer_name, decidedAt: new Date(d.decided_at).toISOString() })),
        previous: prevValue !== undefined ? { editionId: prevId, code: prevCode, value: prevValue, label: prevItem ? answerLabel(prevItem, prevValue) : null } : null,
        sendBack:
          sb && sbItem
            ? {
                id: sb.id,
                round: sb.round,
                status: sb.status,
                deadline: new Date(sb.deadline).toISOString(),
                reason: presentReasonRef(sbItem.reason_code),
                comment: sbItem.comment,
                answerBefore: sbItem.answer_before,
                answerBeforeLabel: answerLabel(loc.item, sbItem.answer_before),
                answerChanged: JSON.stringify(sbItem.answer_before) !== JSON.stringify(a?.value ?? null),
                newFileIds: itemFiles.filter((f) => !sbItem.files_before.includes(f.id)).map((f) => f.id),
              }
            : null,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

export interface DecisionInput {
  decision: Decision;
  reasonCode?: string | null;
  /** Shown to the agency. */
  comment?: string | null;
  /** Reviewers and admins only; never shown to the agency. */
  internalNote?: string | null;
}

/** One decision in a batch: which organisation's item, and the decision itself. */
export interface BatchDecision extends DecisionInput {
  organisationId: string;
  item: string;
}

/** Statements stay bounded in a large batch (the demo's editions), while the batch is still one transaction. */
const DECISION_CHUNK = 4000;

/**
 * The rules every decision passes, for one decision or a batch, inside one transaction: each participant submitted;
 * each item's current state allows the decision (not returned to the agency, not final) with a reason that applies;
 * the item reviewable (a review state, an answer or an evidence file). Items are locked in key order; every decision
 * gets its own audit entry, appended to the chain last, so the chain is held only at the end of the transaction.
 * Access, the item codes and the reason codes are checked by the callers, before the transaction.
 */
async function applyDecisions(ctx: Ctx, user: SessionUser, eid: string, list: BatchDecision[], reasonBy: Map<string, ReasonRow>, now: Date) {
  const key = (oid: string, item: string) => `${oid}\u0000${item}`;
  return ctx.db.transaction().execute(async (trx) => {
    const oids = [...new Set(list.map((d) => d.organisationId))].sort();
    const participants = new Map((await lockParticipantsForDecision(trx, eid, oids)).map((p) => [p.organisation_id, p.status]));
    for (const oid of oids) {
      const st = participants.get(oid);
      if (st !== 'submitted') throw new AppError('STATE_FORBIDS', { state: st ?? 'unknown' }, [{ path: 'participant/status', th: 'ตรวจได้เฉพาะแบบสำรวจที่ส่งแล้ว', en: 'Only a submitted questionnaire can be reviewed' }]);
    }
    const written: (WrittenDecision & { before: ItemState; input: BatchDecision })[] = [];
    for (let i = 0; i < list.length; i += DECISION_CHUNK) {
      const chunk = list.slice(i, i + DECISION_CHUNK);
      const current = new Map((await lockDecisionTargets(trx, eid, chunk.map((d) => ({ organisationId: d.organisationId, item: d.item })))).map((r) => [key(r.organisation_id, r.item_code), r]));
      const rows: NewDecision[] = [];
      const before = new Map<string, ItemState>();
      for (const d of chunk) {
        const cur = current.get(key(d.organisationId, d.item));
        const deadline = cur?.status === 'returned' && cur.sb_status === 'open' && cur.sb_deadline ? new Date(cur.sb_deadline).getTime() : null;
        const state: ItemState = { status: cur?.status ?? 'pending', decision: cur?.decision ?? null, final: cur?.final ?? false, deadline };
        const reason = d.reasonCode ? reasonBy.get(d.reasonCode)! : null;
        const ok = canDecide(state, d.decision, reason ? { code: reason.code, appliesTo: reason.applies_to } : null, now.getTime());
        if (!ok.ok) {
          if (ok.problem === 'final') throw new AppError('REVIEW_DECISION_FINAL');
          if (ok.problem === 'awaiting_agency') throw new AppError('REVIEW_AWAITING_AGENCY');
          const [th, en] = ok.problem === 'reason_required' ? ['ต้องเลือกเหตุผล', 'Choose a reason'] : ['เหตุผลนี้ใช้กับผลการพิจารณานี้ไม่ได้', 'This reason does not apply to this decision'];
          throw new AppError('VALIDATION_FAILED', { detail: en }, [{ path: 'body/reasonCode', th, en }]);
        }
        before.set(key(d.organisationId, d.item), state);
        rows.push({
          organisation_id: d.organisationId,
          item_code: d.item,
          decision: d.decision,
          reason_code: reason?.code ?? null,
          comment: d.comment?.trim() || null,
          internal_note: d.internalNote?.trim() || null,
          has_state: Boolean(cur),
        });
      }
      const out = new Map((await writeDecisions(trx, eid, user.id, now, rows)).map((w) => [key(w.organisation_id, w.item_code), w]));
      // Not reviewable: no review state, no answer and no evidence file.
      if (out.size !== chunk.length) throw new AppError('NOT_FOUND');
      for (const d of chunk) {
        const k = key(d.organisationId, d.item);
        written.push({ ...out.get(k)!, before: before.get(k)!, input: d });
      }
    }
    await appendAudit(
      trx,
      now,
      written.map((w) => {
        const reasonCode = w.input.reasonCode ? reasonBy.get(w.input.reasonCode)!.code : null;
        return {
          actorId: user.id,
          action: 'review.decision',
          entity: 'review_item',
          entityId: `${eid}/${w.organisation_id}/${w.item_code}`,
          organisationId: w.organisation_id,
          before: { status: w.before.status, decision: w.before.decision },
          after: { decision: w.input.decision, reasonCode, comment: w.input.comment?.trim() || null, internalNote: w.input.internalNote?.trim() || null, answerVersion: w.answer_version, files: w.files },
        };
      }),
    );
    return written;
  });
}

async function decisionReasons(db: Kysely<Database>, list: { reasonCode?: string | null }[]): Promise<Map<string, ReasonRow>> {
  if (!list.some((d) => d.reasonCode)) return new Map();
  const reasons = new Map((await listReasons(db)).map((r) => [r.code, r]));
  list.forEach((d, i) => {
    if (d.reasonCode && !reasons.has(d.reasonCode)) {
      const path = list.length === 1 ? 'body/reasonCode' : `body/decisions/${i}/reasonCode`;
      throw new AppError('VALIDATION_FAILED', { detail: `no reason ${d.reasonCode}` }, [{ path, th: `ไม่มีเหตุผลรหัส ${d.reasonCode}`, en: `No reason ${d.reasonCode}` }]);
    }
  });
  return reasons;
}

/** Records one decision on one item; the whole check and write is one transaction with its audit entry. */
export async function recordDecision(ctx: Ctx, user: SessionUser, eid: string, oid: string, item: string, input: DecisionInput) {
  await assertReviewAccess(ctx.db, user, eid, oid);
  const edition = await requireEdition(ctx.db, eid);
  const now = ctx.clock.now();
  const fw = await requireFramework(ctx.db, edition.framework_id, edition.framework_version);
  if (!located(fw).byCode.has(item)) throw new AppError('NOT_FOUND');
  const reasons = await decisionReasons(ctx.db, [input]);
  await sweepExpiredSendBacks(ctx, now, eid);
  const [w] = await applyDecisions(ctx, user, eid, [{ ...input, organisationId: oid, item }], reasons, now);
  return { id: w!.id, item, status: input.decision, decision: input.decision, decidedAt: now.toISOString() };
}

/**
 * A batch of decisions (one organisation's items, or many organisations') with exactly the rules of recordDecision,
 * in one transaction: all are recorded, or none. Each decision still gets its own audit entry in the chain. Used where
 * deciding item by item would take too long (the demo edition's tens of thousands of decisions).
 */
export async function decideMany(ctx: Ctx, user: SessionUser, eid: string, list: BatchDecision[]) {
  const edition = await requireEdition(ctx.db, eid);
  if (list.length === 0) return { decided: 0, ids: [] as string[] };
  const oids = [...new Set(list.map((d) => d.organisationId))];
  if (oids.some((o) => !isUuid(o))) throw new AppError('NOT_FOUND');
  if (user.role !== 'admin') {
    if (user.role !== 'reviewer') throw new AppError('NOT_FOUND');
    const mine = new Set((await assignmentsOf(ctx.db, eid)).filter((a) => a.reviewer_id === user.id).map((a) => a.organisation_id));
    if (oids.some((o) => !mine.has(o))) throw new AppError('NOT_FOUND');
  }
  const fw = await requireFramework(ctx.db, edition.framework_id, edition.framework_version);
  const { byCode } = located(fw);
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (!byCode.has(d.item)) throw new AppError('NOT_FOUND');
    const k = `${d.organisationId}/${d.item}`;
    if (seen.has(k)) throw new AppError('VALIDATION_FAILED', { detail: `${k} appears twice` }, [{ path: `body/decisions/${i}`, th: 'มีข้อซ้ำ', en: 'An item appears twice' }]);
    seen.add(k);
  });
  const reasons = await decisionReasons(ctx.db, list);
  const now = ctx.clock.now();
  await sweepExpiredSendBacks(ctx, now, eid);
  const written = await applyDecisions(ctx, user, eid, list, reasons, now);
  return { decided: written.length, ids: written.map((w) => w.id) };
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring: the evidence rule and the agency's view of lost points

/**
 * "reviewer_decision": an item's evidence counts when its current review state is accepted. An edition in which no
 * decision has been recorded yet (verification not started) counts items with evidence files, as `file_exists` does,
 * so provisional runs before verification still mean something; the snapshot records the rule name either way.
 */
export const reviewerDecisionRule: EvidenceRule = {
  name: 'reviewer_decision',
  accepted: async (db, editionId) => {
    const rows = (await editionHasDecisions(db, editionId)) ? await acceptedItems(db, editionId) : await evidenceItems(db, editionId);
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const list = out.get(r.organisation_id);
      if (list) list.push(r.item_code);
      else out.set(r.organisation_id, [r.item_code]);
    }
    for (const list of out.values()) list.sort();
    return out;
  },
};

/**
 * Items of one organisation that need evidence, were answered so that they would score, and whose evidence is not
 * accepted: what the item would have scored and why it did not (reason and reviewer comment; never internal notes).
 */
export async function evidenceLosses(ctx: Ctx, user: SessionUser, eid: string, oid: string) {
  if (!isUuid(eid) || !isUuid(oid)) throw new AppError('NOT_FOUND');
  const agency = (user.role === 'head' || user.role === 'coordinator' || user.role === 'contributor') && user.organisationId === oid;
  if (!agency && user.role !== 'admin') await assertReviewAccess(ctx.db, user, eid, oid);
  const edition = await requireEdition(ctx.db, eid);
  await sweepExpiredSendBacks(ctx, ctx.clock.now(), eid);
  const fw = await requireFramework(ctx.db, edition.framework_id, edition.framework_version);
  const [answers, states, decisions, reasons, anyDecision] = await Promise.all([answersFor(ctx.db, eid, oid), reviewItemsOf(ctx.db, eid, oid), decisionsOf(ctx.db, eid, oid), listReasons(ctx.db, true), editionHasDecisions(ctx.db, eid)]);
  const stateBy = new Map(states.map((s) => [s.item_code, s]));
  const lastBy = new Map(decisions.map((d) => [d.item_code, d]));
  const reasonBy = new Map(reasons.map((r) => [r.code, r]));
  const items = [];
  for (const l of located(fw).all) {
    if (!l.item.requiresEvidence) continue;
    const a = answers.find((x) => x.item_code === l.item.code);
    if (!a || a.value === null) continue;
    const would = itemPoints(l.item, a.value);
    if (!(would > 0)) continue;
    const st = stateBy.get(l.item.code);
    if (st?.status === 'accepted') continue;
    const last = lastBy.get(l.item.code);
    const r = last?.reason_code ? reasonBy.get(last.reason_code) : undefined;
    items.push({
      code: l.item.code,
      dimension: l.dimensionCode,
      text: l.item.text,
      status: st?.status ?? 'pending',
      final: st?.final ?? false,
      pointsLost: Math.round(would * 1000) / 1000,
      weight: l.item.weight ?? 1,
      reason: r ? { code: r.code, label: { th: r.label_th, en: r.label_en } } : null,
      comment: last?.comment ?? null,
    });
  }
  return { verificationStarted: anyDecision, items };
}

// ---------------------------------------------------------------------------------------------------------------
// Audit export

const CSV_COLUMNS = ['id', 'at', 'actor_id', 'actor_name', 'action', 'entity', 'entity_id', 'before', 'after', 'prev_hash', 'hash'] as const;

/** Admin: every audit entry about one organisation, as CSV (UTF-8 with BOM, for Excel) or JSON, with the chain hashes. */
export async function* exportOrganisationAudit(ctx: Ctx, user: SessionUser, oid: string, format: 'csv' | 'json'): AsyncGenerator<string> {
  if (user.role !== 'admin' || !isUuid(oid)) throw new AppError('NOT_FOUND');
  await appendAudit(ctx.db, ctx.clock.now(), { actorId: user.id, action: 'audit.export', entity: 'organisation', entityId: oid, organisationId: oid, after: { format } });
  let after: string | null = null;
  let first = true;
  yield format === 'csv' ? `\ufeff${CSV_COLUMNS.join(',')}\r\n` : '[';
  for (;;) {
    const rows = await auditPageForOrganisation(ctx.db, oid, after, 1000);
    if (rows.length === 0) break;
    let chunk = '';
    for (const r of rows) {
      if (format === 'csv') chunk += `${CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')}\r\n`;
      else {
        chunk += `${first ? '' : ','}\n${JSON.stringify({ id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, prevHash: r.prev_hash, hash: r.hash })}`;
        first = false;
      }
    }
    yield chunk;
    after = rows[rows.length - 1]!.id;
  }
  if (format === 'json') yield '\n]\n';
}

/** Audit entry for a DGA user opening an evidence file (agency users reading their own files are not logged). */
export async function auditEvidenceView(ctx: Ctx, user: SessionUser, file: { id: string; organisation_id: string; edition_id: string; item_code: string; filename: string; sha256: string }): Promise<void> {
  if (user.role !== 'admin' && user.role !== 'reviewer') return;
  await appendAudit(ctx.db, ctx.clock.now(), { actorId: user.id, action: 'evidence.view', entity: 'evidence_file', entityId: file.id, organisationId: file.organisation_id, after: { editionId: file.edition_id, item: file.item_code, filename: file.filename, sha256: file.sha256 } });
}
