// Digital Local journeys in Thai: an LAO applicant writes part of an entry, reloads and finds it, completes and submits
// it; a judge scores the assigned entry, submits, and then sees the other judge's scores.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/clock.js';
import { defaultDigitalLocalContest, type ContestConfig } from '../../src/engine/judging/index.js';
import { hashPassword } from '../../src/server/services/passwords.js';
import { signIn } from '../helpers/browser-questionnaire.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

const PASSWORD = 'digital-local-password-1';
// Near the real date, so the session cookies the browser keeps are not already expired by its own clock.
const clock = fixedClock(new Date());
const day = (offset: number) => new Date(clock.now().getTime() + offset * 86400_000).toISOString().slice(0, 10);
const YEAR = clock.now().getUTCFullYear() + 543;

let h: BrowserHarness;
let laoId: string;
const judgeIds: string[] = [];

async function addUser(email: string, name: string, role: 'lao_applicant' | 'judge', organisationId: string | null): Promise<string> {
  const id = randomUUID();
  await h.database.db
    .insertInto('app_user')
    .values({ id, email, display_name: name, password_hash: await hashPassword(PASSWORD), role, organisation_id: organisationId, locale: 'th', active: true })
    .execute();
  return id;
}

function config(): ContestConfig {
  return {
    ...defaultDigitalLocalContest(YEAR),
    judgesPerEntry: 2,
    // Entries open now; judging starts after they close (the test moves the server's clock there).
    schedule: { entriesOpen: day(-1), entriesClose: day(2), judgingStart: day(3), judgingEnd: day(10), announcement: day(12) },
  };
}

beforeAll(async () => {
  h = await startBrowserHarness({}, { clock });
  laoId = randomUUID();
  await h.database.db
    .insertInto('organisation')
    .values({ id: laoId, level: 'lao', code: '5500101', name_th: 'เทศบาลเมืองน่าน', name_en: 'Nan Town Municipality', ministry_code: null, province_code: '55', org_type: 'town_municipality', parent_id: null, serves_public: true, active: true, created_at: new Date(), updated_at: new Date() })
    .execute();
  await addUser('applicant@nan.go.th', 'สมชาย ผู้สมัคร', 'lao_applicant', laoId);
  judgeIds.push(await addUser('judge1@example.org', 'กรรมการ หนึ่ง', 'judge', null));
  judgeIds.push(await addUser('judge2@example.org', 'กรรมการ สอง', 'judge', null));
  const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.put(`/api/digital-local/contests/${YEAR}`, { config: config() });
}, 240_000);

afterAll(async () => {
  await h?.close();
});

const section = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const saveStatus = (page: Page) => page.locator('[data-save-status]').first();

