// Digital Local over HTTP, the whole path: register → draft → submit → assign (never a conflicted judge) → judge (hidden
// scores, only assigned entries) → calibrate → tiers with an override → confirm → announce → winners and feedback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConflicts } from '../../src/engine/judging/index.js';
import { ADMIN, as, orgIdByCode, PASSWORD, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { addLao, contestConfig, DATES, SECTIONS, YEAR } from './support/digital-local.js';

interface Lao {
  key: string;
  id: string;
  province: string;
  email: string;
  scores: number[][]; // per judge slot (first, second assigned judge): scores of the four criteria
}

describe('Digital Local: the whole path over HTTP', () => {
  let h: Harness;
  const laos: Lao[] = [];
  const judgeEmails = ['j.cm@judge.go.th', 'j.kk@judge.go.th', 'j.declared@judge.go.th', 'j.free@judge.go.th'];
  const judgeIds: Record<string, string> = {};
  const entryOf: Record<string, string> = {};
  let s: Record<string, Session> = {};

  /** Sessions last hours and the clock moves weeks: sign everyone in again at each step. */
  async function signInAll() {
    const out: Record<string, Session> = { admin: await signIn(h.app, ADMIN.email, ADMIN.password, '10.2.0.1') };
    for (const [i, l] of laos.entries()) out[l.key] = await signIn(h.app, l.email, PASSWORD, `10.2.1.${i + 1}`);
    for (const [i, e] of judgeEmails.entries()) out[e] = await signIn(h.app, e, PASSWORD, `10.2.2.${i + 1}`);
    out['coordinator'] = await signIn(h.app, 'coord@dol.go.th', PASSWORD, '10.2.3.1');
    s = out;
  }

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '1000' });
    const specs: { key: string; province: string; type?: string; code?: string; scores: number[][] }[] = [
      { key: 'cmPao', province: '50', code: 'LAO-PAO-50', scores: [[5, 5, 5, 5], [5, 5, 5, 5]] }, // 5.00
      { key: 'cmTown', province: '50', type: 'town_municipality', scores: [[5, 5, 5, 4], [5, 5, 5, 4]] }, // 4.75
      { key: 'kkSao', province: '40', type: 'sao', scores: [[4, 4, 5, 4], [4, 4, 5, 4]] }, // 4.25
      { key: 'hatyai', province: '90', type: 'city_municipality', scores: [[4, 4, 4, 3], [4, 4, 4, 3]] }, // 3.75
      { key: 'plPao', province: '65', code: 'LAO-PAO-65', scores: [[3, 3, 3, 3], [3, 3, 3, 3]] }, // 3.00
      { key: 'korat', province: '30', type: 'subdistrict_municipality', scores: [[1, 1, 1, 1], [4, 4, 4, 4]] }, // 2.50, judges far apart
    ];
    for (const [i, sp] of specs.entries()) {
      const id = sp.code ? await orgIdByCode(h.db, sp.code) : await addLao(h.db, { code: `TEST-${i}`, nameTh: `อปท.ทดสอบ ${sp.key}`, nameEn: `Test LAO ${sp.key}`, type: sp.type!, province: sp.province });
      const email = `applicant.${sp.key.toLowerCase()}@lao.go.th`;
      await seedUser(h.db, { email, role: 'lao_applicant', organisationId: id });
      laos.push({ key: sp.key, id, province: sp.province, email, scores: sp.scores });
    }
    for (const e of judgeEmails) judgeIds[e] = await seedUser(h.db, { email: e, role: 'judge', displayName: e.split('@')[0] });
    await seedUser(h.db, { email: 'coord@dol.go.th', role: 'coordinator', organisationId: await orgIdByCode(h.db, '15005') });
    await signInAll();
  });
  afterAll(async () => h?.close());

  it('admin sets up the contest; every LAO drafts and submits its entry before the deadline', async () => {
    const c = await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: contestConfig() } });
    expect(c.statusCode).toBe(200);
    for (const l of laos) {
      const me = s[l.key]!;
      const created = await as(h.app, me, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: { title: `นวัตกรรมของ ${l.key}` } });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      entryOf[l.key] = id;
      const saved = await as(h.app, me, { method: 'PUT', url: `/api/digital-local/entries/${id}`, payload: { baseVersion: 1, requestId: `${l.key}-1`, summary: `บทสรุปของ ${l.key}`, sections: SECTIONS } });
      expect(saved.json().status).toBe('saved');
      const sub = await as(h.app, me, { method: 'POST', url: `/api/digital-local/entries/${id}/submit`, payload: { version: 2 } });
      expect(sub.json().status).toBe('submitted');
    }
    const all = await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/entries?status=submitted` });
    expect(all.json().items).toHaveLength(6);
  });

  it('judges record affiliations and declarations; assignment waits for the close, then never uses a conflicted judge', async () => {
    const cmPao = laos.find((l) => l.key === 'cmPao')!;
    const hatyai = laos.find((l) => l.key === 'hatyai')!;
    // j.cm works for the Chiang Mai PAO; j.kk for a provincial office of Khon Kaen; j.declared declares Hat Yai.
    const aff = await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/judges/${judgeIds['j.cm@judge.go.th']}/affiliations`, payload: { affiliations: [{ organisationId: cmPao.id }] } });
    expect(aff.json().affiliations[0].organisation).toMatchObject({ id: cmPao.id, laoType: 'pao', provinceCode: '50' });
    await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/judges/${judgeIds['j.kk@judge.go.th']}/affiliations`, payload: { affiliations: [{ provinceCode: '40' }] } });
    const decl = await as(h.app, s['j.declared@judge.go.th']!, { method: 'POST', url: '/api/digital-local/judges/me/declarations', payload: { organisationId: hatyai.id, note: 'ญาติทำงานที่เทศบาล' } });
    expect(decl.statusCode).toBe(201);
    expect(decl.json().declarations[0]).toMatchObject({ organisation: { id: hatyai.id }, note: 'ญาติทำงานที่เทศบาล' });

    const early = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/assignments/auto`, payload: {} });
    expect(early.statusCode).toBe(409);

    h.clock.set(DATES.afterClose);
    await signInAll();
    const auto = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/assignments/auto`, payload: { seed: 7 } });
    expect(auto.statusCode).toBe(200);
    expect(auto.json()).toMatchObject({ added: 12, total: 12, shortfalls: [] });
    expect(auto.json().loadSpread).toBeLessThanOrEqual(1);

    const overview = (await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/assignments` })).json();
    const judges = (await as(h.app, s.admin!, { method: 'GET', url: '/api/digital-local/judges' })).json().items;
    const asEngine = (j: { id: string; affiliations: { organisation: { id: string; laoType: string; provinceCode: string } | null; provinceCode: string | null }[]; declarations: { organisation: { id: string } | null; provinceCode: string | null }[] }) => ({
      id: j.id,
      affiliations: j.affiliations.flatMap((a) => [
        ...(a.organisation ? [{ kind: 'lao' as const, laoId: a.organisation.id, provinceCode: a.organisation.provinceCode }] : []),
        ...(a.organisation?.laoType === 'pao' ? [{ kind: 'pao' as const, provinceCode: a.organisation.provinceCode }] : []),
        ...(a.provinceCode ? [{ kind: 'province' as const, provinceCode: a.provinceCode }] : []),
      ]),
      declaredConflicts: j.declarations.map((d) => (d.organisation ? { kind: 'lao' as const, laoId: d.organisation.id } : { kind: 'province' as const, provinceCode: d.provinceCode! })),
    });
    let pairs = 0;
    for (const row of overview.entries) {
      expect(row.judges).toHaveLength(2);
      for (const j of row.judges) {
        const judge = asEngine(judges.find((x: { id: string }) => x.id === j.id));
        const entry = { id: row.entry.id, laoId: row.entry.organisation.id, provinceCode: row.entry.organisation.provinceCode, laoType: row.entry.organisation.laoType };
        expect(findConflicts(judge, entry)).toEqual([]);
        pairs++;
      }
    }
    expect(pairs).toBe(12);
    const byEntry = (key: string) => overview.entries.find((r: { entry: { id: string } }) => r.entry.id === entryOf[key]).judges.map((j: { id: string }) => j.id);
    expect(byEntry('cmPao')).not.toContain(judgeIds['j.cm@judge.go.th']);
    expect(byEntry('cmTown')).not.toContain(judgeIds['j.cm@judge.go.th']);
    expect(byEntry('kkSao')).not.toContain(judgeIds['j.kk@judge.go.th']);
    expect(byEntry('hatyai')).not.toContain(judgeIds['j.declared@judge.go.th']);
    expect(overview.conflicts.length).toBeGreaterThanOrEqual(4);

    // A manual change cannot bring a conflicted judge in.
    const forced = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/assignments/changes`, payload: { kind: 'add', entryId: entryOf['cmPao'], judgeId: judgeIds['j.cm@judge.go.th'] } });
    expect(forced.statusCode).toBe(400);
    expect(forced.json().error.details[0]).toMatchObject({ code: 'ASSIGNMENT_CONFLICTED' });
    expect(forced.json().error.details[0].th).toMatch(/[\u0E00-\u0E7F]/);
    const still = (await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/assignments` })).json();
    expect(still.entries.find((r: { entry: { id: string } }) => r.entry.id === entryOf['cmPao']).judges.map((j: { id: string }) => j.id)).not.toContain(judgeIds['j.cm@judge.go.th']);
  });

  it('a conflict declared after assignment releases that judge from the entry; the next automatic run fills the place with someone else', async () => {
    const free = judgeIds['j.free@judge.go.th']!;
    const before = (await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/assignments` })).json();
    const row = before.entries.find((r: { judges: { id: string }[] }) => r.judges.some((j) => j.id === free));
    const decl = await as(h.app, s['j.free@judge.go.th']!, { method: 'POST', url: '/api/digital-local/judges/me/declarations', payload: { organisationId: row.entry.organisation.id, note: 'เพิ่งทราบว่าเป็นที่ปรึกษาโครงการ' } });
    expect(decl.json().released).toEqual([{ contestYear: YEAR, entryId: row.entry.id }]);
    const after = (await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/assignments` })).json();
    expect(after.entries.find((r: { entry: { id: string } }) => r.entry.id === row.entry.id).judges.map((j: { id: string }) => j.id)).not.toContain(free);
    const refill = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/assignments/auto`, payload: { seed: 7 } });
    expect(refill.json()).toMatchObject({ added: 1, total: 12, shortfalls: [] });
    const filled = (await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/assignments` })).json();
    const judges = filled.entries.find((r: { entry: { id: string } }) => r.entry.id === row.entry.id).judges.map((j: { id: string }) => j.id);
    expect(judges).toHaveLength(2);
    expect(judges).not.toContain(free);
    const audit = await h.db.selectFrom('audit_log').select('after').where('action', '=', 'dl.assignment.release').execute();
    expect(audit[0]!.after).toMatchObject({ judgeId: free, reasons: ['CONFLICT_DECLARED_LAO'] });
  });

  const assigned: Record<string, string[]> = {};

  it('a judge sees only assigned entries; others answer 404 everywhere', async () => {
    const overview = (await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/assignments` })).json();
    for (const row of overview.entries) assigned[row.entry.id] = row.judges.map((j: { id: string }) => j.id);
    const email = 'j.free@judge.go.th';
    const mine = (await as(h.app, s[email]!, { method: 'GET', url: `/api/digital-local/judging/${YEAR}/entries` })).json();
    const expected = Object.entries(assigned).filter(([, js]) => js.includes(judgeIds[email]!)).map(([id]) => id).sort();
    expect(mine.items.map((e: { id: string }) => e.id).sort()).toEqual(expected);
    expect(mine.contest.rubric.criteria).toHaveLength(4);
    const notMine = Object.keys(assigned).find((id) => !assigned[id]!.includes(judgeIds[email]!))!;
    for (const url of [`/api/digital-local/judging/entries/${notMine}`, `/api/digital-local/entries/${notMine}`]) {
      expect((await as(h.app, s[email]!, { method: 'GET', url })).statusCode).toBe(404);
    }
    const put = await as(h.app, s[email]!, { method: 'PUT', url: `/api/digital-local/judging/entries/${notMine}/sheet`, payload: { baseVersion: 0, ratings: {} } });
    expect(put.statusCode).toBe(404);
    const own = await as(h.app, s[email]!, { method: 'GET', url: `/api/digital-local/entries/${expected[0]}` });
    expect(own.statusCode).toBe(200);
    // Before the judging dates, sheets are refused with the dates.
    const early = await as(h.app, s[email]!, { method: 'PUT', url: `/api/digital-local/judging/entries/${expected[0]}/sheet`, payload: { baseVersion: 0, ratings: { problem: { score: 3, comment: 'x' } } } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DL_JUDGING_NOT_OPEN');
  });

  function ratingsFor(key: string, slot: number) {
    const l = laos.find((x) => x.key === key)!;
    const codes = ['problem', 'policy_plan', 'work_process', 'results'];
    return Object.fromEntries(codes.map((c, i) => [c, { score: l.scores[slot]![i]!, comment: `ความเห็นกรรมการ ${slot + 1} เรื่อง ${c}` }]));
  }

  it("a judge cannot see another judge's scores until their own sheet is submitted", async () => {
    h.clock.set(DATES.judging);
    await signInAll();
    const entry = entryOf['plPao']!;
    const [first, second] = assigned[entry]!;
    const sessionOf = (id: string) => s[Object.keys(judgeIds).find((e) => judgeIds[e] === id)!]!;
    const url = `/api/digital-local/judging/entries/${entry}`;

    const draft = await as(h.app, sessionOf(second!), { method: 'PUT', url: `${url}/sheet`, payload: { baseVersion: 0, ratings: ratingsFor('plPao', 1), overallComment: 'ดีพอใช้' } });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1, total: 3 });
    const stale = await as(h.app, sessionOf(second!), { method: 'PUT', url: `${url}/sheet`, payload: { baseVersion: 0, ratings: {} } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(1);
    const offScale = await as(h.app, sessionOf(second!), { method: 'PUT', url: `${url}/sheet`, payload: { baseVersion: 1, ratings: { problem: { score: 9, comment: '' } } } });
    expect(offScale.statusCode).toBe(400);
    expect((await as(h.app, sessionOf(second!), { method: 'POST', url: `${url}/sheet/submit`, payload: {} })).json().status).toBe('submitted');

    const before = (await as(h.app, sessionOf(first!), { method: 'GET', url })).json();
    expect(before).toMatchObject({ own: null, others: [], hiddenCount: 1, visibility: 'own_not_submitted' });
    expect(JSON.stringify(before)).not.toContain('ความเห็นกรรมการ 2');

    const missing = await as(h.app, sessionOf(first!), { method: 'PUT', url: `${url}/sheet`, payload: { baseVersion: 0, ratings: { problem: { score: 3, comment: '' }, policy_plan: { score: null, comment: 'ยังไม่ตัดสินใจ' } } } });
    expect(missing.statusCode).toBe(200);
    expect(missing.json()).toMatchObject({ status: 'draft', total: null, ratings: { problem: { score: 3 }, policy_plan: { score: null, comment: 'ยังไม่ตัดสินใจ' } } });
    const incomplete = await as(h.app, sessionOf(first!), { method: 'POST', url: `${url}/sheet/submit`, payload: {} });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['SCORE_MISSING', 'COMMENT_MISSING']));
    const stillHidden = (await as(h.app, sessionOf(first!), { method: 'GET', url })).json();
    expect(stillHidden.others).toEqual([]);

    await as(h.app, sessionOf(first!), { method: 'PUT', url: `${url}/sheet`, payload: { baseVersion: 1, ratings: ratingsFor('plPao', 0) } });
    await as(h.app, sessionOf(first!), { method: 'POST', url: `${url}/sheet/submit`, payload: {} });
    const after = (await as(h.app, sessionOf(first!), { method: 'GET', url })).json();
    expect(after.visibility).toBe('own_submitted');
    expect(after.others).toHaveLength(1);
    expect(after.others[0]).toMatchObject({ label: { en: expect.stringMatching(/^Judge [AB]$/) }, status: 'submitted', overallComment: 'ดีพอใช้' });
    expect(after.others[0]).not.toHaveProperty('judgeId');
    const locked = await as(h.app, sessionOf(first!), { method: 'PUT', url: `${url}/sheet`, payload: { baseVersion: 3, ratings: {} } });
    expect(locked.json().error.code).toBe('STATE_FORBIDS');
  });

  it('every judge scores; the committee sees raw and adjusted scores, agreement and flags, chooses the basis (audited) and overrides with a reason', async () => {
    for (const [key, entry] of Object.entries(entryOf)) {
      if (key === 'plPao') continue;
      for (const [slot, judgeId] of assigned[entry]!.entries()) {
        const me = s[Object.keys(judgeIds).find((e) => judgeIds[e] === judgeId)!]!;
        const put = () => as(h.app, me, { method: 'PUT', url: `/api/digital-local/judging/entries/${entry}/sheet`, payload: { baseVersion: 0, ratings: ratingsFor(key, slot) } });
        if (key === 'cmPao' && slot === 0) {
          // Two identical first saves at once (a double click): one sheet, one version, one audit entry.
          const both = await Promise.all([put(), put()]);
          expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
          expect(both.map((r) => r.json().version)).toEqual([1, 1]);
          const saves = await h.db.selectFrom('audit_log').select('id').where('action', '=', 'dl.sheet.save').where('entity_id', '=', entry).where('actor_id', '=', judgeId).execute();
          expect(saves).toHaveLength(1);
        } else {
          expect((await put()).statusCode).toBe(200);
        }
        expect((await as(h.app, me, { method: 'POST', url: `/api/digital-local/judging/entries/${entry}/sheet/submit`, payload: {} })).statusCode).toBe(200);
      }
    }
    const report = (await as(h.app, s.admin!, { method: 'GET', url: `/api/digital-local/contests/${YEAR}/committee` })).json();
    expect(report.sheets).toEqual({ submitted: 12, expected: 12 });
    expect(report.basis).toBe('raw');
    expect(report.chosenBasis).toBeNull();
    const raw = Object.fromEntries(report.calibration.entries.map((e: { entryId: string; raw: number }) => [e.entryId, e.raw]));
    expect(raw[entryOf['cmPao']!]).toBeCloseTo(5);
    expect(raw[entryOf['korat']!]).toBeCloseTo(2.5);
    for (const e of report.calibration.entries) expect(typeof e.additive).toBe('number');
    // Five entries on which the judges agree and one on which they are three points apart.
    expect(report.calibration.agreement.alphaTotals.alpha).toBeGreaterThan(0);
    expect(report.calibration.agreement.alphaTotals.alpha).toBeLessThan(0.9);
    const korat = report.flags.find((f: { entryId: string }) => f.entryId === entryOf['korat']);
    expect(korat.reasons.map((r: { code: string }) => r.code)).toContain('FLAG_RANGE');
    expect(korat.reasons[0].th).toMatch(/[\u0E00-\u0E7F]/);
    const tierOf = (r: { result: { entries: { entryId: string; tier: string | null }[] } }, key: string) => r.result.entries.find((e) => e.entryId === entryOf[key])!.tier;
    expect(tierOf(report, 'cmPao')).toBe('excellent');
    expect(tierOf(report, 'cmTown')).toBe('outstanding');
    expect(tierOf(report, 'kkSao')).toBe('outstanding');
    expect(tierOf(report, 'hatyai')).toBeNull();

    const noBasis = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/committee/overrides`, payload: { entryId: entryOf['hatyai'], tier: 'outstanding', reason: 'ผลกระทบต่อประชาชนสูง' } });
    expect(noBasis.statusCode).toBe(409);
    const chosen = await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}/committee/basis`, payload: { basis: 'raw', reason: 'ความเข้มงวดของกรรมการใกล้เคียงกัน' } });
    expect(chosen.json()).toMatchObject({ chosenBasis: 'raw', basis: 'raw' });
    const audit = await h.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'dl.committee.basis').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ basis: 'raw', reason: 'ความเข้มงวดของกรรมการใกล้เคียงกัน' });

    const blank = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/committee/overrides`, payload: { entryId: entryOf['hatyai'], tier: 'outstanding', reason: '  ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].code).toBe('OVERRIDE_REASON_REQUIRED');
    const over = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/committee/overrides`, payload: { entryId: entryOf['hatyai'], tier: 'outstanding', reason: 'ผลกระทบต่อประชาชนสูง' } });
    expect(over.statusCode, over.body).toBe(201);
    expect(tierOf(over.json(), 'hatyai')).toBe('outstanding');
    expect(over.json().overrides[0]).toMatchObject({ entryId: entryOf['hatyai'], from: null, to: 'outstanding', reason: 'ผลกระทบต่อประชาชนสูง' });
    const switchBasis = await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}/committee/basis`, payload: { basis: 'additive' } });
    expect(switchBasis.statusCode).toBe(409);
  });

  it('results are confirmed after judging and announced from the announcement date; then the winners are public and each LAO sees its feedback', async () => {
    const tooEarly = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/committee/confirm`, payload: {} });
    expect(tooEarly.statusCode).toBe(409);
    h.clock.set(DATES.afterJudging);
    await signInAll();
    const confirmed = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/committee/confirm`, payload: {} });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ phase: 'confirmed', basis: 'raw' });
    expect((await h.app.inject({ method: 'GET', url: `/api/public/digital-local/${YEAR}/winners` })).statusCode).toBe(404);
    const hidden = await as(h.app, s['hatyai']!, { method: 'GET', url: `/api/digital-local/entries/${entryOf['hatyai']}/feedback` });
    expect(hidden.statusCode).toBe(409);
    const notYet = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/announce`, payload: {} });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.details[0].en).toContain('15 July 2026');

    h.clock.set(DATES.announcement);
    await signInAll();
    const announced = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/announce`, payload: {} });
    expect(announced.json().phase).toBe('announced');

    const winners = await h.app.inject({ method: 'GET', url: `/api/public/digital-local/${YEAR}/winners` });
    expect(winners.statusCode).toBe(200);
    const tiers = winners.json().tiers;
    expect(tiers.map((t: { code: string }) => t.code)).toEqual(['excellent', 'outstanding']);
    expect(tiers[0].winners.map((w: { title: string }) => w.title)).toEqual(['นวัตกรรมของ cmPao']);
    expect(tiers[1].winners.map((w: { title: string }) => w.title).sort()).toEqual(['นวัตกรรมของ cmTown', 'นวัตกรรมของ hatyai', 'นวัตกรรมของ kkSao']);
    expect(tiers[0].winners[0]).toMatchObject({ summary: 'บทสรุปของ cmPao', organisation: { provinceCode: '50', laoType: 'pao' } });
    const body = winners.body;
    for (const secret of ['score', 'judge', 'ความเห็นกรรมการ', SECTIONS.problem, 'applicant']) expect(body).not.toContain(secret);
    const years = await h.app.inject({ method: 'GET', url: '/api/public/digital-local/contests' });
    expect(years.json().items.map((c: { year: number }) => c.year)).toEqual([YEAR]);

    const fb = await as(h.app, s['korat']!, { method: 'GET', url: `/api/digital-local/entries/${entryOf['korat']}/feedback` });
    expect(fb.statusCode).toBe(200);
    expect(fb.json()).toMatchObject({ tier: null, feedback: { judgeCount: 2, meanTotal: 2.5 } });
    expect(fb.json().feedback.sheets.map((x: { label: { en: string } }) => x.label.en)).toEqual(['Judge 1', 'Judge 2']);
    expect(fb.json().feedback.criteria[0].comments).toHaveLength(2);
    expect(JSON.stringify(fb.json())).not.toMatch(/j\.(cm|kk|declared|free)|judge\.go\.th/);
    for (const id of Object.values(judgeIds)) expect(JSON.stringify(fb.json())).not.toContain(id);
    const other = await as(h.app, s['cmPao']!, { method: 'GET', url: `/api/digital-local/entries/${entryOf['korat']}/feedback` });
    expect(other.statusCode).toBe(404);
    const winnerFb = (await as(h.app, s['hatyai']!, { method: 'GET', url: `/api/digital-local/entries/${entryOf['hatyai']}/feedback` })).json();
    expect(winnerFb).toMatchObject({ tier: 'outstanding', tierName: { en: 'Outstanding' } });

    const frozen = await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: contestConfig(), version: announced.json().version } });
    expect(frozen.statusCode).toBe(409);
    const audit = await h.db.selectFrom('audit_log').select('action').where('action', 'like', 'dl.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(['dl.contest.create', 'dl.entry.create', 'dl.entry.submit', 'dl.judge.affiliations', 'dl.judge.declare', 'dl.assignment.release', 'dl.assignment.auto', 'dl.sheet.save', 'dl.sheet.submit', 'dl.committee.basis', 'dl.committee.override', 'dl.committee.confirm', 'dl.announce']),
    );
    const verify = await as(h.app, s.admin!, { method: 'GET', url: '/api/audit/verify' });
    if (verify.statusCode === 200) expect(verify.json().ok).toBe(true);
  });
});
