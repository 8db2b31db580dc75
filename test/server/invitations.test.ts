import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../helpers/config.js';
import { ADMIN, as, orgIdByCode, PASSWORD, seedUser, sessionCookie, signIn, startHarness, type Harness, type Session } from './support/foundation.js';

function tokenOf(link: string): string {
  return link.split('/invite/')[1]!;
}

describe('invitations', () => {
  let h: Harness;
  let admin: Session;
  let coord: Session;
  let ownOrg: string;
  let otherOrg: string;
  beforeAll(async () => {
    h = await startHarness({ PUBLIC_URL: 'https://readiness.dga.or.th' });
    ownOrg = await orgIdByCode(h.db, '15005');
    otherOrg = await orgIdByCode(h.db, '03007');
    admin = await signIn(h.app, ADMIN.email, ADMIN.password);
    await seedUser(h.db, { email: 'coord@dol.go.th', role: 'coordinator', organisationId: ownOrg });
    coord = await signIn(h.app, 'coord@dol.go.th', PASSWORD, '10.0.0.2');
  });
  afterAll(async () => h.close());

  it('admin invites a coordinator: link under PUBLIC_URL, bilingual mail in the outbox, token stored hashed', async () => {
    const res = await as(h.app, admin, { method: 'POST', url: '/api/invitations', payload: { email: 'new.coord@rd.go.th', role: 'coordinator', organisationId: otherOrg } });
    expect(res.statusCode).toBe(201);
    const { link, expiresAt } = res.json();
    expect(link).toMatch(/^https:\/\/readiness\.dga\.or\.th\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(expiresAt).toBe('2026-05-08T03:00:00.000Z');
    const stored = await h.db.selectFrom('invitation').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(tokenOf(link));

    const outbox = (await as(h.app, admin, { method: 'GET', url: '/api/outbox' })).json().items;
    const mail = outbox.find((m: { to: string }) => m.to === 'new.coord@rd.go.th');
    expect(mail).toMatchObject({ kind: 'invitation', sentAt: null });
    expect(mail.bodyText).toContain(link);
    expect(mail.bodyText).toContain('กรมสรรพากร');
    expect(mail.bodyText).toContain('You have been invited');

    const view = await h.app.inject({ method: 'GET', url: `/api/invitations/${tokenOf(link)}` });
    expect(view.json()).toMatchObject({ email: 'new.coord@rd.go.th', role: 'coordinator', organisation: { id: otherOrg, nameTh: 'กรมสรรพากร' } });
    const list = (await as(h.app, admin, { method: 'GET', url: '/api/invitations' })).json().items;
    expect(list.find((i: { email: string }) => i.email === 'new.coord@rd.go.th')).toMatchObject({ role: 'coordinator', organisationId: otherOrg, usedAt: null });
  });

  it('accepting creates the account bound to the organisation and role and signs in; the link then stops working', async () => {
    const { link } = (await as(h.app, admin, { method: 'POST', url: '/api/invitations', payload: { email: 'head@rd.go.th', role: 'head', organisationId: otherOrg } })).json();
    const token = tokenOf(link);
    const weak = await h.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'อธิบดี', password: 'short' } });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');

    const ok = await h.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'อธิบดีกรมสรรพากร', password: 'a-long-enough-password' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ email: 'head@rd.go.th', role: 'head', organisationId: otherOrg, displayName: 'อธิบดีกรมสรรพากร' });
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(ok) } });
    expect(me.json().user.email).toBe('head@rd.go.th');

    const reuse = await h.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'someone else', password: 'another-long-password' } });
    expect(reuse.statusCode).toBe(410);
    expect(reuse.json().error.code).toBe('INVITATION_INVALID');
    expect((await h.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(410);
    // The new account can sign in with its password.
    await signIn(h.app, 'head@rd.go.th', 'a-long-enough-password', '10.0.0.3');
  });

  it('accepting on a browser that was signed in as someone else ends that session on the server', async () => {
    const { link } = (await as(h.app, admin, { method: 'POST', url: '/api/invitations', payload: { email: 'second@rd.go.th', role: 'contributor', organisationId: otherOrg } })).json();
    const before = await signIn(h.app, 'head@rd.go.th', 'a-long-enough-password', '10.0.0.4');
    const ok = await h.app.inject({ method: 'POST', url: `/api/invitations/${tokenOf(link)}/accept`, payload: { displayName: 'ผู้ร่วมตอบ', password: 'a-long-enough-password' }, headers: { cookie: before.cookie } });
    expect(ok.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: before.cookie } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookie(ok) } })).json().user.email).toBe('second@rd.go.th');
  });

  it('refuses an expired invitation and an unknown token', async () => {
    const { link } = (await as(h.app, admin, { method: 'POST', url: '/api/invitations', payload: { email: 'late@rd.go.th', role: 'contributor', organisationId: otherOrg } })).json();
    h.clock.advance(7 * 86400_000 + 1000);
    try {
      const r = await h.app.inject({ method: 'POST', url: `/api/invitations/${tokenOf(link)}/accept`, payload: { displayName: 'Late', password: 'a-long-enough-password' } });
      expect(r.statusCode).toBe(410);
      expect((await h.db.selectFrom('app_user').select('id').where('email', '=', 'late@rd.go.th').execute())).toHaveLength(0);
    } finally {
      h.clock.set('2026-05-01T03:00:00Z');
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/invitations/not-a-real-token' })).statusCode).toBe(410);
  });

  it('a coordinator invites contributors and heads for their own organisation only', async () => {
    const own = await as(h.app, coord, { method: 'POST', url: '/api/invitations', payload: { email: 'helper@dol.go.th', role: 'contributor' } });
    expect(own.statusCode).toBe(201);
    const row = await h.db.selectFrom('invitation').select(['organisation_id', 'role']).where('email', '=', 'helper@dol.go.th').executeTakeFirstOrThrow();
    expect(row).toEqual({ organisation_id: ownOrg, role: 'contributor' });

    const other = await as(h.app, coord, { method: 'POST', url: '/api/invitations', payload: { email: 'spy@rd.go.th', role: 'contributor', organisationId: otherOrg } });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const adminRole = await as(h.app, coord, { method: 'POST', url: '/api/invitations', payload: { email: 'boss@dol.go.th', role: 'admin' } });
    expect(adminRole.statusCode).toBe(404);
    const listing = await as(h.app, coord, { method: 'GET', url: '/api/invitations' });
    expect(listing.statusCode).toBe(404);
    expect(await h.db.selectFrom('invitation').select('id').where('email', 'in', ['spy@rd.go.th', 'boss@dol.go.th']).execute()).toHaveLength(0);
  });

  it('refuses an invitation for an e-mail that already has an account', async () => {
    const r = await as(h.app, admin, { method: 'POST', url: '/api/invitations', payload: { email: 'COORD@dol.go.th', role: 'contributor', organisationId: ownOrg } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('with SMTP_URL set, tries SMTP and records a failed send on the outbox row without failing the invitation', async () => {
    const smtpApp = await buildApp({ config: testConfig({ SMTP_URL: 'smtp://127.0.0.1:1' }), db: h.db, clock: h.clock, logger: false, webRoot: null });
    try {
      const s = await signIn(smtpApp, ADMIN.email, ADMIN.password, '10.0.0.8');
      const r = await as(smtpApp, s, { method: 'POST', url: '/api/invitations', payload: { email: 'smtp.test@rd.go.th', role: 'reviewer' } });
      expect(r.statusCode).toBe(201);
      const row = await h.db.selectFrom('outbox').selectAll().where('to_address', '=', 'smtp.test@rd.go.th').executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await smtpApp.close();
    }
  });
});
