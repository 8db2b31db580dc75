// Arranging questionnaire browser tests through the real API: an open edition with the default framework, its
// population, and invited agency users who have accepted; plus a tiny valid PDF and sign-in in the UI.
import type { Page } from 'playwright-core';
import { defaultFramework } from '../../src/engine/framework/default/index.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, type BrowserHarness } from './browser.js';

export interface AgencyUser {
  email: string;
  password: string;
  name: string;
  role: 'coordinator' | 'contributor' | 'head';
}

/** The smallest valid PDF: one empty page, with a correct cross-reference table. */
export function tinyPdf(): Buffer {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Cookie and CSRF token of a signed-in user, for requests from the test process. */
export async function apiLogin(h: BrowserHarness, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: csrfToken };
}

async function accept(h: BrowserHarness, link: string, displayName: string, password: string): Promise<string> {
  const token = new URL(link).pathname.split('/').pop()!;
  const res = await fetch(`${h.baseUrl}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName, password }),
  });
  if (!res.ok) throw new Error(`accept: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { user: { id: string } }).user.id;
}

/**
 * As the admin: creates an edition with the default framework, targets the department-level agencies of the
 * Ministry of Interior (preview, then confirm the count), opens it, and invites the given users of `orgNameTh`.
 */
export async function openEditionFor(
  h: BrowserHarness,
  orgNameTh: string,
  users: AgencyUser[],
): Promise<{ eid: string; oid: string; userIds: Record<string, string> }> {
  const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const fws = await admin.get<{ items: { id: string; version: string }[] }>('/api/frameworks');
  const fw = fws.items.find((f) => f.id === defaultFramework.id && f.version === defaultFramework.version);
  if (!fw) throw new Error('the default framework is not installed');
  const orgs = await admin.get<{ items: { id: string; nameTh: string }[] }>(`/api/registry/organisations?q=${encodeURIComponent(orgNameTh)}`);
  const oid = orgs.items.find((o) => o.nameTh === orgNameTh)!.id;
  const now = Date.now();
  const edition = await admin.post<{ id: string }>('/api/editions', {
    yearBe: 2569,
    titleTh: 'การสำรวจระดับความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ ประจำปี พ.ศ. 2569',
    titleEn: 'Digital Government Readiness Survey 2026',
    frameworkId: fw.id,
    frameworkVersion: fw.version,
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 30 * 86_400_000).toISOString(),
  });
  const ministries = await admin.get<{ items: { code: string; nameTh: string }[] }>('/api/registry/ministries');
  const moi = ministries.items.find((m) => m.nameTh === 'กระทรวงมหาดไทย')!.code;
  const filter = { levels: ['department'], ministries: [moi] };
  const preview = await admin.post<{ count: number }>(`/api/editions/${edition.id}/population/preview`, filter);
  await admin.post(`/api/editions/${edition.id}/population`, { ...filter, confirmCount: preview.count });
  await admin.post(`/api/editions/${edition.id}/transition`, { to: 'open' });
  const userIds: Record<string, string> = {};
  for (const u of users) {
    const inv = await admin.post<{ link: string }>('/api/invitations', { email: u.email, role: u.role, organisationId: oid });
    userIds[u.email] = await accept(h, inv.link, u.name, u.password);
  }
  return { eid: edition.id, oid, userIds };
}

/** Signs in through the login page. Also gives the page a roomier timeout: these journeys run on loaded CI machines. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  page.setDefaultTimeout(30_000);
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'อีเมล' }).fill(email);
  await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();
}