describe('Digital Local', () => {
  it('an applicant writes part of the entry, finds it after a reload, sees what is missing, completes and submits it', async () => {
    const page = await h.newPage();
    await signIn(page, 'applicant@nan.go.th', PASSWORD);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ผลงานท้องถิ่นดิจิทัล' }).click();
    await page.getByRole('heading', { level: 1, name: `รางวัลท้องถิ่นดิจิทัล ประจำปี ${YEAR}` }).waitFor();
    await page.getByText('เปิดรับผลงาน').first().waitFor();
    await page.getByText(/^เหลือเวลา \d+ วัน/).waitFor();
    await page.getByRole('button', { name: 'เริ่มเขียนใบสมัคร' }).click();

    // Part of the entry: title and the first criterion, guided by its level descriptors.
    await page.getByRole('textbox', { name: 'ชื่อผลงานนวัตกรรม' }).fill('น่านยื่นขออนุญาตก่อสร้างออนไลน์');
    await page.getByRole('button', { name: 'กรรมการให้คะแนนเกณฑ์นี้อย่างไร' }).first().click();
    await page.getByText('ปัญหาชัดเจน วิเคราะห์สาเหตุด้วยข้อมูล และรับฟังความเห็นประชาชนอย่างเป็นระบบ').waitFor();
    await section(page, 'ปัญหา').fill('ประชาชนต้องเดินทางมาสำนักงานหลายครั้งเพื่อขออนุญาตก่อสร้าง');
    await expect.poll(() => saveStatus(page).getAttribute('data-save-status'), { timeout: 15_000 }).toBe('saved');

    // Offline: the change is kept and shown as not saved; back online it is saved.
    await page.context().setOffline(true);
    await section(page, 'นโยบายและแผน').fill('นายกเทศมนตรีกำหนดนโยบายบริการออนไลน์ในแผนพัฒนาท้องถิ่น');
    await expect.poll(() => saveStatus(page).getAttribute('data-save-status'), { timeout: 15_000 }).toBe('offline');
    await page.getByText('ออฟไลน์ — เก็บการแก้ไขไว้ในเครื่องนี้', { exact: false }).waitFor();
    await page.context().setOffline(false);
    await expect.poll(() => saveStatus(page).getAttribute('data-save-status'), { timeout: 20_000 }).toBe('saved');

    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'ชื่อผลงานนวัตกรรม' }).inputValue()).toBe('น่านยื่นขออนุญาตก่อสร้างออนไลน์');
    expect(await section(page, 'ปัญหา').inputValue()).toBe('ประชาชนต้องเดินทางมาสำนักงานหลายครั้งเพื่อขออนุญาตก่อสร้าง');
    expect(await section(page, 'นโยบายและแผน').inputValue()).toBe('นายกเทศมนตรีกำหนดนโยบายบริการออนไลน์ในแผนพัฒนาท้องถิ่น');
    await h.screenshot(page, 'dl-entry-draft-th');

    // The checklist names every empty part and does not let the entry go.
    await page.getByRole('button', { name: 'ตรวจสอบและส่งใบสมัคร' }).click();
    const missing = page.getByTestId('entry-missing');
    await missing.getByText('ยังไม่ได้กรอก 3 ส่วน').waitFor();
    expect((await missing.getByRole('listitem').allTextContents()).map((s) => s.trim())).toEqual(['สรุปผลงาน', 'กระบวนการทำงาน', 'ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด']);
    expect(await page.getByRole('button', { name: 'ยืนยันส่งใบสมัคร' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'ยกเลิก' }).click();

    await page.getByRole('textbox', { name: 'สรุปผลงาน' }).fill('ระบบยื่นขออนุญาตก่อสร้างออนไลน์ ลดเวลาจาก 30 วันเหลือ 7 วัน');
    await section(page, 'กระบวนการทำงาน').fill('พัฒนาร่วมกับชุมชนและมหาวิทยาลัยในพื้นที่');
    await section(page, 'ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด').fill('ลดเวลาการขออนุญาตจาก 30 วันเหลือ 7 วัน');
    await page.getByRole('button', { name: 'ตรวจสอบและส่งใบสมัคร' }).click();
    await page.getByText('กรอกครบทุกส่วนแล้ว พร้อมส่ง').waitFor();
    await page.getByRole('button', { name: 'ยืนยันส่งใบสมัคร' }).click();
    await page.getByTestId('entry-submitted').waitFor();
    expect(await page.getByRole('textbox', { name: 'ชื่อผลงานนวัตกรรม' }).getAttribute('readonly')).not.toBeNull();

    // What the server holds is what was typed.
    const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const list = await admin.get<{ items: { id: string; status: string; title: string }[] }>(`/api/digital-local/contests/${YEAR}/entries`);
    expect(list.items).toEqual([expect.objectContaining({ status: 'submitted', title: 'น่านยื่นขออนุญาตก่อสร้างออนไลน์' })]);
    const entry = await admin.get<{ sections: Record<string, string> }>(`/api/digital-local/entries/${list.items[0]!.id}`);
    expect(entry.sections['policy_plan']).toBe('นายกเทศมนตรีกำหนดนโยบายบริการออนไลน์ในแผนพัฒนาท้องถิ่น');
  });
});
