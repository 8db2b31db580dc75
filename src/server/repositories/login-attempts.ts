// SQL for login rate limiting: fixed one-minute windows per key, counted in PostgreSQL so every app process agrees.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Counts one attempt for `key` and returns the attempts in the current window, this one included. */
export async function countAttempt(db: Kysely<Database>, key: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(now.getTime() - windowMs);
  const row = await sql<{ count: number }>`
    INSERT INTO login_attempt (key, window_start, count) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN login_attempt.window_start <= ${windowStart} THEN 1 ELSE login_attempt.count + 1 END,
      window_start = CASE WHEN login_attempt.window_start <= ${windowStart} THEN ${now} ELSE login_attempt.window_start END
    RETURNING count`.execute(db);
  return Number(row.rows[0]!.count);
}

export async function purgeOldAttempts(db: Kysely<Database>, before: Date): Promise<number> {
  const r = await db.deleteFrom('login_attempt').where('window_start', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
