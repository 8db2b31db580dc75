// Reviewer journey: works through an agency's items with the keyboard only (move, decide, reason, confirm) and sees the
// evidence PDF inline (same-origin frame, inline disposition, no CSP refusal).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/services/passwords.js';
import { autoAssign } from '../../src/server/services/review.js';
import { createResultsData, type ResultsData } from '../helpers/results-data.js';
import { signIn } from '../helpers/browser-questionnaire.js';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;
let data: ResultsData;
const PASSWORD = 'reviewer-password-123';

beforeAll(async () => {
  h = await startBrowserHarness();
  data = await createResultsData({ db: h.database.db, config: h.config }, { n: 1, seed: 4, close: true });
  await h.database.db
    .insertInto('app_user')
    .values({ id: randomUUID(), email: 'reviewer@dga.or.th', display_name: 'สมศรี ผู้ตรวจ', password_hash: await hashPassword(PASSWORD), role: 'reviewer', organisation_id: null, locale: 'th', active: true })
    .execute();
  await autoAssign(data.ctx, data.admin, data.editionId);
}, 240_000);

afterAll(async () => {
  await h?.close();
});

describe('reviewer', () => {
  it('decides items with the keyboard and opens a PDF inline', async () => {
    const page = await h.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Refused to (frame|load)|Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await signIn(page, 'reviewer@dga.or.th', PASSWORD);
    // The queue lists the assigned organisation.
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ตรวจสอบหลักฐาน' }).click();
    await page.getByRole('link', { name: 'เปิดคิวตรวจ' }).first().click();
    await page.getByTestId('review-queue').getByRole('link').first().click();
    const current = page.getByTestId('current-item');
    await current.waitFor();
    await page.getByTestId('shortcuts').getByText('Enter').waitFor();
    const codes = await page.locator('[data-testid^="item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(5)));
    expect(codes.length).toBeGreaterThan(3);
    expect(await current.getAttribute('data-code')).toBe(codes[0]);

    // j / k and the arrows move (the keyboard belongs to the page, not to a form field or the PDF frame).
    await current.getByRole('heading').first().click();
    await page.keyboard.press('j');
    await expect.poll(() => current.getAttribute('data-code')).toBe(codes[1]);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => current.getAttribute('data-code')).toBe(codes[2]);
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => current.getAttribute('data-code')).toBe(codes[0]);

    // a + Enter accepts and moves on.
    const evidence = page.waitForResponse((r) => r.url().includes('/api/evidence/'));
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await page.getByTestId('flash').getByText(`${codes[0]} · บันทึกแล้ว`).waitFor();
    await expect.poll(() => page.getByTestId(`item-${codes[0]}`).getAttribute('data-status')).toBe('accepted');
    await expect.poll(() => current.getAttribute('data-code')).toBe(codes[1]);

    // i + 1 (first reason) + Enter: insufficient with a catalogue reason.
    await page.keyboard.press('i');
    await page.getByText('1', { exact: true }).first().waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId(`item-${codes[1]}`).getAttribute('data-status')).toBe('insufficient');
    // r without a reason is refused by the server with a clear message; with a reason it is saved.
    await page.keyboard.press('r');
    await page.keyboard.press('Enter');
    // Wait for the server's refusal itself (the "choose a reason" hint is on screen all along, so it proves nothing).
    await page.locator('[role="alert"][data-error-code]').first().waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId(`item-${codes[2]}`).getAttribute('data-status')).toBe('rejected');

    // The evidence PDF is embedded from the same origin, served inline.
    const res = await evidence;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^inline/);
    const frame = page.getByTestId('pdf-frame').first();
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/^\/api\/evidence\//);
    const frameUrl = await frame.evaluate((el) => (el as unknown as { contentWindow: { location: { href: string } } | null }).contentWindow?.location.href ?? '');
    expect(frameUrl).toContain(src!);
    expect(refused).toEqual([]);
    await h.screenshot(page, 'review-keyboard');

    const audit = await h.database.db.selectFrom('audit_log').select('action').where('organisation_id', '=', data.organisations[0]!).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['review.decision', 'evidence.view']));
  });
});
