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
});
