// Awards journey on the demo data: an admin computes, reviews, overrides a winner (refused without a reason, then with
// one), approves and announces; the certificate of a winner then checks as valid on the public page, without a session,
// and as revoked (with date and reason) once an admin revokes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { sequentialIds, systemClock } from '../../src/server/clock.js';
import { DEMO_PASSWORD, loadDemo } from '../../src/server/services/demo-loader.js';
import type { AwardSet } from '../../src/engine/awards/category.js';
import { apiSession, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';
import { TINY_PDF } from '../helpers/results-data.js';

let h: BrowserHarness;
let editionId: string;
let currentEditionId: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  const r = await loadDemo({ config: h.config, db: h.database.db, clock: systemClock, ids: sequentialIds('00000000-0000-4000-9000-') }, { limitPerLevel: 25 });
  if (!r.loaded) throw new Error(`demo not loaded: ${r.reason}`);
  // 2561: the demo announces the 2562 awards itself (src/server/services/awards-demo.ts), so this journey starts on the
  // edition before, where nothing is computed yet.
  editionId = r.editions!.find((e) => e.yearBe === 2561)!.id;
  currentEditionId = r.editions!.find((e) => e.yearBe === 2563)!.id;
}, 600_000);

afterAll(async () => {
  await h?.close();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'อีเมล' }).fill(email);
  await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('awards', () => {
  let code = '';
  let recipient = '';

  it('an admin overrides a winner only with a written reason, then approves and announces', async () => {
    const page = await h.newPage();
    await signIn(page, 'demo.admin@dga.local');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'รางวัลรัฐบาลดิจิทัล' }).click();
    await page.locator(`a[href="/awards/${editionId}"]`).click();
    const categories = page.getByTestId('award-categories');
    await categories.waitFor();
    // Nothing computed yet; computing fills every rule category.
    await categories.getByText('ยังไม่คำนวณ').first().waitFor();
    await page.getByRole('button', { name: 'คำนวณผลรางวัล' }).click();
    await page.getByRole('status').getByText(/^คำนวณใหม่ 6 ประเภท/).waitFor({ timeout: 120_000 });
    expect(await categories.getByText('คำนวณแล้ว').count()).toBe(6);

    await categories.getByRole('link', { name: 'รางวัลรัฐบาลดิจิทัล (คะแนนความพร้อมสูงสุด)' }).click();
    await page.getByRole('heading', { level: 1, name: 'รางวัลรัฐบาลดิจิทัล (คะแนนความพร้อมสูงสุด)' }).waitFor();
    await h.screenshot(page, 'awards-decision-computed');
    expect(await violations(page)).toEqual([]);
    // Every winner row shows its value, and rank intervals are drawn where the robustness run gave them.
    const service = page.getByTestId('decision-table-department_service');
    const winners = service.locator('tr[data-won="true"]');
    expect(await winners.count()).toBeGreaterThan(0);
    expect(await page.locator('svg[data-interval]').count()).toBeGreaterThan(0);

    // Override buttons appear only once the committee has reviewed.
    expect(await page.getByRole('button', { name: /^ถอนรางวัล/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'บันทึกว่าพิจารณาแล้ว' }).click();
    const reviewDialog = page.getByRole('dialog', { name: 'บันทึกว่าพิจารณาแล้ว' });
    await reviewDialog.getByRole('button', { name: 'บันทึกว่าพิจารณาแล้ว' }).click();
    await reviewDialog.waitFor({ state: 'detached' });
    await page.locator('[data-state="reviewed"]').first().waitFor();

    // Remove the first winner of the department_service group: refused while the reason is empty or blank.
    const first = winners.first();
    const orgId = (await first.getAttribute('data-org'))!;
    recipient = (await first.locator('td').nth(1).locator('p').first().textContent())!.trim();
    await first.getByRole('button', { name: /^ถอนรางวัล/ }).click();
    const dialog = page.getByRole('dialog', { name: 'ถอนผู้ได้รับรางวัล' });
    const save = dialog.getByRole('button', { name: 'บันทึกการแก้ไข' });
    expect(await save.isDisabled()).toBe(true);
    await dialog.getByText('ต้องเขียนเหตุผลก่อนจึงจะบันทึกได้').waitFor();
    await dialog.getByRole('textbox', { name: /เหตุผลของคณะกรรมการ/ }).fill('   ');
    await save.click();
    await dialog.getByRole('alert').getByText('การเพิ่มหรือถอนผู้ได้รับรางวัลต้องมีเหตุผลเป็นลายลักษณ์อักษร').waitFor();
    await h.screenshot(page, 'awards-override-refused');
    expect(await page.locator(`tr[data-org="${orgId}"][data-won="true"]`).count()).toBe(1);

    const reason = 'หน่วยงานอยู่ระหว่างการสอบสวนเรื่องข้อมูลหลักฐาน คณะกรรมการมีมติให้ถอน';
    await dialog.getByRole('textbox', { name: /เหตุผลของคณะกรรมการ/ }).fill(reason);
    await save.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('overrides').getByText(reason).waitFor();
    await service.locator(`tr[data-org="${orgId}"][data-won="false"]`).getByText('คณะกรรมการถอน').waitFor();
    await page.getByTestId('decision-history').getByText(reason, { exact: false }).waitFor();

    // Approve (acknowledging any knife-edge group), then announce.
    await page.getByRole('button', { name: 'อนุมัติผล' }).click();
    const approve = page.getByRole('dialog', { name: 'อนุมัติผล' });
    for (const box of await approve.getByRole('checkbox').all()) await box.check();
    await approve.getByRole('button', { name: 'อนุมัติผล' }).click();
    await approve.waitFor({ state: 'detached' });
    await page.locator('[data-state="approved"]').first().waitFor();
    await page.getByRole('button', { name: 'ประกาศผล' }).click();
    const announce = page.getByRole('dialog', { name: 'ประกาศผล' });
    await announce.getByRole('button', { name: 'ประกาศผล' }).click();
    await announce.waitFor({ state: 'detached' });
    await page.locator('[data-state="announced"]').first().waitFor();
    expect(await page.getByRole('button', { name: /^ถอนรางวัล|^เพิ่มเป็นผู้ได้รับรางวัล/ }).count()).toBe(0);
    await h.screenshot(page, 'awards-decision-announced');

    // The removed agency has no certificate; every final winner has one, downloadable as a PDF.
    await page.goto(`/awards/${editionId}/certificates`);
    const table = page.getByTestId('certificates');
    await table.waitFor();
    expect(await table.getByText(recipient, { exact: true }).count()).toBe(0);
    const row = table.locator('tr[data-code]').first();
    code = (await row.getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    recipient = (await row.locator('td').nth(1).textContent())!.trim();
    const pdf = await page.request.get(`/api/awards/certificates/${code}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the public page shows an issued certificate as valid, and an unknown code as not found', async () => {
    const page = await h.newPage();
    await page.goto(`/verify/${code}`);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await page.getByTestId('verify-status').textContent()).toBe('เกียรติบัตรถูกต้อง');
    expect(await page.getByTestId('verify-recipient').textContent()).toBe(recipient);
    await result.getByText('รางวัลรัฐบาลดิจิทัล (คะแนนความพร้อมสูงสุด)').waitFor();
    await result.getByText('ประจำปี พ.ศ. 2561').waitFor();
    await h.screenshot(page, 'verify-valid-th');
    expect(await violations(page)).toEqual([]);

    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('verify-status').getByText('Valid certificate').waitFor();
    await result.getByText('2018 (B.E. 2561)').waitFor();

    await page.getByRole('textbox', { name: 'Verification code' }).fill('ABCDEFGHJKLM');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('verify-not-found').getByText('No certificate has the code ABCDEFGHJKLM', { exact: false }).waitFor();
    expect(await page.getByTestId('verify-result').count()).toBe(0);
  });

  it('an admin revokes the certificate with a reason; the public page then says revoked, when and why, in Thai and English', async () => {
    const page = await h.newPage();
    await signIn(page, 'demo.admin@dga.local');
    await page.goto(`/awards/${editionId}/certificates`);
    const row = page.getByTestId('certificates').locator(`tr[data-code="${code}"]`);
    await row.getByRole('button', { name: `เพิกถอน ${code}` }).click();
    const dialog = page.getByRole('dialog', { name: `เพิกถอนเกียรติบัตร ${code}` });
    // Without a reason the server refuses and says so under the field; nothing is revoked.
    await dialog.getByRole('textbox', { name: 'เหตุผล (ภาษาไทย)' }).fill('   ');
    await dialog.getByRole('button', { name: 'ยืนยันการเพิกถอน' }).click();
    await dialog.getByText('ต้องระบุเหตุผลการเพิกถอน').waitFor();
    const reason = 'ถอนรางวัลหลังตรวจพบว่าข้อมูลที่ส่งไม่ถูกต้อง';
    await dialog.getByRole('textbox', { name: 'เหตุผล (ภาษาไทย)' }).fill(reason);
    await dialog.getByRole('textbox', { name: 'เหตุผล (ภาษาอังกฤษ ไม่บังคับ)' }).fill('Award withdrawn after a finding of incorrect data');
    await dialog.getByRole('button', { name: 'ยืนยันการเพิกถอน' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('certificate-revoked').waitFor();
    expect(await row.getByRole('link', { name: 'PDF' }).count()).toBe(0);

    const pub = await h.newPage();
    await pub.goto(`/verify/${code}`);
    const result = pub.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('revoked');
    expect(await pub.getByTestId('verify-status').textContent()).toBe('ถูกเพิกถอน');
    expect(await pub.getByTestId('verify-revoke-reason').textContent()).toBe(reason);
    await pub.getByTestId('verify-revocation').getByText(/^เพิกถอนเมื่อ /).waitFor();
    expect(await pub.getByText('เกียรติบัตรถูกต้อง').count()).toBe(0);
    await h.screenshot(pub, 'verify-revoked-th');
    expect(await violations(pub)).toEqual([]);
    await pub.getByText('English', { exact: true }).click();
    await pub.getByTestId('verify-status').getByText('Revoked').waitFor();
    await pub.getByTestId('verify-revoke-reason').getByText('Award withdrawn after a finding of incorrect data').waitFor();
    await pub.getByTestId('verify-revocation').getByText(/^Revoked on /).waitFor();
  });

  it("the award-set editor shows the API's field-level problems, then saves a new version", async () => {
    const page = await h.newPage();
    await signIn(page, 'demo.admin@dga.local');
    await page.goto(`/awards/${editionId}/rollup`);
    await page.getByTestId('total-awards').waitFor();
    await h.screenshot(page, 'awards-rollup');

    await page.goto(`/awards/${editionId}/set`);
    await page.getByRole('heading', { level: 1, name: 'เกณฑ์รางวัลของปีนี้' }).waitFor();
    await page.getByText('ยังไม่ได้บันทึกเกณฑ์ของปีนี้', { exact: false }).waitFor();
    // The first category is the Digital Government Award: top 10 and a floor of 60 on the 0–100 scale.
    const topN = page.getByRole('textbox', { name: 'จำนวนผู้ได้รับรางวัลสูงสุด (top N)' }).first();
    expect(await topN.inputValue()).toBe('10');
    const nameTh = page.getByRole('textbox', { name: 'ชื่อรางวัล (ไทย)' });
    const title = await nameTh.inputValue();
    await nameTh.fill('');
    const floor = page.getByRole('textbox', { name: 'เกณฑ์ขั้นต่ำ' }).first();
    await floor.fill('150');
    await page.getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }).click();
    const problems = page.getByTestId('set-errors');
    await problems.getByText('ต้องมีชื่อทั้งภาษาไทยและภาษาอังกฤษ', { exact: false }).waitFor();
    await problems.getByText('เกณฑ์ขั้นต่ำต้องอยู่ระหว่าง 0 ถึง 100', { exact: false }).waitFor();
    // The same messages sit under the fields themselves, and the category is marked in the list.
    expect(await nameTh.getAttribute('aria-invalid')).toBe('true');
    expect(await floor.getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('category-list').getByText('2', { exact: true }).waitFor();
    await h.screenshot(page, 'awards-set-errors');
    expect(await violations(page)).toEqual([]);

    await nameTh.fill(title);
    await topN.fill('8');
    await floor.fill('65');
    await page.getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }).click();
    await page.getByRole('status').getByText('บันทึกแล้วเป็นฉบับที่ 1').waitFor();
    await page.getByTestId('set-versions').getByText('2561.1').waitFor();
    expect(await page.getByTestId('set-errors').count()).toBe(0);

    // A committee category's nominations deadline is typed in Thailand time; one before the edition opens is refused
    // under the field, a later one is saved and reads back the same after a reload.
    const committee = () => page.getByTestId('category-list').getByText('digital_leader', { exact: false });
    const closes = page.getByLabel('ปิดรับการเสนอชื่อ (เวลาประเทศไทย)');
    await committee().click();
    await closes.fill('2000-01-01T09:00');
    await page.getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }).click();
    await problems.getByText('วันปิดรับการเสนอชื่อต้องอยู่หลังวันเปิดรอบการสำรวจ', { exact: false }).waitFor();
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    await closes.fill('2099-07-31T16:30');
    await page.getByRole('button', { name: 'บันทึกเป็นฉบับใหม่' }).click();
    await page.getByRole('status').getByText('บันทึกแล้วเป็นฉบับที่ 2').waitFor();
    await page.reload();
    await committee().click();
    expect(await closes.inputValue()).toBe('2099-07-31T16:30');
    await page.getByTestId('category-list').getByText(title, { exact: true }).click();

    // In English the same editor reads in English.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Award rules of this edition' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Number of winners (top N)' }).first().inputValue()).toBe('8');
  });

  it('an agency head nominates with evidence, the assigned judge scores, the admin records and announces the committee decision', async () => {
    // One judge suffices for this edition's leader award (the default asks for three).
    const api = await apiSession(h.baseUrl, 'demo.admin@dga.local', DEMO_PASSWORD);
    const set = await api.get<{ definition: AwardSet; version: number | null }>(`/api/awards/editions/${currentEditionId}/set`);
    const definition = { ...set.definition, categories: set.definition.categories.map((c) => (c.type === 'committee' ? { ...c, minJudges: 1 } : c)) };
    await api.put(`/api/awards/editions/${currentEditionId}/set`, { definition, baseVersion: set.version });

    const head = await h.newPage();
    await signIn(head, 'head.dlt@demo.dga.local');
    await head.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'เสนอชื่อรางวัล' }).click();
    await head.getByRole('heading', { level: 2, name: 'รางวัลผู้นำองค์กรดิจิทัลดีเด่น' }).waitFor();
    await head.getByRole('textbox', { name: 'ชื่อ-นามสกุล (ไทย)' }).fill('นางสาวสมหญิง ใจดี');
    await head.getByRole('textbox', { name: 'ตำแหน่ง (ไทย)' }).fill('อธิบดีกรมการขนส่งทางบก');
    await head.getByRole('textbox', { name: 'คำบรรยายผลงาน' }).fill('ผลักดันการให้บริการต่อภาษีรถยนต์ออนไลน์ครบทุกจังหวัด');
    await head.getByRole('button', { name: 'บันทึกการเสนอชื่อ' }).click();
    const card = head.locator('[data-nomination]');
    await card.getByText('นางสาวสมหญิง ใจดี').waitFor();
    await card.locator('input[type="file"]').setInputFiles({ name: 'ผลงาน.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await card.getByRole('link', { name: 'ผลงาน.pdf' }).waitFor();
    expect(await violations(head)).toEqual([]);

    // The admin assigns the demo judge.
    const admin = await h.newPage();
    await signIn(admin, 'demo.admin@dga.local');
    await admin.goto(`/awards/${currentEditionId}/committee/digital_leader`);
    await admin.getByRole('tab', { name: /การเสนอชื่อ/ }).click();
    const nomination = admin.locator('[data-nomination]');
    await nomination.getByText('นางสาวสมหญิง ใจดี').waitFor();
    await nomination.getByLabel('มอบหมายกรรมการ').click();
    await admin.getByRole('option', { name: /demo\.judge@dga\.local/ }).click();
    await nomination.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await nomination.getByText(/ให้คะแนนแล้ว 0 เกณฑ์/).waitFor();

    // The judge sees the nomination and its evidence, and scores every criterion.
    const judge = await h.newPage();
    await signIn(judge, 'demo.judge@dga.local');
    // The judge starts from their list of editions with nominations assigned to them.
    await judge.goto('/judging');
    const open = judge.locator(`a[href="/judging/${currentEditionId}"]`);
    await judge.locator('.mantine-Card-root', { has: open }).getByText('ให้คะแนนแล้ว 0 จาก 1').waitFor();
    await open.click();
    const sheet = judge.locator('[data-nomination]');
    await sheet.getByText('นางสาวสมหญิง ใจดี').waitFor();
    await sheet.getByRole('link', { name: 'ผลงาน.pdf' }).waitFor();
    for (const [label, score] of [
      ['วิสัยทัศน์และนโยบายด้านดิจิทัล', '8'],
      ['การขับเคลื่อนการเปลี่ยนแปลงองค์กร', '7'],
      ['ผลลัพธ์ต่อประชาชนและการให้บริการ', '9'],
      ['การพัฒนาบุคลากรและการใช้ข้อมูล', '6'],
    ] as const)
      await sheet.getByRole('textbox', { name: label }).fill(score);
    await sheet.getByRole('button', { name: 'บันทึกคะแนน' }).click();
    await sheet.getByText('ให้คะแนนครบทุกเกณฑ์แล้ว').waitFor();

    // The admin sees the weighted score (0.3·8 + 0.3·7 + 0.25·9 + 0.15·6 = 7.65 of 10 → 76.50), records and announces.
    await admin.reload();
    await admin.getByRole('tab', { name: 'คะแนนของคณะกรรมการ' }).click();
    await admin.getByTestId('committee-ranking').getByRole('cell', { name: '76.50', exact: true }).waitFor();
    await admin.getByRole('tab', { name: 'ผลการตัดสิน' }).click();
    await admin.getByRole('checkbox', { name: /นางสาวสมหญิง ใจดี/ }).check();
    await admin.getByRole('button', { name: 'บันทึกผลการตัดสิน' }).click();
    await admin.getByRole('alert').waitFor();
    await admin.getByRole('textbox', { name: /เหตุผลที่ นางสาวสมหญิง ใจดี ได้รับรางวัล/ }).fill('คะแนนสูงสุดและผลลัพธ์ต่อประชาชนชัดเจน');
    await admin.getByRole('button', { name: 'บันทึกผลการตัดสิน' }).click();
    await admin.getByTestId('committee-winners').getByText('คะแนนสูงสุดและผลลัพธ์ต่อประชาชนชัดเจน').waitFor();
    await admin.getByRole('button', { name: 'ประกาศผล' }).click();
    const confirm = admin.getByRole('dialog', { name: 'ประกาศผล' });
    await confirm.getByRole('button', { name: 'ประกาศผล' }).click();
    await confirm.waitFor({ state: 'detached' });
    await admin.locator('[data-state="announced"]').waitFor();

    // The agency sees its award and certificate.
    await head.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'รางวัลของหน่วยงาน' }).click();
    // (The demo's own 2562 awards may be listed too; this one is the 2563 leader award.)
    await head.getByTestId('certificates').locator('tr', { hasText: 'นางสาวสมหญิง ใจดี' }).getByText('รางวัลผู้นำองค์กรดิจิทัลดีเด่น').waitFor();
    await h.screenshot(head, 'awards-my-awards');
    // …and the year's announced results, the leader award among them.
    await head.getByRole('link', { name: 'พ.ศ. 2563' }).click();
    await head.getByTestId('rollup-category').getByText('รางวัลผู้นำองค์กรดิจิทัลดีเด่น').waitFor();
  });
});
