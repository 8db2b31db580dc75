// Results end to end: scoring runs into frozen snapshots, the scorecard API, PDF and XLSX equal the engine's output,
// corrections make new snapshots, agencies reach only their own scorecard, the batch PDF job reports progress.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFramework, previousFramework } from '../../src/engine/framework/default/index.js';
import { compareEditions } from '../../src/engine/compare/editions.js';
import { scoreEdition } from '../../src/engine/scoring/edition.js';
import type { EditionResult } from '../../src/engine/results.js';
import { saveAnswers } from '../../src/server/services/answers.js';
import { completeQuestionnaire, reopenQuestionnaire, submitQuestionnaire } from '../../src/server/services/questionnaire.js';
import { findParticipant } from '../../src/server/repositories/participants.js';
import { findAnswer } from '../../src/server/repositories/answers.js';
import { executeScoring, readScoringInputs } from '../../src/server/services/scoring-runs.js';
import { drainResultJobs } from '../../src/server/services/results-jobs.js';
import { round2 } from '../../src/server/services/scorecard.js';
import { createResultsData, type ResultsData } from '../helpers/results-data.js';
import { as, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { nextIp, signInAdmin } from './support/questionnaire.js';
import { RESULTS_ORG_ROUTES } from './support/results.js';

const N = 12;
const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(2));

