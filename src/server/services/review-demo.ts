// Demo verification: realistic, seeded reviewer decisions for an edition, made through the workflow's own services.
import { Readable } from 'node:stream';
import type { AppContext } from '../app.js';
import { createRng } from '../../engine/random.js';
import { demoDecision, type Decision } from '../../engine/verification/index.js';
import type { SessionUser } from '../auth/policy.js';
import { assignmentsOf, listReasons } from '../repositories/review.js';
import { autoAssign, recordDecision, reviewItems } from './review.js';
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

export interface DemoReviewOptions {
  editionId: string;
  /** The admin who assigns reviewers (organisations without a reviewer are assigned first, balanced). */
  admin: SessionUser;
  seed?: number;
  /** Days the agency gets to correct returned items (default 14). */
  deadlineDays?: number;
  /** Review only these organisations (default: every assigned, submitted one); e.g. a sample of a large demo edition. */
  organisationIds?: string[];
}

export interface DemoReviewSummary {
  organisations: number;
  accepted: number;
  insufficient: number;
  rejected: number;
  sentBack: number;
  corrected: number;
}

function sessionUser(u: { id: string; email: string; display_name: string; role: SessionUser['role']; organisation_id: string | null }): SessionUser {
  return { id: u.id, email: u.email, displayName: u.display_name, role: u.role, organisationId: u.organisation_id, organisation: null, locale: 'th' };
}

/**
 * Reviews every submitted organisation of an edition: ~85 % of items accepted, some insufficient or rejected with a
 * catalogue reason, and a few returned for correction, corrected by the agency (new evidence file), resubmitted and
 * accepted. Same seed, same decisions. Needs active reviewers; agencies without a coordinator or head are not sent back.
 */
export async function simulateReviewDecisions(ctx: AppContext, opts: DemoReviewOptions): Promise<DemoReviewSummary> {
  const rng = createRng(opts.seed ?? 20250923);
  const eid = opts.editionId;
  await autoAssign(ctx, opts.admin, eid);
  const reasons = await listReasons(ctx.db);
  const reasonFor = (d: Exclude<Decision, 'accepted'>) => {
    const list = reasons.filter((r) => r.applies_to === d);
    return (list.length ? list : reasons)[rng.int(list.length || reasons.length)]!.code;
  };
  const only = opts.organisationIds ? new Set(opts.organisationIds) : null;
  const assignments = (await assignmentsOf(ctx.db, eid)).filter((a) => !only || only.has(a.organisation_id)).sort((a, b) => (a.organisation_id < b.organisation_id ? -1 : 1));
  const userIds = [...new Set(assignments.map((a) => a.reviewer_id))];
  const users = userIds.length ? await ctx.db.selectFrom('app_user').select(['id', 'email', 'display_name', 'role', 'organisation_id']).where('id', 'in', userIds).execute() : [];
  const reviewerBy = new Map(users.map((u) => [u.id, sessionUser(u)]));
  const summary: DemoReviewSummary = { organisations: 0, accepted: 0, insufficient: 0, rejected: 0, sentBack: 0, corrected: 0 };

  for (const a of assignments) {
    const reviewer = reviewerBy.get(a.reviewer_id)!;
    const oid = a.organisation_id;
    const view = await reviewItems(ctx, reviewer, eid, oid);
    if (view.participantStatus !== 'submitted') continue;
    summary.organisations++;
    const agency = await ctx.db
      .selectFrom('app_user')
      .select(['id', 'email', 'display_name', 'role', 'organisation_id'])
      .where('organisation_id', '=', oid)
      .where('active', '=', true)
      .where('role', 'in', ['coordinator', 'head'])
      .orderBy('role')
      .orderBy('email')
      .execute();
    const coordinator = agency.find((u) => u.role === 'coordinator');
    const toReturn: { item: string; reasonCode: string; comment: string }[] = [];
    for (const item of view.items) {
      if (item.status !== 'pending' && item.status !== 'resubmitted') continue;
      let plan = demoDecision(rng);
      // Nothing to check without a file on an item that needs one: insufficient, and worth returning.
      if (item.requiresEvidence && item.files.length === 0) plan = { decision: 'insufficient', sendBack: rng.next() < 0.5 };
      if (plan.sendBack && (!coordinator || view.openSendBack)) plan = { decision: 'insufficient', sendBack: false };
      if (plan.decision === 'accepted') {
        await recordDecision(ctx, reviewer, eid, oid, item.code, { decision: 'accepted' });
        summary.accepted++;
        continue;
      }
      const reasonCode = item.requiresEvidence && item.files.length === 0 ? 'MISSING_FILE' : reasonFor(plan.decision);
      const comments = COMMENTS[plan.decision];
      const comment = comments[rng.int(comments.length)]!;
      await recordDecision(ctx, reviewer, eid, oid, item.code, { decision: plan.decision, reasonCode, comment, internalNote: rng.next() < 0.3 ? 'ตรวจซ้ำกับข้อมูลปีก่อน' : null });
      if (plan.sendBack) toReturn.push({ item: item.code, reasonCode, comment });
      else summary[plan.decision]++;
    }
    if (toReturn.length === 0 || !coordinator) continue;
    const deadline = new Date(ctx.clock.now().getTime() + (opts.deadlineDays ?? 14) * 86_400_000).toISOString();
    const sb = await createSendBack(ctx, reviewer, eid, oid, { deadline, message: 'กรุณาแก้ไขรายการที่ส่งกลับและส่งคืนภายในกำหนด', items: toReturn }, new Set(view.items.map((i) => i.code)));
    summary.sentBack += toReturn.length;
    const coord = sessionUser(coordinator);
    for (const r of toReturn) {
      await uploadEvidence(ctx, coord, eid, oid, r.item, { filename: `${r.item}-แก้ไข.pdf`, stream: Readable.from([CORRECTED_PDF]) });
    }
    await resubmitSendBack(ctx, coord, eid, oid, sb.id);
    for (const r of toReturn) {
      await recordDecision(ctx, reviewer, eid, oid, r.item, { decision: 'accepted', comment: 'ได้รับเอกสารที่แก้ไขแล้ว ถูกต้อง' });
      summary.accepted++;
      summary.corrected++;
    }
  }
  return summary;
}
