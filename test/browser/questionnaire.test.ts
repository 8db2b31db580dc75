// The agency questionnaire in the browser: answer in Thai, reload and find every answer, attach evidence, use the
// checklist, complete, approve and submit as the head, see it locked, and reopen it as the admin with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultFramework, frameworkItems } from '../../src/engine/framework/default/index.js';
import type { Item } from '../../src/engine/framework/types.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';
import { apiLogin, openEditionFor, signIn, tinyPdf } from '../helpers/browser-questionnaire.js';

let h: BrowserHarness;
let eid = '';
let oid = '';
const COORD = { email: 'coord@dopa.go.th', password: 'coordinator-pass-1', name: 'สมศรี ประสานงาน', role: 'coordinator' } as const;
const HEAD = { email: 'cio@dopa.go.th', password: 'head-password-12', name: 'ประยุทธ ผู้บริหาร', role: 'head' } as const;

function item(page: Page, code: string) {
  return page.locator(`[data-item="${code}"]`);
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-status="saved"]').waitFor();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).count()).toBeGreaterThan(0);
}

/** Answers every visible scored question the quick way (through the API), as colleagues would have done. */
function bulkAnswers(skip: Set<string>): { item: string; value: unknown }[] {
  const out: { item: string; value: unknown }[] = [];
  for (const it of frameworkItems(defaultFramework) as Item[]) {
    if (skip.has(it.code) || it.kind === 'indicator' || it.kind === 'text') continue;
    if (it.visibleIf) continue; // every condition hangs on a "yes"; answering "no" keeps them hidden
    let value: unknown;
    if (it.kind === 'yes_no') value = false;
    else if (it.kind === 'single_choice') value = it.options[0]!.code;
    else if (it.kind === 'multi_choice') value = it.options.some((o) => o.code === 'none') ? ['none'] : [it.options[0]!.code];
    else value = it.min ?? 0;
    out.push({ item: it.code, value });
  }
  return out;
}

