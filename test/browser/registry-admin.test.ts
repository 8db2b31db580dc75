// Admin registry work: LAO import with per-row errors (nothing imported) then a clean import; an edit conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});

afterAll(async () => {
  await h?.close();
});

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
  await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();
}

const HEADER = 'code,name_th,name_en,lao_type,province';

describe('admin registry work', () => {
  it('rejects a LAO file with a bad row, listing the row, then imports the corrected file', async () => {
    const page = await h.newPage();
    await signInAsAdmin(page);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'นำเข้ารายชื่อ อปท.' }).click();
    await page.getByRole('heading', { level: 1, name: 'นำเข้ารายชื่อองค์กรปกครองส่วนท้องถิ่น' }).waitFor();

    const bad = [HEADER, 'T-SAO-1,องค์การบริหารส่วนตำบลทดสอบหนึ่ง,Test One SAO,sao,เชียงใหม่', 'T-SM-2,เทศบาลตำบลทดสอบสอง,,subdistrict_municipality,จังหวัดที่ไม่มีอยู่'].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'laos.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByRole('button', { name: 'ตรวจสอบและนำเข้า' }).click();
    await page.getByRole('alert').getByText('ไฟล์นำเข้ามีข้อผิดพลาด 1 แถว ไม่มีการนำเข้าข้อมูลใด').waitFor();
    const errors = page.getByTestId('import-errors');
    await errors.getByRole('cell', { name: 'แถว 3', exact: true }).waitFor();
    await errors.getByRole('cell', { name: 'province: ไม่พบจังหวัด “จังหวัดที่ไม่มีอยู่”' }).waitFor();
    await h.screenshot(page, 'lao-import-errors-th');

    // Nothing was imported: the good row is not in the registry either.
    const api = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const before = await api.get<{ total: number }>(`/api/registry/organisations?q=${encodeURIComponent('ทดสอบหนึ่ง')}`);
    expect(before.total).toBe(0);

    const good = bad.replace('จังหวัดที่ไม่มีอยู่', 'ลำพูน');
    await page.locator('input[type=file]').setInputFiles({ name: 'laos.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await page.getByRole('button', { name: 'ตรวจสอบและนำเข้า' }).click();
    await page.getByText('เพิ่มใหม่ 2 แห่ง ปรับปรุง 0 แห่ง').waitFor();
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await h.screenshot(page, 'lao-import-done-th');

    // The imported LAO is found in the registry with its province.
    await page.getByRole('link', { name: 'ทะเบียนหน่วยงาน' }).first().click();
    await page.getByRole('searchbox', { name: 'ค้นหา' }).fill('ทดสอบสอง');
    const row = page.getByRole('row', { name: /เทศบาลตำบลทดสอบสอง/ });
    await row.waitFor();
    await row.getByText('ลำพูน').waitFor();
    await row.getByText('เทศบาลตำบล', { exact: true }).waitFor();
  });

  it('tells the admin when someone else saved first, and reloads the latest version', async () => {
    const api = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const found = await api.get<{ items: { id: string; nameTh: string; version: number; nameEn: string }[] }>(
      `/api/registry/organisations?q=${encodeURIComponent('กรมประชาสัมพันธ์')}`,
    );
    const org = found.items.find((o) => o.nameTh === 'กรมประชาสัมพันธ์')!;

    const page = await h.newPage();
    await signInAsAdmin(page);
    await page.goto(`/registry/${org.id}`);
    await page.getByRole('heading', { level: 1, name: 'กรมประชาสัมพันธ์' }).waitFor();
    await page.getByRole('button', { name: 'แก้ไขข้อมูล' }).click();

    // Another admin saves a new English name while this form is open.
    await api.patch(`/api/registry/organisations/${org.id}`, { version: org.version, nameEn: 'Government Public Relations Department (PRD)' });

    await page.getByRole('switch', { name: 'ใช้งานอยู่' }).setChecked(false, { force: true });
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByRole('alert').getByText('ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว').waitFor();
    expect(await page.getByRole('textbox', { name: 'ชื่อภาษาอังกฤษ' }).inputValue()).toBe('Government Public Relations Department (PRD)');
    // The reloaded form shows the stored state, so the admin's unsaved toggle is back to "active".
    expect(await page.getByRole('switch', { name: 'ใช้งานอยู่' }).isChecked()).toBe(true);
    expect(await page.getByRole('alert').getByText('ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว').isVisible()).toBe(true);
    await h.screenshot(page, 'org-conflict-th');

    // Saving again on top of the latest version works.
    await page.getByRole('switch', { name: 'ใช้งานอยู่' }).setChecked(false, { force: true });
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('บันทึกการแก้ไขแล้ว').waitFor();
    await page.getByRole('heading', { level: 1, name: 'กรมประชาสัมพันธ์' }).locator('..').getByText('ไม่ใช้งาน').waitFor();
    const audit = page.getByTestId('audit-table');
    await audit.getByText('ใช้งานอยู่: ใช่ → ไม่ใช่').waitFor();
    await audit.getByText(/ชื่อภาษาอังกฤษ: Government Public Relations Department → Government Public Relations Department \(PRD\)/).waitFor();
  });
});
