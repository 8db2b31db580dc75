// Digital Local sign-up approval: an account made through the public sign-up prepares but cannot submit until DGA
// approves it (unless its address is under an official domain); admins work a queue; applicants are told by mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTrustedEmail, trustedDomains } from '../../src/server/services/digital-local-applicants.js';
import { ADMIN, as, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { addLao, contestConfig, SECTIONS, YEAR } from './support/digital-local.js';

const PASSWORD = 'a-long-enough-password';

describe('trusted e-mail domains', () => {
  it('reads the configured list ("*." and a leading dot allowed, "none" for none) and trusts the domain and its subdomains only', () => {
    expect(trustedDomains({ DL_TRUSTED_EMAIL_DOMAINS: '*.go.th, .mi.th moi.go.th' })).toEqual(['go.th', 'mi.th', 'moi.go.th']);
    expect(trustedDomains({ DL_TRUSTED_EMAIL_DOMAINS: 'none' })).toEqual([]);
    const d = ['go.th'];
    expect(isTrustedEmail('it@nan.go.th', d)).toBe(true);
    expect(isTrustedEmail('IT@Nan.GO.TH', d)).toBe(true);
    expect(isTrustedEmail('it@go.th', d)).toBe(true);
    expect(isTrustedEmail('it@notgo.th', d)).toBe(false);
    expect(isTrustedEmail('it@go.th.example.com', d)).toBe(false);
    expect(isTrustedEmail('somchai@gmail.com', d)).toBe(false);
  });
});

describe('Digital Local sign-up approval', () => {
  let h: Harness;
  let admin: Session;
  const lao: Record<string, string> = {};
  const applicant: Record<string, Session> = {};
  const entry: Record<string, string> = {};

  /** Signs up through the public form and the mailed link, as a citizen would, then signs in. */
  async function signUp(email: string, organisationId: string, ip: string): Promise<Session> {
    const res = await h.app.inject({ method: 'POST', url: '/api/public/digital-local/signup', payload: { email, organisationId }, headers: { 'x-forwarded-for': ip } });
    expect(res.statusCode).toBe(202);
    const mail = await h.db.selectFrom('outbox').select('body_text').where('to_address', '=', email).where('kind', '=', 'dl-signup').executeTakeFirstOrThrow();
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.body_text)![1]!;
    const accepted = await h.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: email.split('@')[0], password: PASSWORD } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    return signIn(h.app, email, PASSWORD, ip);
  }
  const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => as(h.app, s, { method, url, ...(payload ? { payload } : {}) });
  async function prepare(who: string) {
    const s = applicant[who]!;
    const created = await call(s, 'POST', `/api/digital-local/contests/${YEAR}/entries`, { title: `นวัตกรรมของ ${who}` });
    expect(created.statusCode, created.body).toBe(201);
    entry[who] = created.json().id;
    const saved = await call(s, 'PUT', `/api/digital-local/entries/${entry[who]}`, { baseVersion: 1, requestId: `prep-${who}`, summary: 'สรุปผลงาน', sections: SECTIONS });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  const submit = (who: string) => call(applicant[who]!, 'POST', `/api/digital-local/entries/${entry[who]}/submit`, {});
  const statusOf = async (who: string) => (await h.db.selectFrom('dl_entry').select('status').where('id', '=', entry[who]!).executeTakeFirstOrThrow()).status;
  const queue = async (q = '') => (await call(admin, 'GET', `/api/digital-local/applicants${q}`)).json();
  const decide = (userId: string, payload: object) => call(admin, 'POST', `/api/digital-local/applicants/${userId}/decision`, payload);
  const userIdOf = async (email: string) => (await h.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const mails = (to: string, kind: string) => h.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', to).where('kind', '=', kind).execute();

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '1000', PUBLIC_URL: 'https://readiness.dga.or.th' });
    admin = await signIn(h.app, ADMIN.email, ADMIN.password, '10.8.0.1');
    expect((await call(admin, 'PUT', `/api/digital-local/contests/${YEAR}`, { config: contestConfig() })).statusCode).toBe(200);
    lao.free = await addLao(h.db, { code: 'APR-1', nameTh: 'เทศบาลตำบลอนุมัติหนึ่ง', nameEn: 'Approval One Municipality', type: 'subdistrict_municipality', province: '55' });
    lao.gov = await addLao(h.db, { code: 'APR-2', nameTh: 'เทศบาลตำบลอนุมัติสอง', type: 'subdistrict_municipality', province: '55' });
    lao.look = await addLao(h.db, { code: 'APR-3', nameTh: 'เทศบาลตำบลอนุมัติสาม', type: 'subdistrict_municipality', province: '55' });
  }, 120_000);
  afterAll(async () => h?.close());

  it('a sign-up from a private address waits for DGA: the mail says so, the admins are told, the account can prepare', async () => {
    applicant.free = await signUp('somchai@gmail.com', lao.free!, '10.8.1.1');
    const signupMail = await mails('somchai@gmail.com', 'dl-signup');
    expect(signupMail[0]!.body_text).toContain('สพร. จะตรวจสอบบัญชีก่อน');
    expect(signupMail[0]!.body_text).toContain('DGA reviews the account first');
    const adminMail = await mails(ADMIN.email, 'dl-applicant-pending');
    expect(adminMail).toHaveLength(1);
    expect(adminMail[0]!.body_text).toContain('somchai@gmail.com');
    expect(adminMail[0]!.body_text).toContain('Approval One Municipality');
    expect((await call(applicant.free, 'GET', '/api/digital-local/applicants/me')).json()).toEqual({ status: 'pending', reviewRequired: true, reason: null, decidedAt: null });
    await prepare('free');
  });

  it('an unapproved account cannot submit: refused in Thai and English, the entry stays a draft', async () => {
    const r = await submit('free');
    expect(r.statusCode).toBe(403);
    const err = r.json().error;
    expect(err.code).toBe('DL_APPLICANT_NOT_APPROVED');
    expect(err.message_th).toBe('บัญชีผู้สมัครของท่านยังรอการอนุมัติจาก สพร. จึงยังส่งใบสมัครไม่ได้ ท่านยังเตรียมใบสมัครได้ตามปกติ ข้อมูลไม่มีการเปลี่ยนแปลง');
    expect(err.message_en).toContain('is still awaiting approval by DGA');
    expect(await statusOf('free')).toBe('draft');
  });

  it('the admin queue lists it; a rejection needs a reason, is mailed, and still blocks submission', async () => {
    const q = await queue();
    expect(q.pending).toBe(1);
    expect(q.items[0]).toMatchObject({ email: 'somchai@gmail.com', status: 'pending', autoTrusted: false, organisation: { id: lao.free, nameTh: 'เทศบาลตำบลอนุมัติหนึ่ง' } });
    const userId = q.items[0].userId;
    for (const payload of [{ decision: 'reject' }, { decision: 'reject', reason: '   ' }]) {
      const r = await decide(userId, payload);
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details[0]).toMatchObject({ path: 'body/reason' });
    }
    expect((await decide(userId, { decision: 'maybe' })).statusCode).toBe(400);
    expect((await queue('?status=pending')).items).toHaveLength(1);
    const rejected = await decide(userId, { decision: 'reject', reason: 'ไม่ใช่เจ้าหน้าที่ของเทศบาล' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: 'ไม่ใช่เจ้าหน้าที่ของเทศบาล', decidedByName: 'DGA Admin' });
    // A retried rejection changes nothing and mails nobody twice.
    expect((await decide(userId, { decision: 'reject', reason: 'ไม่ใช่เจ้าหน้าที่ของเทศบาล' })).statusCode).toBe(200);
    const mail = await mails('somchai@gmail.com', 'dl-applicant-rejected');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain('ไม่ใช่เจ้าหน้าที่ของเทศบาล');
    const r = await submit('free');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message_en).toContain('was not approved by DGA (ไม่ใช่เจ้าหน้าที่ของเทศบาล)');
    expect(await statusOf('free')).toBe('draft');
    expect((await queue('?status=pending')).items).toEqual([]);
  });

  it('once approved (mailed), the account submits', async () => {
    const userId = await userIdOf('somchai@gmail.com');
    const approved = await decide(userId, { decision: 'approve', reason: null });
    expect(approved.json()).toMatchObject({ status: 'approved', reason: null });
    expect(await mails('somchai@gmail.com', 'dl-applicant-approved')).toHaveLength(1);
    expect((await call(applicant.free!, 'GET', '/api/digital-local/applicants/me')).json()).toMatchObject({ status: 'approved', reviewRequired: true });
    const r = await submit('free');
    expect(r.statusCode, r.body).toBe(200);
    expect(await statusOf('free')).toBe('submitted');
    const audit = await h.db.selectFrom('audit_log').select(['action', 'actor_id', 'before', 'after']).where('entity', '=', 'user').where('entity_id', '=', userId).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'dl.applicant.pending', 'dl.applicant.reject', 'dl.applicant.approve']);
    expect(audit[3]!.before).toMatchObject({ status: 'rejected' });
  });

  it('a sign-up from an official government address is trusted at once; a look-alike domain is not', async () => {
    applicant.gov = await signUp('it@apr2.go.th', lao.gov!, '10.8.1.2');
    expect((await call(applicant.gov, 'GET', '/api/digital-local/applicants/me')).json()).toMatchObject({ status: 'approved' });
    expect((await mails('it@apr2.go.th', 'dl-signup'))[0]!.body_text).not.toContain('DGA reviews the account first');
    await prepare('gov');
    expect((await submit('gov')).statusCode).toBe(200);
    expect((await queue('?status=approved')).items.find((i: { email: string }) => i.email === 'it@apr2.go.th')).toMatchObject({ autoTrusted: true });

    applicant.look = await signUp('it@apr3-go.th', lao.look!, '10.8.1.3');
    expect((await call(applicant.look, 'GET', '/api/digital-local/applicants/me')).json()).toMatchObject({ status: 'pending' });
    // Only the two private sign-ups ever reached the admins.
    expect(await mails(ADMIN.email, 'dl-applicant-pending')).toHaveLength(2);
  });
});
