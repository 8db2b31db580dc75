// Digital Local journeys in Thai: an LAO applicant writes part of an entry, reloads and finds it, completes and submits
// it; a judge scores the assigned entry, submits, and then sees the other judge's scores; the committee records its
// basis, confirms and announces; the public sees the winner and the LAO its scores and comments.
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/clock.js';
import { defaultDigitalLocalContest, type ContestConfig } from '../../src/engine/judging/index.js';
import { hashPassword } from '../../src/server/services/passwords.js';
import { signIn } from '../helpers/browser-questionnaire.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

const PASSWORD = 'digital-local-password-1';
// Near the real date, so the session cookies the browser keeps are not already expired by its own clock.
const T0 = new Date();
const clock = fixedClock(T0);
/** The date `offset` days from the start, as the contest's schedule writes it (a whole day in Bangkok time). */
const day = (offset: number) => new Date(T0.getTime() + offset * 86400_000).toISOString().slice(0, 10);
const YEAR = T0.getUTCFullYear() + 543;

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

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

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
    expect(await violations(page)).toEqual([]);

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

  it('a judge scores the assigned entry with the level descriptors, submits, and then sees the other judge’s scores', async () => {
    clock.set(`${day(4)}T05:00:00Z`); // judging
    const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const auto = await admin.post<{ added: number; shortfalls: unknown[] }>(`/api/digital-local/contests/${YEAR}/assignments/auto`, {});
    expect(auto).toEqual(expect.objectContaining({ added: 2, shortfalls: [] }));

    // The other judge has already scored and submitted.
    const judge2 = await apiSession(h.baseUrl, 'judge2@example.org', PASSWORD);
    const mine = await judge2.get<{ items: { id: string }[] }>(`/api/digital-local/judging/${YEAR}/entries`);
    const entryId = mine.items[0]!.id;
    const comment = (c: string) => `ความเห็นกรรมการสองต่อ ${c}`;
    await judge2.put(`/api/digital-local/judging/entries/${entryId}/sheet`, {
      baseVersion: 0,
      ratings: { problem: { score: 5, comment: comment('problem') }, policy_plan: { score: 3, comment: comment('policy_plan') }, work_process: { score: 4, comment: comment('work_process') }, results: { score: 2, comment: comment('results') } },
      overallComment: 'ผลงานดี',
    });
    await judge2.post(`/api/digital-local/judging/entries/${entryId}/sheet/submit`, {});

    const page = await h.newPage();
    await signIn(page, 'judge1@example.org', PASSWORD);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ให้คะแนนท้องถิ่นดิจิทัล' }).click();
    await page.getByText('ส่งคะแนนแล้ว 0 จาก 1 ผลงาน').waitFor();
    await page.getByRole('link', { name: 'น่านยื่นขออนุญาตก่อสร้างออนไลน์' }).click();
    await page.getByText('ประชาชนต้องเดินทางมาสำนักงานหลายครั้งเพื่อขออนุญาตก่อสร้าง').waitFor();
    await page.getByTestId('others-hidden').getByText('มีกรรมการคนอื่น 1 คน', { exact: false }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(await page.getByText('ความเห็นกรรมการสองต่อ', { exact: false }).count()).toBe(0);

    // Levels are radios labelled with their descriptors; the arrow keys move between them.
    const problem = page.getByRole('radiogroup', { name: 'คะแนน: ปัญหา' });
    await problem.getByRole('radio', { name: /^3/ }).check();
    await page.keyboard.press('ArrowDown');
    expect(await problem.getByRole('radio', { name: /^4/ }).isChecked()).toBe(true);
    await expect.poll(() => problem.getByRole('radio', { name: /^4/ }).evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    await page.getByRole('radiogroup', { name: 'คะแนน: นโยบายและแผน' }).getByRole('radio', { name: /^3/ }).check();
    await page.getByRole('radiogroup', { name: 'คะแนน: กระบวนการทำงาน' }).getByRole('radio', { name: /^4/ }).check();

    // Submitting with a criterion unscored and comments missing is stopped here, with the reasons.
    await page.getByRole('button', { name: 'ส่งคะแนน', exact: true }).click();
    await page.getByText('ยังไม่ได้ให้คะแนนเกณฑ์ ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด').waitFor();
    await page.getByText('ยังไม่ได้ให้ความเห็นเกณฑ์ ปัญหา').waitFor();

    await page.getByRole('radiogroup', { name: 'คะแนน: ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด' }).getByRole('radio', { name: /^5/ }).check();
    for (const c of ['ปัญหา', 'นโยบายและแผน', 'กระบวนการทำงาน', 'ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด']) {
      await page.getByRole('textbox', { name: `ความเห็นต่อเกณฑ์ ${c}` }).fill(`กรรมการหนึ่ง: ${c}`);
    }
    // Equal weights: (4 + 3 + 4 + 5) / 4.
    await expect.poll(() => page.getByTestId('sheet-total').textContent()).toBe('4.00');
    await expect.poll(() => saveStatus(page).getAttribute('data-save-status'), { timeout: 15_000 }).toBe('saved');
    await page.reload();
    await page.getByRole('textbox', { name: 'ความเห็นต่อเกณฑ์ ปัญหา' }).waitFor();
    expect(await page.getByRole('radiogroup', { name: 'คะแนน: ปัญหา' }).getByRole('radio', { name: /^4/ }).isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'ความเห็นต่อเกณฑ์ ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด' }).inputValue()).toBe('กรรมการหนึ่ง: ผลลัพธ์ที่เป็นรูปธรรมและการต่อยอด');

    await page.getByRole('button', { name: 'ส่งคะแนน', exact: true }).click();
    await page.getByRole('dialog').getByText('คะแนนรวม 4.00', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'ยืนยันส่งคะแนน' }).click();
    await page.getByTestId('sheet-submitted').waitFor();
    const others = page.getByTestId('others-table');
    // The other judge appears by letter only (both were assigned at once: the letters follow their ids).
    const letters = [...judgeIds].sort().map((_, i) => `กรรมการ ${'AB'[i]}`);
    const otherLabel = letters[[...judgeIds].sort().indexOf(judgeIds[1]!)]!;
    await others.getByRole('columnheader', { name: otherLabel, exact: true }).waitFor();
    await page.getByTestId('own-label').getByText(letters[[...judgeIds].sort().indexOf(judgeIds[0]!)]!, { exact: false }).waitFor();
    expect(await page.getByText('กรรมการ สอง').count()).toBe(0);
    await others.getByText('ความเห็นกรรมการสองต่อ problem').waitFor();
    const row = (name: string) => others.getByRole('row', { name: new RegExp(`^${name}`) });
    expect(await row('ปัญหา').getByRole('cell').nth(1).innerText()).toMatch(/^5/);
    expect(await row('คะแนนรวมถ่วงน้ำหนัก').getByRole('cell').nth(1).innerText()).toBe('3.50');
    expect(await page.getByRole('radiogroup', { name: 'คะแนน: ปัญหา' }).getByRole('radio', { name: /^4/ }).isDisabled()).toBe(true);
    await h.screenshot(page, 'dl-judge-submitted-th');
  });

  it('the committee records its basis, confirms and announces; the public sees the winner and the LAO its scores', async () => {
    clock.set(`${day(12)}T03:00:00Z`); // judging over, announcement day
    const page = await h.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'รางวัลท้องถิ่นดิจิทัล' }).click();
    await page.getByRole('link', { name: String(YEAR), exact: true }).click();
    await page.getByRole('tab', { name: 'คณะกรรมการพิจารณาผล' }).click();
    const table = page.getByTestId('committee-table');
    await table.getByText('เทศบาลเมืองน่าน').waitFor();
    // Raw mean of the two judges' totals: (4.00 + 3.50) / 2.
    expect(await table.locator('[data-basis="raw"]').first().innerText()).toContain('3.75');
    await page.getByText('ใบให้คะแนนที่ส่งแล้ว').waitFor();
    await page.getByRole('radio', { name: 'คะแนนดิบ (ค่าเฉลี่ย)' }).check({ force: true });
    await page.getByRole('textbox', { name: 'เหตุผลที่เลือก' }).fill('ผลงานเดียว กรรมการสองคน ไม่ต้องปรับ');
    await page.getByRole('button', { name: /^บันทึกการใช้/ }).click();
    await page.getByTestId('basis-recorded').getByText('ผลงานเดียว กรรมการสองคน ไม่ต้องปรับ', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'ยืนยันผล', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'ยืนยันผล', exact: true }).click();
    await page.getByText('ยืนยันผลแล้วเมื่อ', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'ประกาศผล', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'ประกาศผล', exact: true }).click();
    await page.getByText('ประกาศผลแล้วเมื่อ', { exact: false }).waitFor();
    await h.screenshot(page, 'dl-committee-th');
    expect(await violations(page)).toEqual([]);

    const visitor = await h.newPage();
    await visitor.goto(`/digital-local/${YEAR}`);
    const card = visitor.getByRole('article').filter({ hasText: 'เทศบาลเมืองน่าน' });
    await card.getByText('น่านยื่นขออนุญาตก่อสร้างออนไลน์').waitFor();
    await card.getByText('ยอดเยี่ยม').waitFor();
    await card.getByText('น่าน', { exact: false }).first().waitFor();
    await h.screenshot(visitor, 'dl-winners-th');
    expect(await violations(visitor)).toEqual([]);

    const lao = await h.newPage();
    await signIn(lao, 'applicant@nan.go.th', PASSWORD);
    await lao.goto(`/digital-local/entry/${YEAR}`);
    const feedback = lao.getByTestId('entry-feedback');
    await feedback.getByText('3.75', { exact: false }).first().waitFor();
    await feedback.getByText('ความเห็นกรรมการสองต่อ problem').waitFor();
    await feedback.getByText('กรรมการหนึ่ง: ปัญหา').waitFor();
    // Judges are anonymised for the LAO.
    await feedback.getByRole('columnheader', { name: 'กรรมการคนที่ 1' }).waitFor();
    expect(await feedback.getByText('กรรมการ สอง').count()).toBe(0);
    await h.screenshot(lao, 'dl-feedback-th');
  });

  it('an admin sets up next year with field-level problems, and the server’s refusals show where they belong', async () => {
    const page = await h.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/digital-local/admin');
    await page.getByRole('link', { name: 'สร้างการประกวดปีใหม่' }).click();
    await page.getByRole('textbox', { name: 'ปี พ.ศ.' }).fill(String(YEAR + 1));
    const weight = page.locator('[data-criterion-form="problem"]').getByRole('textbox', { name: 'น้ำหนัก' });
    await weight.fill('0');
    await page.getByRole('button', { name: 'สร้างการประกวด' }).click();
    await page.getByTestId('setup-invalid').waitFor();
    // The engine's message, under the field it is about.
    await page.locator('[data-criterion-form="problem"]').getByText('น้ำหนักต้องเป็นจำนวนบวก').waitFor();
    await weight.fill('40');
    await page.getByRole('button', { name: 'สร้างการประกวด' }).click();
    await page.getByRole('tab', { name: 'ตั้งค่า', selected: true }).waitFor();
    await page.getByRole('heading', { level: 1, name: `รางวัลท้องถิ่นดิจิทัล ประจำปี ${YEAR + 1}` }).waitFor();
    const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const saved = await admin.get<{ config: ContestConfig }>(`/api/digital-local/contests/${YEAR + 1}`);
    expect(saved.config.rubric.criteria.map((c) => c.weight)).toEqual([40, 25, 25, 25]);

    // The announced year can no longer change: the server says so, in Thai, on the form.
    await page.goto(`/digital-local/admin/${YEAR}/setup`);
    await page.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await page.getByText('ผลการตัดสินได้รับการยืนยันแล้ว จึงแก้ไขการประกวดไม่ได้').waitFor();

    await page.getByRole('tab', { name: 'กรรมการ', exact: true }).click();
    await page.getByTestId('assignment-matrix').getByRole('checkbox', { name: 'มอบหมาย กรรมการ หนึ่ง ให้ผลงานของ เทศบาลเมืองน่าน' }).waitFor();
    expect(await page.getByTestId('assignment-matrix').getByRole('checkbox', { checked: true }).count()).toBe(2);
    await h.screenshot(page, 'dl-assignments-th');
  });

  it('a judge declares a conflict of interest on the judging page, finds it after a reload, and removes it', async () => {
    // A later contest with entries open and the Nan LAO's draft in it: the picker offers the contest's applicants.
    const later = YEAR + 5;
    const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.put(`/api/digital-local/contests/${later}`, {
      config: { ...defaultDigitalLocalContest(later), schedule: { entriesOpen: day(-30), entriesClose: day(60), judgingStart: day(61), judgingEnd: day(70), announcement: day(80) } },
    });
    const applicantId = (await h.database.db.selectFrom('app_user').select('id').where('email', '=', 'applicant@nan.go.th').executeTakeFirstOrThrow()).id;
    await h.database.db
      .insertInto('dl_entry')
      .values({ id: randomUUID(), contest_year: later, organisation_id: laoId, status: 'draft', sections: '{}', links: '[]', created_by: applicantId, created_at: new Date(), updated_by: applicantId, updated_at: new Date() })
      .execute();
    const page = await h.newPage();
    await signIn(page, 'judge2@example.org', PASSWORD);
    await page.goto('/digital-local/judging');
    const panel = page.getByTestId('declarations');
    await panel.getByText('ยังไม่ได้แจ้งความเกี่ยวข้อง').waitFor();
    await panel.getByText('ทั้งจังหวัด', { exact: true }).click();
    await panel.getByLabel('จังหวัด', { exact: true }).click();
    await panel.getByLabel('จังหวัด', { exact: true }).fill('น่าน');
    await page.getByRole('option', { name: 'น่าน', exact: true }).click();
    await panel.getByLabel('รายละเอียด (ถ้ามี)').fill('คู่สมรสทำงานที่จังหวัดน่าน');
    await panel.getByRole('button', { name: 'แจ้งความเกี่ยวข้อง' }).click();
    await panel.getByRole('cell', { name: 'จังหวัดน่าน', exact: true }).waitFor();
    // "Other": an applicant LAO of the contest, found by its abbreviation, and a written reason.
    await panel.getByText('อื่น ๆ (ระบุเหตุผล)', { exact: true }).click();
    await panel.getByLabel('เหตุผล (จำเป็น)').fill('ถือหุ้นในบริษัทผู้พัฒนาระบบของเทศบาล');
    expect(await panel.getByRole('button', { name: 'แจ้งความเกี่ยวข้อง' }).isDisabled()).toBe(true);
    await panel.getByLabel('องค์กรปกครองส่วนท้องถิ่น').fill('ทม.น่าน');
    await page.getByRole('option', { name: 'เทศบาลเมืองน่าน' }).click();
    await panel.getByRole('button', { name: 'แจ้งความเกี่ยวข้อง' }).click();
    await panel.getByRole('cell', { name: 'ถือหุ้นในบริษัทผู้พัฒนาระบบของเทศบาล', exact: true }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.reload();
    await panel.getByRole('cell', { name: 'คู่สมรสทำงานที่จังหวัดน่าน', exact: true }).waitFor();
    // Stored with the declarations the assignment reads.
    const judge2 = await apiSession(h.baseUrl, 'judge2@example.org', PASSWORD);
    const me = await judge2.get<{ declarations: { kind: string; provinceCode: string | null; note: string | null }[] }>('/api/digital-local/judges/me');
    // The server's clock stands still here: both were declared at the same instant, in either order.
    expect(me.declarations).toHaveLength(2);
    expect(me.declarations).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'province', provinceCode: '55', note: 'คู่สมรสทำงานที่จังหวัดน่าน' }),
      expect.objectContaining({ kind: 'other', organisation: expect.objectContaining({ id: laoId }), note: 'ถือหุ้นในบริษัทผู้พัฒนาระบบของเทศบาล' }),
    ]));
    await panel.getByRole('button', { name: 'ลบการแจ้ง จังหวัดน่าน' }).click();
    await panel.getByRole('button', { name: 'ลบการแจ้ง เทศบาลเมืองน่าน' }).click();
    await panel.getByText('ยังไม่ได้แจ้งความเกี่ยวข้อง').waitFor();
    expect((await judge2.get<{ declarations: unknown[] }>('/api/digital-local/judges/me')).declarations).toEqual([]);
    await h.screenshot(page, 'dl-judge-declarations-th');
  });

  it('an admin works the sign-up approval queue: rejects with a reason, then approves', async () => {
    const userId = await addUser('somying@gmail.com', 'สมหญิง สมัครเอง', 'lao_applicant', laoId);
    await h.database.db.insertInto('dl_applicant_approval').values({ user_id: userId, organisation_id: laoId, status: 'pending', auto_trusted: false, reason: null, requested_at: new Date(), decided_by: null, decided_at: null }).execute();
    const page = await h.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`/digital-local/admin/${YEAR}/applicants`);
    const queue = page.getByTestId('applicants');
    const row = queue.locator('[data-applicant="somying@gmail.com"]');
    await row.getByText('รอการอนุมัติ', { exact: true }).waitFor();
    await queue.getByText('รอการอนุมัติ (1)').waitFor();
    expect(await violations(page)).toEqual([]);
    await row.getByRole('button', { name: 'ไม่อนุมัติ somying@gmail.com' }).click();
    const dialog = page.getByRole('dialog', { name: 'ไม่อนุมัติ somying@gmail.com' });
    expect(await dialog.getByRole('button', { name: 'ไม่อนุมัติและแจ้งผู้สมัคร' }).isDisabled()).toBe(true);
    await dialog.getByLabel('เหตุผล').fill('ไม่พบชื่อในทำเนียบบุคลากรของเทศบาล');
    await dialog.getByRole('button', { name: 'ไม่อนุมัติและแจ้งผู้สมัคร' }).click();
    await queue.getByText('ไม่มีผู้สมัครรอการอนุมัติ').waitFor();
    await queue.getByText('ไม่อนุมัติ', { exact: true }).first().click();
    await row.getByText('ไม่พบชื่อในทำเนียบบุคลากรของเทศบาล').waitFor();
    await h.screenshot(page, 'dl-applicants-th');
    await row.getByRole('button', { name: 'อนุมัติ somying@gmail.com' }).click();
    await queue.getByText('ไม่มีผู้สมัครในรายการนี้').waitFor();
    const stored = await h.database.db.selectFrom('dl_applicant_approval').select(['status', 'reason']).where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'approved', reason: null });
    const mails = await h.database.db.selectFrom('outbox').select('kind').where('to_address', '=', 'somying@gmail.com').orderBy('created_at').execute();
    expect(mails.map((m) => m.kind)).toEqual(['dl-applicant-rejected', 'dl-applicant-approved']);
  });
});
