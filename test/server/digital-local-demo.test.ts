// The Digital Local demo: ~50 entries of varied LAO types and provinces judged by 8 demo judges, announced; next year's contest open with a draft.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../src/server/clock.js';
import { presentSessionUser } from '../../src/server/services/auth.js';
import { findUserByEmail } from '../../src/server/repositories/users.js';
import { DEMO_PASSWORD } from '../../src/server/services/demo-loader.js';
import { DEMO_CONTEST_YEAR, DEMO_OPEN_CONTEST_YEAR, loadDigitalLocalDemo, type DigitalLocalDemoResult } from '../../src/server/services/digital-local-demo.js';
import { hashPassword } from '../../src/server/services/passwords.js';
import { ADMIN, as, orgIdByCode, signIn, startHarness, type Harness } from './support/foundation.js';

describe('Digital Local demo', () => {
  let h: Harness;
  let dataDir: string;
  let result: DigitalLocalDemoResult;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-dl-demo-'));
    h = await startHarness({ DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '1000' });
    // The two demo accounts the survey demo creates before this step.
    const hash = await hashPassword(DEMO_PASSWORD);
    const cmpao = await orgIdByCode(h.db, 'LAO-PAO-50');
    await h.db
      .insertInto('app_user')
      .values([
        { id: '00000000-0000-4000-a000-000000000001', email: 'demo.judge@dga.local', display_name: 'กรรมการ (สาธิต) · Demo judge', password_hash: hash, role: 'judge', organisation_id: null, locale: 'th', active: true },
        { id: '00000000-0000-4000-a000-000000000002', email: 'applicant.cmpao@demo.dga.local', display_name: 'ผู้สมัคร อบจ.เชียงใหม่ (สาธิต)', password_hash: hash, role: 'lao_applicant', organisation_id: cmpao, locale: 'th', active: true },
      ])
      .execute();
    const admin = presentSessionUser((await findUserByEmail(h.db, ADMIN.email))!);
    result = await loadDigitalLocalDemo({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds('00000000-0000-4000-b000-') }, admin, { seed: 20191 });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('announces a contest of 50 entries from every LAO type and many provinces, judged by 8 judges, 3 per entry', async () => {
    expect(result).toMatchObject({ year: DEMO_CONTEST_YEAR, entries: 50, judges: 8, assignments: 150, sheets: 150, winners: { excellent: 3, outstanding: 12 } });
    const admin = await signIn(h.app, ADMIN.email, ADMIN.password, '10.4.0.1');
    const contest = (await as(h.app, admin, { method: 'GET', url: `/api/digital-local/contests/${DEMO_CONTEST_YEAR}` })).json();
    expect(contest).toMatchObject({ phase: 'announced', basis: 'additive', entries: { submitted: 50 } });
    const entries = (await as(h.app, admin, { method: 'GET', url: `/api/digital-local/contests/${DEMO_CONTEST_YEAR}/entries` })).json().items;
    expect(new Set(entries.map((e: { organisation: { laoType: string } }) => e.organisation.laoType))).toEqual(new Set(['pao', 'bma', 'pattaya', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao']));
    expect(new Set(entries.map((e: { organisation: { provinceCode: string } }) => e.organisation.provinceCode)).size).toBe(38);

    const overview = (await as(h.app, admin, { method: 'GET', url: `/api/digital-local/contests/${DEMO_CONTEST_YEAR}/assignments` })).json();
    const conflicted = new Set(overview.conflicts.map((c: { judgeId: string; entryId: string }) => `${c.judgeId}:${c.entryId}`));
    expect(conflicted.size).toBeGreaterThan(0);
    for (const row of overview.entries) {
      expect(row.judges).toHaveLength(3);
      for (const j of row.judges) {
        expect(conflicted.has(`${j.id}:${row.entry.id}`)).toBe(false);
        expect(j.sheetStatus).toBe('submitted');
      }
    }
    expect(overview.loadSpread).toBeLessThanOrEqual(1);
    const report = (await as(h.app, admin, { method: 'GET', url: `/api/digital-local/contests/${DEMO_CONTEST_YEAR}/committee` })).json();
    expect(report.calibration.agreement.alphaTotals.alpha).toBeGreaterThan(0);
    expect(report.confirmedAt).not.toBeNull();

    const winners = (await h.app.inject({ method: 'GET', url: `/api/public/digital-local/${DEMO_CONTEST_YEAR}/winners` })).json();
    expect(winners.tiers.map((t: { winners: unknown[] }) => t.winners.length)).toEqual([3, 12]);
  });

  it('demo.judge signs in with the demo password and reads the scored entries assigned to them', async () => {
    const judge = await signIn(h.app, 'demo.judge@dga.local', DEMO_PASSWORD, '10.4.0.2');
    const mine = (await as(h.app, judge, { method: 'GET', url: `/api/digital-local/judging/${DEMO_CONTEST_YEAR}/entries` })).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(18);
    expect(mine.items.every((e: { sheetStatus: string }) => e.sheetStatus === 'submitted')).toBe(true);
    // Affiliated with Phitsanulok: never on its entries.
    expect(mine.items.some((e: { organisation: { provinceCode: string } }) => e.organisation.provinceCode === '65')).toBe(false);
    const view = (await as(h.app, judge, { method: 'GET', url: `/api/digital-local/judging/entries/${mine.items[0].id}` })).json();
    expect(view.others).toHaveLength(2);
  });

  it("the Chiang Mai PAO's applicant sees last year's scores and comments and has a draft in the open contest", async () => {
    const applicant = await signIn(h.app, 'applicant.cmpao@demo.dga.local', DEMO_PASSWORD, '10.4.0.3');
    const past = (await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/contests/${DEMO_CONTEST_YEAR}/entries` })).json().items;
    expect(past).toHaveLength(1);
    const fb = (await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/entries/${past[0].id}/feedback` })).json();
    expect(fb.feedback.judgeCount).toBe(3);
    expect(fb.feedback.criteria[0].comments).toHaveLength(3);
    const open = (await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/contests/${DEMO_OPEN_CONTEST_YEAR}/entries` })).json().items;
    expect(open).toEqual([expect.objectContaining({ status: 'draft', title: expect.stringContaining('รถพยาบาล') })]);
    const draft = (await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/entries/${open[0].id}` })).json();
    expect(draft.attachments).toHaveLength(1);
    expect(Object.keys(draft.sections)).toEqual(['problem', 'policy_plan']);
    const contest = (await as(h.app, applicant, { method: 'GET', url: `/api/digital-local/contests/${DEMO_OPEN_CONTEST_YEAR}` })).json();
    expect(contest.phase).toBe('entries_open');
  });
});
