// Role-aware shell: each role signs in and sees its own navigation, home cards and honest empty states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;
const PASSWORD = 'role-password-123';

beforeAll(async () => {
  h = await startBrowserHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Invites through the admin API and accepts through the public API, as a person with the mailed link would. */
async function createUser(email: string, role: string, organisationId?: string): Promise<void> {
  const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const inv = await admin.post<{ link: string }>('/api/invitations', { email, role, ...(organisationId ? { organisationId } : {}) });
  const token = new URL(inv.link).pathname.split('/').pop()!;
  const res = await fetch(`${h.baseUrl}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: email.split('@')[0], password: PASSWORD }),
  });
  expect(res.status).toBe(200);
}

async function signIn(email: string): Promise<Page> {
  const page = await h.newPage();
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'อีเมล' }).fill(email);
  await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();
  return page;
}

async function navLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link');
  return (await links.allTextContents()).map((s) => s.trim());
}

describe('role-aware home', () => {
  it('a DGA reviewer browses the registry read-only', async () => {
    await createUser('reviewer@dga.local', 'reviewer');
    const page = await signIn('reviewer@dga.local');
    await page.getByText('ผู้ตรวจสอบ สพร.').first().waitFor();
    await page.getByText('การตรวจสอบคำตอบและหลักฐาน').waitFor();
    const links = await navLinks(page);
    expect(links).toContain('ทะเบียนหน่วยงาน');
    expect(links).not.toContain('ผู้ใช้งาน');
    expect(links).not.toContain('คำเชิญผู้ใช้');
    await h.screenshot(page, 'home-reviewer-th');

    await page.goto(`/registry?q=${encodeURIComponent('กรมการปกครอง')}`);
    await page.getByRole('table').getByRole('link', { name: 'กรมการปกครอง', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();
    expect(await page.getByRole('button', { name: 'แก้ไขข้อมูล' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'ประวัติการเปลี่ยนแปลง' }).count()).toBe(0);
  });

  it('a user whose session ended is sent to the login page with a notice, and back afterwards', async () => {
    const page = await signIn('reviewer@dga.local');
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ทะเบียนหน่วยงาน' }).click();
    await page.getByRole('status').getByText('เซสชันของท่านหมดอายุแล้ว กรุณาเข้าสู่ระบบอีกครั้ง').waitFor();
    await page.getByRole('textbox', { name: 'อีเมล' }).fill('reviewer@dga.local');
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('heading', { level: 1, name: 'ทะเบียนหน่วยงาน' }).waitFor();
  });

  it('a judge sees the home page and the judging sections, nothing of the registry', async () => {
    await createUser('judge@example.org', 'judge');
    const page = await signIn('judge@example.org');
    await page.getByText('กรรมการตัดสิน').first().waitFor();
    await page.getByText('ยังไม่มีผลงานที่ได้รับมอบหมาย').waitFor();
    const links = await navLinks(page);
    expect(links[0]).toBe('หน้าหลัก');
    expect(links).toContain('ให้คะแนนท้องถิ่นดิจิทัล');
    expect(links).not.toContain('ทะเบียนหน่วยงาน');
    expect(links).not.toContain('ผู้ใช้งาน');
    expect(links).toContain('พิจารณารางวัลรัฐบาลดิจิทัล');
    await h.screenshot(page, 'home-judge-th');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'พิจารณารางวัลรัฐบาลดิจิทัล' }).click();
    await page.getByRole('heading', { level: 1, name: 'พิจารณารางวัลรัฐบาลดิจิทัล' }).waitFor();
    await page.getByText('ยังไม่มีการเสนอชื่อที่มอบหมายให้ท่าน').waitFor();
  });

  it('an agency head sees their organisation and no invitation page', async () => {
    const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const found = await admin.get<{ items: { id: string; nameTh: string }[] }>(`/api/registry/organisations?q=${encodeURIComponent('กรมสรรพากร')}`);
    const org = found.items.find((o) => o.nameTh === 'กรมสรรพากร')!;
    await createUser('head@rd.go.th', 'head', org.id);
    const page = await signIn('head@rd.go.th');
    await page.getByText('ผู้บริหารหน่วยงาน / CIO').first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'กรมสรรพากร' }).waitFor();
    const links = await navLinks(page);
    expect(links).toContain('หน่วยงานของฉัน');
    expect(links).not.toContain('คำเชิญผู้ใช้');
    expect(links).not.toContain('ทะเบียนหน่วยงาน');
    await page.goto('/invitations');
    await page.getByText('ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึงหน้านี้').waitFor();
  });
});
