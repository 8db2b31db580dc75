// Crash safety: the real server process is SIGKILLed while many clients autosave; after a restart every acknowledged save is there.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../src/engine/framework/types.js';
import { frameworkItems } from '../../src/engine/questionnaire/items.js';
import { PASSWORD, startHarness, type Harness } from './support/foundation.js';
import { createSurvey, type Survey } from './support/questionnaire.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIENTS = 24;
let stderrTail = '';

function startChild(env: Record<string, string>): ChildProcess {
  // One process (no tsx wrapper), so SIGKILL hits the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  // Drain stderr (a full pipe would stall the server) and keep the tail for a failure message.
  child.stderr!.on('data', (d: Buffer) => {
    stderrTail = (stderrTail + d.toString()).slice(-4000);
  });
  return child;
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderrTail}`);
    try {
      const r = await fetch(`${base}/health`);
      if (r.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy: ${stderrTail}`);
}

function valueFor(item: Item, n: number): unknown {
  if (item.kind === 'yes_no') return n % 2 === 0;
  if (item.kind === 'number') {
    const lo = item.min ?? 0;
    const hi = item.max ?? lo + 1000;
    return lo + (n % (hi - lo + 1));
  }
  if (item.kind === 'single_choice') return item.options[n % item.options.length]!.code;
  return `คำตอบที่ ${n}`;
}

async function login(base: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('dgr_session='))!;
  return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

interface Ack {
  item: string;
  version: number;
  value: unknown;
}

describe('autosave survives a server crash', () => {
  let h: Harness;
  let s: Survey;
  let dataDir: string;
  let child: ChildProcess | null = null;
  const port = 41000 + Math.floor(Math.random() * 2000);
  const base = `http://127.0.0.1:${port}`;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-crash-'));
    h = await startHarness({ DATA_DIR: dataDir });
    s = await createSurvey(h, { fullFramework: true });
    // The in-process app only set things up; the child process serves from here on.
    await h.app.close();
    env = {
      DATABASE_URL: h.tdb.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      ADMIN_PASSWORD: 'admin-password-123',
      DB_POOL_SIZE: '10',
    };
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await h.tdb.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every save acknowledged with 200', { timeout: 180_000 }, async () => {
    child = startChild(env);
    await waitHealthy(base, child);

    const items = frameworkItems(s.fw)
      .filter((l) => !l.item.visibleIf && ['yes_no', 'number', 'single_choice', 'text'].includes(l.item.kind))
      .slice(0, CLIENTS)
      .map((l) => l.item);
    expect(items).toHaveLength(CLIENTS);
    // Sessions made during set-up carry the harness's fixed clock; sign in to the real server for live ones.
    const sessions = [await login(base, 'coord@cm.go.th'), await login(base, 'head@cm.go.th')];
    const acks: Ack[] = [];
    let stop = false;
    let failures = 0;
    let firstFailure: string | undefined;

    const client = async (k: number) => {
      const item = items[k]!;
      const session = sessions[k % sessions.length]!;
      let version = 0;
      for (let n = 0; !stop && n < 100_000; n++) {
        const value = valueFor(item, n);
        try {
          const r = await fetch(`${base}/api/editions/${s.eid}/organisations/${s.own}/answers`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
            body: JSON.stringify({ changes: [{ item: item.code, value, baseVersion: version, requestId: `c${k}-${n}` }] }),
          });
          if (r.status !== 200) {
            failures++;
            firstFailure ??= `${r.status} ${await r.text()}`;
            break;
          }
          const body = (await r.json()) as { results: { status: string; version: number }[] };
          const res = body.results[0]!;
          if (res.status !== 'saved') throw new Error(`client ${k} got ${res.status}`);
          acks.push({ item: item.code, version: res.version, value });
          version = res.version;
        } catch {
          // The connection died with the server: this save was never acknowledged.
          break;
        }
      }
    };
    const running = Array.from({ length: CLIENTS }, (_, k) => client(k));
    const t0 = Date.now();
    console.log(`crash test: server up, ${CLIENTS} clients autosaving`);
    while (acks.length < 600 && failures === 0 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    stop = true;
    console.log(`crash test: SIGKILL after ${acks.length} acknowledged saves in ${Date.now() - t0} ms`);
    await Promise.all(running);
    expect(firstFailure).toBeUndefined();
    expect(failures).toBe(0);
    expect(acks.length).toBeGreaterThanOrEqual(600);

    child = startChild(env);
    await waitHealthy(base, child);

    const history = await h.db.selectFrom('answer_history').select(['item_code', 'version', 'value']).where('edition_id', '=', s.eid).where('organisation_id', '=', s.own).execute();
    const stored = new Map(history.map((r) => [`${r.item_code}#${r.version}`, JSON.stringify(r.value)]));
    const missing = acks.filter((a) => stored.get(`${a.item}#${a.version}`) !== JSON.stringify(a.value));
    expect(missing).toEqual([]);
    const current = await h.db.selectFrom('answer').select(['item_code', 'version']).where('edition_id', '=', s.eid).where('organisation_id', '=', s.own).execute();
    const latest = new Map(current.map((r) => [r.item_code, r.version]));
    for (const a of acks) expect(latest.get(a.item)!).toBeGreaterThanOrEqual(a.version);

    // The restarted server answers with the same data.
    const session = sessions[0]!;
    const view = (await (await fetch(`${base}/api/editions/${s.eid}/organisations/${s.own}/questionnaire`, { headers: { cookie: session.cookie } })).json()) as {
      answers: Record<string, { version: number }>;
    };
    for (const [item, v] of latest) expect(view.answers[item]!.version).toBe(v);

    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  });
});
