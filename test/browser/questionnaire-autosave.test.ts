// Autosave and several people in the browser: an unsaved change survives a reload while the server is unreachable
// and is saved once it is back; two people changing the same answer see a conflict and choose, never a silent
// overwrite; a contributor edits only the sections assigned to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';
import { apiLogin, openEditionFor, signIn } from '../helpers/browser-questionnaire.js';

let h: BrowserHarness;
let eid = '';
let oid = '';
const COORD = { email: 'coord@dopa.go.th', password: 'coordinator-pass-1', name: 'สมศรี ประสานงาน', role: 'coordinator' } as const;
const HEAD = { email: 'cio@dopa.go.th', password: 'head-password-12', name: 'ประยุทธ ผู้บริหาร', role: 'head' } as const;
const CONTRIB = { email: 'it@dopa.go.th', password: 'contributor-pass-1', name: 'วิภา ไอที', role: 'contributor' } as const;
let userIds: Record<string, string> = {};

interface Answers {
  answers: Record<string, { value: unknown; version: number; updatedByName: string }>;
}

function item(page: Page, code: string) {
  return page.locator(`[data-item="${code}"]`);
}

async function serverAnswers(): Promise<Answers['answers']> {
  const s = await apiLogin(h, COORD.email, COORD.password);
  const r = await fetch(`${h.baseUrl}/api/editions/${eid}/organisations/${oid}/questionnaire`, { headers: { cookie: s.cookie } });
  return ((await r.json()) as Answers).answers;
}

