// Digital Local judges over HTTP: every sheet save audited (retries idempotent, history for the committee), judges
// anonymous to each other, capacity-aware assignment, and self-declared conflicts flagged for the admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, as, PASSWORD, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { addLao, contestConfig, DATES, SECTIONS, YEAR } from './support/digital-local.js';

const JUDGES = ['ann@judge.go.th', 'ben@judge.go.th', 'cat@judge.go.th', 'dan@judge.go.th'];
const NAMES: Record<string, string> = { 'ann@judge.go.th': 'Ann Judge', 'ben@judge.go.th': 'Ben Judge', 'cat@judge.go.th': 'Cat Judge', 'dan@judge.go.th': 'Dan Judge' };
const CODES = ['problem', 'policy_plan', 'work_process', 'results'];
const full = (score: number, note = 'ดี') => Object.fromEntries(CODES.map((c) => [c, { score, comment: `${note} ${c}` }]));

describe('Digital Local judges', () => {
  let h: Harness;
  let s: Record<string, Session> = {};
  const judgeId: Record<string, string> = {};
  const entries: { id: string; laoId: string; province: string; email: string }[] = [];

  async function signInAll() {
    const out: Record<string, Session> = { admin: await signIn(h.app, ADMIN.email, ADMIN.password, '10.5.0.1') };
    for (const [i, e] of JUDGES.entries()) out[e] = await signIn(h.app, e, PASSWORD, `10.5.1.${i + 1}`);
    for (const [i, e] of entries.entries()) out[e.email] = await signIn(h.app, e.email, PASSWORD, `10.5.2.${i + 1}`);
    s = out;
  }
  const get = (who: string, url: string) => as(h.app, s[who]!, { method: 'GET', url });
  const send = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload: object = {}) => as(h.app, s[who]!, { method, url, payload });

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '1000' });
    for (const e of JUDGES) judgeId[e] = await seedUser(h.db, { email: e, role: 'judge', displayName: NAMES[e] });
    const provinces = ['50', '40', '90', '30'];
    for (const [i, province] of provinces.entries()) {
      const laoId = await addLao(h.db, { code: `JDG-${i}`, nameTh: `เทศบาลทดสอบกรรมการ ${i}`, type: 'town_municipality', province });
      const email = `lao${i}@lao.go.th`;
      await seedUser(h.db, { email, role: 'lao_applicant', organisationId: laoId });
      entries.push({ id: '', laoId, province, email });
    }
    await signInAll();
    expect((await send('admin', 'PUT', `/api/digital-local/contests/${YEAR}`, { config: contestConfig({ judgesPerEntry: 2 }) })).statusCode).toBe(200);
    for (const e of entries) {
      const created = (await send(e.email, 'POST', `/api/digital-local/contests/${YEAR}/entries`, { title: `ผลงาน ${e.province}` })).json();
      e.id = created.id;
      await send(e.email, 'PUT', `/api/digital-local/entries/${e.id}`, { baseVersion: 1, requestId: `r-${e.province}`, summary: 'สรุป', sections: SECTIONS });
      expect((await send(e.email, 'POST', `/api/digital-local/entries/${e.id}/submit`, {})).json().status).toBe('submitted');
    }
  }, 120_000);
  afterAll(async () => h?.close());

  /** Assigns the pairs by hand (admin, after the close), replacing nothing. */
  async function assign(pairs: [number, string][]) {
    for (const [i, judge] of pairs) {
      const r = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/changes`, { kind: 'add', entryId: entries[i]!.id, judgeId: judgeId[judge] });
      expect(r.statusCode, r.body).toBe(200);
    }
  }

  describe('score sheet saves are audited', () => {
    it('each real save and the submission leave one audit entry; retries answer the stored sheet and add nothing', async () => {
      h.clock.set(DATES.afterClose);
      await signInAll();
      await assign([[0, JUDGES[0]!], [0, JUDGES[1]!]]);
      h.clock.set(DATES.judging);
      await signInAll();
      const url = `/api/digital-local/judging/entries/${entries[0]!.id}/sheet`;
      const first = { baseVersion: 0, ratings: { problem: { score: 3, comment: 'เริ่มต้น' } } };
      const a = await send(JUDGES[0]!, 'PUT', url, first);
      expect(a.json()).toMatchObject({ status: 'draft', version: 1 });
      // The answer was lost and the browser sends the same save again: same sheet, no second version.
      const retry = await send(JUDGES[0]!, 'PUT', url, first);
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.json().version).toBe(1);
      const second = { baseVersion: 1, ratings: full(4, 'ทบทวน'), overallComment: 'ภาพรวมดี' };
      expect((await send(JUDGES[0]!, 'PUT', url, second)).json().version).toBe(2);
      expect((await send(JUDGES[0]!, 'PUT', url, second)).json().version).toBe(2);
      // A different change from the old base is still a conflict, not a silent overwrite.
      const stale = await send(JUDGES[0]!, 'PUT', url, { baseVersion: 1, ratings: full(2) });
      expect(stale.statusCode).toBe(409);
      expect((await send(JUDGES[0]!, 'POST', `${url}/submit`)).json()).toMatchObject({ status: 'submitted', version: 3 });
      expect((await send(JUDGES[0]!, 'POST', `${url}/submit`)).statusCode).toBe(200);
      // The last draft save retried after the submission: answered, still final, nothing written.
      const late = await send(JUDGES[0]!, 'PUT', url, second);
      expect(late.json()).toMatchObject({ status: 'submitted', version: 3 });

      const rows = await h.db.selectFrom('audit_log').select(['action', 'actor_id', 'before', 'after']).where('entity', '=', 'dl_score_sheet').where('entity_id', '=', entries[0]!.id).orderBy('id').execute();
      expect(rows.map((r) => r.action)).toEqual(['dl.sheet.save', 'dl.sheet.save', 'dl.sheet.submit']);
      expect(rows.every((r) => r.actor_id === judgeId[JUDGES[0]!])).toBe(true);
      expect(rows[1]!.before).toMatchObject({ version: 1, ratings: { problem: { score: 3, comment: 'เริ่มต้น' } } });
      expect(rows[1]!.after).toMatchObject({ version: 2, total: 4, overallComment: 'ภาพรวมดี' });
      const verify = await get('admin', '/api/audit/verify');
      if (verify.statusCode === 200) expect(verify.json().ok).toBe(true);
    });

    it('the committee reads how each score evolved, with the judges named; judges and applicants cannot', async () => {
      const url = `/api/digital-local/entries/${entries[0]!.id}/sheet-history`;
      const r = await get('admin', url);
      expect(r.statusCode).toBe(200);
      const items = r.json().items;
      expect(items.map((x: { action: string; version: number }) => [x.action, x.version])).toEqual([
        ['save', 1],
        ['save', 2],
        ['submit', 3],
      ]);
      expect(items[0]).toMatchObject({ judgeName: 'Ann Judge', ratings: { problem: { score: 3 } }, total: null });
      expect(items[2]).toMatchObject({ judgeName: 'Ann Judge', total: 4 });
      for (const who of [JUDGES[0]!, entries[0]!.email]) expect((await get(who, url)).statusCode).toBe(404);
    });
  });

  describe('judges are anonymous to each other', () => {
    it('after submitting, a judge sees the others as Judge A/B/C (stable per entry), never their names or ids; the admin sees names', async () => {
      const [ann, ben, cat] = [JUDGES[0]!, JUDGES[1]!, JUDGES[2]!];
      const entry = entries[0]!.id;
      const view = (who: string) => get(who, `/api/digital-local/judging/entries/${entry}`);
      const url = `/api/digital-local/judging/entries/${entry}/sheet`;
      const bodies: [string, string][] = [];
      const keep = async (who: string, p: Promise<{ body: string; statusCode: number }>) => {
        const r = await p;
        expect(r.statusCode, r.body).toBeLessThan(300);
        bodies.push([who, r.body]);
        return JSON.parse(r.body);
      };
      await keep(ben, send(ben, 'PUT', url, { baseVersion: 0, ratings: full(2, 'เบน') }));
      await keep(ben, send(ben, 'POST', `${url}/submit`));
      const benView = await keep(ben, view(ben));
      // Ann and Ben were assigned at the same instant: the letters follow their ids.
      const [first] = [judgeId[ann]!, judgeId[ben]!].sort();
      const annLetter = first === judgeId[ann] ? 'A' : 'B';
      const benLetter = annLetter === 'A' ? 'B' : 'A';
      expect(benView.ownLabel).toEqual({ th: `กรรมการ ${benLetter}`, en: `Judge ${benLetter}` });
      expect(benView.others).toEqual([expect.objectContaining({ label: { th: `กรรมการ ${annLetter}`, en: `Judge ${annLetter}` }, total: 4, status: 'submitted' })]);
      expect(benView.others[0].ratings.problem.comment).toBe('ทบทวน problem');

      // A third judge joins later: Judge C, and the first two keep their letters.
      h.clock.set('2026-06-11T03:00:00Z');
      await signInAll();
      await assign([[0, cat]]);
      await keep(cat, send(cat, 'PUT', url, { baseVersion: 0, ratings: full(3, 'แคท') }));
      await keep(cat, send(cat, 'POST', `${url}/submit`));
      const catView = await keep(cat, view(cat));
      expect(catView.ownLabel.en).toBe('Judge C');
      expect(catView.others.map((o: { label: { en: string } }) => o.label.en)).toEqual(['Judge A', 'Judge B']);
      expect(catView.others.find((o: { label: { en: string } }) => o.label.en === `Judge ${annLetter}`).total).toBe(4);
      const benAgain = await keep(ben, view(ben));
      expect(benAgain.others.map((o: { label: { en: string }; total: number }) => [o.label.en, o.total])).toEqual(
        [[`Judge ${annLetter}`, 4], ['Judge C', 3]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      await keep(ben, get(ben, `/api/digital-local/judging/${YEAR}/entries`));
      await keep(ben, get(ben, '/api/digital-local/judges/me'));
      await keep(ben, get(ben, `/api/digital-local/entries/${entry}`));

      // No other judge's name, e-mail or id in anything a judge was answered.
      for (const [who, body] of bodies) {
        for (const other of [ann, ben, cat].filter((j) => j !== who)) {
          for (const secret of [NAMES[other]!, other, judgeId[other]!]) expect(body).not.toContain(secret);
        }
      }
      const matrix = (await get('admin', `/api/digital-local/contests/${YEAR}/assignments`)).json();
      const row = matrix.entries.find((r: { entry: { id: string } }) => r.entry.id === entry);
      expect(row.judges.map((j: { displayName: string }) => j.displayName).sort()).toEqual(['Ann Judge', 'Ben Judge', 'Cat Judge']);
      const committee = (await get('admin', `/api/digital-local/contests/${YEAR}/committee`)).json();
      const totals = committee.calibration.entries.find((e: { entryId: string }) => e.entryId === entry).judgeTotals;
      expect(totals.map((t: { judgeName: string }) => t.judgeName).sort()).toEqual(['Ann Judge', 'Ben Judge', 'Cat Judge']);
    });
  });

  describe('judge capacity', () => {
    const cap = (max: unknown) => send('admin', 'PUT', `/api/digital-local/contests/${YEAR}/judge-capacity`, { maxEntriesPerJudge: max });
    const matrix = async () => (await get('admin', `/api/digital-local/contests/${YEAR}/assignments`)).json();
    const pairs = async () => (await h.db.selectFrom('dl_assignment').select(['entry_id', 'judge_id']).orderBy('entry_id').orderBy('judge_id').execute()).map((r) => `${r.entry_id}:${r.judge_id}`);

    it('the admin sets the most entries per judge; bad values are refused and change nothing', async () => {
      for (const bad of [0, -1, 2.5, 'three']) {
        const r = await cap(bad);
        expect(r.statusCode).toBe(400);
        expect(r.json().error.code).toBe('VALIDATION_FAILED');
      }
      expect((await matrix()).maxEntriesPerJudge).toBeNull();
      const r = await cap(1);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ maxEntriesPerJudge: 1, capacity: { needed: 8, available: 4 } });
      const audit = await h.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'dl.judge.capacity').execute();
      expect(audit.at(-1)).toMatchObject({ before: { maxEntriesPerJudge: null }, after: { maxEntriesPerJudge: 1 } });
    });

    it('too little capacity: automatic assignment says so in Thai and English, with the entries short, and assigns nothing', async () => {
      const before = await pairs();
      const r = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/auto`, { seed: 3 });
      expect(r.statusCode).toBe(409);
      const err = r.json().error;
      expect(err.code).toBe('DL_JUDGE_CAPACITY_INSUFFICIENT');
      // Entries 1–3 need two judges each; under the limit of one, only Dan (no entry yet) can take one.
      expect(err.message_en).toContain('6 more judge places are needed, but with at most 1 entries per judge only 1 can be filled');
      expect(err.message_th).toContain('ต้องมอบหมายกรรมการอีก 6 ที่');
      expect(err.details.map((d: { path: string }) => d.path).sort()).toEqual(entries.slice(1).map((e) => `entries/${e.id}`).sort());
      expect(err.details[0].th).toMatch(/[\u0E00-\u0E7F]/);
      expect(await pairs()).toEqual(before);
      expect(await h.db.selectFrom('audit_log').select('id').where('action', '=', 'dl.assignment.auto').execute()).toHaveLength(0);
    });

    it('with enough capacity every entry gets its judges and nobody exceeds the limit; a manual add over it is refused', async () => {
      expect((await cap(3)).json().capacity).toEqual({ needed: 8, available: 12 });
      const r = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/auto`, { seed: 3 });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().shortfalls).toEqual([]);
      const m = await matrix();
      for (const row of m.entries) expect(row.judges.length).toBeGreaterThanOrEqual(2);
      for (const j of m.judges) expect(j.load).toBeLessThanOrEqual(3);
      expect(m.judges.some((j: { overCapacity: boolean }) => j.overCapacity)).toBe(false);
      // Lowered below what some judges already have: they are marked, and nobody at the limit can be added.
      const low = (await cap(2)).json();
      const busy = low.judges.find((j: { load: number }) => j.load >= 2);
      expect(low.judges.filter((j: { overCapacity: boolean }) => j.overCapacity).map((j: { id: string }) => j.id)).toEqual(low.judges.filter((j: { load: number }) => j.load > 2).map((j: { id: string }) => j.id));
      const free = low.entries.find((row: { judges: { id: string }[] }) => !row.judges.some((j) => j.id === busy.id));
      const add = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/changes`, { kind: 'add', entryId: free.entry.id, judgeId: busy.id });
      expect(add.statusCode).toBe(400);
      expect(add.json().error.details[0]).toMatchObject({ code: 'ASSIGNMENT_OVER_CAPACITY' });
      expect((await cap(undefined)).json().maxEntriesPerJudge).toBeNull();
    });
  });
});
