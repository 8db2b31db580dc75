// The demo loader: fills an empty database through the services (editions published and open, accounts that sign in),
// and refuses a database that already holds data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../src/server/clock.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoRefusal, loadDemo, loadDemoOnStart, type DemoLoadResult } from '../../src/server/services/demo-loader.js';
import { scoreEdition } from '../../src/engine/scoring/edition.js';
import { fileExistsRule, setEvidenceRule } from '../../src/server/services/evidence-acceptance.js';
import { requireFramework } from '../../src/server/services/frameworks.js';
import { reviewableOfEditionItems, reviewerDecisionRule } from '../../src/server/services/review.js';
import { readScoringInputs } from '../../src/server/services/scoring-runs.js';
import { verifyAuditChain } from '../../src/server/services/audit.js';
import { as, signIn, startHarness, type Harness } from './support/foundation.js';

describe('demo loader', () => {
  let h: Harness;
  let result: DemoLoadResult;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-demo-'));
    h = await startHarness({ DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '1000' });
    // As the server runs: scores count the evidence the reviewers accepted.
    setEvidenceRule(reviewerDecisionRule);
    // 40 organisations of each level answer (the rest stay not started): the whole path, at CI speed. The full-size
    // calibration is checked on the pure model (test/engine/demo-model.test.ts).
    result = await loadDemo({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds('00000000-0000-4000-9000-') }, { limitPerLevel: 40 });
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads three editions: 2561 and 2562 published with official results, 2563 open', async () => {
    expect(result.loaded).toBe(true);
    const eds = await h.db
      .selectFrom('edition as e')
      .select(['e.year_be', 'e.state'])
      .select((eb) => eb.selectFrom('participant as p').whereRef('p.edition_id', '=', 'e.id').select((x) => x.fn.countAll<number>().as('n')).as('participant_count'))
      .orderBy('e.year_be')
      .execute();
    expect(eds.map((e) => [e.year_be, e.state])).toEqual([
      [2561, 'published'],
      [2562, 'published'],
      [2563, 'open'],
    ]);
    // 321 department-level agencies + 76 × 20 provincial units + Bangkok and Pattaya.
    for (const e of eds) expect(Number(e.participant_count)).toBe(1843);
    const official = await h.db.selectFrom('result_official').select('edition_id').execute();
    expect(official).toHaveLength(2);
    const e2562 = result.editions!.find((e) => e.yearBe === 2562)!;
    const snap = await h.db.selectFrom('result_snapshot').select('unit_count').where('edition_id', '=', (await h.db.selectFrom('edition').select('id').where('year_be', '=', 2562).executeTakeFirstOrThrow()).id).executeTakeFirstOrThrow();
    expect(snap.unit_count).toBe(e2562.submitted);
    const open = result.editions!.find((e) => e.yearBe === 2563)!;
    expect(open.submitted).toBeGreaterThan(open.inProgress);
    expect(open.inProgress).toBeGreaterThan(0);
  });

  it('publishes scores near DGA 2019 provincial mean (a 40-unit sample, so within 5 points)', async () => {
    const e = await h.db.selectFrom('edition').select('id').where('year_be', '=', 2562).executeTakeFirstOrThrow();
    const snap = await h.db.selectFrom('result_official').select('snapshot_id').where('edition_id', '=', e.id).executeTakeFirstOrThrow();
    const units = await h.db
      .selectFrom('result_unit as u')
      .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
      .select(['o.level', 'u.overall'])
      .where('u.snapshot_id', '=', snap.snapshot_id)
      .execute();
    const prov = units.filter((u) => u.level === 'provincial_unit').map((u) => Number(u.overall));
    const mean = prov.reduce((a, b) => a + b, 0) / prov.length;
    expect(Math.abs(mean - 51.09)).toBeLessThanOrEqual(5);
  });

  const editionId = async (yearBe: number) => (await h.db.selectFrom('edition').select('id').where('year_be', '=', yearBe).executeTakeFirstOrThrow()).id;
  const statusCounts = async (eid: string) => {
    const rows = await h.db.selectFrom('review_item').select(['status']).select((eb) => eb.fn.countAll<number>().as('n')).where('edition_id', '=', eid).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  };

  it('verifies the latest published edition through the review services: most accepted, some insufficient, a few sent back and corrected', async () => {
    expect(await statusCounts(await editionId(2561))).toEqual({});
    for (const year of [2562]) {
      const eid = await editionId(year);
      const counts = await statusCounts(eid);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(Object.keys(counts).sort(), `${year}`).toEqual(['accepted', 'insufficient']);
      expect(counts.accepted! / total).toBeGreaterThan(0.75);
      expect(counts.insufficient).toBeGreaterThan(0);
      // Every reviewable item of every submitted questionnaire has a decision (the queue shows the edition done).
      const e = await h.db.selectFrom('edition').select(['framework_id', 'framework_version']).where('id', '=', eid).executeTakeFirstOrThrow();
      const reviewable = await reviewableOfEditionItems(h.db, await requireFramework(h.db, e.framework_id, e.framework_version), eid);
      expect(reviewable.size).toBe(result.editions!.find((x) => x.yearBe === year)!.submitted);
      expect(total).toBe([...reviewable.values()].reduce((a, l) => a + l.length, 0));
      const snap = await h.db.selectFrom('result_official as o').innerJoin('result_snapshot as s', 's.id', 'o.snapshot_id').select('s.evidence_rule').where('o.edition_id', '=', eid).executeTakeFirstOrThrow();
      expect(snap.evidence_rule).toBe('reviewer_decision');
    }
    // At least one complete correction loop: sent back, corrected with a new file, resubmitted, accepted.
    const loops = await h.db
      .selectFrom('review_send_back as s')
      .innerJoin('review_send_back_item as i', 'i.send_back_id', 's.id')
      .innerJoin('review_item as r', (j) => j.onRef('r.edition_id', '=', 's.edition_id').onRef('r.organisation_id', '=', 's.organisation_id').onRef('r.item_code', '=', 'i.item_code'))
      .select(['s.status', 'r.status as item_status', 'i.files_before', 's.edition_id', 's.organisation_id', 'i.item_code'])
      .execute();
    expect(loops.length).toBeGreaterThan(0);
    expect(loops.every((l) => l.status === 'resubmitted' && l.item_status === 'accepted')).toBe(true);
    const l = loops[0]!;
    const files = await h.db.selectFrom('evidence_file').select('id').where('edition_id', '=', l.edition_id).where('organisation_id', '=', l.organisation_id).where('item_code', '=', l.item_code).execute();
    expect(files.length).toBeGreaterThan((l.files_before as string[]).length);
    // The open edition: mixed decisions, and organisations still waiting for review.
    const open = await statusCounts(await editionId(2563));
    expect(open.accepted).toBeGreaterThan((open.insufficient ?? 0) + (open.rejected ?? 0));
    expect((open.insufficient ?? 0) + (open.rejected ?? 0)).toBeGreaterThan(0);
    const reviewed = await h.db.selectFrom('review_item').select('organisation_id').distinct().where('edition_id', '=', await editionId(2563)).execute();
    const submitted = result.editions!.find((e) => e.yearBe === 2563)!.submitted;
    expect(reviewed.length).toBeGreaterThan(0);
    expect(reviewed.length).toBeLessThan(submitted);
    const decisions = await h.db.selectFrom('review_decision').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const entries = await h.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'review.decision').executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(Number(decisions.n));
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('the decisions leave the calibrated results where the model put them: every unit scores as with all uploaded evidence counted', async () => {
    for (const year of [2561, 2562]) {
      const eid = await editionId(year);
      const e = await h.db.selectFrom('edition').select(['framework_id', 'framework_version']).where('id', '=', eid).executeTakeFirstOrThrow();
      const fw = await requireFramework(h.db, e.framework_id, e.framework_version);
      const byDecision = scoreEdition(fw, (await readScoringInputs(h.db, eid)).units, { itemDetail: false, guidance: false });
      setEvidenceRule(fileExistsRule);
      try {
        const byFiles = scoreEdition(fw, (await readScoringInputs(h.db, eid)).units, { itemDetail: false, guidance: false });
        expect(byDecision.units.map((u) => [u.id, u.overall])).toEqual(byFiles.units.map((u) => [u.id, u.overall]));
      } finally {
        setEvidenceRule(reviewerDecisionRule);
      }
      // And the published numbers are those.
      const snap = await h.db.selectFrom('result_official').select('snapshot_id').where('edition_id', '=', eid).executeTakeFirstOrThrow();
      const stored = await h.db.selectFrom('result_unit').select(['organisation_id', 'overall']).where('snapshot_id', '=', snap.snapshot_id).execute();
      const mine = new Map(byDecision.units.map((u) => [u.id, u.overall]));
      for (const u of stored) expect(Number(u.overall)).toBeCloseTo(Number(mine.get(u.organisation_id)), 1);
    }
  });

  it('loads the Digital Local contest: 2563 announced with 50 entries judged by 8 judges, 2564 open', async () => {
    const contests = await h.db.selectFrom('dl_contest').select(['year', 'announced_at']).orderBy('year').execute();
    expect(contests.map((c) => [c.year, c.announced_at !== null])).toEqual([
      [2563, true],
      [2564, false],
    ]);
    const entries = await h.db.selectFrom('dl_entry').select('status').where('contest_year', '=', 2563).execute();
    expect(entries.filter((e) => e.status === 'submitted')).toHaveLength(50);
    const judges = await h.db.selectFrom('dl_assignment').select('judge_id').distinct().where('contest_year', '=', 2563).execute();
    expect(judges).toHaveLength(8);
    expect(result.phases?.['digital local']).toBeGreaterThan(0);
  });

  it('announces the 2562 awards: every category, with winners and their certificates', async () => {
    const e = await h.db.selectFrom('edition').select('id').where('year_be', '=', 2562).executeTakeFirstOrThrow();
    const decisions = await h.db.selectFrom('award_decision').select(['category_id', 'state']).where('edition_id', '=', e.id).orderBy('category_id').execute();
    expect(decisions.map((d) => d.category_id)).toEqual(['data_governance', 'dg_award', 'digital_leader', 'digital_personnel', 'improvement', 'no_copy_policy', 'open_data']);
    expect(decisions.every((d) => d.state === 'announced')).toBe(true);
    const certs = await h.db.selectFrom('award_certificate').select(['category_id']).where('edition_id', '=', e.id).execute();
    expect(certs.filter((c) => c.category_id === 'dg_award').length).toBeGreaterThan(0);
    expect(certs.filter((c) => c.category_id === 'digital_leader')).toHaveLength(1);
  });

  it('every demo account signs in with the demo password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const s = await signIn(h.app, a.email, DEMO_PASSWORD, `10.9.0.${DEMO_ACCOUNTS.indexOf(a) + 1}`);
      expect(s.user.role).toBe(a.role);
    }
    const coord = await signIn(h.app, 'coordinator.dlt@demo.dga.local', DEMO_PASSWORD, '10.9.1.1');
    const res = await as(h.app, coord, { method: 'GET', url: '/api/editions' });
    expect(res.json().items.map((e: { yearBe: number }) => e.yearBe).sort()).toEqual([2561, 2562, 2563]);
  });

  it('refuses a database that already holds data, and changes nothing', async () => {
    expect(await demoRefusal({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds() })).toMatch(/edition/);
    const before = await h.db.selectFrom('answer').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const again = await loadDemo({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds() });
    expect(again.loaded).toBe(false);
    const after = await h.db.selectFrom('answer').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('the start-up hook skips a database with data, and does nothing with DEMO_DATA=false', async () => {
    const lines: string[] = [];
    const log = { info: (_o: object, msg: string) => lines.push(msg), error: (_o: object, msg: string) => lines.push(`ERROR ${msg}`) };
    const ctx = { config: h.config, db: h.db, clock: h.clock, ids: sequentialIds() };
    expect(await loadDemoOnStart({ ...ctx, config: { ...h.config, DEMO_DATA: false } }, log)).toBeNull();
    const r = await loadDemoOnStart({ ...ctx, config: { ...h.config, DEMO_DATA: true } }, log);
    expect(r?.loaded).toBe(false);
    expect(lines.join('\n')).toMatch(/already holds data/);
    expect(lines.join('\n')).not.toMatch(/ERROR/);
  });
});
