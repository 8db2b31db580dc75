// Foundation benchmark: cold start to first 200 on /health (fresh and existing embedded database), then an authenticated
// registry search under 50 concurrent clients. Run: npx tsx bench/foundation.ts [--seconds 10] [--clients 50] [--no-build]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, numberArg, treeCpuSeconds } from './support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = numberArg;
const SECONDS = arg('seconds', 10);
const CLIENTS = arg('clients', 50);
const ADMIN_PASSWORD = 'bench-admin-password';


function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

interface Server {
  child: ChildProcess;
  base: string;
  startMs: number;
  /** Milestones from the server's own log, ms after spawn. */
  marks: Record<string, number>;
  /** CPU seconds the server and its PostgreSQL used until the first 200 (independent of other load on the machine). */
  startCpuS: number;
}


async function startServer(dataDir: string, port: number, pgPort: number): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      ADMIN_EMAIL: 'admin@dga.local',
      ADMIN_PASSWORD,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const marks: Record<string, number> = {};
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const at = performance.now() - t0;
      if (line.includes('"reference data loaded"')) marks['reference loaded'] ??= at;
      if (line.includes('Server listening')) marks['listening'] ??= at;
      if (line.includes('"first admin created"')) marks['admin created'] ??= at;
    }
  });
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited} before answering`);
    try {
      const r = await fetch(`${base}/health`);
      if (r.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 120_000) throw new Error('no 200 on /health within 120 s');
    await sleep(10);
  }
  const startMs = performance.now() - t0;
  return { child, base, startMs, marks, startCpuS: treeCpuSeconds(child.pid!) };
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const done = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill('SIGTERM');
  await Promise.race([done, sleep(20_000)]);
  if (s.child.exitCode === null) s.child.kill('SIGKILL');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU ms the server and its PostgreSQL spent per request, and what the load generator itself used. */
  serverCpuMsPerReq: number;
  clientCpuS: number;
}

async function loadTest(base: string, serverPid: number): Promise<LoadResult> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@dga.local', password: ADMIN_PASSWORD }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const queries = ['กรม', 'สำนักงานสถิติ', 'Department', 'เชียงใหม่', 'office&level=provincial_unit', 'จังหวัด&province=50', 'สาธารณสุข', 'revenue', '&ministry=15000', 'องค์การบริหาร'];
  const latencies: number[] = [];
  let errors = 0;
  const cpu0 = treeCpuSeconds(serverPid);
  const client0 = process.cpuUsage();
  const deadline = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      let i = c;
      while (performance.now() < deadline) {
        const q = queries[i++ % queries.length]!;
        const [text, extra] = q.split('&', 2) as [string, string | undefined];
        const url = `${base}/api/registry/organisations?q=${encodeURIComponent(text)}${extra ? `&${extra}` : ''}&limit=50`;
        const s = performance.now();
        try {
          const r = await fetch(url, { headers: { cookie } });
          await r.arrayBuffer();
          if (r.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const serverCpu = treeCpuSeconds(serverPid) - cpu0;
  const client = process.cpuUsage(client0);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    serverCpuMsPerReq: (serverCpu * 1000) / Math.max(1, latencies.length),
    clientCpuS: (client.user + client.system) / 1e6,
  };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) console.warn('build:server reported errors; benchmarking whatever dist/ holds');
  }
  if (!fs.existsSync(path.join(root, 'dist/server/main.js'))) throw new Error('dist/server/main.js missing; run npm run build:server');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-bench-'));
  const [port, pgPort] = [await freePort(), await freePort()];
  let server: Server | null = null;
  try {
    server = await startServer(dataDir, port, pgPort);
    const fresh = server;
    await stopServer(server);
    server = await startServer(dataDir, port, pgPort);
    const existing = server;
    const load = await loadTest(server.base, server.child.pid!);
    const marks = (s: Server) => Object.entries(s.marks).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
    console.log(`\nDG Readiness foundation benchmark (${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    console.log(`cold start to first 200 on /health, fresh embedded database:    ${fresh.startMs.toFixed(0)} ms, ${fresh.startCpuS.toFixed(2)} CPU s (${marks(fresh)})`);
    console.log(`cold start to first 200 on /health, existing embedded database: ${existing.startMs.toFixed(0)} ms, ${existing.startCpuS.toFixed(2)} CPU s (${marks(existing)})`);
    console.log(
      `authenticated registry search, ${CLIENTS} clients, ${SECONDS} s: ${load.rps.toFixed(0)} req/s, p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ` +
        `max ${load.max.toFixed(0)} ms, ${load.requests} requests, ${load.errors} errors`,
    );
    console.log(
      `  server + PostgreSQL CPU ${load.serverCpuMsPerReq.toFixed(2)} ms per request (≈ ${((os.cpus().length * 1000) / load.serverCpuMsPerReq).toFixed(0)} req/s if they had the machine to themselves); ` +
        `load generator used ${load.clientCpuS.toFixed(1)} CPU s`,
    );
  } finally {
    if (server) await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
