// The hourly job pass purges expired sessions, old login-attempt windows and spent invitations / sign-up links, keeping live ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/server/services/bootstrap.js';
import { countAttempt } from '../../src/server/repositories/login-attempts.js';
import { insertSession } from '../../src/server/repositories/users.js';
import { insertInvitation } from '../../src/server/repositories/invitations.js';
import { insertSignupInvitation } from '../../src/server/repositories/digital-local.js';
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

    expect(await purgeExpired(h.db, now)).toEqual({ sessions: 1, attempts: 1, invitations: 0 });
    expect((await h.db.selectFrom('session').select('id').where('user_id', '=', userId).execute()).map((s) => s.id)).toEqual(['live-session']);
    const keys = (await h.db.selectFrom('login_attempt').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('recent-key');
    expect(keys).not.toContain('old-key');
  });

  it('removes invitations and Digital Local sign-up links used or expired over 30 days ago, and keeps the rest', async () => {
    const now = new Date('2026-07-01T03:00:00Z');
    const day = 86_400_000;
    const at = (days: number) => new Date(now.getTime() + days * day);
    const adminId = await seedUser(h.db, { email: 'inviter@example.go.th', role: 'admin' });
    const lao = (await h.db.selectFrom('organisation').select('id').limit(1).executeTakeFirstOrThrow()).id;
    const invite = (id: string, created: number) => insertInvitation(h.db, { id, token_hash: `hash-${id}`, email: `${id}@example.go.th`, role: 'judge', organisation_id: null, invited_by: adminId, created_at: at(created), expires_at: at(created + 7) });
    const signup = (id: string, created: number) => insertSignupInvitation(h.db, { id, token_hash: `hash-${id}`, email: `${id}@gmail.com`, organisation_id: lao, created_at: at(created), expires_at: at(created + 7) });
    const use = (id: string, days: number) => h.db.updateTable('invitation').set({ used_at: at(days) }).where('id', '=', id).execute();
    const ids = {
      adminUsedLongAgo: '00000000-0000-4000-8000-000000000001',
      adminUsedRecently: '00000000-0000-4000-8000-000000000002',
      signupExpiredLongAgo: '00000000-0000-4000-8000-000000000003',
      signupExpiredRecently: '00000000-0000-4000-8000-000000000004',
      signupLive: '00000000-0000-4000-8000-000000000005',
      signupUsedLongAgo: '00000000-0000-4000-8000-000000000006',
    };
    await invite(ids.adminUsedLongAgo, -35);
    await use(ids.adminUsedLongAgo, -31);
    await invite(ids.adminUsedRecently, -35);
    await use(ids.adminUsedRecently, -29);
    await signup(ids.signupExpiredLongAgo, -38); // expired 31 days ago, never used
    await signup(ids.signupExpiredRecently, -36); // expired 29 days ago
    await signup(ids.signupLive, -1);
    await signup(ids.signupUsedLongAgo, -45);
    await use(ids.signupUsedLongAgo, -44);

    expect(await purgeExpired(h.db, now)).toMatchObject({ invitations: 3 });
    const left = (await h.db.selectFrom('invitation').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(left).toEqual([ids.adminUsedRecently, ids.signupExpiredRecently, ids.signupLive]);
    // Nothing more to do on the next pass.
    expect(await purgeExpired(h.db, now)).toMatchObject({ invitations: 0 });
  });
});