describe('results: snapshots, scorecards, PDF and XLSX', () => {
  let h: Harness;
  let data: ResultsData;
  let admin: Session;
  let dataDir: string;
  let engine: EditionResult;
  let firstSnapshot: string;
  let firstFingerprint: string;
  const heads: Session[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-results-'));
    h = await startHarness({ DATA_DIR: dataDir });
    data = await createResultsData({ db: h.db, config: h.config }, { n: N, seed: 11 });
    admin = await signInAdmin(h);
    for (const [i, oid] of data.organisations.slice(0, 2).entries()) {
      await seedUser(h.db, { email: `head${i}@results.go.th`, role: 'head', organisationId: oid });
      heads.push(await signIn(h.app, `head${i}@results.go.th`, undefined, nextIp()));
    }
    const { units } = await readScoringInputs(h.db, data.editionId);
    engine = scoreEdition(defaultFramework, units);
  }, 180_000);
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async () => {
    const res = await as(h.app, admin, { method: 'POST', url: `/api/editions/${data.editionId}/scoring-runs` });
    expect(res.statusCode).toBe(202);
    expect(res.json().state).toBe('queued');
    await drainResultJobs(data.ctx);
    const job = (await as(h.app, admin, { method: 'GET', url: `/api/results-jobs/${res.json().id}` })).json();
    expect(job.state, job.error).toBe('done');
    return job.snapshotId as string;
  };

  it('an admin scoring run stores a snapshot with the engine fingerprint and every submitted unit', async () => {
    firstSnapshot = await run();
    const runs = (await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/scoring-runs` })).json();
    expect(runs.snapshots).toHaveLength(1);
    const s = runs.snapshots[0];
    expect(s.fingerprint).toBe(engine.fingerprint);
    expect(s.unitCount).toBe(N);
    expect(s.evidenceRule).toBe('file_exists');
    expect(s.options.robustness.seed).toBeTypeOf('number');
    firstFingerprint = s.fingerprint;
    // The scores spread over more than one stage, so stage comparisons below mean something.
    expect(new Set(engine.units.map((u) => u.stage?.code)).size).toBeGreaterThan(1);
  });

  it('the same inputs give the same fingerprint (the run reuses the snapshot)', async () => {
    const again = await run();
    expect(again).toBe(firstSnapshot);
    const { units } = await readScoringInputs(h.db, data.editionId);
    expect(scoreEdition(defaultFramework, units).fingerprint).toBe(firstFingerprint);
  });

  it('the scorecard API shows the engine numbers for every agency', async () => {
    for (const u of engine.units) {
      const res = await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${u.id}/scorecard` });
      expect(res.statusCode).toBe(200);
      const sc = res.json();
      expect(sc.overall).toBe(round2(u.overall));
      expect(sc.stage.code).toBe(u.stage!.code);
      for (const d of sc.dimensions) expect(d.score).toBe(round2(u.dimensions[d.code]!));
      const level = u.ranks.find((r) => r.key === 'level')!;
      expect(sc.rank.rank).toBe(level.rank);
      expect(sc.rank.n).toBe(level.n);
      expect(sc.rank.intervalLow).toBeLessThanOrEqual(sc.rank.intervalHigh);
      expect(sc.weakestItems.map((w: { code: string }) => w.code)).toEqual(u.weakestItems.map((w) => w.code));
      for (const w of sc.weakestItems) expect(w.recommendation.th.length).toBeGreaterThan(10);
      const seg = engine.segments.find((s) => s.key === 'level' && s.value === u.attributes.level)!;
      expect(sc.peerGroup.overallMean).toBe(round2(seg.overall.mean));
      expect(sc.dimensions[0].peerMean).toBe(round2(seg.dimensions[sc.dimensions[0].code]!.mean));
      if (u.nextStage) expect(sc.nextStage.stage).toBe(u.nextStage.stage);
    }
  });

  it('the PDF scorecard carries the same numbers, in Thai (pdftotext)', async () => {
    const u = engine.units[0]!;
    const res = await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${u.id}/scorecard.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(dataDir, 'one.pdf');
    fs.writeFileSync(file, res.rawPayload);
    if (process.env['DGR_KEEP_PDF']) {
      fs.copyFileSync(file, process.env['DGR_KEEP_PDF']);
      const sc = await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${u.id}/scorecard` });
      fs.writeFileSync(process.env['DGR_KEEP_PDF'].replace(/\.pdf$/, '.json'), sc.body);
    }
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(fmt(round2(u.overall)));
    for (const d of defaultFramework.dimensions) expect(text).toContain(fmt(round2(u.dimensions[d.code]!)));
    // In layout mode pdftotext may put an upper mark on a line of its
    // own (ขั้นริเริม / ่); the glyphs are right, so Thai text is compared without marks and white space.
    const norm = (x: string) => x.replace(/\s+/g, '').replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '');
    expect(norm(text)).toContain(norm(u.stage!.name.th));
    expect(norm(text)).toContain(norm('ข้อเสนอแนะ'));
    const org = await h.db.selectFrom('organisation').select('name_th').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(norm(text)).toContain(norm(org.name_th));
    expect(text).not.toContain('\u200b');
  });

  it('the XLSX holds one row per agency with the engine numbers, Thai intact', async () => {
    const res = await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/results.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('ผลคะแนน')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(N + 1);
    const byCode = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, i) => {
      if (i > 1) byCode.set(String(row.getCell(1).value), row);
    });
    const codes = await h.db.selectFrom('organisation').select(['id', 'code', 'name_th']).where('id', 'in', engine.units.map((u) => u.id)).execute();
    for (const u of engine.units) {
      const o = codes.find((c) => c.id === u.id)!;
      const row = byCode.get(o.code)!;
      expect(row.getCell(2).value).toBe(o.name_th);
      expect(row.getCell(col('คะแนนรวม / overall')).value).toBeCloseTo(u.overall!, 9);
      expect(row.getCell(col('stage')).value).toBe(u.stage!.code);
      for (const d of defaultFramework.dimensions) expect(row.getCell(header.findIndex((x) => x.startsWith(`${d.code} `)) + 1).value).toBeCloseTo(u.dimensions[d.code]!, 9);
      expect(row.getCell(col('อันดับในกลุ่ม (level)')).value).toBe(u.ranks.find((r) => r.key === 'level')!.rank);
    }
  });

  it('a corrected answer makes a new snapshot with a new fingerprint; the old one is unchanged', async () => {
    const oid = data.organisations[3]!;
    const before = await h.db.selectFrom('result_unit').select(['result', 'input', 'overall']).where('snapshot_id', '=', firstSnapshot).orderBy('organisation_id').execute();
    const { coordinator, head } = data.users.get(oid)!;
    await reopenQuestionnaire(data.ctx, data.admin, data.editionId, oid, 'แก้ไขคำตอบตามผลการตรวจสอบ');
    // Flip a yes/no item that needs no evidence and that no other question depends on.
    const all = defaultFramework.dimensions.flatMap((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((x) => x.items)]);
    const gates = new Set(all.map((i) => i.visibleIf?.item).filter(Boolean));
    const item = all.find((i) => i.kind === 'yes_no' && !i.requiresEvidence && !i.visibleIf && !gates.has(i.code))!;
    const current = await findAnswer(h.db, data.editionId, oid, item.code);
    expect(current).toBeTruthy();
    await saveAnswers(data.ctx, coordinator, data.editionId, oid, [{ item: item.code, value: !current!.value, baseVersion: current!.version, requestId: 'fix-1' }]);
    await completeQuestionnaire(data.ctx, coordinator, data.editionId, oid, (await findParticipant(h.db, data.editionId, oid))!.version);
    await submitQuestionnaire(data.ctx, head, data.editionId, oid, (await findParticipant(h.db, data.editionId, oid))!.version);

    const second = await run();
    expect(second).not.toBe(firstSnapshot);
    const runs = (await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/scoring-runs` })).json();
    const [newest, oldest] = runs.snapshots;
    expect(newest.id).toBe(second);
    expect(newest.seq).toBe(2);
    expect(newest.fingerprint).not.toBe(oldest.fingerprint);
    expect(oldest.fingerprint).toBe(firstFingerprint);
    const after = await h.db.selectFrom('result_unit').select(['result', 'input', 'overall']).where('snapshot_id', '=', firstSnapshot).orderBy('organisation_id').execute();
    expect(after).toEqual(before);

    const diff = (await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/snapshots/diff?from=${firstSnapshot}&to=${second}` })).json();
    expect(diff.sameFingerprint).toBe(false);
    expect(diff.items.map((c: { organisationId: string }) => c.organisationId)).toContain(oid);
    const moved = diff.items.find((c: { organisationId: string }) => c.organisationId === oid);
    expect(moved.change).not.toBe(0);
  });

  it('snapshots are frozen in the database: UPDATE and DELETE are refused', async () => {
    await expect(sql`UPDATE result_snapshot SET fingerprint = 'x' WHERE id = ${firstSnapshot}`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(sql`UPDATE result_unit SET overall = 0 WHERE snapshot_id = ${firstSnapshot}`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM result_unit WHERE snapshot_id = ${firstSnapshot}`.execute(h.db)).rejects.toThrow(/immutable/);
  });

  it('agencies see only the official snapshot of their own organisation, once published; others are 404', async () => {
    const [own, other] = data.organisations;
    const head = heads[0]!;
    for (const r of RESULTS_ORG_ROUTES) {
      // Nothing is official yet: no scorecard for the agency.
      expect((await as(h.app, head, { method: 'GET', url: r.path(data.editionId, own!) })).statusCode).toBe(404);
    }
    const runs = (await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/scoring-runs` })).json();
    for (const to of ['closed', 'verification', 'scored']) {
      expect((await as(h.app, admin, { method: 'POST', url: `/api/editions/${data.editionId}/transition`, payload: { to } })).statusCode).toBe(200);
    }
    // Publishing needs an official snapshot: every published number must be reproducible from it.
    const early = await as(h.app, admin, { method: 'POST', url: `/api/editions/${data.editionId}/transition`, payload: { to: 'published' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details[0].en).toBe('Mark a scoring snapshot as official before publishing');
    const marked = await as(h.app, admin, { method: 'POST', url: `/api/editions/${data.editionId}/snapshots/${runs.snapshots[0].id}/official` });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().official).toBe(true);
    // Official but not yet published: still nothing for the agency.
    expect((await as(h.app, head, { method: 'GET', url: RESULTS_ORG_ROUTES[0]!.path(data.editionId, own!) })).statusCode).toBe(404);
    expect((await as(h.app, admin, { method: 'POST', url: `/api/editions/${data.editionId}/transition`, payload: { to: 'published' } })).statusCode).toBe(200);
    for (const r of RESULTS_ORG_ROUTES) {
      const mine = await as(h.app, head, { method: 'GET', url: r.path(data.editionId, own!) });
      expect(mine.statusCode, r.route).toBe(200);
      const refused = await as(h.app, head, { method: 'GET', url: r.path(data.editionId, other!) });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('NOT_FOUND');
      const missing = await as(h.app, head, { method: 'GET', url: r.path(data.editionId, '00000000-0000-4000-8000-000000000000') });
      expect(missing.json()).toEqual(refused.json());
      // An agency cannot pick a non-official snapshot either.
      const older = await as(h.app, head, { method: 'GET', url: `${r.path(data.editionId, own!)}?snapshot=${firstSnapshot}` });
      if (r.route.endsWith('/scorecard')) expect(older.json().snapshot.id).toBe(runs.snapshots[0].id);
    }
    // The second head (another agency) sees their own, not the first.
    expect((await as(h.app, heads[1]!, { method: 'GET', url: RESULTS_ORG_ROUTES[0]!.path(data.editionId, other!) })).statusCode).toBe(200);
    expect((await as(h.app, heads[1]!, { method: 'GET', url: RESULTS_ORG_ROUTES[0]!.path(data.editionId, own!) })).statusCode).toBe(404);
    // Admin-only and DGA-only endpoints are 404 for agencies.
    expect((await as(h.app, head, { method: 'GET', url: `/api/editions/${data.editionId}/results/dashboard` })).statusCode).toBe(404);
    expect((await as(h.app, head, { method: 'GET', url: `/api/editions/${data.editionId}/results.xlsx` })).statusCode).toBe(404);
    expect((await as(h.app, head, { method: 'POST', url: `/api/editions/${data.editionId}/scoring-runs` })).statusCode).toBe(404);
  });

  it('the dashboard summarises the snapshot: groups, stages, provinces, distributions, quality, robustness', async () => {
    const res = await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/results/dashboard?snapshot=${firstSnapshot}` });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    const all = d.segments.all[0];
    const seg = engine.segments.find((s) => s.key === 'all')!;
    expect(all.n).toBe(N);
    expect(all.mean).toBe(round2(seg.overall.mean));
    expect(all.stages.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(N);
    expect(d.provinces.length).toBeGreaterThan(0);
    expect(d.provinces.every((p: { small: boolean; n: number }) => p.small === p.n < 5)).toBe(true);
    expect(d.distribution.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(N);
    expect(d.quality.dimensions).toHaveLength(6);
    expect(d.robustness.intervals).toHaveLength(N);
    expect(d.mapAttribution).toContain('OCHA/HDX');
    const geo = await as(h.app, admin, { method: 'GET', url: '/api/results/provinces.geojson' });
    expect(geo.json().features).toHaveLength(77);
  });

  it('the batch PDF job renders every agency into a ZIP and reports progress', async () => {
    const res = await as(h.app, admin, { method: 'POST', url: `/api/editions/${data.editionId}/scorecards/batch`, payload: {} });
    expect(res.statusCode).toBe(202);
    await drainResultJobs(data.ctx);
    const job = (await as(h.app, admin, { method: 'GET', url: `/api/results-jobs/${res.json().id}` })).json();
    expect(job.state, job.error).toBe('done');
    expect(job.progress).toBe(N);
    expect(job.total).toBe(N);
    const zip = await as(h.app, admin, { method: 'GET', url: job.downloadUrl });
    expect(zip.statusCode).toBe(200);
    const file = path.join(dataDir, 'batch.zip');
    fs.writeFileSync(file, zip.rawPayload);
    const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    expect(list).toHaveLength(N);
    expect(list.every((n) => n.endsWith('.pdf'))).toBe(true);
  });

  it('with a scored previous edition, a new run compares year over year on comparable items', async () => {
    // The same organisations answered the 2561 framework a year earlier.
    const prev = await createResultsData({ db: h.db, config: h.config }, { n: N, seed: 12, yearBe: 2568, framework: previousFramework, concurrency: 3 });
    expect(prev.organisations).toEqual(data.organisations);
    await executeScoring(prev.ctx, prev.editionId, prev.admin.id);
    const snap = await run();
    const runs = (await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/scoring-runs` })).json();
    expect(runs.snapshots[0].id).toBe(snap);
    const { units: prevUnits } = await readScoringInputs(h.db, prev.editionId);
    const { units } = await readScoringInputs(h.db, data.editionId);
    const expected = compareEditions({ framework: previousFramework, units: prevUnits }, { framework: defaultFramework, units });
    const u = expected.units[0]!;
    const sc = (await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${u.id}/scorecard?snapshot=${snap}` })).json();
    expect(sc.lastYear.available).toBe(true);
    expect(sc.lastYear.overallChange).toBe(round2(u.change.overall));
    for (const d of sc.dimensions) expect(d.change).toBe(round2(u.change.dimensions[d.code] ?? null));
    const dash = (await as(h.app, admin, { method: 'GET', url: `/api/editions/${data.editionId}/results/dashboard?snapshot=${snap}` })).json();
    expect(dash.yearOverYear.available).toBe(true);
    expect(dash.yearOverYear.comparableItems).toBe(expected.items.length);
    expect(dash.yearOverYear.meanChange.overall).toBe(round2(expected.meanChange.overall));
  });
});
