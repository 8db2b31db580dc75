import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/server/app.js';
import { ADMIN, as, orgIdByCode, PASSWORD, seedUser, sessionCookie, signIn, startHarness, type Harness } from './support/foundation.js';

describe('accounts: login, sessions, CSRF, rate limiting', () => {
  let h: Harness;
  let deptId: string;
  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '5', SESSION_TTL_HOURS: '12', COOKIE_SECURE: 'true' });
    deptId = await orgIdByCode(h.db, '15003');
    await seedUser(h.db, { email: 'Coordinator@Agency.go.th', role: 'coordinator', organisationId: deptId, displayName: 'ผู้ประสานงาน กรมการปกครอง' });
  });
  afterAll(async () => h.close());

  it('signs in with the right password, sets a secure HttpOnly cookie and answers /me', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'coordinator@agency.go.th', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'Coordinator@Agency.go.th', role: 'coordinator', organisationId: deptId, organisation: { id: deptId, nameTh: 'กรมการปกครอง', level: 'department' }, locale: 'th' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'dgr_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    // The table keeps only the token's SHA-256.
    const stored = await h.db.selectFrom('session').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);

    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: 'Coordinator@Agency.go.th' }, csrfToken: body.csrfToken });
  });

  it('refuses a wrong password or unknown e-mail with the same LOGIN_FAILED', async () => {
    const wrong = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'coordinator@agency.go.th', password: 'not-the-password' }, headers: { 'x-forwarded-for': '10.9.0.1' } });
    const unknown = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@agency.go.th', password: 'whatever-password' }, headers: { 'x-forwarded-for': '10.9.0.2' } });
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('LOGIN_FAILED');
      expect(r.cookies.find((c) => c.name === 'dgr_session')).toBeUndefined();
    }
  });

  it('answers 401 UNAUTHENTICATED without a session and for a forged cookie', async () => {
    for (const headers of [{}, { cookie: 'dgr_session=forged-token' }]) {
      const r = await h.app.inject({ method: 'GET', url: '/api/registry/organisations', headers });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('rate-limits logins per e-mail and per IP in PostgreSQL, then lets them through after the window', async () => {
    await seedUser(h.db, { email: 'target@agency.go.th', role: 'head', organisationId: deptId });
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'target@agency.go.th', password: 'guess-' + i }, headers: { 'x-forwarded-for': `10.1.0.${i}` } });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'target@agency.go.th', password: PASSWORD }, headers: { 'x-forwarded-for': '10.1.0.99' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    const rows = await h.db.selectFrom('login_attempt').selectAll().where('key', '=', 'email:target@agency.go.th').execute();
    expect(rows[0]!.count).toBeGreaterThan(5);

    // Per IP: different e-mails from one address.
    const ipCodes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `spray${i}@agency.go.th`, password: 'x-password' }, headers: { 'x-forwarded-for': '10.2.0.1' } });
      ipCodes.push(r.statusCode);
    }
    expect(ipCodes.at(-1)).toBe(429);

    h.clock.advance(61_000);
    const later = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'target@agency.go.th', password: PASSWORD }, headers: { 'x-forwarded-for': '10.1.0.100' } });
    expect(later.statusCode).toBe(200);
  });

  it('refuses a mutating request without or with a wrong CSRF token', async () => {
    const s = await signIn(h.app, ADMIN.email, ADMIN.password, '10.3.0.1');
    const id = await orgIdByCode(h.db, '15005');
    const missing = await h.app.inject({ method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: 1, active: false }, headers: { cookie: s.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_INVALID');
    const wrong = await h.app.inject({ method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: 1, active: false }, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf.slice(0, -2) + 'xx' } });
    expect(wrong.statusCode).toBe(403);
    const logoutNoCsrf = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(logoutNoCsrf.statusCode).toBe(403);
    const unchanged = await h.db.selectFrom('organisation').select(['active', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ active: true, version: 1 });
    const right = await as(h.app, s, { method: 'PATCH', url: `/api/registry/organisations/${id}`, payload: { version: 1, active: false } });
    expect(right.statusCode).toBe(200);
  });

  it('logs out: the session row is gone and the cookie no longer works', async () => {
    const s = await signIn(h.app, ADMIN.email, ADMIN.password, '10.4.0.1');
    const out = await as(h.app, s, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'dgr_session')?.value).toBe('');
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('expires sessions after SESSION_TTL_HOURS by the server clock', async () => {
    const s = await signIn(h.app, ADMIN.email, ADMIN.password, '10.5.0.1');
    h.clock.advance(11 * 3600_000);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    h.clock.advance(3600_000 + 1);
    const expired = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('lists users for admins only', async () => {
    const admin = await signIn(h.app, ADMIN.email, ADMIN.password, '10.6.0.1');
    const list = await as(h.app, admin, { method: 'GET', url: `/api/users?organisationId=${deptId}` });
    expect(list.json().items.map((u: { email: string }) => u.email).sort()).toEqual(['Coordinator@Agency.go.th', 'target@agency.go.th']);
    const coord = await signIn(h.app, 'coordinator@agency.go.th', PASSWORD, '10.6.0.2');
    expect((await as(h.app, coord, { method: 'GET', url: '/api/users' })).statusCode).toBe(404);
    expect((await as(h.app, coord, { method: 'GET', url: '/api/outbox' })).statusCode).toBe(404);
  });

  it('keeps invitation tokens out of logged URLs', () => {
    expect(redactUrl('/api/invitations/abcDEF123_-/accept')).toBe('/api/invitations/[redacted]/accept');
    expect(redactUrl('/invite/abcDEF123_-?x=1')).toBe('/invite/[redacted]?x=1');
    expect(redactUrl('/api/invitations')).toBe('/api/invitations');
  });

  it('ends the session the browser held before when it signs in again', async () => {
    const first = await signIn(h.app, ADMIN.email, ADMIN.password, '10.8.0.1');
    const again = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN.email, password: ADMIN.password }, headers: { cookie: first.cookie, 'x-forwarded-for': '10.8.0.1' } });
    expect(again.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(again) } })).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For from a client that is not a local proxy, so the per-IP limit holds', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.5', payload: { email: `direct${i}@agency.go.th`, password: 'x-password' }, headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      codes.push(r.statusCode);
    }
    expect(codes.at(-1)).toBe(429);
  });
});
