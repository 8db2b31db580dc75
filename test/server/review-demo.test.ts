// Demo verification: seeded decisions through the workflow's services — mostly accepted, some not, send-backs corrected.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateReviewDecisions } from '../../src/server/services/review-demo.js';
import { reviewerDecisionRule } from '../../src/server/services/review.js';
import { verifyAuditChain } from '../../src/server/services/audit.js';
import { createResultsData, type ResultsData } from '../helpers/results-data.js';
import { seedUser, startHarness, type Harness } from './support/foundation.js';

describe('demo verification decisions', () => {
  let h: Harness;
  let data: ResultsData;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-review-demo-'));
    h = await startHarness({ DATA_DIR: dataDir });
    data = await createResultsData({ db: h.db, config: h.config }, { n: 6, seed: 3, close: true, clock: h.clock });
    await seedUser(h.db, { email: 'rv1@dga.or.th', role: 'reviewer' });
    await seedUser(h.db, { email: 'rv2@dga.or.th', role: 'reviewer' });
  }, 240_000);
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reviews every organisation: most accepted, some insufficient or rejected, a few sent back and corrected', async () => {
    const s = await simulateReviewDecisions(data.ctx, { editionId: data.editionId, admin: data.admin, seed: 42 });
    expect(s.organisations).toBe(6);
    const total = s.accepted + s.insufficient + s.rejected;
    expect(s.accepted / total).toBeGreaterThan(0.6);
    expect(s.insufficient + s.rejected).toBeGreaterThan(0);
    expect(s.corrected).toBe(s.sentBack);
    const states = await h.db.selectFrom('review_item').select(['status']).where('edition_id', '=', data.editionId).execute();
    expect(states.every((r) => ['accepted', 'insufficient', 'rejected'].includes(r.status))).toBe(true);
    const resubmitted = await h.db.selectFrom('review_send_back').select('status').where('edition_id', '=', data.editionId).execute();
    expect(resubmitted.every((r) => r.status === 'resubmitted')).toBe(true);
    const accepted = await reviewerDecisionRule.accepted(h.db, data.editionId);
    expect([...accepted.values()].flat().length).toBe(states.filter((r) => r.status === 'accepted').length);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });
});
