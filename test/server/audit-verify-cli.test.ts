import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { auditVerify } from '../../src/cli/audit-verify.js';
import { startHarness, type Harness } from './support/foundation.js';

describe('audit-verify command', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('exits 0 on an intact chain and 3 with the broken id after tampering', async () => {
    const lines: string[] = [];
    expect(await auditVerify({ DATABASE_URL: h.tdb.url, LOG_LEVEL: 'silent' }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^audit log intact: \d+ entries verified/);
    const first = await h.db.selectFrom('audit_log').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET action = 'tampered' WHERE id = ${first.id}`.execute(h.db);
    expect(await auditVerify({ DATABASE_URL: h.tdb.url, LOG_LEVEL: 'silent' }, (l) => lines.push(l))).toBe(3);
    expect(lines[1]).toContain(`BROKEN at entry id ${first.id}`);
  });
});
