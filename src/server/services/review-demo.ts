// Demo verification: realistic, seeded reviewer decisions for an edition, made through the workflow's own services.
import { Readable } from 'node:stream';
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { createRng, type Rng } from '../../engine/random.js';
import { demoDecision, type Decision } from '../../engine/verification/index.js';
import type { SessionUser } from '../auth/policy.js';
import { findEdition } from '../repositories/editions.js';
import { assignmentsOf, listReasons } from '../repositories/review.js';
import { findUsersByIds, firstActiveCoordinator } from '../repositories/users.js';
import { requireFramework } from './frameworks.js';
import { autoAssign, decideMany, reviewableOfEditionItems, type BatchDecision } from './review.js';
import { createSendBack, resubmitSendBack } from './send-backs.js';
import { uploadEvidence } from './evidence.js';

/** A one-page PDF the demo agency "uploads" as its corrected evidence. */
const CORRECTED_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

const COMMENTS: Record<Exclude<Decision, 'accepted'>, string[]> = {
  insufficient: ['กรุณาแนบเอกสารฉบับที่ผู้บริหารลงนามแล้ว', 'หลักฐานยังไม่ครอบคลุมทุกข้อที่ตอบ', 'กรุณาแนบหลักฐานของปีงบประมาณปัจจุบัน'],
  rejected: ['เอกสารที่แนบไม่เกี่ยวข้องกับคำถามข้อนี้', 'หลักฐานแสดงผลไม่ตรงกับคำตอบ'],
};

/** Organisations decided per call of decideMany (one transaction each; ~50 items per organisation). */
const ORGANISATIONS_PER_BATCH = 150;

export interface DemoReviewOptions {
  editionId: string;
  /** The admin who assigns reviewers (organisations without a reviewer are assigned first, balanced). */
  admin: SessionUser;
  seed?: number;
  /** Days the agency gets to correct returned items (default 14). */
  deadlineDays?: number;
  /** Review only these organisations (default: every assigned, submitted one). */
  organisationIds?: string[];
  /** Organisations left waiting in the queue (e.g. named demo agencies, for a reviewer to try by hand). */
  leavePending?: string[];
  /** Share of the organisations reviewed, picked by the seed (default 1: all); the rest wait in the queue. */
  share?: number;
  /**
   * "realistic" (default): mostly accepted, some insufficient or rejected, a few sent back and corrected.
   * "calibrated": for an edition whose published results must stand (the demo model scored every uploaded file as
   * accepted): every item with an evidence file ends accepted, some only after being sent back and corrected; items
   * without a file (answers that claim nothing, so score nothing either way) are mostly accepted, some insufficient.
   */
  mode?: 'realistic' | 'calibrated';
  /** At most this many organisations get a send-back (default: no limit). */
  maxSendBacks?: number;
  /** "calibrated" mode: the share of organisations that get one or two filed items sent back (default 0.04). */
  sendBackShare?: number;
}

export interface DemoReviewSummary {
  organisations: number;
  accepted: number;
  insufficient: number;
  rejected: number;
  /** Items sent back for correction (then corrected, resubmitted and accepted). */
  sentBack: number;
  corrected: number;
  sendBacks: number;
}

function sessionUser(u: { id: string; email: string; display_name: string; role: SessionUser['role']; organisation_id: string | null }): SessionUser {
  return { id: u.id, email: u.email, displayName: u.display_name, role: u.role, organisationId: u.organisation_id, organisation: null, locale: 'th' };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)]!;

/**
 * Reviews the submitted organisations of an edition through the review services: decisions in batches (decideMany,
 * every decision with its own audit entry), then for a few organisations the whole correction loop — send-back,
 * the agency's coordinator uploads a corrected file and resubmits, the reviewer accepts. Same seed, same decisions.
 * Needs an active reviewer; an organisation without an active coordinator is never sent back.
 */
