// Small helpers shared by the benchmark scripts: numeric options, a free loopback port, percentiles.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** `--name value` from the command line as a number, or the default. */
export function numberArg(name: string, dflt: number, argv: string[] = process.argv.slice(2)): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
}

/** A port on 127.0.0.1 that was free a moment ago (benchmarks start their own servers there). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const CLK_TCK = 100;

/**
 * CPU seconds used so far by a process and all its descendants (the server and its PostgreSQL), from /proc. The
 * machine is shared, so latency depends on what else runs; CPU time per request does not, and bounds throughput.
 */
export function treeCpuSeconds(rootPid: number): number {
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const raw = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / CLK_TCK });
    } catch {
      /* exited meanwhile */
    }
  }
  let total = 0;
  const todo = [rootPid];
  const seen = new Set<number>();
  while (todo.length) {
    const pid = todo.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += stats.get(pid)?.cpu ?? 0;
    for (const [p, st] of stats) if (st.ppid === pid) todo.push(p);
  }
  return total;
}

/**
 * CPU seconds so far of each process under rootPid (itself included), keyed by pid, with a role from its command line:
 * `node` for the root, PostgreSQL's own titles otherwise ("postgres: walwriter", "postgres: autovacuum worker", a
 * backend "postgres: user db host state" is reported as `backend`). Differences of two snapshots say where time went.
 */
export function treeCpuByProcess(rootPid: number): Map<number, { role: string; cpu: number }> {
  const procs = new Map<number, { ppid: number; cpu: number; children: number }>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const raw = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / CLK_TCK, children: (Number(f[13]) + Number(f[14])) / CLK_TCK });
    } catch {
      /* exited meanwhile */
    }
  }
  const out = new Map<number, { role: string; cpu: number }>();
  const todo = [rootPid];
  while (todo.length) {
    const pid = todo.pop()!;
    if (out.has(pid) || !procs.has(pid)) continue;
    const role = pid === rootPid ? 'node' : processRole(pid);
    // Children that exited (autovacuum workers, closed connections) are accounted to the postmaster that reaped them.
    const p = procs.get(pid)!;
    out.set(pid, role === 'postmaster' ? { role: 'postmaster + exited children', cpu: p.cpu + p.children } : { role, cpu: p.cpu });
    for (const [p, st] of procs) if (st.ppid === pid) todo.push(p);
  }
  return out;
}

function processRole(pid: number): string {
  let cmd: string;
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '');
  } catch {
    return 'exited';
  }
  if (!cmd.startsWith('postgres: ')) return cmd.includes('/bin/postgres') ? 'postmaster' : path.basename(cmd.split('\0')[0] ?? '?');
  const title = cmd.slice('postgres: '.length);
  // A backend's title is "user database host(port) state"; background processes have fixed names.
  return /^\S+ \S+ \S+\(\d+\)/.test(title) || /^\S+ \S+ \[local\]/.test(title) ? 'backend' : title.replace(/ worker.*$/, ' worker').trim();
}

/** Per-role CPU milliseconds between two treeCpuByProcess snapshots (processes that came or went count from zero). */
export function cpuByRole(before: Map<number, { role: string; cpu: number }>, after: Map<number, { role: string; cpu: number }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, a] of after) {
    const d = a.cpu - (before.get(pid)?.cpu ?? 0);
    if (d > 0) out.set(a.role, (out.get(a.role) ?? 0) + d * 1000);
  }
  return out;
}
