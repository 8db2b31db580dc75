// The hourly job pass purges expired sessions and old login-attempt windows, keeping live ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/server/services/bootstrap.js';
import { countAttempt } from '../../src/server/repositories/login-attempts.js';
import { insertSession } from '../../src/server/repositories/users.js';
import { seedUser, startHarness, type Harness } from './support/foundation.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('purge of expired rows', () => {
  it('removes expired sessions and attempt windows older than an hour, and keeps live ones', async () => {
    const now = new Date('2026-05-02T03:00:00Z');
    const userId = await seedUser(h.db, { email: 'purge@example.go.th', role: 'admin' });
    const at = (ms: number) => new Date(now.getTime() + ms);
    await insertSession(h.db, { id: 'expired-session', user_id: userId, csrf_token: 'a', created_at: at(-86_400_000), expires_at: at(-1000) });
    await insertSession(h.db, { id: 'live-session', user_id: userId, csrf_token: 'b', created_at: at(-1000), expires_at: at(3_600_000) });
    await countAttempt(h.db, 'old-key', at(-2 * 3_600_000), 60_000);
    await countAttempt(h.db, 'recent-key', at(-60_000), 60_000);

    expect(await purgeExpired(h.db, now)).toEqual({ sessions: 1, attempts: 1 });
    expect((await h.db.selectFrom('session').select('id').where('user_id', '=', userId).execute()).map((s) => s.id)).toEqual(['live-session']);
    const keys = (await h.db.selectFrom('login_attempt').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('recent-key');
    expect(keys).not.toContain('old-key');
  });
});
