// Evidence verification over HTTP: assign → decide → send back → agency corrects only returned items → resubmit →
// accept → the score follows; deadlines, reviewer scoping, internal notes hidden from agencies, tamper-evident audit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFramework } from '../../src/engine/framework/default/index.js';
import { frameworkItems } from '../../src/engine/questionnaire/items.js';
import { scoreEdition } from '../../src/engine/scoring/edition.js';
import { itemPoints } from '../../src/engine/scoring/items.js';
import { setEvidenceRule } from '../../src/server/services/evidence-acceptance.js';
import { reviewerDecisionRule } from '../../src/server/services/review.js';
import { readScoringInputs } from '../../src/server/services/scoring-runs.js';
import { runCorrectionReminders } from '../../src/server/services/send-backs.js';
import { verifyAuditChain } from '../../src/server/services/audit.js';
import { auditVerify } from '../../src/cli/audit-verify.js';
import { createResultsData, type ResultsData } from '../helpers/results-data.js';
import { as, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { REVIEW_ORG_ROUTES } from './support/review.js';
import { change, expectOk, FILES, multipartEvidence, nextIp, signInAdmin } from './support/questionnaire.js';

const DAY = 86_400_000;

describe('evidence verification', () => {
  let h: Harness;
  let data: ResultsData;
  let dataDir: string;
  let admin: Session;
  let r1: Session;
  let r2: Session;
  let coord: Session;
  let head: Session;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let r2Id: string;
  const q = (p: string) => `/api/review/editions/${data.editionId}${p}`;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-review-'));
    h = await startHarness({ DATA_DIR: dataDir });
    setEvidenceRule(reviewerDecisionRule);
    data = await createResultsData({ db: h.db, config: h.config }, { n: 3, seed: 7, close: true, clock: h.clock });
    [orgA, orgB, orgC] = data.organisations as [string, string, string];
    admin = await signInAdmin(h);
    await seedUser(h.db, { email: 'r1@dga.or.th', role: 'reviewer', displayName: 'ผู้ตรวจ หนึ่ง' });
    // r2 belongs to organisation A: never assigned to it.
    r2Id = await seedUser(h.db, { email: 'r2@dga.or.th', role: 'reviewer', organisationId: orgA, displayName: 'ผู้ตรวจ สอง' });
    r1 = await signIn(h.app, 'r1@dga.or.th', undefined, nextIp());
    r2 = await signIn(h.app, 'r2@dga.or.th', undefined, nextIp());
    await seedUser(h.db, { email: 'coord@a.go.th', role: 'coordinator', organisationId: orgA });
    await seedUser(h.db, { email: 'head@a.go.th', role: 'head', organisationId: orgA });
    coord = await signIn(h.app, 'coord@a.go.th', undefined, nextIp());
    head = await signIn(h.app, 'head@a.go.th', undefined, nextIp());
  }, 240_000);
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const score = async (oid: string) => {
    const { units, evidenceRule } = await readScoringInputs(h.db, data.editionId);
    const u = scoreEdition(defaultFramework, units).units.find((x) => x.id === oid)!;
    return { u, evidenceRule, accepted: units.find((x) => x.id === oid)!.evidenceAccepted ?? [] };
  };

  it('balanced auto-assignment never gives a reviewer their own organisation', async () => {
    const res = expectOk(await as(h.app, admin, { method: 'POST', url: q('/assignments/auto'), payload: {} }));
    expect(res.assigned).toBe(3);
    const rows = await h.db.selectFrom('review_assignment').select(['organisation_id', 'reviewer_id']).where('edition_id', '=', data.editionId).execute();
    expect(rows.find((r) => r.organisation_id === orgA)!.reviewer_id).not.toBe(r2Id);
    const loads = new Map<string, number>();
    for (const r of rows) loads.set(r.reviewer_id, (loads.get(r.reviewer_id) ?? 0) + 1);
    expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
    // Manual change: A to r2 is refused (r2 belongs to A); A, B and C to r1 is fine.
    const refused = await as(h.app, admin, { method: 'PUT', url: q('/assignments'), payload: { organisationIds: [orgA], reviewerId: r2Id } });
    expect(refused.statusCode).toBe(400);
    expectOk(await as(h.app, admin, { method: 'PUT', url: q('/assignments'), payload: { organisationIds: [orgA, orgB], reviewerId: r1.user.id } }));
    expectOk(await as(h.app, admin, { method: 'PUT', url: q('/assignments'), payload: { organisationIds: [orgC], reviewerId: r2Id } }));
  });

  it('a reviewer sees only the organisations assigned to them; an admin sees all', async () => {
    const mine = expectOk(await as(h.app, r2, { method: 'GET', url: q('/queue') }));
    expect(mine.organisations.map((o: { id: string }) => o.id)).toEqual([orgC]);
    expect((await as(h.app, r2, { method: 'GET', url: q(`/organisations/${orgA}/items`) })).statusCode).toBe(404);
    expect((await as(h.app, r2, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${orgA}/questionnaire` })).statusCode).toBe(404);
    const all = expectOk(await as(h.app, admin, { method: 'GET', url: q('/queue') }));
    expect(all.organisations).toHaveLength(3);
    expect(all.overall.total).toBeGreaterThan(0);
    expect(all.reviewers.length).toBe(2);
    const filtered = expectOk(await as(h.app, admin, { method: 'GET', url: q(`/queue?reviewer=${r2Id}&status=pending&dimension=${defaultFramework.dimensions[0]!.code}`) }));
    expect(filtered.organisations.map((o: { id: string }) => o.id)).toEqual([orgC]);
    expectOk(await as(h.app, r1, { method: 'GET', url: q(`/organisations/${orgA}/items`) }));
  });

  it('every verification route taking an organisation id answers 404 to an agency user of another organisation and to an unassigned reviewer', async () => {
    await seedUser(h.db, { email: 'coord@b.go.th', role: 'coordinator', organisationId: orgB });
    const otherCoord = await signIn(h.app, 'coord@b.go.th', undefined, nextIp());
    for (const r of REVIEW_ORG_ROUTES) {
      const res = await as(h.app, otherCoord, { method: r.method, url: r.path(data.editionId, orgA), payload: r.body as object | undefined });
      expect(res.statusCode, `${r.method} ${r.route}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      const rev = await as(h.app, r2, { method: r.method, url: r.path(data.editionId, orgA), payload: r.body as object | undefined });
      expect(rev.statusCode, `reviewer ${r.method} ${r.route}`).toBe(404);
    }
  });

  let returned: string[] = [];
  let other: string;
  let before: Awaited<ReturnType<typeof score>>;

  it('decides items with reasons; scores follow the decisions', async () => {
    const view = expectOk(await as(h.app, r1, { method: 'GET', url: q(`/organisations/${orgA}/items`) }));
    const items = view.items as { code: string; files: { id: string }[]; requiresEvidence: boolean; answer: { value: unknown } | null }[];
    // Items that need evidence, carry a file and would score: losing their evidence costs points.
    const scores = (code: string, v: unknown) => itemPoints(frameworkItems(defaultFramework).find((l) => l.item.code === code)!.item, v as never) > 0;
    const withFiles = items.filter((i) => i.requiresEvidence && i.files.length > 0 && i.answer && scores(i.code, i.answer.value));
    expect(withFiles.length).toBeGreaterThan(3);
    // Accept all but two; those two are insufficient (internal note for DGA only).
    returned = withFiles.slice(0, 2).map((i) => i.code);
    other = withFiles[2]!.code;
    for (const i of withFiles) {
      const bad = returned.includes(i.code);
      expectOk(
        await as(h.app, r1, {
          method: 'POST',
          url: q(`/organisations/${orgA}/items/${i.code}/decision`),
          payload: bad ? { decision: 'insufficient', reasonCode: 'NOT_APPROVED', comment: 'แนบฉบับที่ลงนามแล้ว', internalNote: 'INTERNAL: ask the CIO office' } : { decision: 'accepted' },
        }),
      );
    }
    // A non-accepted decision needs a reason.
    expect((await as(h.app, r1, { method: 'POST', url: q(`/organisations/${orgA}/items/${other}/decision`), payload: { decision: 'rejected' } })).statusCode).toBe(400);
    before = await score(orgA);
    expect(before.evidenceRule).toBe('reviewer_decision');
    for (const c of returned) expect(before.accepted).not.toContain(c);
    expect(before.accepted).toContain(other);
    for (const c of returned) expect(before.u.items!.find((x) => x.code === c)!.value).toBe(0);
    // The agency's loss list shows why, without internal notes.
    const losses = expectOk(await as(h.app, head, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${orgA}/evidence-losses` }));
    expect(losses.items.map((i: { code: string }) => i.code).sort()).toEqual([...returned].sort());
    expect(losses.items[0].reason.label.th).toContain('อนุมัติ');
    expect(JSON.stringify(losses)).not.toContain('INTERNAL');
  });

  let sendBackId: string;
  it('send back → the agency writes only the returned items → resubmits → the reviewer sees the change → accepts → the score rises', async () => {
    const sb = await as(h.app, r1, {
      method: 'POST',
      url: q(`/organisations/${orgA}/send-backs`),
      payload: { deadline: new Date(h.clock.now().getTime() + 7 * DAY).toISOString(), message: 'กรุณาแก้ไข', items: returned.map((item) => ({ item, reasonCode: 'NOT_APPROVED', comment: 'ต้องมีลายมือชื่อ' })) },
    });
    expect(sb.statusCode, sb.body).toBe(201);
    sendBackId = sb.json().id;
    const mails = await h.db.selectFrom('outbox').select(['to_address', 'kind']).where('kind', '=', 'review_send_back').execute();
    expect(mails.map((m) => m.to_address)).toEqual(expect.arrayContaining(['coord@a.go.th', 'head@a.go.th']));
    // A returned item awaits the agency: no decision meanwhile.
    expect((await as(h.app, r1, { method: 'POST', url: q(`/organisations/${orgA}/items/${returned[0]}/decision`), payload: { decision: 'accepted' } })).json().error.code).toBe('REVIEW_AWAITING_AGENCY');

    // The agency sees exactly which items and why; no internal notes anywhere.
    const corr = expectOk(await as(h.app, coord, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${orgA}/corrections` }));
    expect(corr.sendBacks[0].items.map((i: { item: string }) => i.item).sort()).toEqual([...returned].sort());
    expect(corr.sendBacks[0].items[0].reason.en).toMatch(/approved/);
    expect(JSON.stringify(corr)).not.toContain('INTERNAL');
    const qv = expectOk(await as(h.app, coord, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${orgA}/questionnaire` }));
    expect(JSON.stringify(qv)).not.toContain('INTERNAL');

    // Other items are refused with a clear error, for answers and for evidence.
    const ans = await h.db.selectFrom('answer').select(['item_code', 'version', 'value']).where('edition_id', '=', data.editionId).where('organisation_id', '=', orgA).execute();
    const ver = (c: string) => ans.find((a) => a.item_code === c)!.version;
    const refusedAnswer = await as(h.app, coord, { method: 'PUT', url: `/api/editions/${data.editionId}/organisations/${orgA}/answers`, payload: { changes: [change(other, ans.find((a) => a.item_code === other)!.value, ver(other))] } });
    expect(refusedAnswer.statusCode).toBe(409);
    expect(refusedAnswer.json().error.code).toBe('CORRECTION_ITEMS_ONLY');
    const upOther = multipartEvidence(other, 'x.pdf', FILES.pdf);
    const refusedFile = await as(h.app, coord, { method: 'POST', url: `/api/editions/${data.editionId}/organisations/${orgA}/evidence`, payload: upOther.payload, headers: upOther.headers });
    expect(refusedFile.json().error.code).toBe('CORRECTION_ITEMS_ONLY');
    // A returned item takes a new file and a changed answer.
    const up = multipartEvidence(returned[0]!, 'signed.pdf', FILES.pdf);
    expect((await as(h.app, coord, { method: 'POST', url: `/api/editions/${data.editionId}/organisations/${orgA}/evidence`, payload: up.payload, headers: up.headers })).statusCode).toBe(201);
    const item1 = frameworkItems(defaultFramework).find((l) => l.item.code === returned[1])!.item;
    const cur1 = ans.find((a) => a.item_code === returned[1])!.value;
    const newValue = item1.kind === 'yes_no' ? true : item1.kind === 'number' ? Number(cur1) + 1 : cur1;
    const saved = expectOk(await as(h.app, coord, { method: 'PUT', url: `/api/editions/${data.editionId}/organisations/${orgA}/answers`, payload: { changes: [change(returned[1]!, newValue, ver(returned[1]!))] } }));
    expect(saved.results[0].status).toBe('saved');

    expectOk(await as(h.app, head, { method: 'POST', url: `/api/editions/${data.editionId}/organisations/${orgA}/corrections/${sendBackId}/resubmit` }));
    // After resubmission the items are locked again.
    expect((await as(h.app, coord, { method: 'PUT', url: `/api/editions/${data.editionId}/organisations/${orgA}/answers`, payload: { changes: [change(returned[1]!, newValue, ver(returned[1]!) + 1)] } })).statusCode).toBe(409);

    const view = expectOk(await as(h.app, r1, { method: 'GET', url: q(`/organisations/${orgA}/items`) }));
    const i0 = view.items.find((i: { code: string }) => i.code === returned[0]);
    expect(i0.status).toBe('resubmitted');
    expect(i0.sendBack.newFileIds).toHaveLength(1);
    const i1 = view.items.find((i: { code: string }) => i.code === returned[1]);
    expect(i1.sendBack.answerChanged).toBe(JSON.stringify(newValue) !== JSON.stringify(cur1));
    const queue = expectOk(await as(h.app, r1, { method: 'GET', url: q('/queue?status=resubmitted') }));
    expect(queue.organisations.map((o: { id: string }) => o.id)).toEqual([orgA]);

    for (const c of returned) expectOk(await as(h.app, r1, { method: 'POST', url: q(`/organisations/${orgA}/items/${c}/decision`), payload: { decision: 'accepted', comment: 'ถูกต้อง' } }));
    const after = await score(orgA);
    for (const c of returned) expect(after.accepted).toContain(c);
    expect(after.u.overall!).toBeGreaterThan(before.u.overall!);
    const losses = expectOk(await as(h.app, head, { method: 'GET', url: `/api/editions/${data.editionId}/organisations/${orgA}/evidence-losses` }));
    expect(losses.items).toHaveLength(0);
  });

  it('after a missed correction deadline the last decision stands', async () => {
    // Organisation B: one item insufficient, sent back, the agency never resubmits.
    const view = expectOk(await as(h.app, r1, { method: 'GET', url: q(`/organisations/${orgB}/items`) }));
    const code = view.items.find((i: { requiresEvidence: boolean; files: unknown[] }) => i.requiresEvidence && i.files.length > 0).code as string;
    expectOk(await as(h.app, r1, { method: 'POST', url: q(`/organisations/${orgB}/items/${code}/decision`), payload: { decision: 'insufficient', reasonCode: 'INCOMPLETE' } }));
    const deadline = new Date(h.clock.now().getTime() + 3 * DAY);
    expect((await as(h.app, r1, { method: 'POST', url: q(`/organisations/${orgB}/send-backs`), payload: { deadline: deadline.toISOString(), items: [{ item: code, reasonCode: 'INCOMPLETE' }] } })).statusCode).toBe(201);
    // A reminder goes out once inside the last 48 hours.
    h.clock.advance(2 * DAY);
    const rem = await runCorrectionReminders(data.ctx, h.clock.now());
    expect(rem.reminded).toBe(1);
    expect((await runCorrectionReminders(data.ctx, h.clock.now())).reminded).toBe(0);
    h.clock.set(deadline);
    r1 = await signIn(h.app, 'r1@dga.or.th', undefined, nextIp());
    admin = await signInAdmin(h);
    // At the deadline: the reviewer's decision is final; the item stays insufficient and scores zero.
    const late = await as(h.app, r1, { method: 'POST', url: q(`/organisations/${orgB}/items/${code}/decision`), payload: { decision: 'accepted' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REVIEW_DECISION_FINAL');
    const again = await as(h.app, r1, { method: 'POST', url: q(`/organisations/${orgB}/send-backs`), payload: { deadline: new Date(h.clock.now().getTime() + 5 * DAY).toISOString(), items: [{ item: code, reasonCode: 'INCOMPLETE' }] } });
    expect(again.json().error.code).toBe('REVIEW_DECISION_FINAL');
    const v2 = expectOk(await as(h.app, r1, { method: 'GET', url: q(`/organisations/${orgB}/items`) }));
    const it2 = v2.items.find((i: { code: string }) => i.code === code);
    expect(it2.status).toBe('insufficient');
    expect(it2.final).toBe(true);
    const s = await score(orgB);
    expect(s.accepted).not.toContain(code);
  });

  it('every decision, send-back, correction and evidence view is in the audit log; an agency export is available', async () => {
    const file = await h.db.selectFrom('evidence_file').select('id').where('organisation_id', '=', orgA).limit(1).executeTakeFirstOrThrow();
    expect((await as(h.app, r1, { method: 'GET', url: `/api/evidence/${file.id}` })).statusCode).toBe(200);
    const actions = (await h.db.selectFrom('audit_log').select('action').where('organisation_id', '=', orgA).execute()).map((r) => r.action);
    for (const a of ['review.decision', 'review.send_back', 'review.correction_answer', 'evidence.upload', 'review.resubmit', 'evidence.view']) expect(actions).toContain(a);
    const json = expectOk(await as(h.app, admin, { method: 'GET', url: `/api/review/organisations/${orgA}/audit?format=json` }));
    expect(json.some((r: { action: string; before: unknown }) => r.action === 'review.decision' && r.before)).toBe(true);
    const csv = await as(h.app, admin, { method: 'GET', url: `/api/review/organisations/${orgA}/audit?format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('action');
    expect(csv.body).toContain('review.send_back');
    expect((await as(h.app, r1, { method: 'GET', url: `/api/review/organisations/${orgA}/audit` })).statusCode).toBe(404);
  });

  it('the reason catalogue is configurable in Thai and English by admins only', async () => {
    const list = expectOk(await as(h.app, r1, { method: 'GET', url: '/api/review/reasons' }));
    expect(list.reasons.length).toBeGreaterThanOrEqual(8);
    expect(list.reasons.every((r: { label: { th: string; en: string } }) => r.label.th && r.label.en)).toBe(true);
    const body = { appliesTo: 'insufficient', labelTh: 'ไม่มีวันที่ในเอกสาร', labelEn: 'The document is undated' };
    expect((await as(h.app, r1, { method: 'PUT', url: '/api/review/reasons/UNDATED', payload: body })).statusCode).toBe(404);
    expectOk(await as(h.app, admin, { method: 'PUT', url: '/api/review/reasons/UNDATED', payload: body }));
    const after = expectOk(await as(h.app, r1, { method: 'GET', url: '/api/review/reasons' }));
    expect(after.reasons.find((r: { code: string }) => r.code === 'UNDATED').label.en).toBe('The document is undated');
    expectOk(await as(h.app, admin, { method: 'PUT', url: '/api/review/reasons/UNDATED', payload: { ...body, active: false } }));
    expect(expectOk(await as(h.app, r1, { method: 'GET', url: '/api/review/reasons' })).reasons.some((r: { code: string }) => r.code === 'UNDATED')).toBe(false);
  });

  it('altering one review decision row in the audit log is detected by the verification', async () => {
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    const row = await h.db.selectFrom('audit_log').select('id').where('action', '=', 'review.decision').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{comment}', '"tampered"') WHERE id = ${row.id}`.execute(h.db);
    const report = await verifyAuditChain(h.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ id: String(row.id), reason: 'hash' });
    const lines: string[] = [];
    expect(await auditVerify({ DATABASE_URL: h.tdb.url, LOG_LEVEL: 'silent' }, (l) => lines.push(l))).toBe(3);
    expect(lines.join('\n')).toContain(`BROKEN at entry id ${row.id}`);
  });
});
