// A stand-in API for the questionnaire UI benchmark: serves the built web UI and answers the few endpoints the
// questionnaire screen calls, with the default 150-item framework, so the figures measure the browser side only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { defaultFramework, frameworkItems } from '../src/engine/framework/default/index.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface MockOptions {
  webRoot: string;
  /** Fraction of the items answered on the server at load (0–1). */
  answered?: number;
  role?: 'coordinator' | 'contributor' | 'head';
  /** Extra latency per API call, ms. */
  latencyMs?: number;
}

export interface MockServer {
  url: string;
  saves: number;
  close: () => Promise<void>;
}

export function questionnairePayload(answeredFraction: number) {
  const items = frameworkItems(defaultFramework).filter((i) => i.kind !== 'indicator');
  const answers: Record<string, unknown> = {};
  const n = Math.round(items.length * answeredFraction);
  for (const item of items.slice(0, n)) {
    let value: unknown = null;
    if (item.kind === 'yes_no') value = true;
    else if (item.kind === 'single_choice') value = item.options[0]!.code;
    else if (item.kind === 'multi_choice') value = [item.options[0]!.code];
    else if (item.kind === 'number') value = item.min ?? 1;
    else if (item.kind === 'text') value = 'ข้อความตัวอย่าง';
    answers[item.code] = { value, version: 1, updatedAt: '2026-05-20T03:00:00.000Z', updatedByName: 'สมหญิง ใจดี' };
  }
  const dims = defaultFramework.dimensions.map((d) => d.code);
  return {
    edition: {
      id: 'E2569',
      yearBe: 2569,
      yearCe: 2026,
      titleTh: 'การสำรวจระดับความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ ประจำปี พ.ศ. 2569',
      titleEn: 'Digital Government Readiness Survey 2026',
      frameworkId: defaultFramework.id,
      frameworkVersion: defaultFramework.version,
      state: 'open',
      opensAt: '2026-05-01T00:00:00.000Z',
      closesAt: '2026-06-30T16:59:59.000Z',
      version: 3,
      participantCount: 1926,
    },
    organisation: { id: 'ORG1', nameTh: 'กรมการปกครอง', nameEn: 'Department of Provincial Administration', level: 'department' },
    participant: { status: 'in_progress', version: 2, completedAt: null, completedBy: null, submittedAt: null, submittedBy: null, reopenedReason: null },
    framework: defaultFramework,
    answers,
    evidence: {},
    assignments: [{ dimensionCode: dims[1], userId: 'U2', userName: 'สมชาย รักงาน' }],
    myEditableDimensions: dims,
  };
}

export async function startMockServer(opts: MockOptions): Promise<MockServer> {
  const payload = JSON.stringify(questionnairePayload(opts.answered ?? 0));
  const versions = new Map<string, number>();
  const state = { saves: 0 };
  const user = {
    id: 'U1',
    email: 'coordinator@example.go.th',
    displayName: 'สมศรี ประสานงาน',
    role: opts.role ?? 'coordinator',
    organisationId: 'ORG1',
    organisation: { id: 'ORG1', nameTh: 'กรมการปกครอง', nameEn: 'Department of Provincial Administration', level: 'department' },
    locale: 'th',
  };
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    const s = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(s);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const p = url.pathname;
    const handle = () => {
      if (p === '/api/auth/me') return json(res, 200, { user, csrfToken: 'bench-token' });
      if (/^\/api\/editions\/[^/]+\/organisations\/[^/]+\/questionnaire$/.test(p)) return json(res, 200, payload);
      if (/\/answers$/.test(p) && req.method === 'PUT') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const { changes } = JSON.parse(body) as { changes: { item: string }[] };
          state.saves += changes.length;
          const results = changes.map((c) => {
            const v = (versions.get(c.item) ?? 0) + 1;
            versions.set(c.item, v);
            return { item: c.item, status: 'saved', version: v, updatedAt: new Date().toISOString() };
          });
          json(res, 200, { results });
        });
        return;
      }
      if (p.startsWith('/api/')) return json(res, 404, { error: { code: 'NOT_FOUND', message_th: 'ไม่พบข้อมูล', message_en: 'Not found', details: [] } });
      // Static files with the SPA fallback, like the real server.
      let file = path.join(opts.webRoot, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(opts.webRoot) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(opts.webRoot, 'index.html');
      const ext = path.extname(file);
      res.writeHead(200, {
        'content-type': MIME[ext] ?? 'application/octet-stream',
        'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
      });
      fs.createReadStream(file).pipe(res);
    };
    if (opts.latencyMs && p.startsWith('/api/')) setTimeout(handle, opts.latencyMs);
    else handle();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get saves() {
      return state.saves;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
