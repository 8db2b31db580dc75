// Adversarial checks through the real server: security headers on every kind of response, spreadsheet formula
// injection in exports, certificates of another organisation, and no 5xx or internals for hostile ids.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppInstance } from '../../src/server/app.js';
import { testConfig } from '../helpers/config.js';
import { as, orgIdByCode, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { createSurvey, expectOk, FILES, multipartEvidence, nextIp, type Survey } from './support/questionnaire.js';

const EVIL_NAME = '@SUM(1+1)*cmd|/C calc';
const EVIL_FILE = '=1+1 หลักฐาน.pdf';

describe('security of the running server', () => {
  let h: Harness;
  let s: Survey;
  let evil: Session;
  let fileId: string;

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '1000' });
    s = await createSurvey(h);
    // A contributor whose display name is a formula uploads a file whose name is one.
    await seedUser(h.db, { email: 'evil@cm.go.th', role: 'contributor', organisationId: s.own, displayName: EVIL_NAME });
    evil = await signIn(h.app, 'evil@cm.go.th', undefined, nextIp());
    expectOk(await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/assignments'), payload: { assignments: [{ dimensionCode: 'P', userId: (await h.db.selectFrom('app_user').select('id').where('email', '=', 'evil@cm.go.th').executeTakeFirstOrThrow()).id }] } }));
    const up = multipartEvidence('P1.01', EVIL_FILE, FILES.pdf);
    fileId = expectOk(await as(h.app, evil, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers }), 201).id;
  }, 120_000);
  afterAll(async () => h?.close());

  describe('headers', () => {
    let secureApp: AppInstance;
    let webRoot: string;
    beforeAll(async () => {
      webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-web-'));
      fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
      secureApp = await buildApp({ config: testConfig({ COOKIE_SECURE: 'true', DATA_DIR: h.config.DATA_DIR }), db: h.db, clock: h.clock, logger: false, webRoot });
    });
    afterAll(async () => {
      await secureApp?.close();
      fs.rmSync(webRoot, { recursive: true, force: true });
    });

    // The whole header set, value for value, as @fastify/helmet produced it before the headers were precomputed.
    const CSP_BASE =
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;" +
      "object-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'";
    const EVERY_HEADER: Record<string, string> = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    function expectHardened(res: { headers: Record<string, unknown> }, what: string, secure: boolean) {
      expect(res.headers['content-security-policy'], what).toBe(
        `${CSP_BASE};${secure ? 'upgrade-insecure-requests;' : ''}connect-src 'self';frame-src 'self'`,
      );
      for (const [name, value] of Object.entries(EVERY_HEADER)) expect(res.headers[name], `${what}: ${name}`).toBe(value);
      expect(res.headers['cross-origin-embedder-policy'], what).toBeUndefined();
      expect(res.headers['x-powered-by'], what).toBeUndefined();
      if (secure) expect(res.headers['strict-transport-security'], what).toBe('max-age=31536000; includeSubDomains');
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp, what).toContain("default-src 'self'");
      expect(csp, what).toContain("frame-ancestors 'self'");
      expect(csp, what).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(csp, what).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(res.headers['referrer-policy'], what).toBe('no-referrer');
      expect(res.headers['x-frame-options'], what).toBe('SAMEORIGIN');
      if (secure) expect(String(res.headers['strict-transport-security']), what).toMatch(/max-age=\d{7,}/);
      else expect(res.headers['strict-transport-security'], what).toBeUndefined();
    }

    it('sets them on HTML, JSON, errors and file downloads; HSTS only behind TLS', async () => {
      const admin = await signIn(secureApp, 'admin@dga.local', 'admin-password-123', nextIp());
      const responses = {
        html: await secureApp.inject({ method: 'GET', url: '/questionnaire/somewhere' }),
        json: await as(secureApp, admin, { method: 'GET', url: '/api/auth/me' }),
        notFound: await secureApp.inject({ method: 'GET', url: '/api/nothing' }),
        unauthenticated: await secureApp.inject({ method: 'GET', url: '/api/auth/me' }),
        download: await as(secureApp, admin, { method: 'GET', url: `/api/evidence/${fileId}` }),
        export: await as(secureApp, admin, { method: 'GET', url: `/api/editions/${s.eid}/export?format=evidence-csv` }),
        staticFile: await secureApp.inject({ method: 'GET', url: '/index.html' }),
        badJson: await secureApp.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
      };
      expect(responses.staticFile.statusCode).toBe(200);
      expect(responses.badJson.statusCode).toBe(400);
      expect(responses.html.headers['content-type']).toContain('text/html');
      expect(responses.download.statusCode).toBe(200);
      for (const [what, res] of Object.entries(responses)) expectHardened(res, what, true);
      const plain = await h.app.inject({ method: 'GET', url: '/health' });
      expectHardened(plain, 'plain http', false);
    });

    it('serves evidence with its sniffed type, nosniff, no caching and a safe Content-Disposition that keeps Thai', async () => {
      const res = await as(h.app, s.admin, { method: 'GET', url: `/api/evidence/${fileId}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const cd = String(res.headers['content-disposition']);
      expect(cd).toMatch(/^(inline|attachment); filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe(EVIL_FILE);
      // Evidence that is not a PDF or image never opens in the browser.
      const row = await h.db.selectFrom('evidence_file').select('mime_type').where('id', '=', fileId).executeTakeFirstOrThrow();
      expect(row.mime_type).toBe('application/pdf');
    });
  });

  describe('exports neutralise spreadsheet formulas in user text', () => {
    it('XLSX: a file name or display name starting with = + - @ stays text', async () => {
      const x = await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/export?format=xlsx` });
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const ev = wb.getWorksheet('หลักฐาน')!;
      const row = ev.getRow(2);
      expect(row.getCell(4).value).toBe(`'${EVIL_FILE}`);
      expect(row.getCell(9).value).toBe(`'${EVIL_NAME}`);
      // Nothing in the workbook is a formula.
      for (const sheet of wb.worksheets) sheet.eachRow((r) => r.eachCell((c) => expect(c.type, `${sheet.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula)));
    });

    it('CSV: the evidence index and the audit export prefix them with an apostrophe', async () => {
      const csv = await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/export?format=evidence-csv` });
      expect(csv.body).toContain(`,'${EVIL_FILE},`);
      expect(csv.body).toContain(`,'${EVIL_NAME},`);
      const audit = await as(h.app, s.admin, { method: 'GET', url: `/api/review/organisations/${s.own}/audit?format=csv` });
      expect(audit.statusCode).toBe(200);
      const lines = audit.body.replace(/^\ufeff/, '').split('\r\n');
      const upload = lines.find((l) => l.includes('evidence.upload'))!;
      expect(upload).toContain(`,'${EVIL_NAME},`);
      expect(lines.every((l) => !/(^|,)[=+@]/.test(l))).toBe(true);
    });
  });

  it('refuses HTML and SVG whatever they are called, and a zip bomb dressed as a Word file, without unpacking it', async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>');
    const html = Buffer.from('<!doctype html><html><body><script>fetch("/api/auth/me")</script></body></html>');
    // 64 MiB of [Content_Types].xml deflates to a few kilobytes: the detector must give up, not inflate it.
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(64 * 1024 * 1024, 0x20), '[Content_Types].xml', { compress: true });
    zip.addBuffer(Buffer.from('<w:document/>'), 'word/document.xml', { compress: true });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
    const bomb = Buffer.concat(chunks);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const [name, content, type] of [
      ['รูป.svg', svg, 'image/svg+xml'],
      ['รูป.png', svg, 'image/png'],
      ['page.html', html, 'text/html'],
      ['report.pdf', html, 'application/pdf'],
      ['แผน.docx', bomb, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const up = multipartEvidence('P1.01', name, content, type);
      const started = Date.now();
      const res = await as(h.app, evil, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers });
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('FILE_TYPE_REFUSED');
      expect(Date.now() - started, name).toBeLessThan(10_000);
    }
    const files = await h.db.selectFrom('evidence_file').select('filename').where('organisation_id', '=', s.own).execute();
    expect(files.map((f) => f.filename)).toEqual([EVIL_FILE]);
  });

  it('an edition is visible only to DGA staff and the agencies in its population', async () => {
    const outsiders: Session[] = [];
    for (const [email, role, code] of [
      ['coord@dopa.go.th', 'coordinator', '15003'],
      ['judge@experts.example', 'judge', null],
      ['lao@pao50.go.th', 'lao_applicant', 'LAO-PAO-50'],
    ] as const) {
      await seedUser(h.db, { email, role, organisationId: code ? await orgIdByCode(h.db, code) : null });
      outsiders.push(await signIn(h.app, email, undefined, nextIp()));
    }
    for (const o of outsiders) {
      expect(expectOk(await as(h.app, o, { method: 'GET', url: '/api/editions' })).items, o.user.role).toEqual([]);
      expect((await as(h.app, o, { method: 'GET', url: `/api/editions/${s.eid}` })).statusCode, o.user.role).toBe(404);
    }
    for (const insider of [s.users.coordinator.session, s.users.otherCoordinator.session, s.admin]) {
      expect(expectOk(await as(h.app, insider, { method: 'GET', url: '/api/editions' })).items.map((e: { id: string }) => e.id)).toContain(s.eid);
      expect(expectOk(await as(h.app, insider, { method: 'GET', url: `/api/editions/${s.eid}` })).id).toBe(s.eid);
    }
  });

  it('a certificate PDF opens only for its organisation and DGA staff', async () => {
    const code = 'SECTESTCODE2';
    await h.db
      .insertInto('award_certificate')
      .values({ code, edition_id: s.eid, category_id: 'dg_award', group_key: 'all', recipient_key: s.other, organisation_id: s.other, nomination_id: null, recipient_th: 'สำนักงานจังหวัดเชียงราย', recipient_en: 'Chiang Rai', category_th: 'รางวัล', category_en: 'Award', group_th: 'ทั้งหมด', group_en: 'All', year_be: 2569, issued_at: new Date('2026-05-01T03:00:00Z') })
      .execute();
    const url = `/api/awards/certificates/${code}/pdf`;
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    for (const who of [s.users.coordinator.session, s.users.head.session, evil]) {
      const res = await as(h.app, who, { method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    for (const who of [s.users.otherCoordinator.session, s.admin]) {
      const res = await as(h.app, who, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    }
  });

  it('answers hostile ids and bodies on every route without a 5xx, a stack trace or SQL', async () => {
    const hostile = ["1' OR '1'='1", '../../etc/passwd', '%00', '9'.repeat(40)];
    const leaks: string[] = [];
    const routes = h.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !/\/(logout|announce|confirm)$/.test(r.url));
    for (const r of routes) {
      for (const bad of hostile) {
        const url = r.url.replace(/:(\w+)/g, () => encodeURIComponent(bad));
        const payload = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) ? { id: bad, organisationId: bad, email: bad, items: [bad], version: bad } : undefined;
        const res = await as(h.app, s.admin, { method: r.method as 'GET', url: `${url}?snapshot=${encodeURIComponent(bad)}`, payload });
        const body = res.body;
        if (res.statusCode >= 500 || /\bat .+\.(ts|js):\d+|node_modules|syntax error|SELECT |INSERT |relation "|violates/i.test(body)) leaks.push(`${r.method} ${url} → ${res.statusCode} ${body.slice(0, 160)}`);
      }
    }
    expect(leaks).toEqual([]);
    // Malformed JSON is a clear 400, not a parser's message with internals.
    const broken = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b", "password": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
