// Accessibility: axe (WCAG 2.1 A/AA) finds no violations on the main screens, in Thai and in English.
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});

afterAll(async () => {
  await h?.close();
});

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('accessibility', () => {
  it('has no axe violations on login, home, registry and organisation pages', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'เข้าสู่ระบบ' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByTestId('summary-department').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto('/registry?q=' + encodeURIComponent('กรม'));
    await page.getByRole('table').waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'ประวัติการเปลี่ยนแปลง' }).waitFor();
    expect(await violations(page)).toEqual([]);

  }, 120_000);

  it('has no axe violations on the invitations, outbox and users pages, in Thai and English', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();
    await page.goto('/invitations');
    await page.getByRole('heading', { level: 2, name: 'คำเชิญทั้งหมด' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto('/outbox');
    await page.getByRole('heading', { level: 1, name: 'Mail outbox' }).waitFor();
    expect(await violations(page)).toEqual([]);

    await page.goto('/users');
    await page.getByRole('cell', { name: ADMIN_EMAIL }).waitFor();
    expect(await violations(page)).toEqual([]);
    await h.screenshot(page, 'users-en');
  }, 120_000);

  it('lets a keyboard user skip to the content', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'ข้ามไปยังเนื้อหาหลัก' });
    expect(await skip.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    // An expression run in the page (this file is type-checked without DOM types).
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');
  });
});
