// Admin edition screens in the browser: create an edition, select its population with a preview count, open it
// with confirmation, invite coordinators, monitor responses, download exports, close and reopen with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';
import { signIn } from '../helpers/browser-questionnaire.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('survey editions (admin)', () => {
  it('are created, targeted, opened, monitored, exported, closed and reopened with a reason', async () => {
    const page = await h.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'รอบการสำรวจ' }).click();
    await page.getByRole('heading', { level: 1, name: 'รอบการสำรวจ' }).waitFor();
    await page.getByText('ยังไม่มีรอบการสำรวจ').waitFor();

    // Create: the year in B.E. fills the titles; the framework defaults to the newest version.
    await page.getByRole('button', { name: 'สร้างรอบการสำรวจ' }).click();
    const form = page.getByRole('dialog', { name: 'สร้างรอบการสำรวจ' });
    await form.getByRole('textbox', { name: 'ปีงบประมาณ (พ.ศ.)' }).fill('2569');
    await form.getByText('ค.ศ. 2026').waitFor();
    expect(await form.getByRole('textbox', { name: 'ชื่อรอบ (ภาษาไทย)' }).inputValue()).toContain('พ.ศ. 2569');
    await form.getByLabel('วันเปิดรับคำตอบ').fill('2026-05-01');
    await form.getByLabel('วันปิดรับคำตอบ').fill('2026-06-30');
    await form.getByRole('button', { name: 'สร้างรอบการสำรวจ' }).click();
    await page.getByRole('heading', { level: 1, name: /ประจำปี พ\.ศ\. 2569/ }).waitFor();
    await page.locator('[data-state="draft"]').first().waitFor();

    // Population: filter, preview the count, confirm exactly that count.
    await page.getByRole('tab', { name: 'หน่วยงานเป้าหมาย' }).click();
    await page.getByRole('combobox', { name: 'ระดับหน่วยงาน' }).click();
    await page.getByRole('option', { name: 'ระดับกรม' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'กระทรวง', exact: true }).click();
    await page.getByRole('option', { name: 'กระทรวงมหาดไทย' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'ดูจำนวนก่อนยืนยัน' }).click();
    const preview = page.getByTestId('population-preview');
    const countText = (await preview.getByText(/^ตรงเงื่อนไข [\d,]+ หน่วยงาน$/).textContent())!;
    const count = Number(countText.replace(/[^\d]/g, ''));
    expect(count).toBeGreaterThan(0);
    await preview.getByRole('cell', { name: 'กรมการปกครอง' }).waitFor();
    await h.screenshot(page, 'edition-population-th');
    await page.getByRole('button', { name: `ยืนยันหน่วยงานเป้าหมาย ${count} หน่วยงาน` }).click();
    await page.getByText(`กำหนดหน่วยงานเป้าหมายแล้ว ${count} หน่วยงาน`).waitFor();

    // Open, with a confirmation that warns the framework is then fixed.
    await page.getByRole('button', { name: 'เปิดรับคำตอบ' }).click();
    const confirmOpen = page.getByRole('dialog', { name: 'ยืนยัน: เปิดรับคำตอบ' });
    await confirmOpen.getByText('เมื่อเปิดรับแล้วจะเปลี่ยนเกณฑ์การสำรวจไม่ได้').waitFor();
    await confirmOpen.getByRole('button', { name: 'ยืนยัน' }).click();
    await page.locator('[data-state="open"]').first().waitFor();

    // Overview: invite coordinators; the transition is in the log.
    await page.getByRole('tab', { name: 'ภาพรวม' }).click();
    await page.getByRole('button', { name: 'ส่งคำเชิญผู้ประสานงาน' }).click();
    await page.getByText(/ส่งคำเชิญผู้ประสานงานแล้ว \d+ หน่วยงาน/).waitFor();
    const log = page.getByTestId('transition-log');
    await log.getByRole('cell', { name: 'เปิดรับคำตอบ' }).waitFor();

    // Monitoring: counts, the rate as DGA writes it, the chase list.
    await page.getByRole('tab', { name: 'ติดตามการตอบ' }).click();
    const rate = page.getByTestId('response-rate');
    await expect.poll(async () => (await rate.textContent())?.trim()).toBe(`0 จาก ${count} — 0.00 %`);
    await page.getByRole('cell', { name: 'กรมการปกครอง' }).first().waitFor();
    await h.screenshot(page, 'edition-monitoring-th');

    // Export: each button downloads a file.
    await page.getByRole('tab', { name: 'ส่งออกข้อมูล' }).click();
    for (const fmt of ['xlsx', 'csv', 'long-csv', 'evidence-csv']) {
      const href = await page.locator(`a[data-format="${fmt}"]`).getAttribute('href');
      const res = await page.request.get(href!);
      expect(res.status(), fmt).toBe(200);
    }

    // Close, then reopen (extend): a reason is required and is logged.
    await page.getByRole('button', { name: 'ปิดรับคำตอบ' }).click();
    await page.getByRole('dialog', { name: 'ยืนยัน: ปิดรับคำตอบ' }).getByRole('button', { name: 'ยืนยัน' }).click();
    await page.locator('[data-state="closed"]').first().waitFor();
    await page.getByRole('button', { name: 'เปิดรับคำตอบอีกครั้ง (ขยายเวลา)' }).click();
    const reopen = page.getByRole('dialog', { name: /เปิดรับคำตอบอีกครั้ง/ });
    expect(await reopen.getByRole('button', { name: 'ยืนยัน' }).isDisabled()).toBe(true);
    await reopen.getByRole('textbox', { name: 'เหตุผล' }).fill('ขยายเวลาตามมติที่ประชุม เนื่องจากระบบขัดข้อง');
    await reopen.getByRole('button', { name: 'ยืนยัน' }).click();
    await page.locator('[data-state="open"]').first().waitFor();
    await page.getByRole('tab', { name: 'ภาพรวม' }).click();
    await page.getByTestId('transition-log').getByRole('cell', { name: 'ขยายเวลาตามมติที่ประชุม เนื่องจากระบบขัดข้อง' }).waitFor();
    await h.screenshot(page, 'edition-overview-th');

    // The list shows the edition with its state and count.
    await page.getByRole('link', { name: /กลับไปรายการรอบการสำรวจ/ }).click();
    await page.getByRole('heading', { level: 1, name: 'รอบการสำรวจ' }).waitFor();
    await page.getByRole('row', { name: /2569/ }).locator('[data-state="open"]').waitFor();
  }, 240_000);
});