export async function simulateReviewDecisions(ctx: AppContext, opts: DemoReviewOptions): Promise<DemoReviewSummary> {
  const rng = createRng(opts.seed ?? 20250923);
  const eid = opts.editionId;
  const mode = opts.mode ?? 'realistic';
  const maxSendBacks = opts.maxSendBacks ?? Number.POSITIVE_INFINITY;
  const edition = await findEdition(ctx.db, eid);
  if (!edition) throw new AppError('NOT_FOUND');
  const fw = await requireFramework(ctx.db, edition.framework_id, edition.framework_version);
  await autoAssign(ctx, opts.admin, eid);
  const [reasons, reviewable, assignments] = await Promise.all([listReasons(ctx.db), reviewableOfEditionItems(ctx.db, fw, eid), assignmentsOf(ctx.db, eid)]);
  const reasonsFor = (d: Exclude<Decision, 'accepted'>) => reasons.filter((r) => r.applies_to === d && r.code !== 'MISSING_FILE').map((r) => r.code);
  const only = opts.organisationIds ? new Set(opts.organisationIds) : null;
  const skip = new Set(opts.leavePending ?? []);
  const chosen = assignments
    .filter((a) => reviewable.has(a.organisation_id) && (!only || only.has(a.organisation_id)) && !skip.has(a.organisation_id))
    // By registry code, not id: ids are random per database, and the same seed must pick the same agencies.
    .sort((a, b) => (a.organisation_code < b.organisation_code ? -1 : a.organisation_code > b.organisation_code ? 1 : 0))
    .filter(() => opts.share === undefined || rng.next() < opts.share);
  const userIds = [...new Set(chosen.map((a) => a.reviewer_id))];
  const users = await findUsersByIds(ctx.db, userIds);
  const reviewerBy = new Map(users.map((u) => [u.id, sessionUser(u)]));
  const summary: DemoReviewSummary = { organisations: 0, accepted: 0, insufficient: 0, rejected: 0, sentBack: 0, corrected: 0, sendBacks: 0 };

  // 1. The plan: a decision per reviewable item, and which items go back to the agency.
  const coordinatorOf = async (oid: string) => {
    const u = await firstActiveCoordinator(ctx.db, oid);
    return u ? sessionUser(u) : null;
  };
  const byReviewer = new Map<string, BatchDecision[][]>();
  const loops: { oid: string; reviewer: SessionUser; coordinator: SessionUser; items: { item: string; reasonCode: string; comment: string }[] }[] = [];
  for (const a of chosen) {
    const oid = a.organisation_id;
    const items = reviewable.get(oid)!;
    const wantsLoop = mode === 'calibrated' ? rng.next() < (opts.sendBackShare ?? 0.04) : false;
    const decisions: BatchDecision[] = [];
    const toReturn: { item: string; reasonCode: string; comment: string }[] = [];
    let loopReturns = wantsLoop ? 1 + rng.int(2) : 0;
    for (const { item, hasFile } of items) {
      let decision: Decision;
      let sendBack = false;
      if (!hasFile) {
        // Nothing was uploaded because the answer claims nothing; usually confirmed, sometimes found lacking.
        decision = rng.next() < (mode === 'calibrated' ? 0.8 : 0.85) ? 'accepted' : 'insufficient';
        if (decision === 'insufficient') {
          decisions.push({ organisationId: oid, item, decision, reasonCode: 'MISSING_FILE', comment: null, internalNote: rng.next() < 0.3 ? 'ตรวจซ้ำกับข้อมูลปีก่อน' : null });
          continue;
        }
      } else if (mode === 'calibrated') {
        decision = 'accepted';
        if (loopReturns > 0 && rng.next() < 0.3) {
          decision = 'insufficient';
          sendBack = true;
          loopReturns--;
        }
      } else {
        const plan = demoDecision(rng);
        decision = plan.decision;
        sendBack = plan.sendBack;
      }
      if (decision === 'accepted') {
        decisions.push({ organisationId: oid, item, decision });
        continue;
      }
      const reasonCode = pick(rng, reasonsFor(decision));
      const comment = pick(rng, COMMENTS[decision]);
      decisions.push({ organisationId: oid, item, decision, reasonCode, comment, internalNote: rng.next() < 0.3 ? 'ตรวจซ้ำกับข้อมูลปีก่อน' : null });
      if (sendBack) toReturn.push({ item, reasonCode, comment });
    }
    if (toReturn.length > 0 && loops.length < maxSendBacks) {
      const coordinator = await coordinatorOf(oid);
      if (coordinator) loops.push({ oid, reviewer: reviewerBy.get(a.reviewer_id)!, coordinator, items: toReturn });
    }
    summary.organisations++;
    const batches = byReviewer.get(a.reviewer_id) ?? [];
    if (batches.length === 0 || batches[batches.length - 1]!.length >= ORGANISATIONS_PER_BATCH * 50) batches.push([]);
    batches[batches.length - 1]!.push(...decisions);
    byReviewer.set(a.reviewer_id, batches);
  }

  // 2. Decisions, a batch per call, as the organisations' assigned reviewers.
  for (const [reviewerId, batches] of byReviewer) {
    for (const batch of batches) {
      await decideMany(ctx, reviewerBy.get(reviewerId)!, eid, batch);
      for (const d of batch) summary[d.decision]++;
    }
  }

  // 3. The correction loops: send back, the agency corrects and resubmits, the reviewer accepts.
  for (const loop of loops) {
    const deadline = new Date(ctx.clock.now().getTime() + (opts.deadlineDays ?? 14) * 86_400_000).toISOString();
    const reviewableCodes = new Set(reviewable.get(loop.oid)!.map((i) => i.item));
    const sb = await createSendBack(ctx, loop.reviewer, eid, loop.oid, { deadline, message: 'กรุณาแก้ไขรายการที่ส่งกลับและส่งคืนภายในกำหนด', items: loop.items }, reviewableCodes);
    for (const r of loop.items) {
      await uploadEvidence(ctx, loop.coordinator, eid, loop.oid, r.item, { filename: `${r.item}-แก้ไข.pdf`, stream: Readable.from([CORRECTED_PDF]) });
    }
    await resubmitSendBack(ctx, loop.coordinator, eid, loop.oid, sb.id);
    await decideMany(
      ctx,
      loop.reviewer,
      eid,
      loop.items.map((r) => ({ organisationId: loop.oid, item: r.item, decision: 'accepted' as const, comment: 'ได้รับเอกสารที่แก้ไขแล้ว ถูกต้อง' })),
    );
    summary.sendBacks++;
    summary.sentBack += loop.items.length;
    summary.corrected += loop.items.length;
    // The summary counts final states: these items were insufficient first and end accepted.
    summary.insufficient -= loop.items.length;
    summary.accepted += loop.items.length;
  }
  return summary;
}
