// Browser-test harness: the real server on a fresh database, listening on loopback, driven by Debian's chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, type AppInstance } from '../../src/server/app.js';
import type { Clock } from '../../src/server/clock.js';
import type { Config } from '../../src/server/config.js';
import { bootstrap } from '../../src/server/services/bootstrap.js';
import { testConfig } from './config.js';
import { createTestDatabase, type TestDatabase } from './db.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webSrc = path.join(root, 'src/web');
const webDist = path.join(root, 'dist/web');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const ADMIN_EMAIL = 'admin@dga.local';
export const ADMIN_PASSWORD = 'admin-password-123';

// Offline by construction: every request goes to a dead proxy except loopback, which Chromium bypasses by default.
// (`--proxy-bypass-list=<-loopback>` would do the opposite: it removes that implicit bypass.)
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--proxy-server=127.0.0.1:9',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm test` builds the web first; a browser test run alone builds it here when dist/web is missing or stale. */
export function ensureWebBuilt(): string {
  const index = path.join(webDist, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(webSrc), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (built < sources) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return webDist;
}

export interface BrowserHarness {
  baseUrl: string;
  app: AppInstance;
  config: Config;
  database: TestDatabase;
  browser: Browser;
  /** A fresh browser context (own cookies and storage), Thai locale unless told otherwise. */
  newPage: (opts?: { locale?: string; viewport?: { width: number; height: number } }) => Promise<Page>;
  /** Saves a full-page screenshot to $DGR_SCREENSHOTS/<name>.png when that variable is set. */
  screenshot: (page: Page, name: string) => Promise<void>;
  close: () => Promise<void>;
}

/** `clock`: the server's clock (default the system's), for journeys that cross dates (a contest's deadlines). */
export async function startBrowserHarness(overrides: Partial<Record<keyof Config, string>> = {}, opts: { clock?: Clock } = {}): Promise<BrowserHarness> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium fonts-thai-tlwg`);
  }
  const webRoot = ensureWebBuilt();
  const database = await createTestDatabase();
  const config = testConfig({ ADMIN_EMAIL, ADMIN_PASSWORD, LOGIN_RATE_LIMIT: '1000', ...overrides });
  const app = await buildApp({ config, db: database.db, logger: false, webRoot, clock: opts.clock });
  await bootstrap({ config, db: database.db, log: app.log });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  // Links in mail (invitations) must point at this server; services read the config at request time.
  config.PUBLIC_URL = baseUrl;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const contexts: BrowserContext[] = [];
  const shotDir = process.env['DGR_SCREENSHOTS'];

  return {
    baseUrl,
    app,
    config,
    database,
    browser,
    newPage: async (opts = {}) => {
      const context = await browser.newContext({
        locale: opts.locale ?? 'th-TH',
        baseURL: baseUrl,
        viewport: opts.viewport ?? { width: 1280, height: 860 },
      });
      contexts.push(context);
      // Fail fast with a readable locator error rather than at the test timeout.
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
    screenshot: async (page, name) => {
      if (!shotDir) return;
      fs.mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in API session from the test process (cookie and CSRF token), for arranging data through the real HTTP API. */
export async function apiSession(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${p}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${p} → ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(p: string) => call<T>('GET', p),
    post: <T>(p: string, body?: unknown) => call<T>('POST', p, body),
    patch: <T>(p: string, body?: unknown) => call<T>('PATCH', p, body),
    put: <T>(p: string, body?: unknown) => call<T>('PUT', p, body),
  };
}
