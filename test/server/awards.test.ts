// Awards on the demo: the default set computed from the official snapshot, every winner checked against its rule by an
// independent re-computation; award-set versions; the decision workflow (override reasons, knife-edge, announce).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectedDefaultWinners, factsOf, ok, startAwardsWorld, type AwardsWorld } from './support/awards.js';

describe('awards: default set on the demo edition', () => {
  let w: AwardsWorld;

  beforeAll(async () => {
    w = await startAwardsWorld();
  }, 600_000);

  afterAll(async () => {
    await w?.h.close();
  });

  /** Moves every decision of the edition through review, approval (acknowledging knife-edge groups) and announcement. */
  async function announceAll(eid: string) {
    const list = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/decisions`));
    for (const d of list.decisions) {
      if (d.type !== 'rule' || d.state === 'announced') continue;
      const base = `/api/awards/editions/${eid}/decisions/${d.categoryId}/actions`;
      if (d.state === 'computed') ok(await call(w, w.reviewer, 'POST', base, { type: 'review' }));
      const det = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/decisions/${d.categoryId}`));
      if (det.state === 'reviewed') ok(await call(w, w.admin, 'POST', base, { type: 'approve', acknowledgeKnifeEdge: det.knifeEdgeGroups }));
      ok(await call(w, w.admin, 'POST', base, { type: 'announce' }));
    }
  }

  it('serves the default award set until one is saved', async () => {
    const s = ok(await call(w, w.dltCoordinator, 'GET', `/api/awards/editions/${w.editions[2562]}/set`));
    expect(s.saved).toBe(false);
    expect(s.version).toBeNull();
    expect(s.definition.edition).toBe('2562');
    expect(s.definition.categories.map((c: { id: string }) => c.id)).toEqual(['dg_award', 'data_governance', 'open_data', 'digital_personnel', 'improvement', 'no_copy_policy', 'digital_leader']);
  });

  it('announces winners that each follow their rule, recomputed independently from the snapshot', async () => {
    const eid = w.editions[2562]!;
    const c = ok(await call(w, w.admin, 'POST', `/api/awards/editions/${eid}/compute`, {}));
    expect(c.snapshotId).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.previousSnapshotId).toMatch(/^[0-9a-f-]{36}$/);
    await announceAll(eid);

    const { facts, tags } = await factsOf(w.h, eid);
    const expected = expectedDefaultWinners(facts, tags);
    let total = 0;
    for (const [categoryId, groups] of Object.entries(expected)) {
      const d = ok(await call(w, w.dltCoordinator, 'GET', `/api/awards/editions/${eid}/decisions/${categoryId}`));
      expect(d.state).toBe('announced');
      expect(d.overrides).toEqual([]);
      for (const [key, ids] of Object.entries(groups)) {
        const got = d.finalWinners.filter((x: { group: string }) => x.group === key).map((x: { organisationId: string }) => x.organisationId);
        expect({ categoryId, key, winners: [...got].sort() }).toEqual({ categoryId, key, winners: [...ids].sort() });
        total += ids.length;
      }
    }
    // The demo must exercise the rules, not pass with empty lists: the main award and the policy award have winners.
    expect(expected.dg_award!.department_service!.length + expected.dg_award!.department_other!.length).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(5);

    // Improvement shows both the raw and the adjusted gain; overall-score winners carry their rank interval.
    const imp = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/decisions/improvement`));
    const withFigures = imp.groups.flatMap((g: { units: { improvement: unknown }[] }) => g.units).filter((u: { improvement: unknown }) => u.improvement);
    expect(withFigures.length).toBeGreaterThan(0);
    for (const u of withFigures) expect(Object.keys(u.improvement).sort()).toEqual(['adjustedGain', 'current', 'expected', 'previous', 'rawGain']);
    const dg = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/decisions/dg_award`));
    for (const x of dg.finalWinners) {
      expect(x.rankInterval).not.toBeNull();
      expect(x.rankInterval.p5).toBeLessThanOrEqual(x.rankInterval.p95);
    }
    for (const g of dg.groups) {
      expect(g.knifeEdge).toHaveProperty('flagged');
      for (const id of g.nearMisses) expect(g.units.find((u: { organisationId: string }) => u.organisationId === id).rankInterval).not.toBeNull();
    }
  });

  it('keeps the set versioned: an invalid definition saves nothing (400 in Thai and English), a valid one becomes version 1', async () => {
    const eid = w.editions[2561]!;
    const cur = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/set`));
    const bad = structuredClone(cur.definition);
    bad.categories[0].selection.topN = 0;
    bad.categories[1].criterion.tags = ['no_such_tag'];
    const r = await call(w, w.admin, 'PUT', `/api/awards/editions/${eid}/set`, { definition: bad, baseVersion: null });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['categories[0].selection.topN', 'categories[1].criterion.tags[0]']));
    expect(body.error.details[0].th).toMatch(/[\u0E00-\u0E7F]/);
    expect(ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/set`)).saved).toBe(false);

    const good = structuredClone(cur.definition);
    good.categories[0].selection.topN = 3;
    expect((await call(w, w.reviewer, 'PUT', `/api/awards/editions/${eid}/set`, { definition: good, baseVersion: null })).statusCode).toBe(404);
    const saved = ok(await call(w, w.admin, 'PUT', `/api/awards/editions/${eid}/set`, { definition: good, baseVersion: null }));
    expect(saved).toMatchObject({ saved: true, version: 1, definition: { edition: '2561', version: '2561.1' } });
    expect(saved.definition.categories[0].selection.topN).toBe(3);
    // A second writer still on the default is refused rather than silently overwriting version 1.
    const stale = await call(w, w.admin, 'PUT', `/api/awards/editions/${eid}/set`, { definition: good, baseVersion: null });
    expect(stale.statusCode).toBe(409);
    expect(ok(await call(w, w.reviewer, 'GET', `/api/awards/editions/${eid}/set/versions`)).versions).toHaveLength(1);
  });

  it('runs the workflow: override needs a written reason, approval needs knife-edge acknowledged, announced is final', async () => {
    const eid = w.editions[2561]!;
    const c = ok(await call(w, w.admin, 'POST', `/api/awards/editions/${eid}/compute`, {}));
    expect(c.setVersion).toBe(1);
    const base = `/api/awards/editions/${eid}/decisions/dg_award`;
    const d0 = ok(await call(w, w.admin, 'GET', base));
    expect(d0.state).toBe('computed');
    // Agencies do not see a decision before it is announced.
    expect((await call(w, w.dltCoordinator, 'GET', base)).statusCode).toBe(404);
    expect(ok(await call(w, w.dltCoordinator, 'GET', `/api/awards/editions/${eid}/decisions`)).decisions).toEqual([]);

    // Override before review: the state does not allow it.
    const early = await call(w, w.reviewer, 'POST', `${base}/actions`, { type: 'override', change: 'remove', organisationId: 'x', group: 'department_service', reason: 'r' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('STATE_FORBIDS');
    ok(await call(w, w.reviewer, 'POST', `${base}/actions`, { type: 'review', note: 'ดูแล้ว' }));

    const group = d0.groups.find((g: { winners: string[] }) => g.winners.length > 0);
    expect(group).toBeDefined();
    const removed = group.winners[0];
    const noReason = await call(w, w.reviewer, 'POST', `${base}/actions`, { type: 'override', change: 'remove', organisationId: removed, group: group.key, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toMatchObject({ path: 'action.reason' });
    expect(ok(await call(w, w.admin, 'GET', base)).overrides).toEqual([]);

    const reason = 'หลักฐานด้านความมั่นคงปลอดภัยถูกเพิกถอนภายหลังการตรวจ';
    const d1 = ok(await call(w, w.reviewer, 'POST', `${base}/actions`, { type: 'override', change: 'remove', organisationId: removed, group: group.key, reason }));
    expect(d1.overrides).toEqual([expect.objectContaining({ change: 'remove', organisationId: removed, reason, byName: expect.stringContaining('Demo reviewer') })]);
    expect(d1.finalWinners.map((x: { organisationId: string }) => x.organisationId)).not.toContain(removed);
    const audit = await w.h.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'awards.override').execute();
    expect(audit.map((a) => (a.after as { reason: string }).reason)).toContain(reason);

    // Reviewers may not approve; admins must acknowledge knife-edge groups.
    expect((await call(w, w.reviewer, 'POST', `${base}/actions`, { type: 'approve' })).statusCode).toBe(404);
    if (d1.unacknowledgedKnifeEdge.length > 0) {
      const refused = await call(w, w.admin, 'POST', `${base}/actions`, { type: 'approve' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].path).toBe('action.acknowledgeKnifeEdge');
    }
    const stale = await call(w, w.admin, 'POST', `${base}/actions`, { type: 'approve', acknowledgeKnifeEdge: d1.knifeEdgeGroups, baseVersion: d1.version - 1 });
    expect(stale.statusCode).toBe(409);
    ok(await call(w, w.admin, 'POST', `${base}/actions`, { type: 'approve', acknowledgeKnifeEdge: d1.knifeEdgeGroups, baseVersion: d1.version }));

    // Recomputing keeps the approved decision (and its override).
    const again = ok(await call(w, w.admin, 'POST', `/api/awards/editions/${eid}/compute`, {}));
    expect(again.kept).toContain('dg_award');
    const d2 = ok(await call(w, w.admin, 'POST', `${base}/actions`, { type: 'announce' }));
    expect(d2.state).toBe('announced');
    expect(d2.history.map((x: { action: string }) => x.action)).toEqual(['review', 'override', 'approve', 'announce']);
    const after = await call(w, w.admin, 'POST', `${base}/actions`, { type: 'reopen', reason: 'x' });
    expect(after.statusCode).toBe(409);

    // Now agencies see it, with winners only.
    const pub = ok(await call(w, w.dltCoordinator, 'GET', base));
    expect(pub.finalWinners.length).toBe(d2.finalWinners.length);
    expect(pub.groups.every((g: { units: unknown[] }) => g.units.length === 0)).toBe(true);
    expect(pub.overrides).toEqual([]);
  });

  it('rolls up per category, ministry and province, and totals by year across editions', async () => {
    const eid = w.editions[2562]!;
    const r = ok(await call(w, w.dltCoordinator, 'GET', `/api/awards/editions/${eid}/rollup`));
    expect(r.scope).toBe('announced');
    const d = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/decisions`));
    const sum = d.decisions.reduce((s: number, x: { state: string | null; winners: number }) => s + (x.state === 'announced' ? x.winners : 0), 0);
    expect(r.totalAwards).toBe(sum);
    expect(r.byMinistry.reduce((s: number, m: { awards: number }) => s + m.awards, 0)).toBeLessThanOrEqual(sum);
    expect(r.byMinistry[0]).toMatchObject({ ministry: expect.any(String), nameTh: expect.stringMatching(/[\u0E00-\u0E7F]/), units: expect.any(Number), winningUnits: expect.any(Number) });
    const t = ok(await call(w, w.judge, 'GET', '/api/awards/totals'));
    expect(t.years.map((y: { yearBe: number }) => y.yearBe)).toEqual([2561, 2562]);
    expect(t.years[1].totalAwards).toBe(sum);
    expect(t.years[0].byCategory.map((c: { categoryId: string }) => c.categoryId)).toEqual(['dg_award']);
  });

  it('ministry-level awards: candidates are the ministry roll-ups of department agencies, named, certified and rolled up by ministry code', async () => {
    const eid = w.editions[2561]!;
    const cur = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/set`));
    const def = structuredClone(cur.definition);
    def.categories.push({
      type: 'rule',
      id: 'ministry_award',
      name: { th: 'กระทรวงที่มีความพร้อมสูงสุด', en: 'Most ready ministry' },
      eligibility: { peerGroups: ['ministry'] },
      criterion: { kind: 'overall' },
      selection: { topN: 2 },
      tie: { kind: 'all_win' },
      perPeerGroup: true,
    });
    ok(await call(w, w.admin, 'PUT', `/api/awards/editions/${eid}/set`, { definition: def, baseVersion: cur.version }));
    const c = ok(await call(w, w.admin, 'POST', `/api/awards/editions/${eid}/compute`, {}));
    expect(c.computed).toContain('ministry_award');

    // Independently: the mean overall score of each ministry's department-level agencies in the official snapshot.
    const sid = (await w.h.db.selectFrom('result_official').select('snapshot_id').where('edition_id', '=', eid).executeTakeFirstOrThrow()).snapshot_id;
    const rows = await w.h.db
      .selectFrom('result_unit as ru')
      .innerJoin('organisation as o', 'o.id', 'ru.organisation_id')
      .innerJoin('ministry as m', 'm.code', 'o.ministry_code')
      .select(['o.ministry_code', 'm.name_th', 'ru.overall'])
      .where('ru.snapshot_id', '=', sid)
      .where('o.level', '=', 'department')
      .execute();
    const byMinistry = new Map<string, { nameTh: string; xs: number[] }>();
    for (const r of rows) {
      const m = byMinistry.get(r.ministry_code!) ?? { nameTh: r.name_th, xs: [] };
      if (r.overall !== null) m.xs.push(Number(r.overall));
      byMinistry.set(r.ministry_code!, m);
    }
    const means = [...byMinistry].map(([code, m]) => ({ code, nameTh: m.nameTh, mean: m.xs.reduce((a, b) => a + b, 0) / m.xs.length })).sort((a, b) => b.mean - a.mean);
    expect(means.length).toBeGreaterThan(2);

    const base = `/api/awards/editions/${eid}/decisions/ministry_award`;
    const d = ok(await call(w, w.admin, 'GET', base));
    const g = d.groups[0];
    expect(g.candidates).toBe(means.length);
    expect(g.units.map((u: { organisationId: string }) => u.organisationId).sort()).toEqual(means.map((m) => `ministry:${m.code}`).sort());
    expect([...g.winners].sort()).toEqual(means.slice(0, 2).map((m) => `ministry:${m.code}`).sort());
    const top = g.units.find((u: { organisationId: string }) => u.organisationId === `ministry:${means[0]!.code}`);
    expect(top).toMatchObject({ entrant: 'ministry', code: means[0]!.code, nameTh: means[0]!.nameTh, ministryCode: means[0]!.code });
    expect(top.value).toBeCloseTo(means[0]!.mean, 6);

    // Through the workflow: certificates name the ministry in its own column (no organisation), public list and roll-up too.
    ok(await call(w, w.reviewer, 'POST', `${base}/actions`, { type: 'review' }));
    const det = ok(await call(w, w.admin, 'GET', base));
    ok(await call(w, w.admin, 'POST', `${base}/actions`, { type: 'approve', acknowledgeKnifeEdge: det.knifeEdgeGroups }));
    ok(await call(w, w.admin, 'POST', `${base}/actions`, { type: 'announce' }));
    const certs = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/certificates`)).certificates.filter((x: { categoryId: string }) => x.categoryId === 'ministry_award');
    expect(certs.map((x: { ministryCode: string }) => x.ministryCode).sort()).toEqual(means.slice(0, 2).map((m) => m.code).sort());
    for (const x of certs) expect(x).toMatchObject({ organisationId: null, nominationId: null, recipient: { th: expect.stringMatching(/[\u0E00-\u0E7F]/) } });
    expect((await call(w, w.admin, 'GET', certs[0].pdfUrl)).statusCode).toBe(200);
    expect((await w.h.app.inject({ method: 'GET', url: `/api/public/certificates/${certs[0].code}` })).json()).toMatchObject({ status: 'valid' });
    const pub = (await w.h.app.inject({ method: 'GET', url: '/api/public/awards/2561' })).json();
    expect(pub.categories.find((x: { categoryId: string }) => x.categoryId === 'ministry_award').winners.map((x: { recipient: { th: string } }) => x.recipient.th).sort()).toEqual(
      means.slice(0, 2).map((m) => m.nameTh).sort(),
    );
    const r = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/rollup?scope=announced`));
    expect(r.byCategory.find((x: { categoryId: string }) => x.categoryId === 'ministry_award')).toMatchObject({ awards: 2, units: 2 });
    const before = rows.filter((x) => x.ministry_code === means[0]!.code).length;
    expect(r.byMinistry.find((m: { ministry: string }) => m.ministry === means[0]!.code)).toMatchObject({ units: before });
    // The ministry's own award counts for it, on top of its agencies' awards (which the dg_award decision gave).
    const agencyAwards = (await w.h.db.selectFrom('award_certificate as c').innerJoin('organisation as o', 'o.id', 'c.organisation_id').select('c.code').where('c.edition_id', '=', eid).where('o.ministry_code', '=', means[0]!.code).where('c.status', '=', 'valid').execute()).length;
    expect(r.byMinistry.find((m: { ministry: string }) => m.ministry === means[0]!.code).awards).toBe(agencyAwards + 1);
  }, 180_000);
});
