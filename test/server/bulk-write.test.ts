// Bulk writes that skip the per-row foreign-key triggers still refuse rows whose references do not exist, and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { firstAdminId, insertAnswersBulk, insertEvidenceBulk } from '../../src/server/repositories/demo-load.js';
import { startHarness, type Harness } from './support/foundation.js';

describe('bulk writes without row triggers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs as a superuser here, so the set-based checks are the ones exercised', async () => {
    const r = await sql<{ su: string }>`SELECT current_setting('is_superuser') AS su`.execute(h.db);
    expect(r.rows[0]!.su).toBe('on');
  });

  it('an answer for a participant that does not exist is refused and nothing is written', async () => {
    const admin = (await firstAdminId(h.db))!;
    const edition = '00000000-0000-4000-8000-00000000e001';
    const org = (await h.db.selectFrom('organisation').select('id').limit(1).executeTakeFirstOrThrow()).id;
    await expect(insertAnswersBulk(h.db, edition, [{ organisation_id: org, item_code: 'G1.01', value: 'true', updated_by: admin, updated_at: new Date('2026-05-01T03:00:00Z') }])).rejects.toThrow(/participants/);
    const n = await sql<{ n: number }>`SELECT (SELECT count(*)::int FROM answer) + (SELECT count(*)::int FROM answer_history) AS n`.execute(h.db);
    expect(n.rows[0]!.n).toBe(0);
    // The triggers are back on for the next statement: a direct insert with a missing reference fails as usual.
    await expect(sql`INSERT INTO answer (edition_id, organisation_id, item_code, value, version, updated_by, updated_at) VALUES (${edition}::uuid, ${org}::uuid, 'G1.01', 'true', 1, ${admin}::uuid, now())`.execute(h.db)).rejects.toThrow(/foreign key/);
  });

  it('an evidence file for a participant that does not exist is refused and nothing is written', async () => {
    const admin = (await firstAdminId(h.db))!;
    const org = (await h.db.selectFrom('organisation').select('id').limit(1).executeTakeFirstOrThrow()).id;
    const row = { id: '00000000-0000-4000-8000-00000000f001', organisation_id: org, item_code: 'G1.01', sha256: 'a'.repeat(64), filename: 'x.pdf', size: 1, mime_type: 'application/pdf', uploaded_by: admin, uploaded_at: new Date() };
    await expect(insertEvidenceBulk(h.db, '00000000-0000-4000-8000-00000000e002', [row])).rejects.toThrow(/do not exist/);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM evidence_file`.execute(h.db);
    expect(n.rows[0]!.n).toBe(0);
  });
});
