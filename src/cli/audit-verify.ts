// CLI command: walk the audit log's hash chain and report the first broken row (exit 0 intact, 3 broken, 1 error).
// Run: npx tsx src/cli/audit-verify.ts  (uses DATABASE_URL, or the embedded database under DATA_DIR).
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { verifyAuditChain } from '../server/services/audit.js';

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function auditVerify(env: Record<string, string | undefined>, out: (line: string) => void): Promise<number> {
  const config = loadConfig(env);
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    // The running server owns the embedded database; connect to it, or start it ourselves when nothing runs.
    const running = `postgres://postgres:postgres@127.0.0.1:${config.EMBEDDED_PG_PORT}/dg_readiness`;
    if (await reachable(running)) url = running;
    else {
      embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
      url = embedded.url;
    }
  }
  const db = openDatabase(url, 2);
  try {
    const report = await verifyAuditChain(db);
    if (report.ok) {
      out(`audit log intact: ${report.checked} entries verified · บันทึกการตรวจสอบครบถ้วน ${report.checked} รายการ`);
      return 0;
    }
    out(
      `audit log BROKEN at entry id ${report.firstBroken!.id} (${{ hash: 'content does not match its hash', prev_hash: 'link to the previous entry is broken', head: 'entries after it were removed' }[report.firstBroken!.reason]}); ` +
        `${report.checked} entries before it are intact · บันทึกการตรวจสอบถูกแก้ไขที่รายการ ${report.firstBroken!.id}`,
    );
    return 3;
  } finally {
    await db.destroy();
    if (embedded) await embedded.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  auditVerify(process.env, (l) => console.log(l)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
