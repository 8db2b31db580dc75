// Digital Local conflicts declared by judges: a judge who declares a conflict after scoring is withdrawn, their sheet
// voided (kept for audit, out of the result), the admins told by mail, and a replacement assigned within capacity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, as, PASSWORD, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { addLao, contestConfig, DATES, SECTIONS, YEAR } from './support/digital-local.js';

const [ANN, BEN, CAT] = ['ann@conflict.go.th', 'ben@conflict.go.th', 'cat@conflict.go.th'];
const JUDGES = [ANN, BEN, CAT];
const NAMES: Record<string, string> = { [ANN]: 'Ann Conflict', [BEN]: 'Ben Conflict', [CAT]: 'Cat Conflict' };
const CODES = ['problem', 'policy_plan', 'work_process', 'results'];
const full = (score: number) => Object.fromEntries(CODES.map((c) => [c, { score, comment: `เหตุผล ${c}` }]));

describe('Digital Local: conflicts declared by judges', () => {
  let h: Harness;
  let s: Record<string, Session> = {};
  const judgeId: Record<string, string> = {};
  const entries: { id: string; laoId: string; email: string; nameTh: string }[] = [];

  async function signInAll() {
    const out: Record<string, Session> = { admin: await signIn(h.app, ADMIN.email, ADMIN.password, '10.7.0.1') };
    for (const [i, e] of JUDGES.entries()) out[e] = await signIn(h.app, e, PASSWORD, `10.7.1.${i + 1}`);
    for (const [i, e] of entries.entries()) out[e.email] = await signIn(h.app, e.email, PASSWORD, `10.7.2.${i + 1}`);
    s = out;
  }
  const get = (who: string, url: string) => as(h.app, s[who]!, { method: 'GET', url });
  const send = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload: object = {}) => as(h.app, s[who]!, { method, url, payload });
  const overview = async () => (await get('admin', `/api/digital-local/contests/${YEAR}/assignments`)).json();
  const judgesOf = async (i: number) => (await overview()).entries.find((r: { entry: { id: string } }) => r.entry.id === entries[i]!.id);
  const capacity = (max?: number) => send('admin', 'PUT', `/api/digital-local/contests/${YEAR}/judge-capacity`, max === undefined ? {} : { maxEntriesPerJudge: max });

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '1000' });
    for (const e of JUDGES) judgeId[e] = await seedUser(h.db, { email: e, role: 'judge', displayName: NAMES[e] });
    for (const [i, province] of ['50', '40'].entries()) {
      const nameTh = `เทศบาลตำบลส่วนได้เสีย ${i}`;
      const laoId = await addLao(h.db, { code: `CNF-${i}`, nameTh, nameEn: `Conflict Town ${i}`, type: 'subdistrict_municipality', province });
      const email = `lao${i}@conflict-lao.go.th`;
      await seedUser(h.db, { email, role: 'lao_applicant', organisationId: laoId });
      entries.push({ id: '', laoId, email, nameTh });
    }
    await signInAll();
    expect((await send('admin', 'PUT', `/api/digital-local/contests/${YEAR}`, { config: contestConfig({ judgesPerEntry: 2 }) })).statusCode).toBe(200);
    for (const [i, e] of entries.entries()) {
      e.id = (await send(e.email, 'POST', `/api/digital-local/contests/${YEAR}/entries`, { title: `นวัตกรรม ${i}` })).json().id;
      await send(e.email, 'PUT', `/api/digital-local/entries/${e.id}`, { baseVersion: 1, requestId: `c-${i}`, summary: 'สรุป', sections: SECTIONS });
      expect((await send(e.email, 'POST', `/api/digital-local/entries/${e.id}/submit`, {})).json().status).toBe('submitted');
    }
    h.clock.set(DATES.afterClose);
    await signInAll();
    // Ann and Ben judge entry 0, Ann and Cat entry 1: every judge is at one entry except Ann (two).
    for (const [i, j] of [[0, ANN], [0, BEN], [1, ANN], [1, CAT]] as const) {
      const r = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/changes`, { kind: 'add', entryId: entries[i]!.id, judgeId: judgeId[j] });
      expect(r.statusCode, r.body).toBe(200);
    }
    h.clock.set(DATES.judging);
    await signInAll();
    for (const [j, score] of [[ANN, 5], [BEN, 3]] as const) {
      const url = `/api/digital-local/judging/entries/${entries[0]!.id}/sheet`;
      expect((await send(j, 'PUT', url, { baseVersion: 0, ratings: full(score) })).statusCode).toBe(200);
      expect((await send(j, 'POST', `${url}/submit`)).json().status).toBe('submitted');
    }
    // Ann has only a draft for entry 1.
    expect((await send(ANN, 'PUT', `/api/digital-local/judging/entries/${entries[1]!.id}/sheet`, { baseVersion: 0, ratings: { problem: { score: 2, comment: 'ร่าง' } } })).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => h?.close());

  describe('declaring a conflict after scoring', () => {
    it('withdraws the judge, voids the submitted score (kept for audit) and leaves it out of the committee result', async () => {
      const totals = async () => (await get('admin', `/api/digital-local/contests/${YEAR}/committee`)).json().calibration.entries.find((e: { entryId: string }) => e.entryId === entries[0]!.id).judgeTotals;
      expect((await totals()).map((t: { judgeName: string }) => t.judgeName).sort()).toEqual([NAMES[ANN], NAMES[BEN]]);

      const r = await send(ANN, 'POST', '/api/digital-local/judges/me/declarations', { organisationId: entries[0]!.laoId, note: 'เพิ่งทราบว่าเคยเป็นที่ปรึกษาโครงการ' });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().released).toEqual([{ contestYear: YEAR, entryId: entries[0]!.id }]);
      expect(r.json().voided).toEqual([{ contestYear: YEAR, entryId: entries[0]!.id, status: 'submitted' }]);

      // Out of the result: only Ben's score counts for entry 0.
      expect((await totals()).map((t: { judgeName: string; total: number }) => [t.judgeName, t.total])).toEqual([[NAMES[BEN], 3]]);
      const committee = (await get('admin', `/api/digital-local/contests/${YEAR}/committee`)).json();
      expect(committee.voidedSheets).toEqual([expect.objectContaining({ entryId: entries[0]!.id, judgeId: judgeId[ANN], judgeName: NAMES[ANN], status: 'submitted', total: 5, reasons: ['CONFLICT_DECLARED_LAO'] })]);
      expect(committee.sheets.submitted).toBe(1);

      // Kept for audit, whole, and gone from the live sheets.
      const kept = await h.db.selectFrom('dl_score_sheet_void').selectAll().where('judge_id', '=', judgeId[ANN]!).execute();
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ entry_id: entries[0]!.id, status: 'submitted', version: 2, voided_by: judgeId[ANN] });
      expect((kept[0]!.ratings as Record<string, { score: number }>).problem!.score).toBe(5);
      expect(await h.db.selectFrom('dl_score_sheet').select('judge_id').where('entry_id', '=', entries[0]!.id).where('judge_id', '=', judgeId[ANN]!).execute()).toEqual([]);
      const audit = await h.db.selectFrom('audit_log').select('after').where('action', '=', 'dl.assignment.release').execute();
      expect(audit.at(-1)!.after).toMatchObject({ judgeId: judgeId[ANN], reasons: ['CONFLICT_DECLARED_LAO'], voidedSheet: 'submitted' });

      // The judge no longer sees the entry; the other judge no longer sees the voided score.
      expect((await get(ANN, `/api/digital-local/judging/${YEAR}/entries`)).json().items.map((e: { id: string }) => e.id)).toEqual([entries[1]!.id]);
      expect((await get(ANN, `/api/digital-local/judging/entries/${entries[0]!.id}`)).statusCode).toBe(404);
      const benView = (await get(BEN, `/api/digital-local/judging/entries/${entries[0]!.id}`)).json();
      expect(benView.others).toEqual([]);

      // The admin sees the vacancy and the withdrawn judge on the assignments overview.
      const row = await judgesOf(0);
      expect(row.judges.map((j: { id: string }) => j.id)).toEqual([judgeId[BEN]]);
      expect(row.vacancies).toBe(1);
      expect(row.withdrawn).toEqual([expect.objectContaining({ judgeId: judgeId[ANN], status: 'submitted', total: 5 })]);
    });

    it('tells the admins by mail which entry needs a replacement', async () => {
      const mail = await h.db.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('kind', '=', 'dl-judge-withdrawn').execute();
      expect(mail.map((m) => m.to_address)).toEqual([ADMIN.email]);
      expect(mail[0]!.body_text).toContain(entries[0]!.nameTh);
      expect(mail[0]!.body_text).toContain('Conflict Town 0');
      expect(mail[0]!.body_text).toContain('the submitted score was voided');
      expect(mail[0]!.body_text).toContain('คะแนนที่ส่งแล้วถูกยกเลิก');
    });

    it('a replacement is assigned within the judges’ capacity, never the withdrawn judge', async () => {
      // Cat is the only judge free of entry 0; at most one entry each, Cat (already on entry 1) cannot take it.
      expect((await capacity(1)).statusCode).toBe(200);
      const refused = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/auto`, { seed: 1 });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('DL_JUDGE_CAPACITY_INSUFFICIENT');
      const manual = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/changes`, { kind: 'add', entryId: entries[0]!.id, judgeId: judgeId[CAT] });
      expect(manual.statusCode).toBe(400);
      expect(manual.json().error.details[0]).toMatchObject({ code: 'ASSIGNMENT_OVER_CAPACITY' });
      const back = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/changes`, { kind: 'add', entryId: entries[0]!.id, judgeId: judgeId[ANN] });
      expect(back.statusCode).toBe(400);
      expect(back.json().error.details[0]).toMatchObject({ code: 'ASSIGNMENT_CONFLICTED' });
      expect((await judgesOf(0)).vacancies).toBe(1);

      expect((await capacity(2)).statusCode).toBe(200);
      const filled = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/auto`, { seed: 1 });
      expect(filled.statusCode, filled.body).toBe(200);
      expect(filled.json()).toMatchObject({ added: 1, shortfalls: [] });
      const row = await judgesOf(0);
      expect(row.judges.map((j: { id: string }) => j.id).sort()).toEqual([judgeId[BEN], judgeId[CAT]].sort());
      expect(row.vacancies).toBe(0);
      // The replacement scores from a fresh sheet.
      const url = `/api/digital-local/judging/entries/${entries[0]!.id}/sheet`;
      expect((await send(CAT, 'PUT', url, { baseVersion: 0, ratings: full(4) })).statusCode).toBe(200);
      expect((await send(CAT, 'POST', `${url}/submit`)).json()).toMatchObject({ status: 'submitted', total: 4 });
    });

    it('a draft is voided with the assignment too', async () => {
      const r = await send(ANN, 'POST', '/api/digital-local/judges/me/declarations', { provinceCode: '40', note: 'ครอบครัวอยู่ในจังหวัด' });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().voided).toEqual([{ contestYear: YEAR, entryId: entries[1]!.id, status: 'draft' }]);
      expect((await judgesOf(1)).withdrawn).toEqual([expect.objectContaining({ judgeId: judgeId[ANN], status: 'draft' })]);
    });
  });

  describe('conflicts of another kind', () => {
    const DAN = 'dan@conflict.go.th';
    const declare = (payload: object) => send(DAN, 'POST', '/api/digital-local/judges/me/declarations', payload);
    const stored = async () => h.db.selectFrom('dl_judge_declaration').select(['kind', 'organisation_id', 'note']).where('judge_id', '=', judgeId[DAN]!).execute();

    it('an "other" conflict needs an applicant LAO and its reason written out; refused ones store nothing', async () => {
      judgeId[DAN] = await seedUser(h.db, { email: DAN, role: 'judge', displayName: 'Dan Conflict' });
      s[DAN] = await signIn(h.app, DAN, PASSWORD, '10.7.1.9');
      for (const [payload, path] of [
        [{ kind: 'other', organisationId: entries[1]!.laoId }, 'body/note'],
        [{ kind: 'other', organisationId: entries[1]!.laoId, note: '   ab  ' }, 'body/note'],
        [{ kind: 'other', provinceCode: '40', note: 'ญาติเป็นสมาชิกสภาจังหวัด' }, 'body/organisationId'],
        [{ kind: 'lao', provinceCode: '40' }, 'body/kind'],
        [{ kind: 'sideways', organisationId: entries[1]!.laoId, note: 'เหตุผลยาวพอ' }, null],
      ] as const) {
        const r = await declare(payload);
        expect(r.statusCode, r.body).toBe(400);
        const err = r.json().error;
        expect(err.code).toBe('VALIDATION_FAILED');
        if (path) {
          expect(err.details.map((d: { path: string }) => d.path)).toContain(path);
          expect(err.details[0].th).toMatch(/[\u0E00-\u0E7F]/);
        }
      }
      expect(await stored()).toEqual([]);
    });

    it('declared with its reason, it keeps the judge from that entry and the admin reads the reason in the register', async () => {
      const reason = 'บริษัทของบุตรเป็นผู้พัฒนาแอปพลิเคชันให้เทศบาลนี้';
      const r = await declare({ kind: 'other', organisationId: entries[1]!.laoId, note: `  ${reason} ` });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().declarations).toEqual([expect.objectContaining({ kind: 'other', organisation: expect.objectContaining({ id: entries[1]!.laoId }), note: reason })]);
      expect(await stored()).toEqual([{ kind: 'other', organisation_id: entries[1]!.laoId, note: reason }]);
      const register = (await overview()).conflicts.filter((c: { judgeId: string }) => c.judgeId === judgeId[DAN]);
      expect(register).toEqual([{ judgeId: judgeId[DAN], entryId: entries[1]!.id, reasons: [expect.objectContaining({ code: 'CONFLICT_DECLARED_OTHER', en: `The judge declared another conflict with the applicant LAO: ${reason}` })] }]);
      const add = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/changes`, { kind: 'add', entryId: entries[1]!.id, judgeId: judgeId[DAN] });
      expect(add.statusCode).toBe(400);
      expect(add.json().error.details[0]).toMatchObject({ code: 'ASSIGNMENT_CONFLICTED' });
      // Entry 0 is not concerned.
      const other = await send('admin', 'POST', `/api/digital-local/contests/${YEAR}/assignments/changes`, { kind: 'add', entryId: entries[0]!.id, judgeId: judgeId[DAN] });
      expect(other.statusCode, other.body).toBe(200);
      const audit = await h.db.selectFrom('audit_log').select('after').where('action', '=', 'dl.judge.declare').where('actor_id', '=', judgeId[DAN]!).execute();
      expect(audit).toEqual([{ after: expect.objectContaining({ kind: 'other', note: reason }) }]);
    });
  });

  describe('the conflict picker searches the contest’s entries', () => {
    const pick = (q: string, extra = '') => get(BEN, `/api/digital-local/judging/${YEAR}/declaration-candidates?q=${encodeURIComponent(q)}${extra}`);
    const names = async (q: string, extra = '') => {
      const r = await pick(q, extra);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((i: { nameTh: string }) => i.nameTh);
    };
    let draftLao = '';

    it('finds only LAOs with an entry in the contest, Thai-aware, never the entry’s content', async () => {
      // In the registry with the same words, but not in the contest.
      await addLao(h.db, { code: 'CNF-X', nameTh: 'เทศบาลตำบลส่วนได้เสีย นอกการประกวด', type: 'subdistrict_municipality', province: '50' });
      expect(await names('ส่วนได้เสีย')).toEqual([entries[0]!.nameTh, entries[1]!.nameTh]);
      expect(await names('ทต. ส่วนได้เสีย 1')).toEqual([entries[1]!.nameTh]);
      expect(await names('ทต.ส่วนได้เสีย')).toEqual([entries[0]!.nameTh, entries[1]!.nameTh]);
      // SARA AM typed as two keys; the province and the English name match too.
      expect(await names('เทศบาลต\u0E4D\u0E32บลส่วนได้เสีย 0')).toEqual([entries[0]!.nameTh]);
      expect(await names('จ.เชียงใหม่')).toEqual([entries[0]!.nameTh]);
      expect(await names('conflict town 1')).toEqual([entries[1]!.nameTh]);
      expect(await names('นอกการประกวด')).toEqual([]);
      const r = (await pick('ส่วนได้เสีย')).json();
      expect(r.contest).toMatchObject({ year: YEAR, phase: 'judging' });
      expect(r.items[0]).toEqual(expect.objectContaining({ id: entries[0]!.laoId, provinceCode: '50', laoType: 'subdistrict_municipality', entryStatus: 'submitted' }));
      expect(JSON.stringify(r)).not.toContain('นวัตกรรม');
    });

    it('caps the results and says how many matched', async () => {
      const r = (await pick('ส่วนได้เสีย', '&limit=1')).json();
      expect(r).toMatchObject({ total: 2, truncated: true });
      expect(r.items).toHaveLength(1);
      expect((await pick('ส่วนได้เสีย')).json()).toMatchObject({ total: 2, truncated: false });
      for (const bad of ['&limit=0', '&limit=51', '&limit=many']) expect((await pick('', bad)).statusCode).toBe(400);
    });

    it('drafts count while entries are open (they may yet be submitted), withdrawn entries never', async () => {
      draftLao = await addLao(h.db, { code: 'CNF-D', nameTh: 'เทศบาลตำบลส่วนได้เสียร่าง', type: 'subdistrict_municipality', province: '40' });
      const now = new Date(DATES.lastMinute);
      await h.db
        .insertInto('dl_entry')
        .values({ id: crypto.randomUUID(), contest_year: YEAR, organisation_id: draftLao, status: 'draft', sections: '{}', links: '[]', created_by: judgeId[ANN]!, created_at: now, updated_by: judgeId[ANN]!, updated_at: now })
        .execute();
      expect(await names('ส่วนได้เสียร่าง')).toEqual([]);
      h.clock.set(DATES.lastMinute);
      expect((await pick('ส่วนได้เสียร่าง')).json().items).toEqual([expect.objectContaining({ id: draftLao, entryStatus: 'draft' })]);
      await h.db.updateTable('dl_entry').set({ status: 'withdrawn' }).where('organisation_id', '=', draftLao).execute();
      expect(await names('ส่วนได้เสียร่าง')).toEqual([]);
      h.clock.set(DATES.judging);
    });
  });
});