beforeAll(async () => {
  h = await startBrowserHarness();
  ({ eid, oid, userIds } = await openEditionFor(h, 'กรมการปกครอง', [COORD, HEAD, CONTRIB]));
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('questionnaire autosave', () => {
  it('keeps an unsaved change across a reload while the server is unreachable, then saves it', async () => {
    const page = await h.newPage();
    await signIn(page, COORD.email, COORD.password);
    await page.goto(`/survey/${eid}`);
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();

    await page.route('**/answers', (route) => route.abort('internetdisconnected'));
    await item(page, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).check();
    await item(page, 'P1.07').getByRole('textbox').fill('ระบบงานบุคคลอิเล็กทรอนิกส์ (DPIS)');
    await page.getByRole('status').filter({ hasText: 'ออฟไลน์ – จะบันทึกเมื่อกลับมาออนไลน์' }).waitFor();
    await item(page, 'P1.01').getByText('ยังไม่ได้บันทึก').waitFor();
    await h.screenshot(page, 'questionnaire-offline-th');

    // Reload while still cut off: the answers come back from this browser's storage, not the server.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();
    expect(await item(page, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).isChecked()).toBe(true);
    expect(await item(page, 'P1.07').getByRole('textbox').inputValue()).toBe('ระบบงานบุคคลอิเล็กทรอนิกส์ (DPIS)');
    await page.getByRole('status').filter({ hasText: 'ออฟไลน์' }).waitFor();
    const before = await serverAnswers();
    expect(before['P1.01']).toBeUndefined();

    // The server is reachable again: the change is sent and confirmed, and the local copy is dropped.
    await page.unroute('**/answers');
    // The queue retries with backoff on its own; "try now" skips the wait (it may already have succeeded).
    await page
      .getByRole('button', { name: 'ลองบันทึกตอนนี้' })
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await page.locator('[data-save-status="saved"]').waitFor();
    const after = await serverAnswers();
    expect(after['P1.01']?.value).toBe(true);
    expect(after['P1.07']?.value).toBe('ระบบงานบุคคลอิเล็กทรอนิกส์ (DPIS)');
    const kept = await page.evaluate<number>(`Object.keys(localStorage).filter((k) => k.startsWith('dgr.autosave.')).length`);
    expect(kept).toBe(0);
  }, 180_000);

  it('shows a conflict with both answers, lets the user keep theirs or take the server answer, and keeps the history', async () => {
    const page = await h.newPage();
    await signIn(page, COORD.email, COORD.password);
    await page.goto(`/survey/${eid}`);
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();

    // Meanwhile the head answers P1.03 and P1.06 from another device.
    const head = await apiLogin(h, HEAD.email, HEAD.password);
    const put = await fetch(`${h.baseUrl}/api/editions/${eid}/organisations/${oid}/answers`, {
      method: 'PUT',
      headers: { cookie: head.cookie, 'x-csrf-token': head.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        changes: [
          { item: 'P1.03', value: 'adhoc', baseVersion: 0, requestId: 'head-1' },
          { item: 'P1.06', value: 'approves', baseVersion: 0, requestId: 'head-2' },
        ],
      }),
    });
    expect(put.status).toBe(200);

    await item(page, 'P1.03').getByRole('radio', { name: 'ติดตามตามตัวชี้วัดเป็นประจำและนำผลมาปรับปรุงแผน' }).check();
    const dialog = page.getByRole('dialog', { name: 'มีผู้อื่นแก้ไขคำตอบข้อ P1.03' });
    await dialog.waitFor();
    expect((await dialog.getByTestId('conflict-mine').textContent())?.trim()).toBe('ติดตามตามตัวชี้วัดเป็นประจำและนำผลมาปรับปรุงแผน');
    expect((await dialog.getByTestId('conflict-theirs').textContent())?.trim()).toBe('ติดตามเป็นครั้งคราวเมื่อมีการสอบถาม');
    await dialog.getByText(HEAD.name, { exact: false }).waitFor();
    await h.screenshot(page, 'questionnaire-conflict-th');
    await dialog.getByRole('button', { name: 'ใช้คำตอบของฉัน' }).click();
    await page.locator('[data-save-status="saved"]').waitFor();
    await expect.poll(async () => (await serverAnswers())['P1.03']?.value).toBe('improve');

    await item(page, 'P1.06').getByRole('radio', { name: 'ยังไม่มี CIO' }).check();
    const d2 = page.getByRole('dialog', { name: 'มีผู้อื่นแก้ไขคำตอบข้อ P1.06' });
    await d2.getByRole('button', { name: 'ใช้คำตอบบนเซิร์ฟเวอร์' }).click();
    expect(await item(page, 'P1.06').getByRole('radio', { name: 'ให้ความเห็นชอบโครงการด้านดิจิทัลของหน่วยงาน' }).isChecked()).toBe(true);
    expect((await serverAnswers())['P1.06']?.value).toBe('approves');

    // The question's history shows both answers and who gave them.
    await page.reload();
    await item(page, 'P1.03').getByText('ประวัติการแก้ไข (2 ครั้ง)').click();
    const history = item(page, 'P1.03').getByRole('listitem');
    await history.filter({ hasText: `ติดตามเป็นครั้งคราวเมื่อมีการสอบถาม — ${HEAD.name}` }).waitFor();
    await history.filter({ hasText: `ติดตามตามตัวชี้วัดเป็นประจำและนำผลมาปรับปรุงแผน — ${COORD.name}` }).waitFor();
  }, 180_000);

  it('lets a contributor edit only the sections assigned to them', async () => {
    const coord = await apiLogin(h, COORD.email, COORD.password);
    const res = await fetch(`${h.baseUrl}/api/editions/${eid}/organisations/${oid}/assignments`, {
      method: 'PUT',
      headers: { cookie: coord.cookie, 'x-csrf-token': coord.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ assignments: [{ dimensionCode: 'S', userId: userIds[CONTRIB.email] }] }),
    });
    expect(res.status).toBe(200);

    const page = await h.newPage();
    await signIn(page, CONTRIB.email, CONTRIB.password);
    await page.goto(`/survey/${eid}`);
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();
    // Not assigned: read only, and said so.
    expect(await item(page, 'P1.05').getByRole('radio', { name: 'ใช่ / มี' }).isDisabled()).toBe(true);
    await page.getByText('คุณดูได้อย่างเดียวในหมวดนี้ (ไม่ได้รับมอบหมาย)').first().waitFor();
    // Assigned: answers and saves.
    await page.getByText(`มอบหมายให้ ${CONTRIB.name}`).first().waitFor();
    const s102 = item(page, 'S1.02');
    await s102.scrollIntoViewIfNeeded();
    await s102.getByRole('radio').first().check();
    await page.locator('[data-save-status="saved"]').waitFor();
    await expect.poll(async () => (await serverAnswers())['S1.02']?.updatedByName).toBe(CONTRIB.name);
  }, 180_000);
});