beforeAll(async () => {
  h = await startBrowserHarness();
  ({ eid, oid } = await openEditionFor(h, 'กรมการปกครอง', [COORD, HEAD]));
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('questionnaire', () => {
  it('is answered in Thai, survives a reload, takes evidence, is completed, approved, submitted, locked and reopened', async () => {
    const page = await h.newPage();
    await signIn(page, COORD.email, COORD.password);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'แบบสำรวจ' }).click();
    await page.getByRole('link', { name: 'เปิดแบบสำรวจ' }).click();
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /ยุทธศาสตร์ แผนดิจิทัล/ }).waitFor();

    // Answer five kinds of question, in Thai, with the keyboard where it is natural.
    await item(page, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).check();
    await item(page, 'P1.02').getByRole('checkbox', { name: 'เป้าหมายและตัวชี้วัดที่วัดผลได้' }).check();
    await item(page, 'P1.02').getByRole('checkbox', { name: 'โครงการ งบประมาณ และกรอบเวลา' }).check();
    await item(page, 'P1.03').getByRole('radio', { name: 'ติดตามอย่างน้อยปีละครั้งและรายงานผู้บริหาร' }).check();
    const pct = item(page, 'P1.04').getByRole('textbox');
    await pct.fill('150');
    await item(page, 'P1.04').getByText('ค่าต้องไม่เกิน 100').waitFor();
    await pct.fill('๘๕'); // Thai digits
    await expect.poll(() => item(page, 'P1.04').getByRole('alert').count()).toBe(0);
    const text = item(page, 'P1.07').getByRole('textbox');
    await text.click();
    await page.keyboard.type('ระบบสารบรรณอิเล็กทรอนิกส์ และระบบบริการประชาชนแบบเบ็ดเสร็จ');
    // "None of these" is exclusive.
    await item(page, 'P2.03').getByRole('checkbox', { name: 'ไม่มีข้อใดข้างต้น' }).check();
    await item(page, 'P2.03').getByRole('checkbox', { name: /Chief Data Officer/ }).check();
    expect(await item(page, 'P2.03').getByRole('checkbox', { name: 'ไม่มีข้อใดข้างต้น' }).isChecked()).toBe(false);
    // A conditional question appears only after "yes".
    expect(await item(page, 'P2.05').count()).toBe(0);
    await item(page, 'P2.04').getByRole('radio', { name: 'ใช่ / มี' }).check();
    await item(page, 'P2.05').getByRole('textbox').fill('42');
    await waitSaved(page);
    await h.screenshot(page, 'questionnaire-answered-th');

    // Reload mid-way: every answer is there.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'กรมการปกครอง' }).waitFor();
    expect(await item(page, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).isChecked()).toBe(true);
    expect(await item(page, 'P1.02').getByRole('checkbox', { name: 'เป้าหมายและตัวชี้วัดที่วัดผลได้' }).isChecked()).toBe(true);
    expect(await item(page, 'P1.02').getByRole('checkbox', { name: 'โครงการ งบประมาณ และกรอบเวลา' }).isChecked()).toBe(true);
    expect(await item(page, 'P1.02').getByRole('checkbox', { name: 'ผู้รับผิดชอบแต่ละโครงการ' }).isChecked()).toBe(false);
    expect(await item(page, 'P1.03').getByRole('radio', { name: 'ติดตามอย่างน้อยปีละครั้งและรายงานผู้บริหาร' }).isChecked()).toBe(true);
    expect(await item(page, 'P1.04').getByRole('textbox').inputValue()).toBe('85');
    expect(await item(page, 'P1.07').getByRole('textbox').inputValue()).toBe('ระบบสารบรรณอิเล็กทรอนิกส์ และระบบบริการประชาชนแบบเบ็ดเสร็จ');
    expect(await item(page, 'P2.03').getByRole('checkbox', { name: /Chief Data Officer/ }).isChecked()).toBe(true);
    expect(await item(page, 'P2.05').getByRole('textbox').inputValue()).toBe('42');
    await item(page, 'P1.01').getByText(`แก้ไขล่าสุดโดย ${COORD.name}`, { exact: false }).waitFor();

    // Evidence: a real PDF through the file chooser; a refused type shows the server's Thai message.
    const chooser = page.waitForEvent('filechooser');
    await item(page, 'P1.01').getByRole('button', { name: 'เลือกไฟล์' }).click();
    await (await chooser).setFiles({ name: 'แผนปฏิบัติการดิจิทัล-2569.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await item(page, 'P1.01').getByRole('link', { name: 'แผนปฏิบัติการดิจิทัล-2569.pdf' }).waitFor();
    await item(page, 'P1.01')
      .locator('input[type=file]')
      .setInputFiles({ name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 not really a pdf', 'latin1') });
    await item(page, 'P1.01').getByText(/อัปโหลด virus\.pdf ไม่สำเร็จ: ไม่รับไฟล์ประเภทนี้/).waitFor();
    await h.screenshot(page, 'questionnaire-evidence-th');

    // "Next unanswered" and the checklist both take the keyboard focus to the question.
    const focusedItem = () => page.evaluate<string | null>(`document.activeElement?.closest('[data-item]')?.getAttribute('data-item') ?? null`);
    await page.getByRole('button', { name: 'ไปข้อที่ยังไม่ได้ตอบ' }).click();
    await expect.poll(focusedItem).toBe('P1.05');
    await page.getByRole('button', { name: 'ตรวจสอบก่อนส่ง' }).click();
    const checklist = page.getByTestId('checklist');
    await checklist.getByText(/ยังไม่ได้ตอบ \d+ ข้อ/).waitFor();
    await checklist.getByRole('button', { name: /^C1\.01/ }).click();
    await expect.poll(focusedItem).toBe('C1.01');

    // Colleagues answer the rest (through the API), then the coordinator reloads and completes.
    const coord = await apiLogin(h, COORD.email, COORD.password);
    const skip = new Set(['P1.01', 'P1.02', 'P1.03', 'P1.04', 'P2.03', 'P2.04', 'P2.05']);
    const changes = bulkAnswers(skip).map((c, i) => ({ ...c, baseVersion: 0, requestId: `bulk-${i}` }));
    const put = await fetch(`${h.baseUrl}/api/editions/${eid}/organisations/${oid}/answers`, {
      method: 'PUT',
      headers: { cookie: coord.cookie, 'x-csrf-token': coord.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ changes }),
    });
    expect(put.status).toBe(200);
    const list = (await (
      await fetch(`${h.baseUrl}/api/editions/${eid}/organisations/${oid}/checklist`, { headers: { cookie: coord.cookie } })
    ).json()) as { missingEvidence: string[] };
    for (const code of list.missingEvidence) {
      const form = new FormData();
      form.append('item', code);
      form.append('file', new Blob([tinyPdf()], { type: 'application/pdf' }), `หลักฐาน-${code}.pdf`);
      const r = await fetch(`${h.baseUrl}/api/editions/${eid}/organisations/${oid}/evidence`, { method: 'POST', headers: { cookie: coord.cookie, 'x-csrf-token': coord.csrf }, body: form });
      expect(r.status).toBe(201);
    }
    await page.reload();
    await page.getByRole('button', { name: 'ยืนยันว่าตอบครบ' }).click();
    const dialog = page.getByRole('dialog', { name: 'ยืนยันว่าตอบครบ' });
    await dialog.getByTestId('checklist-complete').waitFor();
    await dialog.getByRole('button', { name: 'ยืนยันว่าตอบครบ' }).click();
    await page.getByText('ยืนยันแล้ว แจ้งผู้บริหารเพื่ออนุมัติและส่ง').waitFor();
    await page.getByText('ตอบครบแล้ว รอผู้บริหารอนุมัติ').first().waitFor();

    // The head approves and submits; everything is locked.
    const head = await h.newPage();
    await signIn(head, HEAD.email, HEAD.password);
    await head.goto(`/survey/${eid}`);
    await head.getByRole('button', { name: 'อนุมัติและส่ง' }).click();
    const submit = head.getByRole('dialog', { name: 'อนุมัติและส่งแบบสำรวจ' });
    await submit.getByRole('checkbox', { name: 'ข้าพเจ้าได้ตรวจสอบคำตอบแล้วและอนุมัติให้ส่ง' }).check();
    await submit.getByRole('button', { name: 'อนุมัติและส่ง' }).click();
    await head.getByTestId('submitted-banner').waitFor();
    expect(await item(head, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).isDisabled()).toBe(true);

    await page.reload();
    await page.getByTestId('submitted-banner').waitFor();
    expect(await item(page, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).isChecked()).toBe(true);
    expect(await item(page, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).isDisabled()).toBe(true);
    expect(await item(page, 'P1.04').getByRole('textbox').getAttribute('readonly')).not.toBeNull();
    expect(await item(page, 'P1.01').getByRole('button', { name: 'เลือกไฟล์' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'ยืนยันว่าตอบครบ' }).count()).toBe(0);
    await item(page, 'P1.01').getByRole('link', { name: 'แผนปฏิบัติการดิจิทัล-2569.pdf' }).waitFor();
    await h.screenshot(page, 'questionnaire-submitted-th');

    // An admin reopens it with a reason; the coordinator sees the reason and can answer again.
    const admin = await h.newPage();
    await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.goto(`/survey/${eid}/${oid}`);
    await admin.getByTestId('submitted-banner').waitFor();
    await admin.getByRole('button', { name: 'เปิดให้แก้ไขอีกครั้ง' }).click();
    const reopen = admin.getByRole('dialog', { name: 'เปิดให้หน่วยงานแก้ไขอีกครั้ง' });
    await reopen.getByRole('textbox', { name: 'เหตุผล' }).fill('หลักฐานข้อ P1.01 ไม่ใช่ฉบับที่ลงนาม');
    await reopen.getByRole('button', { name: 'เปิดให้แก้ไขอีกครั้ง' }).click();
    await admin.getByText('เปิดให้หน่วยงานแก้ไขอีกครั้งแล้ว').waitFor();
    await page.reload();
    await page.getByText('ผู้ดูแลเปิดให้แก้ไขอีกครั้ง เหตุผล: หลักฐานข้อ P1.01 ไม่ใช่ฉบับที่ลงนาม').waitFor();
    expect(await item(page, 'P1.01').getByRole('radio', { name: 'ใช่ / มี' }).isDisabled()).toBe(false);
  }, 240_000);
});
