// Demo verification and batch decisions: seeded decisions through the workflow's services — mostly accepted, some
// not, send-backs corrected; decideMany keeps every rule of a single decision and is all-or-nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateReviewDecisions } from '../../src/server/services/review-demo.js';
import { autoAssign, decideMany, recordDecision, reviewerDecisionRule } from '../../src/server/services/review.js';
import { fileExistsRule } from '../../src/server/services/evidence-acceptance.js';
import { createSendBack } from '../../src/server/services/send-backs.js';
import { verifyAuditChain } from '../../src/server/services/audit.js';
import type { SessionUser } from '../../src/server/auth/policy.js';
import { createResultsData, type ResultsData } from '../helpers/results-data.js';
import { seedUser, startHarness, type Harness } from './support/foundation.js';

describe('demo verification decisions', () => {
  let h: Harness;
  let data: ResultsData;
  let dataDir: string;
  let rv1: SessionUser;
  let rv2: SessionUser;
  const reviewer = (id: string, email: string): SessionUser => ({ id, email, displayName: email, role: 'reviewer', organisationId: null, organisation: null, locale: 'th' });
  const fileItems = async (oid: string) =>
    (await h.db.selectFrom('evidence_file').select('item_code').distinct().where('edition_id', '=', data.editionId).where('organisation_id', '=', oid).where('deleted_at', 'is', null).execute()).map((r) => r.item_code).sort();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-review-demo-'));
    h = await startHarness({ DATA_DIR: dataDir });
    data = await createResultsData({ db: h.db, config: h.config }, { n: 8, seed: 3, close: true, clock: h.clock });
    rv1 = reviewer(await seedUser(h.db, { email: 'rv1@dga.or.th', role: 'reviewer' }), 'rv1@dga.or.th');
    rv2 = reviewer(await seedUser(h.db, { email: 'rv2@dga.or.th', role: 'reviewer' }), 'rv2@dga.or.th');
  }, 240_000);
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a batch follows the single-decision rules and is all or nothing; each decision gets its own audit entry', async () => {
    await autoAssign(data.ctx, data.admin, data.editionId);
    const [oid] = data.organisations.slice(6) as [string];
    const assigned = (await h.db.selectFrom('review_assignment').select('reviewer_id').where('edition_id', '=', data.editionId).where('organisation_id', '=', oid).executeTakeFirstOrThrow()).reviewer_id;
    const mine = assigned === rv1.id ? rv1 : rv2;
    const other = assigned === rv1.id ? rv2 : rv1;
    const [a, b, c] = (await fileItems(oid)) as [string, string, string];
    const audit0 = (await h.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'review.decision').executeTakeFirstOrThrow()).n;

    // Not assigned to the other reviewer: not found, nothing written.
    await expect(decideMany(data.ctx, other, data.editionId, [{ organisationId: oid, item: a, decision: 'accepted' }])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The same item twice, a missing reason, an unknown item: refused before anything is written.
    await expect(decideMany(data.ctx, mine, data.editionId, [{ organisationId: oid, item: a, decision: 'accepted' }, { organisationId: oid, item: a, decision: 'accepted' }])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(decideMany(data.ctx, mine, data.editionId, [{ organisationId: oid, item: a, decision: 'accepted' }, { organisationId: oid, item: b, decision: 'rejected' }])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(decideMany(data.ctx, mine, data.editionId, [{ organisationId: oid, item: 'NO-SUCH-ITEM', decision: 'accepted' }])).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // c goes back to the agency: a batch that includes it is refused as a whole.
    await recordDecision(data.ctx, mine, data.editionId, oid, c, { decision: 'insufficient', reasonCode: 'INCOMPLETE' });
    const deadline = new Date(h.clock.now().getTime() + 7 * 86_400_000).toISOString();
    await createSendBack(data.ctx, mine, data.editionId, oid, { deadline, items: [{ item: c, reasonCode: 'INCOMPLETE' }] }, new Set([c]));
    await expect(
      decideMany(data.ctx, mine, data.editionId, [
        { organisationId: oid, item: a, decision: 'accepted' },
        { organisationId: oid, item: c, decision: 'accepted' },
      ]),
    ).rejects.toMatchObject({ code: 'REVIEW_AWAITING_AGENCY' });
    const states = await h.db.selectFrom('review_item').select(['item_code', 'status']).where('edition_id', '=', data.editionId).where('organisation_id', '=', oid).execute();
    expect(states).toEqual([{ item_code: c, status: 'returned' }]);

    const res = await decideMany(data.ctx, mine, data.editionId, [
      { organisationId: oid, item: a, decision: 'accepted' },
      { organisationId: oid, item: b, decision: 'rejected', reasonCode: 'UNRELATED', comment: ' ไม่เกี่ยวข้อง ', internalNote: 'ดูปีก่อน' },
    ]);
    expect(res.decided).toBe(2);
    const after = await h.db.selectFrom('review_item').select(['item_code', 'status', 'decision']).where('edition_id', '=', data.editionId).where('organisation_id', '=', oid).orderBy('item_code').execute();
    expect(after).toEqual(
      [
        { item_code: a, status: 'accepted', decision: 'accepted' },
        { item_code: b, status: 'rejected', decision: 'rejected' },
        { item_code: c, status: 'returned', decision: 'insufficient' },
      ].sort((x, y) => (x.item_code < y.item_code ? -1 : 1)),
    );
    const decided = await h.db.selectFrom('review_decision').select(['item_code', 'comment', 'internal_note', 'files', 'answer_version', 'reviewer_id']).where('edition_id', '=', data.editionId).where('item_code', '=', b).where('organisation_id', '=', oid).executeTakeFirstOrThrow();
    expect(decided).toMatchObject({ comment: 'ไม่เกี่ยวข้อง', internal_note: 'ดูปีก่อน', reviewer_id: mine.id });
    expect((decided.files as string[]).length).toBe(1);
    const entries = await h.db.selectFrom('audit_log').select(['entity_id', 'after']).where('action', '=', 'review.decision').orderBy('id').execute();
    expect(entries.length - Number(audit0)).toBe(3); // c's first decision, then a and b
    expect(entries.slice(-2).map((e) => e.entity_id)).toEqual([`${data.editionId}/${oid}/${a}`, `${data.editionId}/${oid}/${b}`]);
    expect(entries[entries.length - 1]!.after).toMatchObject({ decision: 'rejected', reasonCode: 'UNRELATED', files: decided.files });
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('realistic: most accepted, some insufficient or rejected, a few sent back and corrected', async () => {
    const orgs = data.organisations.slice(0, 3);
    const s = await simulateReviewDecisions(data.ctx, { editionId: data.editionId, admin: data.admin, seed: 42, organisationIds: orgs });
    expect(s.organisations).toBe(3);
    const total = s.accepted + s.insufficient + s.rejected;
    expect(s.accepted / total).toBeGreaterThan(0.6);
    expect(s.insufficient + s.rejected).toBeGreaterThan(0);
    expect(s.corrected).toBe(s.sentBack);
    const states = await h.db.selectFrom('review_item').select(['status']).where('edition_id', '=', data.editionId).where('organisation_id', 'in', orgs).execute();
    expect(states).toHaveLength(total);
    expect(states.filter((r) => r.status === 'accepted')).toHaveLength(s.accepted);
    expect(states.filter((r) => r.status === 'insufficient')).toHaveLength(s.insufficient);
    expect(states.filter((r) => r.status === 'rejected')).toHaveLength(s.rejected);
    const sendBacks = await h.db.selectFrom('review_send_back').select('status').where('edition_id', '=', data.editionId).where('organisation_id', 'in', orgs).execute();
    expect(sendBacks).toHaveLength(s.sendBacks);
    expect(sendBacks.every((r) => r.status === 'resubmitted')).toBe(true);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('calibrated: every item with an evidence file ends accepted (as the scores assumed), some after a completed correction loop', async () => {
    const orgs = data.organisations.slice(3, 6);
    const s = await simulateReviewDecisions(data.ctx, { editionId: data.editionId, admin: data.admin, seed: 7, organisationIds: orgs, mode: 'calibrated', sendBackShare: 1 });
    expect(s.organisations).toBe(3);
    expect(s.sendBacks).toBeGreaterThan(0);
    expect(s.corrected).toBe(s.sentBack);
    expect(s.rejected).toBe(0);
    const accepted = await reviewerDecisionRule.accepted(h.db, data.editionId);
    const files = await fileExistsRule.accepted(h.db, data.editionId);
    for (const oid of orgs) {
      const acc = new Set(accepted.get(oid) ?? []);
      // Every filed item accepted; anything else accepted or insufficient scores nothing either way.
      expect((files.get(oid) ?? []).filter((i) => !acc.has(i))).toEqual([]);
    }
    const loops = await h.db
      .selectFrom('review_send_back as s')
      .innerJoin('review_send_back_item as i', 'i.send_back_id', 's.id')
      .innerJoin('review_item as r', (j) => j.onRef('r.edition_id', '=', 's.edition_id').onRef('r.organisation_id', '=', 's.organisation_id').onRef('r.item_code', '=', 'i.item_code'))
      .select(['s.status', 'r.status as item_status'])
      .where('s.edition_id', '=', data.editionId)
      .where('s.organisation_id', 'in', orgs)
      .execute();
    expect(loops.length).toBe(s.sentBack);
    expect(loops.every((l) => l.status === 'resubmitted' && l.item_status === 'accepted')).toBe(true);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });
});
