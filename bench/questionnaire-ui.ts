// Questionnaire UI benchmark in Chromium: time until the 150-question form is usable, and latency per click and keystroke.
//
//   npx tsx bench/questionnaire-ui.ts [--runs 7] [--latency 0]
//
// The built UI (dist/web) is served with a stand-in API (bench/questionnaire-mock.ts) answering the default
// 150-item framework, so the figures measure the browser side: download, parse, React render, first input.
// "Interactive" = navigation start → the first number field is focusable and a typed digit shows in it and reaches
// the autosave queue. Each load uses a fresh browser context (cold HTTP cache, like a first visit).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startMockServer } from './questionnaire-mock.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const RUNS = Number(arg('runs', '7'));
const LATENCY = Number(arg('latency', '0'));
// A private build: dist/web may be rebuilt (emptied) by a concurrent test run at any moment.
const webRoot = path.join(os.tmpdir(), `dgr-bench-web-${process.pid}`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const ms = (x: number) => `${x.toFixed(0)} ms`;
const ms1 = (x: number) => `${x.toFixed(1)} ms`;

/** Records, in the page, each input event's timestamp → the next frame after it was handled. */
const LATENCY_PROBE = `
  window.__lat = [];
  for (const type of ['click', 'input']) {
    document.addEventListener(type, (e) => {
      const start = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__lat.push({ type, ms: performance.now() - start }), 0));
    }, true);
  }
  window.__firstItemAt = null;
  window.__interactiveAt = null;
  // In-page probe, free of automation round trips: as soon as a number field exists, focus it, type a digit the way
  // the browser delivers it (value + input event) and check that the form took it (value kept, autosave queued).
  const probe = () => {
    const el = document.querySelector('[data-kind="number"] input');
    if (!el) return false;
    if (window.__firstItemAt === null) window.__firstItemAt = performance.now();
    el.focus();
    if (document.activeElement !== el) return false;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, '7');
    el.dispatchEvent(new Event('input', { bubbles: true }));
    if (el.value !== '7' || !document.querySelector('[data-save-status="saving"]')) return false;
    window.__interactiveAt = performance.now();
    performance.mark('dgr-probe-interactive');
    return true;
  };
  new MutationObserver((_, obs) => {
    if (probe()) obs.disconnect();
  }).observe(document, { childList: true, subtree: true });
`;

interface Load {
  /** In-page: the first number field took a typed digit. */
  inPage: number;
  /** Main-thread CPU time of the page from navigation start to that moment (from a Chromium trace). */
  cpuToInteractive: number;
  /** The same up to the questionnaire data being in hand (shell start-up, session, code loading). */
  cpuToData: number;
  interactive: number;
  firstItem: number;
  fcp: number;
  items: number;
  marks: Record<string, number>;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * CPU time the renderer's main thread spent between navigation start and the interactive mark. On a machine shared
 * with other work, wall-clock figures stretch with the load; this one does not, and on an idle machine the wall time
 * to interactive is close to it (loopback network, and a stand-in API that answers in about a millisecond).
 */
function mainThreadCpu(events: TraceEvent[], endMark = 'dgr-probe-interactive'): number {
  const mark = events.find((e) => e.name === endMark);
  if (!mark) return NaN;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? mark.tid;
  const nav = events.filter((e) => e.pid === mark.pid && e.name === 'navigationStart' && e.ts <= mark.ts).sort((a, b) => b.ts - a.ts)[0];
  const start = nav?.ts ?? 0;
  let cpu = 0;
  for (const e of events) {
    if (e.pid !== mark.pid || e.tid !== tid || e.ph !== 'X' || !e.dur || e.tdur === undefined) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const from = Math.max(e.ts, start);
    const to = Math.min(e.ts + e.dur, mark.ts);
    if (to <= from) continue;
    cpu += e.tdur * ((to - from) / e.dur);
  }
  return cpu / 1000;
}

async function loadOnce(browserUrl: string, page: Page): Promise<Load> {
  await page.context().browser()!.startTracing(page, { categories: ['toplevel', 'blink.user_timing', '__metadata'] });
  await page.goto(`${browserUrl}/survey/E2569`, { waitUntil: 'commit' });
  await page.waitForFunction('window.__interactiveAt !== null', undefined, { timeout: 30_000 });
  const inPage = await page.evaluate<number>('window.__interactiveAt');
  const trace = JSON.parse((await page.context().browser()!.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const cpuToInteractive = mainThreadCpu(trace.traceEvents);
  const cpuToData = mainThreadCpu(trace.traceEvents, 'dgr-q-data');
  // End to end through the automation protocol as well (adds its round trips): real key presses.
  const input = page.locator('[data-kind="number"] input').first();
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('8');
  await page.waitForFunction(
    `document.querySelector('[data-kind="number"] input')?.value === '8' && document.querySelector('[data-save-status="saving"], [data-save-status="saved"]') !== null`,
    undefined,
    { polling: 'raf' },
  );
  const interactive = await page.evaluate(() => performance.now());
  const firstItem = (await page.evaluate<number>('window.__firstItemAt')) ?? NaN;
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  await page.waitForFunction(`performance.getEntriesByName('dgr-q-all-rendered').length > 0`);
  const items = await page.locator('[data-item]').count();
  const marks = await page.evaluate<Record<string, number>>(
    `Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('dgr-q-')).map((m) => [m.name, m.startTime]))`,
  );
  const nav = await page.evaluate<Record<string, number>>(
    `(() => { const n = performance.getEntriesByType('navigation')[0]; return { domContentLoaded: n.domContentLoadedEventEnd }; })()`,
  );
  return { inPage, cpuToInteractive, cpuToData, interactive, firstItem, fcp, items, marks: { ...marks, ...nav } };
}

async function main() {
  process.stdout.write('building the web UI (vite build)… ');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', webRoot, '--emptyOutDir', '--sourcemap', 'false'], {
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  console.log('done');
  const jsBytes = fs
    .readdirSync(path.join(webRoot, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ f, size: fs.statSync(path.join(webRoot, 'assets', f)).size }));
  const qChunk = jsBytes.filter((x) => /^Questionnaire(Page)?-/.test(x.f)).reduce((a, x) => a + x.size, 0);
  const entry = jsBytes.filter((x) => /^index-/.test(x.f)).reduce((a, x) => a + x.size, 0);

  const server = await startMockServer({ webRoot, answered: 0.3, latencyMs: LATENCY });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const loads: Load[] = [];
    // One warm-up load (the OS file cache, Chromium's code cache start cold on a fresh machine).
    for (let i = 0; i < RUNS + 1; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await ctx.newPage();
      await page.addInitScript(LATENCY_PROBE);
      const r = await loadOnce(server.url, page);
      if (i > 0) loads.push(r);
      await ctx.close();
    }

    // Clicks and keystrokes on one loaded page.
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript(LATENCY_PROBE);
    await loadOnce(server.url, page);
    await page.evaluate('window.__lat = []');
    const radios = page.locator('[data-kind="yes_no"][data-editable] input[type="radio"]');
    const nRadios = Math.min(40, await radios.count());
    for (let i = 0; i < nRadios; i++) {
      const r = radios.nth(i);
      await r.scrollIntoViewIfNeeded();
      await r.click();
      await page.waitForTimeout(30);
    }
    const checks = page.locator('[data-kind="multi_choice"][data-editable] input[type="checkbox"]');
    const nChecks = Math.min(30, await checks.count());
    for (let i = 0; i < nChecks; i++) {
      const c = checks.nth(i);
      await c.scrollIntoViewIfNeeded();
      await c.click();
      await page.waitForTimeout(30);
    }
    const text = page.locator('[data-kind="text"][data-editable] textarea, [data-kind="text"][data-editable] input').first();
    await text.scrollIntoViewIfNeeded();
    await text.click();
    await page.keyboard.type('หน่วยงานมีการใช้ระบบสารบรรณอิเล็กทรอนิกส์ทุกกอง', { delay: 25 });
    await page.waitForTimeout(1200);
    const lat = await page.evaluate<{ type: string; ms: number }[]>('window.__lat');
    const clicks = lat.filter((x) => x.type === 'click').map((x) => x.ms);
    const keys = lat.filter((x) => x.type === 'input').map((x) => x.ms);
    const status = await page.getAttribute('[data-save-status]', 'data-save-status');
    await ctx.close();

    const inter = loads.map((l) => l.interactive);
    console.log('');
    console.log('Questionnaire UI benchmark (Chromium, default framework: 150 items, 140 required; 30 % pre-answered)');
    console.log(`  items rendered                       ${loads[0]!.items}`);
    console.log(`  JS: entry ${(entry / 1024).toFixed(0)} KB, questionnaire chunk ${(qChunk / 1024).toFixed(0)} KB (uncompressed)`);
    console.log(`  API latency added                    ${LATENCY} ms per call`);
    console.log(`  loads measured                       ${loads.length} (fresh context each, after 1 warm-up)`);
    console.log(`  first contentful paint   median      ${ms(median(loads.map((l) => l.fcp)))}`);
    const mark = (k: string) => median(loads.map((l) => l.marks[k] ?? NaN));
    console.log(`  DOMContentLoaded (shell entry run)   median ${ms(mark('domContentLoaded'))}`);
    console.log(`  questionnaire data in hand  median   ${ms(mark('dgr-q-data'))}`);
    console.log(`  first sections rendered     median   ${ms(mark('dgr-q-first-render'))}  (render after data: ${ms(median(loads.map((l) => (l.marks['dgr-q-first-render'] ?? NaN) - (l.marks['dgr-q-data'] ?? NaN))))})`);
    console.log(`  all 150 items rendered      median   ${ms(mark('dgr-q-all-rendered'))}`);
    console.log(`  first item in the DOM    median      ${ms(median(loads.map((l) => l.firstItem)))}`);
    const inPage = loads.map((l) => l.inPage);
    console.log(`  INTERACTIVE: first field takes a typed digit (in-page)  median ${ms(median(inPage))}  min ${ms(Math.min(...inPage))}  max ${ms(Math.max(...inPage))}`);
    const cpu = loads.map((l) => l.cpuToInteractive);
    console.log(`  main-thread CPU time until then (load-independent)     median ${ms(median(cpu))}  min ${ms(Math.min(...cpu))}  max ${ms(Math.max(...cpu))}`);
    const cpuData = loads.map((l) => l.cpuToData);
    console.log(`    of which up to the data in hand (shell, session, code)  median ${ms(median(cpuData))}; questionnaire render and first input ${ms(median(cpu) - median(cpuData))}`);
    console.log(`  same, end to end via Playwright key presses             median ${ms(median(inter))}  min ${ms(Math.min(...inter))}  max ${ms(Math.max(...inter))}`);
    console.log(`  click → next frame (${clicks.length} clicks)       median ${ms1(median(clicks))}  p95 ${ms1(pct(clicks, 95))}  max ${ms1(Math.max(...clicks))}`);
    console.log(`  keystroke → next frame (${keys.length} keys)     median ${ms1(median(keys))}  p95 ${ms1(pct(keys, 95))}  max ${ms1(Math.max(...keys))}`);
    console.log(`  answers saved by the autosave queue  ${server.saves} (final status: ${status})`);
    const load = (await import('node:os')).loadavg();
    console.log(`  machine load average during the run  ${load.map((x) => x.toFixed(1)).join(' / ')} (${(await import('node:os')).cpus().length} CPUs)`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  }
}

await main();
