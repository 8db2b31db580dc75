// Results in the browser, in Thai: the admin scores an edition, the dashboard draws the province map and the charts,
// and an agency scorecard shows the same numbers as the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiSession, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';
import { createResultsData, type ResultsData } from '../helpers/results-data.js';
import { drainResultJobs } from '../../src/server/services/results-jobs.js';

let h: BrowserHarness;
let data: ResultsData;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-results-b-'));
  h = await startBrowserHarness({ DATA_DIR: dataDir });
  // Provincial units of a few provinces, so the map has several coloured provinces.
  data = await createResultsData({ db: h.database.db, config: h.config }, { n: 45, seed: 5 });
});

afterAll(async () => {
  await h?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('results in Thai', () => {
  it('the admin scores the edition; the dashboard draws the map and the charts; a scorecard matches the API', async () => {
    const page = await h.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'อีเมล' }).fill(ADMIN_EMAIL);
    await page.getByRole('textbox', { name: 'รหัสผ่าน', exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByRole('heading', { level: 1, name: /^สวัสดี/ }).waitFor();

    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ผลการประเมิน' }).click();
    await page.getByRole('heading', { level: 1, name: 'ผลการประเมิน' }).waitFor();
    await page.getByRole('link', { name: 'แดชบอร์ดวิเคราะห์' }).first().click();
    await page.getByText('ยังไม่มีการคำนวณคะแนน').waitFor();

    await page.getByRole('button', { name: 'คำนวณคะแนน' }).click();
    // The job runs in the worker; this test process plays the worker.
    let ran = 0;
    await expect.poll(async () => (ran += await drainResultJobs(data.ctx)), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByTestId('snapshots').getByText('#1').waitFor({ timeout: 30_000 });
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });

    // The province map: an SVG with one path per province at least (77 features) inside the map card.
    const mapCard = page.locator('[data-card="provinces"]');
    await mapCard.locator('svg path').nth(76).waitFor({ timeout: 20_000 });
    expect(await mapCard.locator('svg path').count()).toBeGreaterThanOrEqual(77);
    await mapCard.getByText('OCHA/HDX').waitFor();
    // The other charts draw SVG too.
    for (const card of ['means-level', 'stages-level', 'histogram', 'boxplot', 'rank-intervals']) {
      const svg = page.locator(`[data-card="${card}"] svg`).first();
      await svg.waitFor();
      expect(await page.locator(`[data-card="${card}"] svg path, [data-card="${card}"] svg rect`).count(), card).toBeGreaterThan(3);
    }
    // Every chart has a table view.
    await page.locator('[data-card="histogram"]').getByText('ตาราง').click();
    await page.locator('[data-card="histogram"]').getByRole('table').waitFor();
    await h.screenshot(page, 'results-dashboard-th');

    // One agency's scorecard, in Thai, equal to the API's numbers.
    const admin = await apiSession(h.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const oid = data.organisations[0]!;
    const sc = await admin.get<{ overall: number; stage: { name: { th: string } }; dimensions: { score: number }[]; rank: { rank: number; n: number } }>(`/api/editions/${data.editionId}/organisations/${oid}/scorecard`);
    await page.goto(`/results/${data.editionId}/organisations/${oid}`);
    await page.getByTestId('scorecard').waitFor();
    expect(await page.getByTestId('overall').textContent()).toBe(sc.overall.toFixed(2));
    expect(await page.getByTestId('stage').textContent()).toBe(sc.stage.name.th);
    expect(await page.getByTestId('rank').textContent()).toBe(`${sc.rank.rank} จาก ${sc.rank.n}`);
    const cells = await page.getByTestId('dimension-table').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(cells).toEqual(sc.dimensions.map((d) => d.score.toFixed(2)));
    await page.getByText('ข้อที่ควรพัฒนาเป็นลำดับแรก และข้อเสนอแนะ').waitFor();
    expect(await page.locator('[data-card="scorecard-dimensions"] svg rect, [data-card="scorecard-dimensions"] svg path').count()).toBeGreaterThan(6);
    await h.screenshot(page, 'results-scorecard-th');
  });
});
