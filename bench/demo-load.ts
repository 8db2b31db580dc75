// Benchmark: loads the demo into a fresh embedded PostgreSQL and prints the time of each phase. npx tsx bench/demo-load.ts [limitPerLevel] [noscore]
import fs from 'node:fs';
import pino from 'pino';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { openDatabase, migrateToLatest } from '../src/db/database.js';
import { loadConfig } from '../src/server/config.js';
import { bootstrap } from '../src/server/services/bootstrap.js';
import { loadDemo } from '../src/server/services/demo-loader.js';
import { randomIds, systemClock } from '../src/server/clock.js';
const dir = fs.mkdtempSync('/tmp/dgr-demo-bench-');
const config = loadConfig({ DATA_DIR: dir, EMBEDDED_PG_PORT: '55433', ADMIN_PASSWORD: 'admin-password-123', LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
const emb = await startEmbeddedPostgres({ dataDir: dir, port: 55433 });
const db = openDatabase(emb.url, 10);
await migrateToLatest(db);
await bootstrap({ config, db, log: pino({ level: 'silent' }) as any, print: () => {} });
const limit = process.argv[2] ? Number(process.argv[2]) : undefined;
// PostgreSQL's CPU: the postmaster's own and its finished children's (backends still open are counted via their stat).
const pgCpu = () => {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (cmd.includes(dir) && cmd.includes('postgres')) ticks += Number(stat[11]) + Number(stat[12]) + Number(stat[13]) + Number(stat[14]);
      else if (cmd.startsWith('postgres:') && fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) ticks += Number(stat[11]) + Number(stat[12]);
    } catch {
      // a process that ended while being read
    }
  }
  return ticks / 100;
};
const cpu0 = process.cpuUsage();
const pg0 = pgCpu();
const nodeCpu = () => {
  const c = process.cpuUsage(cpu0);
  return (c.user + c.system) / 1e6;
};
// Each line: wall, then node and PostgreSQL CPU seconds since the start of the load (cumulative; phases overlap, so a
// phase's cost is the difference between the lines around it).
let last = { wall: 0, node: 0, pg: 0 };
const stamp = () => {
  const now = { wall: (Date.now() - t) / 1000, node: nodeCpu(), pg: pgCpu() - pg0 };
  const d = `+${(now.wall - last.wall).toFixed(1)} wall +${(now.node - last.node).toFixed(1)} node +${(now.pg - last.pg).toFixed(1)} pg`;
  last = now;
  return `${now.wall.toFixed(1)} s [cpu node ${now.node.toFixed(1)} pg ${now.pg.toFixed(1)} | ${d}]`;
};
const t = Date.now();
const r = await loadDemo({ config, db, clock: systemClock, ids: randomIds }, { log: (m, d) => console.log(stamp(), m, d ? JSON.stringify(d) : ''), limitPerLevel: limit, score: process.argv[3] !== 'noscore' });
console.log(stamp(), 'done');
console.log(JSON.stringify({ ...r, editions: r.editions?.map(e => ({ ...e, id: undefined })) }, null, 1));
const cpu = process.cpuUsage(cpu0);
console.log(`node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, PostgreSQL CPU ${(pgCpu() - pg0).toFixed(1)} s, wall ${((Date.now() - t) / 1000).toFixed(1)} s`);
console.log(`load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
await db.destroy(); await emb.stop(); fs.rmSync(dir, { recursive: true, force: true });
