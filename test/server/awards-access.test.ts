// Awards on the demo: the committee-judged award (nominations, judges who see only their assignments, the decision),
// certificates (Thai PDF text via pdftotext, batch ZIP, public verification), and who may use every awards route.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/services/demo-loader.js';
import { multipartEvidence } from './support/questionnaire.js';
import { verifyAuditChain } from '../../src/server/services/audit.js';
import { as, signIn, type Session } from './support/foundation.js';
import { call, ok, startAwardsWorld, type AwardsWorld } from './support/awards.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * pdftotext may reorder upper marks in layout mode (see results.test.ts); the glyphs are right, so Thai text is
 * compared without marks and white space.
 */
const norm = (x: string) => x.replace(/\s+/g, '').replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '');

function pdfText(buf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-cert-'));
  try {
    fs.writeFileSync(path.join(dir, 'c.pdf'), buf);
    return execFileSync('pdftotext', [path.join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A multipart body with only the `file` field. */
function fileUpload(filename: string, content: Buffer, type = 'application/pdf') {
  const m = multipartEvidence(null, filename, content, type);
  return { payload: m.payload, headers: m.headers };
}

describe('awards: committee award, certificates and access', () => {
  let w: AwardsWorld;
  let judge2: Session;
  let judge3: Session;
  let e2561: string;
  let e2562: string;

  beforeAll(async () => {
    w = await startAwardsWorld();
    judge2 = await signIn(w.h.app, 'demo.judge2@dga.local', DEMO_PASSWORD, '10.78.0.2');
    judge3 = await signIn(w.h.app, 'demo.judge3@dga.local', DEMO_PASSWORD, '10.78.0.3');
    e2561 = w.editions[2561]!;
    e2562 = w.editions[2562]!;
  }, 600_000);

  afterAll(async () => {
    await w?.h.close();
  });

  it('the demo announced the 2562 awards, the digital leader included', async () => {
    const d = ok(await call(w, w.dltContributor, 'GET', `/api/awards/editions/${e2562}/decisions`));
    expect(d.decisions.length).toBe(7);
    expect(d.decisions.every((x: { state: string }) => x.state === 'announced')).toBe(true);
    const leader = ok(await call(w, w.cmCoordinator, 'GET', `/api/awards/editions/${e2562}/decisions/digital_leader`));
    expect(leader.committee.winners).toHaveLength(1);
    expect(leader.committee.winners[0].personNameTh).toMatch(/สาธิต/);
  });

  it('issues one certificate per award; its PDF text, public check and ZIP agree with the decision', async () => {
    const decisions = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${e2562}/decisions`)).decisions;
    const expected = decisions.reduce((s: number, x: { winners: number }) => s + x.winners, 0);
    const certs = ok(await call(w, w.reviewer, 'GET', `/api/awards/editions/${e2562}/certificates`)).certificates;
    expect(certs.length).toBe(expected);
    expect(new Set(certs.map((c: { code: string }) => c.code)).size).toBe(certs.length);
    for (const c of certs) expect(c.code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);

    // A rule award: the code resolves to that very award of the decision.
    const cert = certs.find((c: { categoryId: string }) => c.categoryId === 'dg_award');
    const dg = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${e2562}/decisions/dg_award`));
    const winner = dg.finalWinners.find((x: { organisationId: string; group: string }) => x.organisationId === cert.organisationId && x.group === cert.group);
    expect(winner).toBeDefined();
    const pub = await w.h.app.inject({ method: 'GET', url: `/api/public/certificates/${cert.code}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toEqual({
      code: cert.code,
      recipient: { th: winner.nameTh, en: winner.nameEn ?? winner.nameTh },
      category: dg.name,
      group: winner.groupName,
      edition: { yearBe: 2562, label: { th: 'ประจำปี พ.ศ. 2562', en: '2019 (B.E. 2562)' }, title: expect.any(Object) },
      issuedAt: expect.any(String),
      status: 'valid',
      revocation: null,
      replacedBy: null,
    });
    expect((await w.h.app.inject({ method: 'GET', url: `/api/public/certificates/${cert.code.toLowerCase()}` })).json().code).toBe(cert.code);
    expect((await w.h.app.inject({ method: 'GET', url: '/api/public/certificates/ABCDEFGHJKLM' })).statusCode).toBe(404);
    expect((await w.h.app.inject({ method: 'GET', url: '/api/public/certificates/../../etc' })).statusCode).toBe(404);

    const pdf = await call(w, w.admin, 'GET', cert.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const raw = pdfText(pdf.rawPayload);
    const text = norm(raw);
    expect(text).toContain(norm(winner.nameTh));
    expect(text).toContain(norm(dg.name.th));
    expect(text).toContain(norm('ประจำปี พ.ศ. 2562'));
    expect(raw).toContain(cert.code);
    expect(raw).toContain(`https://dgr.example.go.th/verify/${cert.code}`);
    expect(cert.verifyUrl).toBe(`https://dgr.example.go.th/verify/${cert.code}`);

    // The committee award's certificate names the person.
    const leaderCert = certs.find((c: { categoryId: string }) => c.categoryId === 'digital_leader');
    const leaderText = norm(pdfText((await call(w, w.admin, 'GET', leaderCert.pdfUrl)).rawPayload));
    expect(leaderText).toContain(norm(leaderCert.recipient.th));
    expect(leaderText).toContain(norm('ผู้นำองค์กรดิจิทัลดีเด่น'));

    // Batch: one PDF per certificate.
    const zip = await call(w, w.admin, 'GET', `/api/awards/editions/${e2562}/certificates.zip`);
    expect(zip.statusCode).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-zip-'));
    try {
      fs.writeFileSync(path.join(dir, 'c.zip'), zip.rawPayload);
      const listing = execFileSync('unzip', ['-Z1', path.join(dir, 'c.zip')], { encoding: 'utf8' }).trim().split('\n');
      expect(listing.sort()).toEqual(certs.map((c: { categoryId: string; code: string }) => `${c.categoryId}/${c.code}.pdf`).sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // An agency sees only its own certificates, and cannot fetch another's PDF.
    const mine = ok(await call(w, w.dltCoordinator, 'GET', `/api/awards/editions/${e2562}/certificates`)).certificates;
    expect(mine.every((c: { organisationId: string }) => c.organisationId === w.dltId)).toBe(true);
    const foreign = certs.find((c: { organisationId: string }) => c.organisationId !== w.dltId);
    expect((await call(w, w.dltCoordinator, 'GET', foreign.pdfUrl)).statusCode).toBe(404);
    expect(ok(await call(w, w.judge, 'GET', `/api/awards/editions/${e2562}/certificates`)).certificates).toEqual([]);
    expect((await call(w, null, 'GET', cert.pdfUrl)).statusCode).toBe(401);
  }, 180_000);

  it('judges the digital leader: nominations by the organisation, judges see only their assignments, a reasoned decision', async () => {
    const base = `/api/awards/editions/${e2561}`;
    const body = (organisationId: string) => ({
      categoryId: 'digital_leader',
      organisationId,
      personNameTh: 'นายทดสอบ ผู้นำ',
      positionTh: 'CIO',
      statement: 'ขับเคลื่อนบริการดิจิทัล',
    });
    // Only the organisation's head or coordinator (or an admin) nominates, and only for their own organisation.
    expect((await call(w, w.dltHead, 'POST', `${base}/nominations`, body(w.cmId))).statusCode).toBe(404);
    expect((await call(w, w.dltContributor, 'POST', `${base}/nominations`, body(w.dltId))).statusCode).toBe(404);
    expect((await call(w, w.judge, 'POST', `${base}/nominations`, body(w.dltId))).statusCode).toBe(404);
    expect((await call(w, w.dltHead, 'POST', `${base}/nominations`, { ...body(w.dltId), categoryId: 'dg_award' })).statusCode).toBe(400);
    const a = ok(await call(w, w.dltHead, 'POST', `${base}/nominations`, body(w.dltId)), 201);
    // A retry of the same nomination does not create a second one.
    expect(ok(await call(w, w.dltCoordinator, 'POST', `${base}/nominations`, body(w.dltId)), 201).id).toBe(a.id);
    const b = ok(await call(w, w.admin, 'POST', `${base}/nominations`, { ...body(w.cmId), personNameTh: 'นางทดสอบ จังหวัด' }), 201);

    // Evidence: content-sniffed like survey evidence; another organisation cannot add to it.
    const up = await as(w.h.app, w.dltHead, { method: 'POST', url: `${base}/nominations/${a.id}/evidence`, ...fileUpload('ผลงาน.pdf', PDF) });
    expect(up.statusCode).toBe(201);
    const exe = await as(w.h.app, w.dltHead, { method: 'POST', url: `${base}/nominations/${a.id}/evidence`, ...fileUpload('x.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')) });
    expect(exe.statusCode).toBe(415);
    expect((await as(w.h.app, w.cmCoordinator, { method: 'POST', url: `${base}/nominations/${a.id}/evidence`, ...fileUpload('y.pdf', PDF) })).statusCode).toBe(404);
    const file = await call(w, w.dltCoordinator, 'GET', `${base}/nominations/${a.id}/evidence/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);

    // Agencies see their own nominations only.
    expect(ok(await call(w, w.cmCoordinator, 'GET', `${base}/nominations`)).nominations.map((n: { id: string }) => n.id)).toEqual([b.id]);
    expect((await call(w, w.cmCoordinator, 'GET', `${base}/nominations/${a.id}`)).statusCode).toBe(404);
    expect((await call(w, w.cmCoordinator, 'GET', `${base}/nominations/${a.id}/evidence/${up.json().id}`)).statusCode).toBe(404);

    // Judges: only users with the judge role; the demo judge gets nomination a only.
    const judges = ok(await call(w, w.admin, 'GET', '/api/awards/judges')).judges;
    const judgeId = (email: string) => judges.find((j: { email: string }) => j.email === email).id;
    const reviewerId = (await w.h.db.selectFrom('app_user').select('id').where('email', '=', 'demo.reviewer@dga.local').executeTakeFirstOrThrow()).id;
    expect((await call(w, w.admin, 'PUT', `${base}/nominations/${a.id}/judges`, { judgeIds: [reviewerId] })).statusCode).toBe(400);
    const three = ['demo.judge@dga.local', 'demo.judge2@dga.local', 'demo.judge3@dga.local'].map(judgeId);
    const assigned = ok(await call(w, w.admin, 'PUT', `${base}/nominations/${a.id}/judges`, { judgeIds: three }));
    expect(assigned.judges).toHaveLength(3);
    ok(await call(w, w.admin, 'PUT', `${base}/nominations/${b.id}/judges`, { judgeIds: three.slice(1) }));

    const seen = ok(await call(w, w.judge, 'GET', `${base}/nominations`)).nominations;
    expect(seen.map((n: { id: string }) => n.id)).toEqual([a.id]);
    expect(seen[0]).not.toHaveProperty('judges');
    expect((await call(w, w.judge, 'GET', `${base}/nominations/${b.id}`)).statusCode).toBe(404);
    expect((await call(w, w.judge, 'PUT', `${base}/nominations/${b.id}/scores`, { scores: [{ criterion: 'vision', score: 5 }] })).statusCode).toBe(404);
    expect((await call(w, w.judge, 'GET', `${base}/committee/digital_leader/ranking`)).statusCode).toBe(404);

    // Scores: checked against the category's criteria.
    const bad = await call(w, w.judge, 'PUT', `${base}/nominations/${a.id}/scores`, { scores: [{ criterion: 'vision', score: 11 }, { criterion: 'nope', score: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['scores[0].score', 'scores[1].criterion']);
    const full = (s: number) => ({ scores: ['vision', 'change', 'results', 'people_data'].map((criterion) => ({ criterion, score: s })) });
    expect(ok(await call(w, w.judge, 'PUT', `${base}/nominations/${a.id}/scores`, full(8))).scores).toEqual({ vision: 8, change: 8, results: 8, people_data: 8 });
    ok(await call(w, judge2, 'PUT', `${base}/nominations/${a.id}/scores`, full(6)));
    ok(await call(w, judge3, 'PUT', `${base}/nominations/${a.id}/scores`, full(7)));
    ok(await call(w, judge2, 'PUT', `${base}/nominations/${b.id}/scores`, full(9)));
    expect(ok(await call(w, w.judge, 'GET', `${base}/nominations/${a.id}`)).myScores).toEqual({ vision: 8, change: 8, results: 8, people_data: 8 });

    // A judge starts from the editions where nominations wait for them, with their own progress; nobody else has this list.
    type Mine = { id: string; assigned: number; scored: number };
    const mine = (list: Mine[]) => list.find((e) => e.id === e2561);
    expect(mine(ok(await call(w, w.judge, 'GET', '/api/awards/my-judging')).editions)).toMatchObject({ assigned: 1, scored: 1 });
    expect(mine(ok(await call(w, judge2, 'GET', '/api/awards/my-judging')).editions)).toMatchObject({ assigned: 2, scored: 2 });
    for (const other of [w.admin, w.reviewer, w.dltHead]) expect((await call(w, other, 'GET', '/api/awards/my-judging')).statusCode).toBe(404);

    const ranking = ok(await call(w, w.reviewer, 'GET', `${base}/committee/digital_leader/ranking`));
    expect(ranking.ranking[0]).toMatchObject({ nominationId: a.id, rank: 1, score: 70 });
    expect(ranking.ranking[1]).toMatchObject({ nominationId: b.id, rank: null, score: null });

    // The decision needs a written reason per winner, and an unranked nominee cannot win.
    const dec = `${base}/committee/digital_leader/decision`;
    const noReason = await call(w, w.admin, 'POST', dec, { winners: [a.id], reasons: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.map((d: { path: string }) => d.path)).toContain(`reasons.${a.id}`);
    expect((await call(w, w.admin, 'POST', dec, { winners: [b.id], reasons: { [b.id]: 'x' } })).statusCode).toBe(400);
    expect((await call(w, w.reviewer, 'POST', dec, { winners: [a.id], reasons: { [a.id]: 'ผลงานโดดเด่น' } })).statusCode).toBe(404);
    const decided = ok(await call(w, w.admin, 'POST', dec, { winners: [a.id], reasons: { [a.id]: 'ผลงานโดดเด่น' } }));
    expect(decided).toMatchObject({ state: 'approved', committee: { followsRanking: true, winners: [{ nominationId: a.id, reason: 'ผลงานโดดเด่น', rank: 1 }] } });

    // Decided: no more nominations or scores.
    expect((await call(w, w.dltHead, 'POST', `${base}/nominations`, body(w.dltId))).statusCode).toBe(409);
    expect((await call(w, w.judge, 'PUT', `${base}/nominations/${a.id}/scores`, full(1))).statusCode).toBe(409);
    // Not announced: agencies do not see it yet; announced: a certificate for the person.
    expect((await call(w, w.dltHead, 'GET', `${base}/decisions/digital_leader`)).statusCode).toBe(404);
    ok(await call(w, w.admin, 'POST', `${base}/decisions/digital_leader/actions`, { type: 'announce' }));
    const certs = ok(await call(w, w.dltHead, 'GET', `${base}/certificates`)).certificates;
    expect(certs.filter((c: { categoryId: string }) => c.categoryId === 'digital_leader')).toEqual([
      expect.objectContaining({ recipient: { th: 'นายทดสอบ ผู้นำ', en: 'นายทดสอบ ผู้นำ' }, nominationId: a.id, organisationId: w.dltId }),
    ]);
  });

  it('answers every awards route by role: anonymous 401, agencies and judges only what is theirs', async () => {
    const eid = e2562;
    const anyone = [w.admin, w.reviewer, w.judge, w.dltCoordinator, w.cmCoordinator];
    const signedInGets = [
      `/api/awards/editions/${eid}/set`,
      `/api/awards/editions/${eid}/decisions`,
      `/api/awards/editions/${eid}/decisions/dg_award`,
      `/api/awards/editions/${eid}/rollup`,
      '/api/awards/totals',
      `/api/awards/editions/${eid}/nominations`,
      `/api/awards/editions/${eid}/certificates`,
    ];
    for (const url of signedInGets) {
      expect((await call(w, null, 'GET', url)).statusCode, url).toBe(401);
      for (const s of anyone) expect((await call(w, s, 'GET', url)).statusCode, `${s.user.role} ${url}`).toBe(200);
    }
    const dgaOnly = [`/api/awards/editions/${eid}/set/versions`, `/api/awards/editions/${eid}/committee/digital_leader/ranking`, `/api/awards/editions/${eid}/certificates.zip`];
    for (const url of dgaOnly) {
      expect((await call(w, null, 'GET', url)).statusCode, url).toBe(401);
      for (const s of [w.admin, w.reviewer]) expect((await call(w, s, 'GET', url)).statusCode, `${s.user.role} ${url}`).toBe(200);
      for (const s of [w.judge, w.dltCoordinator, w.cmCoordinator]) expect((await call(w, s, 'GET', url)).statusCode, `${s.user.role} ${url}`).toBe(404);
    }
    expect((await call(w, w.reviewer, 'GET', '/api/awards/judges')).statusCode).toBe(404);
    expect((await call(w, w.judge, 'GET', '/api/awards/judges')).statusCode).toBe(404);
    expect((await call(w, null, 'GET', '/api/awards/my-judging')).statusCode).toBe(401);

    const adminWrites: { method: 'POST' | 'PUT'; url: string; body: unknown }[] = [
      { method: 'PUT', url: `/api/awards/editions/${eid}/set`, body: { definition: {}, baseVersion: null } },
      { method: 'POST', url: `/api/awards/editions/${eid}/compute`, body: {} },
      { method: 'POST', url: `/api/awards/editions/${eid}/committee/digital_leader/decision`, body: { winners: [], reasons: {} } },
    ];
    for (const r of adminWrites) {
      expect((await call(w, null, r.method, r.url, r.body)).statusCode, r.url).toBe(401);
      for (const s of [w.reviewer, w.judge, w.dltCoordinator, w.cmCoordinator]) expect((await call(w, s, r.method, r.url, r.body)).statusCode, `${s.user.role} ${r.url}`).toBe(404);
    }
    const action = `/api/awards/editions/${eid}/decisions/dg_award/actions`;
    for (const s of [w.judge, w.dltCoordinator, w.cmCoordinator]) expect((await call(w, s, 'POST', action, { type: 'review' })).statusCode).toBe(404);

    // Agencies and judges see announced decisions only, and only winners; nominations only their own / assigned.
    const leaderNoms = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/nominations`)).nominations;
    const dltNom = leaderNoms.find((n: { organisation: { id: string } }) => n.organisation.id === w.dltId);
    expect((await call(w, w.cmCoordinator, 'GET', `/api/awards/editions/${eid}/nominations/${dltNom.id}`)).statusCode).toBe(404);
    expect((await call(w, w.dltCoordinator, 'GET', `/api/awards/editions/${eid}/nominations/${dltNom.id}`)).statusCode).toBe(200);
    const judged = ok(await call(w, w.judge, 'GET', `/api/awards/editions/${eid}/nominations`)).nominations;
    expect(judged.map((n: { id: string }) => n.id).sort()).toEqual(leaderNoms.map((n: { id: string }) => n.id).sort());
    for (const n of judged) expect(Object.keys(n.myScores).sort()).toEqual(['change', 'people_data', 'results', 'vision']);
    expect(ok(await call(w, w.judge, 'GET', `/api/awards/editions/${w.editions[2563]}/nominations`)).nominations).toEqual([]);
    expect((await call(w, null, 'GET', `/api/public/certificates/ABCDEFGHJKLM`)).statusCode).toBe(404);
  }, 120_000);

  it('publishes announced awards without a session, winners only', async () => {
    const pub = await w.h.app.inject({ method: 'GET', url: '/api/public/awards/2562' });
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body.label.th).toBe('ประจำปี พ.ศ. 2562');
    const dg = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${e2562}/decisions/dg_award`));
    const cat = body.categories.find((c: { categoryId: string }) => c.categoryId === 'dg_award');
    expect(cat.winners.map((x: { recipient: { th: string } }) => x.recipient.th).sort()).toEqual(dg.finalWinners.map((x: { nameTh: string }) => x.nameTh).sort());
    for (const x of cat.winners) expect(Object.keys(x).sort()).toEqual(['group', 'groupName', 'organisation', 'recipient']);
    const leader = body.categories.find((c: { categoryId: string }) => c.categoryId === 'digital_leader');
    expect(leader.winners[0].recipient.th).toMatch(/สาธิต/);
    // 2563 has no announced award.
    expect((await w.h.app.inject({ method: 'GET', url: '/api/public/awards/2563' })).statusCode).toBe(404);
  });

  it('revokes a certificate with a written reason: the public check says revoked (when, why), audited; reissue gives a new code', async () => {
    const certs = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${e2562}/certificates`)).certificates;
    const cert = certs.find((c: { organisationId: string; categoryId: string; status: string }) => c.organisationId === w.dltId && c.status === 'valid') ?? certs[0];
    const revoke = `/api/awards/certificates/${cert.code}/revoke`;
    const reason = 'ถอนรางวัลเนื่องจากตรวจพบว่าหลักฐานด้านความมั่นคงปลอดภัยไม่เป็นความจริง';
    const reasonEn = 'Award withdrawn: the security evidence was found to be untrue';

    // Only an admin revokes; everyone else is refused and nothing changes.
    expect((await call(w, null, 'POST', revoke, { reason })).statusCode).toBe(401);
    for (const s of [w.reviewer, w.judge, judge2, w.dltHead, w.dltCoordinator, w.cmCoordinator]) expect((await call(w, s, 'POST', revoke, { reason })).statusCode, s.user.role).toBe(404);
    // A reason is required (missing or blank): 400 in Thai and English, still valid.
    for (const body of [{}, { reason: '   ' }]) {
      const r = await call(w, w.admin, 'POST', revoke, body);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details).toEqual([{ path: 'body/reason', th: 'ต้องระบุเหตุผลการเพิกถอน', en: 'A reason for the revocation is required' }]);
    }
    expect((await w.h.app.inject({ method: 'GET', url: `/api/public/certificates/${cert.code}` })).json()).toMatchObject({ status: 'valid', revocation: null });
    expect((await call(w, w.admin, 'POST', '/api/awards/certificates/ABCDEFGHJKLM/revoke', { reason })).statusCode).toBe(404);

    w.h.clock.advance(5 * 60_000);
    const at = w.h.clock.now().toISOString();
    const revoked = ok(await call(w, w.admin, 'POST', revoke, { reason, reasonEn }));
    expect(revoked).toMatchObject({ code: cert.code, status: 'revoked', revocation: { at, reason: { th: reason, en: reasonEn } } });
    const pub = (await w.h.app.inject({ method: 'GET', url: `/api/public/certificates/${cert.code}` })).json();
    expect(pub).toMatchObject({ code: cert.code, status: 'revoked', revocation: { at, reason: { th: reason, en: reasonEn } }, replacedBy: null });
    expect(pub.recipient).toEqual(cert.recipient);
    // Revoked once: a second revocation, the PDF and the ZIP all refuse it.
    expect((await call(w, w.admin, 'POST', revoke, { reason: 'again' })).statusCode).toBe(409);
    const pdf = await call(w, w.dltCoordinator, 'GET', cert.pdfUrl);
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().error.details[0].en).toContain('revoked');
    const zip = await call(w, w.admin, 'GET', `/api/awards/editions/${e2562}/certificates.zip`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-zip-'));
    try {
      fs.writeFileSync(path.join(dir, 'c.zip'), zip.rawPayload);
      const listing = execFileSync('unzip', ['-Z1', path.join(dir, 'c.zip')], { encoding: 'utf8' });
      expect(listing).not.toContain(cert.code);
      expect(listing.trim().split('\n')).toHaveLength(certs.length - 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The agency sees its certificate as revoked, with the reason.
    const mine = ok(await call(w, w.dltCoordinator, 'GET', `/api/awards/editions/${e2562}/certificates`)).certificates;
    if (cert.organisationId === w.dltId) expect(mine.find((c: { code: string }) => c.code === cert.code)).toMatchObject({ status: 'revoked', revocation: { reason: { th: reason } } });

    // Audited in the hash-chained log, and the chain still verifies.
    const audit = await w.h.db.selectFrom('audit_log').select(['action', 'entity_id', 'after', 'actor_id']).where('action', '=', 'awards.certificate_revoked').execute();
    expect(audit).toEqual([expect.objectContaining({ entity_id: cert.code, actor_id: w.admin.user.id, after: expect.objectContaining({ reasonTh: reason, reasonEn }) })]);
    expect((await verifyAuditChain(w.h.db)).ok).toBe(true);

    // Reissue: admin only, only a revoked certificate, once; new code, the old one points to it and stays revoked.
    const reissue = `/api/awards/certificates/${cert.code}/reissue`;
    expect((await call(w, null, 'POST', reissue, {})).statusCode).toBe(401);
    for (const s of [w.reviewer, w.judge, w.dltHead, w.cmCoordinator]) expect((await call(w, s, 'POST', reissue, {})).statusCode, s.user.role).toBe(404);
    const other = certs.find((c: { code: string; status: string }) => c.code !== cert.code && c.status === 'valid');
    expect((await call(w, w.admin, 'POST', `/api/awards/certificates/${other.code}/reissue`, {})).statusCode).toBe(409);
    expect((await call(w, w.admin, 'POST', reissue, { recipientTh: '  ' })).statusCode).toBe(400);
    const fresh = ok(await call(w, w.admin, 'POST', reissue, {}), 201);
    expect(fresh.code).not.toBe(cert.code);
    expect(fresh.code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    expect(fresh).toMatchObject({ status: 'valid', revocation: null, reissuedFrom: cert.code, recipient: cert.recipient, categoryId: cert.categoryId, organisationId: cert.organisationId });
    expect((await call(w, w.admin, 'POST', reissue, {})).statusCode).toBe(409);
    expect((await w.h.app.inject({ method: 'GET', url: `/api/public/certificates/${cert.code}` })).json()).toMatchObject({ status: 'revoked', replacedBy: fresh.code });
    expect((await w.h.app.inject({ method: 'GET', url: `/api/public/certificates/${fresh.code}` })).json()).toMatchObject({ status: 'valid', revocation: null });
    expect((await call(w, w.admin, 'GET', fresh.pdfUrl)).statusCode).toBe(200);
    expect(await w.h.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'awards.certificate_reissued').execute()).toEqual([{ entity_id: fresh.code }]);
  }, 180_000);

  it('edits and withdraws nominations while open: versioned (stale 409), audited, refused once judged or past the deadline; judges never see withdrawn ones', async () => {
    const e2563 = w.editions[2563]!;
    const base = `/api/awards/editions/${e2563}`;
    const nominate = (s: Session, organisationId: string, personNameTh: string) =>
      call(w, s, 'POST', `${base}/nominations`, { categoryId: 'digital_leader', organisationId, personNameTh, positionTh: 'CIO', statement: 'ผลงานเดิม' });
    const n = ok(await nominate(w.dltHead, w.dltId, 'นายแก้ไข ได้'), 201);
    expect(n).toMatchObject({ version: 1, withdrawn: null, changeable: true });
    const m = ok(await nominate(w.cmCoordinator, w.cmId, 'นางให้คะแนน แล้ว'), 201);
    const patch = `${base}/nominations/${n.id}`;
    const withdraw = `${base}/nominations/${n.id}/withdraw`;

    // Only the nominating organisation's head/coordinator or an admin; everyone else as if it did not exist.
    expect((await call(w, null, 'PATCH', patch, { version: 1, statement: 'x' })).statusCode).toBe(401);
    expect((await call(w, null, 'POST', withdraw, { version: 1 })).statusCode).toBe(401);
    for (const s of [w.reviewer, w.judge, judge2, w.dltContributor, w.cmCoordinator]) {
      expect((await call(w, s, 'PATCH', patch, { version: 1, statement: 'x' })).statusCode, s.user.role).toBe(404);
      expect((await call(w, s, 'POST', withdraw, { version: 1 })).statusCode, s.user.role).toBe(404);
    }
    // Blank required text: 400, nothing changed; a stale version: 409.
    const blank = await call(w, w.dltCoordinator, 'PATCH', patch, { version: 1, statement: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details).toEqual([{ path: 'body/statement', th: 'ต้องกรอกข้อมูลนี้', en: 'This field is required' }]);
    expect((await call(w, w.dltCoordinator, 'PATCH', patch, { version: 7, statement: 'ใหม่' })).statusCode).toBe(409);
    const edited = ok(await call(w, w.dltCoordinator, 'PATCH', patch, { version: 1, statement: 'ผลงานใหม่ที่แก้ไขแล้ว', positionEn: 'Chief Information Officer' }));
    expect(edited).toMatchObject({ version: 2, statement: 'ผลงานใหม่ที่แก้ไขแล้ว', positionEn: 'Chief Information Officer', personNameTh: 'นายแก้ไข ได้' });
    const stale = await call(w, w.admin, 'PATCH', patch, { version: 1, statement: 'ทับ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(ok(await call(w, w.admin, 'GET', patch)).statement).toBe('ผลงานใหม่ที่แก้ไขแล้ว');
    const editAudit = await w.h.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'awards.nomination_edited').where('entity_id', '=', n.id).execute();
    expect(editAudit).toEqual([{ before: { version: 1, statement: 'ผลงานเดิม', position_en: null }, after: { version: 2, statement: 'ผลงานใหม่ที่แก้ไขแล้ว', position_en: 'Chief Information Officer' } }]);

    // Judging started on m (a judge scored it): no edit, no withdrawal, with a clear reason.
    const judges = ok(await call(w, w.admin, 'GET', '/api/awards/judges')).judges;
    const judgeId = judges.find((j: { email: string }) => j.email === 'demo.judge@dga.local').id;
    ok(await call(w, w.admin, 'PUT', `${base}/nominations/${n.id}/judges`, { judgeIds: [judgeId] }));
    ok(await call(w, w.admin, 'PUT', `${base}/nominations/${m.id}/judges`, { judgeIds: [judgeId] }));
    ok(await call(w, w.judge, 'PUT', `${base}/nominations/${m.id}/scores`, { scores: [{ criterion: 'vision', score: 6 }] }));
    const locked = await call(w, w.cmCoordinator, 'PATCH', `${base}/nominations/${m.id}`, { version: 1, statement: 'ใหม่' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'NOMINATION_LOCKED', message_en: expect.stringContaining('judges have started scoring'), message_th: expect.stringMatching(/[\u0E00-\u0E7F]/) });
    expect((await call(w, w.cmCoordinator, 'POST', `${base}/nominations/${m.id}/withdraw`, { version: 1 })).statusCode).toBe(409);
    expect(ok(await call(w, w.cmCoordinator, 'GET', `${base}/nominations/${m.id}`)).changeable).toBe(false);

    // Withdrawal: stale refused, then withdrawn and audited; the judge no longer sees or scores it; it is not ranked.
    expect((await call(w, w.dltHead, 'POST', withdraw, { version: 1 })).statusCode).toBe(409);
    const gone = ok(await call(w, w.dltHead, 'POST', withdraw, { version: 2, reason: 'ผู้ได้รับการเสนอชื่อย้ายหน่วยงาน' }));
    expect(gone).toMatchObject({ version: 3, changeable: false, withdrawn: { reason: 'ผู้ได้รับการเสนอชื่อย้ายหน่วยงาน', byName: expect.any(String) } });
    expect(await w.h.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'awards.nomination_withdrawn').execute()).toEqual([{ entity_id: n.id }]);
    expect(ok(await call(w, w.judge, 'GET', `${base}/nominations`)).nominations.map((x: { id: string }) => x.id)).toEqual([m.id]);
    expect((await call(w, w.judge, 'GET', patch)).statusCode).toBe(404);
    expect((await call(w, w.judge, 'PUT', `${patch}/scores`, { scores: [{ criterion: 'vision', score: 5 }] })).statusCode).toBe(404);
    expect(ok(await call(w, w.judge, 'GET', '/api/awards/my-judging')).editions.find((x: { id: string }) => x.id === e2563)).toMatchObject({ assigned: 1 });
    const ranking = ok(await call(w, w.admin, 'GET', `${base}/committee/digital_leader/ranking`));
    expect(ranking.ranking.map((r: { nominationId: string }) => r.nominationId)).not.toContain(n.id);
    expect((await call(w, w.dltHead, 'PATCH', patch, { version: 3, statement: 'อีก' })).statusCode).toBe(409);
    // DGA and the agency still see it, marked withdrawn.
    expect(ok(await call(w, w.admin, 'GET', `${base}/nominations`)).nominations.find((x: { id: string }) => x.id === n.id).withdrawn).not.toBeNull();

    // The deadline: must carry an offset; once past, nothing new or changed.
    const cur = ok(await call(w, w.admin, 'GET', `${base}/set`));
    const def = structuredClone(cur.definition);
    const leader = def.categories.find((c: { id: string }) => c.id === 'digital_leader');
    leader.nominationsCloseAt = '2026-04-30 23:59';
    const badDate = await call(w, w.admin, 'PUT', `${base}/set`, { definition: def, baseVersion: cur.version });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].path).toMatch(/nominationsCloseAt$/);
    leader.nominationsCloseAt = '2026-04-30T23:59:59+07:00';
    ok(await call(w, w.admin, 'PUT', `${base}/set`, { definition: def, baseVersion: cur.version }));
    const late = await nominate(w.dltHead, w.dltId, 'นายมา สาย');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('NOMINATIONS_CLOSED');
    expect(late.json().error.message_en).toContain('Nominations closed on');
    expect(late.json().error.details[0].en).toContain('2026-04-30T23:59:59+07:00');
    // The deadline cannot fall before the edition opens.
    leader.nominationsCloseAt = '2000-01-01T00:00:00+07:00';
    const early = await call(w, w.admin, 'PUT', `${base}/set`, { definition: def, baseVersion: cur.version + 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0]).toMatchObject({ path: expect.stringMatching(/nominationsCloseAt$/), en: expect.stringContaining('after the edition opens') });
  }, 180_000);

  /** Adds a committee category to the 2563 set (a copy of the digital leader, open, without a deadline) for one test. */
  async function addCommitteeCategory(id: string, patch: Record<string, unknown> = {}): Promise<string> {
    const eid = w.editions[2563]!;
    const cur = ok(await call(w, w.admin, 'GET', `/api/awards/editions/${eid}/set`));
    const def = structuredClone(cur.definition);
    const leader = def.categories.find((c: { id: string }) => c.id === 'digital_leader');
    const copy = { ...structuredClone(leader), id, name: { th: `รางวัลทดสอบ ${id}`, en: `Test award ${id}` }, ...patch };
    delete copy.nominationsCloseAt;
    if (patch.nominationsCloseAt) copy.nominationsCloseAt = patch.nominationsCloseAt;
    def.categories.push(copy);
    ok(await call(w, w.admin, 'PUT', `/api/awards/editions/${eid}/set`, { definition: def, baseVersion: cur.version }));
    return eid;
  }

  const judgeIdOf = async (email: string): Promise<string> => (await w.h.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const full = (s: number) => ({ scores: ['vision', 'change', 'results', 'people_data'].map((criterion) => ({ criterion, score: s })) });

  it('recusals: a judge declares a conflict and no longer sees or scores the entry; an admin records and lifts one; the ranking leaves recused scores out', async () => {
    const eid = await addCommitteeCategory('conflict_check', { minJudges: 2 });
    const base = `/api/awards/editions/${eid}`;
    const nominate = (organisationId: string, personNameTh: string) =>
      call(w, w.admin, 'POST', `${base}/nominations`, { categoryId: 'conflict_check', organisationId, personNameTh, positionTh: 'CIO', statement: 'ผลงาน' });
    const p = ok(await nominate(w.dltId, 'นายขัดกัน ผลประโยชน์'), 201);
    const q = ok(await nominate(w.cmId, 'นางไม่มี ส่วนได้เสีย'), 201);
    const [j1, j2, j3] = await Promise.all(['demo.judge@dga.local', 'demo.judge2@dga.local', 'demo.judge3@dga.local'].map(judgeIdOf));
    ok(await call(w, w.admin, 'PUT', `${base}/nominations/${p.id}/judges`, { judgeIds: [j1, j2, j3] }));
    ok(await call(w, w.admin, 'PUT', `${base}/nominations/${q.id}/judges`, { judgeIds: [j1, j2] }));
    ok(await call(w, w.judge, 'PUT', `${base}/nominations/${p.id}/scores`, full(9)));
    const mine = async (s: Session) => ok(await call(w, s, 'GET', `${base}/nominations?categoryId=conflict_check`)).nominations.map((n: { id: string }) => n.id).sort();
    const assigned = async (s: Session) => ok(await call(w, s, 'GET', '/api/awards/my-judging')).editions.find((x: { id: string }) => x.id === eid).assigned;
    expect(await mine(w.judge)).toEqual([p.id, q.id].sort());
    const before = await assigned(w.judge);

    // Only the judge declares their own recusal, with a reason; a blank one changes nothing.
    const recuse = `${base}/nominations/${p.id}/recuse`;
    expect((await call(w, null, 'POST', recuse, { reason: 'x' })).statusCode).toBe(401);
    for (const s of [w.admin, w.reviewer, w.dltHead]) expect((await call(w, s, 'POST', recuse, { reason: 'x' })).statusCode, s.user.role).toBe(404);
    const blank = await call(w, w.judge, 'POST', recuse, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details).toEqual([{ path: 'body/reason', th: 'ต้องระบุเหตุผลที่ถอนตัว (ส่วนได้เสีย)', en: 'A reason for the recusal (the conflict of interest) is required' }]);
    expect(await mine(w.judge)).toEqual([p.id, q.id].sort());
    expect(ok(await call(w, w.judge, 'POST', recuse, { reason: 'เคยเป็นผู้บังคับบัญชาของผู้ได้รับการเสนอชื่อ' }))).toEqual({ nominationId: p.id, recused: true });

    // Recused: the entry is gone from the judge's list, page, scoring and progress count; other judges are unaffected.
    expect(await mine(w.judge)).toEqual([q.id]);
    expect((await call(w, w.judge, 'GET', `${base}/nominations/${p.id}`)).statusCode).toBe(404);
    expect((await call(w, w.judge, 'PUT', `${base}/nominations/${p.id}/scores`, full(10))).statusCode).toBe(404);
    expect((await call(w, w.judge, 'POST', recuse, { reason: 'again' })).statusCode).toBe(404);
    expect(await assigned(w.judge)).toBe(before - 1);
    expect(await mine(judge2)).toEqual([p.id, q.id].sort());
    expect(await mine(judge3)).toEqual([p.id]);

    // DGA sees the recusal (self-declared, with the reason) and the judge marked recused.
    const seen = ok(await call(w, w.reviewer, 'GET', `${base}/nominations/${p.id}`));
    expect(seen.recusals).toEqual([expect.objectContaining({ judgeId: j1, reason: 'เคยเป็นผู้บังคับบัญชาของผู้ได้รับการเสนอชื่อ', selfDeclared: true })]);
    expect(seen.judges.find((j: { id: string }) => j.id === j1)).toMatchObject({ recused: true, scoredCriteria: 4 });
    expect(ok(await call(w, w.dltHead, 'GET', `${base}/nominations/${p.id}`))).not.toHaveProperty('recusals');

    // The ranking: the recused judge's earlier scores are refused by the engine and named, not counted.
    ok(await call(w, judge2, 'PUT', `${base}/nominations/${p.id}/scores`, full(6)));
    ok(await call(w, judge3, 'PUT', `${base}/nominations/${p.id}/scores`, full(7)));
    const ranking = ok(await call(w, w.admin, 'GET', `${base}/committee/conflict_check/ranking`));
    const row = ranking.ranking.find((r: { nominationId: string }) => r.nominationId === p.id);
    expect(row).toMatchObject({ rank: 1, score: 65 });
    expect(row.judgeScores.map((x: { judgeId: string }) => x.judgeId).sort()).toEqual([j2, j3].sort());
    expect(ranking.problems.filter((x: { code: string }) => x.code === 'JUDGE_RECUSED')).toHaveLength(4);
    expect(ranking.problems[0].en).toContain('Demo judge');
    expect(ranking.problems[0].en).not.toContain(j1);

    // An admin records a conflict for judge 2 on q and for judge 3 (not assigned) on q; judge 3 can then not be assigned.
    const recusals = `${base}/nominations/${q.id}/recusals`;
    for (const s of [w.reviewer, w.judge, w.dltHead]) expect((await call(w, s, 'POST', recusals, { judgeId: j2, reason: 'ญาติ' })).statusCode, s.user.role).toBe(404);
    expect((await call(w, w.admin, 'POST', recusals, { judgeId: w.reviewer.user.id, reason: 'ญาติ' })).statusCode).toBe(400);
    expect((await call(w, w.admin, 'POST', recusals, { judgeId: j2 })).statusCode).toBe(400);
    const q2 = ok(await call(w, w.admin, 'POST', recusals, { judgeId: j2, reason: 'เป็นญาติของผู้ได้รับการเสนอชื่อ' }));
    expect(q2.recusals).toEqual([expect.objectContaining({ judgeId: j2, selfDeclared: false, declaredByName: expect.any(String) })]);
    expect(await mine(judge2)).toEqual([p.id]);
    ok(await call(w, w.admin, 'POST', recusals, { judgeId: j3, reason: 'ทำงานในหน่วยงานเดียวกัน' }));
    const refused = await call(w, w.admin, 'PUT', `${base}/nominations/${q.id}/judges`, { judgeIds: [j1, j2, j3] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'body/judgeIds', en: expect.stringContaining('is recused from this nomination') })]);
    expect(ok(await call(w, w.admin, 'GET', `${base}/nominations/${q.id}`)).judges.map((j: { id: string }) => j.id).sort()).toEqual([j1, j2].sort());
    expect(await mine(judge3)).toEqual([p.id]);

    // Lifting judge 1's recusal: the entry is back and the scores count again.
    expect((await call(w, w.reviewer, 'DELETE', `${base}/nominations/${p.id}/recusals/${j1}`)).statusCode).toBe(404);
    expect((await call(w, w.admin, 'DELETE', `${base}/nominations/${p.id}/recusals/${j2}`)).statusCode).toBe(404);
    ok(await call(w, w.admin, 'DELETE', `${base}/nominations/${p.id}/recusals/${j1}`));
    expect(await mine(w.judge)).toEqual([p.id, q.id].sort());
    expect(ok(await call(w, w.admin, 'GET', `${base}/committee/conflict_check/ranking`)).ranking.find((r: { nominationId: string }) => r.nominationId === p.id).score).toBeCloseTo(73.33, 1);

    const audit = await w.h.db.selectFrom('audit_log').select(['action', 'actor_id', 'after']).where('entity_id', 'in', [p.id, q.id]).where('action', 'in', ['awards.judge_recused', 'awards.recusal_lifted']).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['awards.judge_recused', 'awards.judge_recused', 'awards.judge_recused', 'awards.recusal_lifted']);
    expect(audit[0]).toMatchObject({ actor_id: j1, after: { judgeId: j1, selfDeclared: true, scoresLeftOut: 4 } });
    expect((await verifyAuditChain(w.h.db)).ok).toBe(true);
  }, 180_000);
});
