// Admin journey in Thai: sign in, home, registry search, edit an organisation, its audit history, switch to English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('admin in Thai', () => {
  it('signs in, finds กรมการปกครอง, changes its served-public flag, sees it in the history, then reads the page in English', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    await page.getByRole('heading', { name: 'เข้าสู่ระบบ' }).waitFor();
    await h.screenshot(page, 'login-th');

    await page.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();

    // Thai home page with the admin's sections and the registry figures.
    await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
    for (const label of ['หน้าหลัก', 'ทะเบียนหน่วยงาน', 'นำเข้ารายชื่อ อปท.', 'คำเชิญผู้ใช้', 'กล่องจดหมายออก', 'ผู้ใช้งาน']) {
      await nav.getByRole('link', { name: label }).waitFor();
    }
    await page.getByTestId('summary-department').getByText('321').waitFor();
    await h.screenshot(page, 'home-admin-th');

    // Registry search by Thai name.
    await nav.getByRole('link', { name: 'ทะเบียนหน่วยงาน' }).click();
    await page.getByRole('heading', { level: 1, name: 'ทะเบียนหน่วยงาน' }).waitFor();
    expect(await page.title()).toBe('ทะเบียนหน่วยงาน · ความพร้อมรัฐบาลดิจิทัล');
    await page.getByTestId('registry-count').getByText('พบ 1,995 หน่วยงาน').waitFor();
    // Counts per level double as a quick filter.
    await page.getByRole('group', { name: 'จำนวนหน่วยงานแยกตามระดับ' }).getByText('หน่วยงานระดับกรม (321)').click();
    await page.getByTestId('registry-count').getByText('พบ 321 หน่วยงาน').waitFor();
    expect(new URL(page.url()).searchParams.get('level')).toBe('department');
    await page.getByRole('searchbox', { name: 'ค้นหา' }).fill('กรมการปกครอง');
    await page.waitForURL(/q=/);
    const link = page.getByRole('table').getByRole('link', { name: 'กรมการปกครอง', exact: true });
    await link.waitFor();
    await h.screenshot(page, 'registry-search-th');
    await link.click();

    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();
    await page.getByText('Department of Provincial Administration').first().waitFor();
    await page.getByText('ยังไม่มีการเปลี่ยนแปลง').waitFor();

    // Edit the served-public flag.
    await page.getByRole('button', { name: 'แก้ไขข้อมูล' }).click();
    const flag = page.getByRole('switch', { name: 'ภารกิจหลักคือการให้บริการประชาชน' });
    const wasServing = await flag.isChecked();
    await flag.setChecked(!wasServing, { force: true });
    await h.screenshot(page, 'org-edit-th');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('บันทึกการแก้ไขแล้ว').waitFor();
    const servesField = page.locator('dt', { hasText: 'ให้บริการประชาชน' }).locator('xpath=following-sibling::dd');
    expect((await servesField.textContent())?.trim()).toBe(wasServing ? 'ไม่ใช่' : 'ใช่');

    // The change shows in the audit history with who made it.
    const audit = page.getByTestId('audit-table');
    await audit.waitFor();
    const row = audit.getByRole('row').nth(1);
    await row.getByText(`ให้บริการประชาชน: ${wasServing ? 'ใช่' : 'ไม่ใช่'} → ${wasServing ? 'ไม่ใช่' : 'ใช่'}`).waitFor();
    await row.getByText('แก้ไข', { exact: true }).waitFor();
    await h.screenshot(page, 'org-audit-th');

    // Switch to English: labels change, <html lang> follows, and the choice survives a reload.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Change history' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Department of Provincial Administration' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Registry' }).waitFor();
    await page.getByText(`Serves the public: ${wasServing ? 'Yes' : 'No'} → ${wasServing ? 'No' : 'Yes'}`).waitFor();
    await h.screenshot(page, 'org-audit-en');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Change history' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows the Thai error message from the server for a wrong password', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('อีเมลหรือรหัสผ่านไม่ถูกต้อง').waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('LOGIN_FAILED');
    await h.screenshot(page, 'login-failed-th');
    expect(new URL(page.url()).pathname).toBe('/login');

    // In English the same failure shows the server's English message.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Wrong e-mail or password').waitFor();
  });
});
