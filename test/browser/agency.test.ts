// Invitation journey: the admin invites a coordinator in the UI, the mail shows in the outbox, the coordinator
// accepts it in Thai and then sees only their own organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});

afterAll(async () => {
  await h?.close();
});

interface OrgPage {
  total: number;
  items: { id: string; nameTh: string }[];
}

describe('agency coordinator', () => {
  it('is invited by the admin, accepts in Thai and sees only their own organisation', async () => {
    const admin = await h.newPage();
    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
    await admin.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await admin.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();

    // Create the invitation in the UI, picking the organisation by its Thai name.
    await admin.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'คำเชิญผู้ใช้' }).click();
    await admin.getByRole('heading', { level: 1, name: 'คำเชิญผู้ใช้' }).waitFor();
    await admin.getByText('ยังไม่มีคำเชิญ').waitFor();
    await admin.getByRole('textbox', { name: 'อีเมล' }).fill('somchai@dopa.go.th');
    await admin.getByRole('combobox', { name: 'หน่วยงาน' }).fill('กรมการปกครอง');
    await admin.getByRole('option', { name: 'กรมการปกครอง', exact: true }).click();
    await admin.getByRole('button', { name: 'ส่งคำเชิญ' }).click();
    await admin.getByText('ส่งคำเชิญถึง somchai@dopa.go.th แล้ว').waitFor();
    const link = (await admin.getByTestId('invite-link').textContent())!.trim();
    expect(link).toMatch(/\/invite\//);
    const table = admin.getByRole('table');
    await table.getByRole('cell', { name: 'somchai@dopa.go.th' }).waitFor();
    await table.getByRole('cell', { name: 'ผู้ประสานงานหน่วยงาน' }).waitFor();
    await table.getByRole('cell', { name: 'กรมการปกครอง' }).waitFor();
    await table.getByText(/^รอตอบรับ/).waitFor();
    await h.screenshot(admin, 'invitations-th');

    // The mail is in the outbox with the same link (no SMTP configured).
    await admin.getByRole('link', { name: 'ดูอีเมลในกล่องจดหมายออก' }).click();
    await admin.getByRole('heading', { level: 1, name: 'กล่องจดหมายออก' }).waitFor();
    await admin.getByText('ถึง somchai@dopa.go.th', { exact: false }).first().click();
    await admin.getByTestId('mail-body').getByRole('link', { name: link }).first().waitFor();
    await h.screenshot(admin, 'outbox-th');

    // The invited person opens the link in their own browser.
    const page = await h.newPage();
    await page.goto(new URL(link).pathname);
    await page.getByRole('heading', { level: 1, name: 'ตอบรับคำเชิญ' }).waitFor();
    expect((await page.getByTestId('invite-email').textContent())?.trim()).toBe('somchai@dopa.go.th');
    await page.getByText('กรมการปกครอง', { exact: true }).waitFor();
    await page.getByText('ผู้ประสานงานหน่วยงาน', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'ชื่อที่แสดง' }).fill('สมชาย ใจดี');
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill('short');
    await page.getByRole('textbox', { name: 'ยืนยันรหัสผ่าน' }).fill('short');
    await page.getByRole('button', { name: 'สร้างบัญชีและเข้าสู่ระบบ' }).click();
    await page.getByText('รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร').waitFor();
    await h.screenshot(page, 'invite-accept-th');
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill('somchai-password-1');
    await page.getByRole('textbox', { name: 'ยืนยันรหัสผ่าน' }).fill('somchai-password-1');
    await page.getByRole('button', { name: 'สร้างบัญชีและเข้าสู่ระบบ' }).click();

    // Signed in: the home page names their organisation; the navigation has no registry.
    await page.getByRole('heading', { level: 1, name: 'สวัสดี สมชาย ใจดี' }).waitFor();
    await page.getByText('ผู้ประสานงานหน่วยงาน').first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'กรมการปกครอง' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
    await nav.getByRole('link', { name: 'หน่วยงานของฉัน' }).waitFor();
    await nav.getByRole('link', { name: 'คำเชิญผู้ใช้' }).waitFor();
    expect(await nav.getByRole('link', { name: 'ทะเบียนหน่วยงาน' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'ผู้ใช้งาน' }).count()).toBe(0);
    await h.screenshot(page, 'home-coordinator-th');

    await nav.getByRole('link', { name: 'หน่วยงานของฉัน' }).click();
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();
    expect(await page.getByRole('button', { name: 'แก้ไขข้อมูล' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'ประวัติการเปลี่ยนแปลง' }).count()).toBe(0);

    // Another agency's record: "not found or no access", the same as a record that does not exist.
    const api = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const other = await api.get<OrgPage>(`/api/registry/organisations?q=${encodeURIComponent('กรมประชาสัมพันธ์')}`);
    const otherId = other.items.find((o) => o.nameTh === 'กรมประชาสัมพันธ์')!.id;
    await page.goto(`/registry/${otherId}`);
    await page.getByText('ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึง').waitFor();
    expect(await page.getByRole('heading', { name: 'กรมประชาสัมพันธ์' }).count()).toBe(0);

    // The registry browse page is for DGA staff only.
    await page.goto('/registry');
    await page.getByText('ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึงหน้านี้').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);

    // A coordinator may invite colleagues to their own organisation only.
    await nav.getByRole('link', { name: 'คำเชิญผู้ใช้' }).click();
    await page.getByText('ผู้ได้รับเชิญจะอยู่ในหน่วยงาน กรมการปกครอง').waitFor();
    expect(await page.getByRole('combobox', { name: 'หน่วยงาน' }).count()).toBe(0);
    await page.getByRole('textbox', { name: 'อีเมล' }).fill('malee@dopa.go.th');
    await page.getByRole('button', { name: 'ส่งคำเชิญ' }).click();
    await page.getByText('ส่งคำเชิญถึง malee@dopa.go.th แล้ว').waitFor();
    await h.screenshot(page, 'invitations-coordinator-th');

    // Signing out returns to the login page.
    await page.getByRole('button', { name: 'เมนูผู้ใช้ สมชาย ใจดี' }).click();
    await page.getByRole('menuitem', { name: 'ออกจากระบบ' }).click();
    await page.getByRole('heading', { level: 1, name: 'เข้าสู่ระบบ' }).waitFor();
    await page.goto('/');
    await page.waitForURL('**/login');

    // The invitation link worked once; opening it again says so, in the server's words.
    await page.goto(new URL(link).pathname);
    await page.getByText('ใช้ลิงก์คำเชิญนี้ไม่ได้').waitFor();
    await page.getByText('ลิงก์คำเชิญไม่ถูกต้อง หมดอายุ หรือถูกใช้ไปแล้ว').waitFor();
    await page.getByRole('link', { name: 'ไปที่หน้าเข้าสู่ระบบ' }).click();
    await page.getByRole('heading', { level: 1, name: 'เข้าสู่ระบบ' }).waitFor();
  });
});
