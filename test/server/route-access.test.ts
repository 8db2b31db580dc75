// Every registered route declares who may call it, and the running server enforces it for every route: anonymous 401,
// wrong role 404, a write without the CSRF token 403. Adding a route? Add it to ACCESS below (the first test fails
// until you do); if it takes a record id and lets more than one organisation's users in, name the test that checks
// that each one reaches only its own records.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/server/auth/policy.js';
import { ADMIN, as, orgIdByCode, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';

type Who = 'public' | 'signed-in' | readonly Role[];
interface Access {
  who: Who;
  /**
   * The test file that checks record-level scoping (another agency's / LAO's / judge's record answers 404), for routes
   * that let users of more than one organisation in and pick a record by id.
   */
  scopedIn?: string;
  /** The record is not any organisation's (a framework, an award set): everyone admitted sees the same. */
  shared?: true;
}

const DGA: Role[] = ['admin', 'reviewer'];
const AGENCY: Role[] = ['coordinator', 'contributor', 'head'];
const Q = 'questionnaire-access.test.ts';
const DL = 'digital-local-access.test.ts';
const AW = 'awards-access.test.ts';

const ACCESS: Record<string, Access> = {
  'GET /health': { who: 'public' },
  'POST /api/auth/login': { who: 'public' },
  'POST /api/auth/logout': { who: 'signed-in' },
  'GET /api/auth/me': { who: 'signed-in' },
  'GET /api/invitations': { who: ['admin'] },
  'POST /api/invitations': { who: ['admin', 'coordinator'], scopedIn: 'access.test.ts' },
  'GET /api/invitations/:token': { who: 'public' },
  'POST /api/invitations/:token/accept': { who: 'public' },
  'GET /api/users': { who: ['admin'] },
  'GET /api/outbox': { who: ['admin'] },
  'GET /api/registry/organisations': { who: 'signed-in', scopedIn: 'access.test.ts' },
  'GET /api/registry/organisations/:id': { who: 'signed-in', scopedIn: 'access.test.ts' },
  'PATCH /api/registry/organisations/:id': { who: ['admin'] },
  'GET /api/registry/organisations/:id/audit': { who: ['admin'] },
  'GET /api/registry/ministries': { who: 'signed-in' },
  'GET /api/registry/provinces': { who: 'signed-in' },
  'GET /api/registry/provincial-agency-types': { who: 'signed-in' },
  'GET /api/registry/summary': { who: 'signed-in' },
  'POST /api/registry/lao-import': { who: ['admin'] },
  'GET /api/frameworks': { who: DGA },
  'GET /api/frameworks/:id/:version': { who: 'signed-in', shared: true },
  'POST /api/frameworks': { who: ['admin'] },
  'GET /api/editions': { who: 'signed-in', scopedIn: 'security.test.ts' },
  'POST /api/editions': { who: ['admin'] },
  'GET /api/editions/:eid': { who: 'signed-in', scopedIn: 'security.test.ts' },
  'PATCH /api/editions/:eid': { who: ['admin'] },
  'POST /api/editions/:eid/population/preview': { who: ['admin'] },
  'POST /api/editions/:eid/population': { who: ['admin'] },
  'POST /api/editions/:eid/transition': { who: ['admin'] },
  'GET /api/editions/:eid/transitions': { who: ['admin'] },
  'POST /api/editions/:eid/invite-coordinators': { who: ['admin'] },
  'GET /api/editions/:eid/monitoring': { who: ['admin'] },
  'POST /api/editions/:eid/reminders/run': { who: ['admin'] },
  'GET /api/editions/:eid/export': { who: ['admin'] },
  'GET /api/editions/:eid/organisations/:oid/questionnaire': { who: 'signed-in', scopedIn: Q },
  'PUT /api/editions/:eid/organisations/:oid/answers': { who: AGENCY, scopedIn: Q },
  'GET /api/editions/:eid/organisations/:oid/answers/:item/history': { who: 'signed-in', scopedIn: Q },
  'PUT /api/editions/:eid/organisations/:oid/assignments': { who: ['coordinator'], scopedIn: Q },
  'GET /api/editions/:eid/organisations/:oid/checklist': { who: 'signed-in', scopedIn: Q },
  'POST /api/editions/:eid/organisations/:oid/complete': { who: ['coordinator'], scopedIn: Q },
  'POST /api/editions/:eid/organisations/:oid/submit': { who: ['head'], scopedIn: Q },
  'POST /api/editions/:eid/organisations/:oid/reopen': { who: ['admin'] },
  'POST /api/editions/:eid/organisations/:oid/evidence': { who: AGENCY, scopedIn: Q },
  'GET /api/evidence/:fileId': { who: 'signed-in', scopedIn: Q },
  'DELETE /api/evidence/:fileId': { who: AGENCY, scopedIn: Q },
  'POST /api/editions/:eid/scoring-runs': { who: ['admin'] },
  'GET /api/editions/:eid/scoring-runs': { who: DGA },
  'GET /api/results-jobs/:jobId': { who: ['admin'] },
  'GET /api/results-jobs/:jobId/download': { who: ['admin'] },
  'GET /api/editions/:eid/snapshots/diff': { who: DGA },
  'GET /api/editions/:eid/snapshots/:sid': { who: DGA },
  'POST /api/editions/:eid/snapshots/:sid/official': { who: ['admin'] },
  'GET /api/editions/:eid/results/dashboard': { who: DGA },
  'GET /api/editions/:eid/results.xlsx': { who: DGA },
  'POST /api/editions/:eid/scorecards/batch': { who: ['admin'] },
  'GET /api/editions/:eid/organisations/:oid/scorecard': { who: ['admin', 'reviewer', 'head', 'coordinator'], scopedIn: 'results.test.ts' },
  'GET /api/editions/:eid/organisations/:oid/scorecard.pdf': { who: ['admin', 'reviewer', 'head', 'coordinator'], scopedIn: 'results.test.ts' },
  'GET /api/results/provinces.geojson': { who: 'signed-in' },
  'GET /api/review/reasons': { who: DGA },
  'PUT /api/review/reasons/:code': { who: ['admin'] },
  'GET /api/review/reviewers': { who: ['admin'] },
  'GET /api/review/editions/:eid/queue': { who: DGA },
  'POST /api/review/editions/:eid/assignments/auto': { who: ['admin'] },
  'PUT /api/review/editions/:eid/assignments': { who: ['admin'] },
  'GET /api/review/editions/:eid/organisations/:oid/items': { who: DGA },
  'POST /api/review/editions/:eid/organisations/:oid/items/:item/decision': { who: DGA },
  'POST /api/review/editions/:eid/organisations/:oid/send-backs': { who: DGA },
  'GET /api/editions/:eid/organisations/:oid/corrections': { who: 'signed-in', scopedIn: 'review.test.ts' },
  'POST /api/editions/:eid/organisations/:oid/corrections/:sbid/resubmit': { who: ['coordinator', 'head'], scopedIn: 'review.test.ts' },
  'GET /api/editions/:eid/organisations/:oid/evidence-losses': { who: ['admin', 'reviewer', 'head', 'coordinator'], scopedIn: 'review.test.ts' },
  'GET /api/review/organisations/:oid/audit': { who: ['admin'] },
  'GET /api/awards/editions/:eid/set': { who: 'signed-in', shared: true },
  'PUT /api/awards/editions/:eid/set': { who: ['admin'] },
  'GET /api/awards/editions/:eid/set/versions': { who: DGA },
  'POST /api/awards/editions/:eid/compute': { who: ['admin'] },
  'GET /api/awards/editions/:eid/decisions': { who: 'signed-in', scopedIn: AW },
  'GET /api/awards/editions/:eid/decisions/:categoryId': { who: 'signed-in', scopedIn: AW },
  'POST /api/awards/editions/:eid/decisions/:categoryId/actions': { who: DGA },
  'GET /api/awards/editions/:eid/rollup': { who: 'signed-in', scopedIn: AW },
  'GET /api/awards/totals': { who: 'signed-in' },
  'GET /api/awards/judges': { who: ['admin'] },
  'GET /api/awards/my-judging': { who: ['judge'] },
  'GET /api/awards/editions/:eid/nominations': { who: 'signed-in', scopedIn: AW },
  'POST /api/awards/editions/:eid/nominations': { who: ['admin', 'head', 'coordinator'], scopedIn: AW },
  'GET /api/awards/editions/:eid/nominations/:nid': { who: 'signed-in', scopedIn: AW },
  'POST /api/awards/editions/:eid/nominations/:nid/evidence': { who: ['admin', 'head', 'coordinator'], scopedIn: AW },
  'PATCH /api/awards/editions/:eid/nominations/:nid': { who: ['admin', 'head', 'coordinator'], scopedIn: AW },
  'POST /api/awards/editions/:eid/nominations/:nid/withdraw': { who: ['admin', 'head', 'coordinator'], scopedIn: AW },
  'DELETE /api/awards/editions/:eid/nominations/:nid/evidence/:fid': { who: ['admin', 'head', 'coordinator'], scopedIn: AW },
  'GET /api/awards/editions/:eid/nominations/:nid/evidence/:fid': { who: 'signed-in', scopedIn: AW },
  'PUT /api/awards/editions/:eid/nominations/:nid/judges': { who: ['admin'] },
  'PUT /api/awards/editions/:eid/nominations/:nid/scores': { who: ['judge'], scopedIn: AW },
  'POST /api/awards/editions/:eid/nominations/:nid/recuse': { who: ['judge'], scopedIn: AW },
  'POST /api/awards/editions/:eid/nominations/:nid/recusals': { who: ['admin'] },
  'DELETE /api/awards/editions/:eid/nominations/:nid/recusals/:judgeId': { who: ['admin'] },
  'GET /api/awards/editions/:eid/committee/:categoryId/ranking': { who: DGA },
  'POST /api/awards/editions/:eid/committee/:categoryId/decision': { who: ['admin'] },
  'GET /api/awards/editions/:eid/certificates': { who: 'signed-in', scopedIn: AW },
  'GET /api/awards/certificates/:code/pdf': { who: 'signed-in', scopedIn: 'security.test.ts' },
  'GET /api/awards/editions/:eid/certificates.zip': { who: DGA },
  'POST /api/awards/certificates/:code/revoke': { who: ['admin'] },
  'POST /api/awards/certificates/:code/reissue': { who: ['admin'] },
  'GET /api/public/awards/:yearBe': { who: 'public' },
  'GET /api/public/certificates/:code': { who: 'public' },
  'GET /api/public/digital-local/lao-types': { who: 'public' },
  'GET /api/public/digital-local/provinces': { who: 'public' },
  'GET /api/public/digital-local/laos': { who: 'public' },
  'POST /api/public/digital-local/signup': { who: 'public' },
  'GET /api/public/digital-local/contests': { who: 'public' },
  'GET /api/public/digital-local/:year/winners': { who: 'public' },
  'GET /api/digital-local/contests': { who: 'signed-in' },
  'GET /api/digital-local/contests/:year': { who: 'signed-in' },
  'GET /api/digital-local/contest-defaults/:year': { who: ['admin'] },
  'PUT /api/digital-local/contests/:year': { who: ['admin'] },
  'GET /api/digital-local/contests/:year/entries': { who: ['admin', 'reviewer', 'lao_applicant'], scopedIn: DL },
  'POST /api/digital-local/contests/:year/entries': { who: ['lao_applicant'], scopedIn: DL },
  'GET /api/digital-local/entries/:id': { who: 'signed-in', scopedIn: DL },
  'PUT /api/digital-local/entries/:id': { who: ['lao_applicant'], scopedIn: DL },
  'POST /api/digital-local/entries/:id/submit': { who: ['lao_applicant'], scopedIn: DL },
  'POST /api/digital-local/entries/:id/withdraw': { who: ['lao_applicant'], scopedIn: DL },
  'POST /api/digital-local/entries/:id/attachments': { who: ['lao_applicant'], scopedIn: DL },
  'GET /api/digital-local/attachments/:id': { who: 'signed-in', scopedIn: DL },
  'DELETE /api/digital-local/attachments/:id': { who: ['lao_applicant'], scopedIn: DL },
  'GET /api/digital-local/entries/:id/feedback': { who: ['admin', 'reviewer', 'lao_applicant'], scopedIn: DL },
  'GET /api/digital-local/applicants': { who: ['admin'] },
  'GET /api/digital-local/applicants/me': { who: ['lao_applicant'] },
  'POST /api/digital-local/applicants/:userId/decision': { who: ['admin'] },
  'GET /api/digital-local/judges': { who: ['admin'] },
  'PUT /api/digital-local/judges/:judgeId/affiliations': { who: ['admin'] },
  'GET /api/digital-local/judges/me': { who: ['judge'] },
  'POST /api/digital-local/judges/me/declarations': { who: ['judge'] },
  'DELETE /api/digital-local/judges/me/declarations/:id': { who: ['judge'], scopedIn: DL },
  'GET /api/digital-local/judging/:year/declaration-candidates': { who: ['judge'] },
  'GET /api/digital-local/contests/:year/assignments': { who: ['admin'] },
  'POST /api/digital-local/contests/:year/assignments/auto': { who: ['admin'] },
  'PUT /api/digital-local/contests/:year/judge-capacity': { who: ['admin'] },
  'POST /api/digital-local/contests/:year/assignments/changes': { who: ['admin'] },
  'GET /api/digital-local/judging/:year/entries': { who: ['judge'], scopedIn: DL },
  'GET /api/digital-local/judging/entries/:id': { who: ['judge'], scopedIn: DL },
  'PUT /api/digital-local/judging/entries/:id/sheet': { who: ['judge'], scopedIn: DL },
  'GET /api/digital-local/entries/:id/sheet-history': { who: ['admin'] },
  'POST /api/digital-local/judging/entries/:id/sheet/submit': { who: ['judge'], scopedIn: DL },
  'GET /api/digital-local/contests/:year/committee': { who: ['admin'] },
  'PUT /api/digital-local/contests/:year/committee/basis': { who: ['admin'] },
  'POST /api/digital-local/contests/:year/committee/overrides': { who: ['admin'] },
  'DELETE /api/digital-local/contests/:year/committee/overrides/:overrideId': { who: ['admin'] },
  'POST /api/digital-local/contests/:year/committee/confirm': { who: ['admin'] },
  'POST /api/digital-local/contests/:year/announce': { who: ['admin'] },
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NIL = '00000000-0000-4000-8000-000000000000';

/** A concrete URL for a route pattern; the ids point at nothing, which does not matter: refusals come first. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => (name === 'year' || name === 'yearBe' ? '2569' : name === 'code' ? 'ABCDEFGHJKLM' : name === 'item' ? 'P1.01' : name === 'version' ? '1' : NIL));
}

/** Matches the route pattern itself or a URL built on it (`${eid}`, a literal id). */
function urlRegex(route: string): RegExp {
  return new RegExp(route.split(/:\w+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/\'"`?\\s]+'));
}

function supportFiles(dir: string): string[] {
  return fs.readdirSync(path.join(dir, 'support')).map((f) => path.join(dir, 'support', f));
}

const allowed = (who: Who, role: Role) => who === 'signed-in' || (Array.isArray(who) && who.includes(role));

describe('every route: who may call it', () => {
  let h: Harness;
  const sessions = {} as Record<Role, Session>;
  let routes: { key: string; method: string; url: string; public: boolean; roles: readonly string[] | null; csrf: boolean }[];

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '1000' });
    const agency = await orgIdByCode(h.db, 'PAT-15002-50');
    const lao = await orgIdByCode(h.db, 'LAO-PAO-50');
    for (const role of ROLES) {
      if (role === 'admin') continue;
      const organisationId = role === 'lao_applicant' ? lao : AGENCY.includes(role) ? agency : null;
      await seedUser(h.db, { email: `${role}@route-access.test`, role, organisationId });
    }
    for (const [i, role] of ROLES.entries()) sessions[role] = role === 'admin' ? await signIn(h.app, ADMIN.email, ADMIN.password, `10.60.0.${i}`) : await signIn(h.app, `${role}@route-access.test`, undefined, `10.60.0.${i}`);
    routes = h.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS').map((r) => ({ ...r, key: `${r.method} ${r.url}` }));
  });
  afterAll(async () => h?.close());

  it('lists every registered route, and only those', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !ACCESS[k]), 'add these routes to ACCESS in test/server/route-access.test.ts').toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !keys.includes(k)), 'these ACCESS rows name no route').toEqual([]);
  });

  it("declares the same access as each route's own settings", () => {
    for (const r of routes) {
      const a = ACCESS[r.key];
      if (!a) continue;
      const declared = r.public ? 'public' : r.roles ? [...r.roles].sort() : 'signed-in';
      expect(declared, r.key).toEqual(Array.isArray(a.who) ? [...a.who].sort() : a.who);
      // Only public routes (used before a session exists) skip the CSRF token; they accept JSON only (below).
      if (!r.csrf) expect(r.public, `${r.key} skips CSRF but is not public`).toBe(true);
    }
  });

  it('names an existing test for every route scoped to its own records', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const notMentioned: string[] = [];
    for (const [key, a] of Object.entries(ACCESS)) {
      if (!a.scopedIn) continue;
      const file = path.join(dir, a.scopedIn);
      expect(fs.existsSync(file), `${key}: ${a.scopedIn}`).toBe(true);
      // The test (or the table it imports from ./support) must call the route: its pattern, or a URL built on it.
      const text = [file, ...supportFiles(dir)].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      const route = key.split(' ')[1]!;
      // Tests often build URLs on a base (`${base}/nominations/${id}`): the part after any id counts too.
      const tails = [...route.matchAll(/:\w+(?=\/)/g)].map((m) => route.slice(m.index + m[0].length));
      const forms = [route, ...tails.filter((t) => t.replace(/:\w+/g, '').length >= 10)];
      if (!forms.some((f) => urlRegex(f).test(text))) notMentioned.push(`${key} (${a.scopedIn})`);
    }
    expect(notMentioned).toEqual([]);
    // Routes that let several organisations in and take a record id must say where scoping is tested.
    const unscoped = Object.entries(ACCESS).filter(([key, a]) => {
      if (a.scopedIn || a.shared || a.who === 'public') return false;
      const roles = a.who === 'signed-in' ? ROLES : a.who;
      const nonDga = roles.filter((r) => !DGA.includes(r));
      return nonDga.length > 0 && /:(?!year\b|yearBe\b)\w+/.test(key.split(' ')[1]!);
    });
    expect(unscoped.map(([k]) => k)).toEqual([]);
  });

  it('answers 401 to anonymous callers on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (r.public) continue;
      const res = await h.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: MUTATING.has(r.method) ? {} : undefined });
      if (res.statusCode !== 401 || res.json().error.code !== 'UNAUTHENTICATED') wrong.push(`${r.key} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 404 NOT_FOUND to every signed-in role a route does not admit, before reading the request', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const a = ACCESS[r.key];
      if (!a || a.who === 'public' || a.who === 'signed-in') continue;
      for (const role of ROLES) {
        if (allowed(a.who, role)) continue;
        const res = await as(h.app, sessions[role], { method: r.method as 'GET', url: concrete(r.url), payload: MUTATING.has(r.method) ? {} : undefined });
        if (res.statusCode !== 404 || res.json().error.code !== 'NOT_FOUND') wrong.push(`${role} ${r.key} → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every write without the CSRF token (403), also from a role the route admits', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const a = ACCESS[r.key];
      if (!a || !MUTATING.has(r.method) || a.who === 'public') continue;
      const role = a.who === 'signed-in' ? 'coordinator' : a.who[0]!;
      const s = sessions[role];
      for (const csrf of [undefined, `${s.csrf}x`]) {
        const headers: Record<string, string> = { cookie: s.cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) };
        const res = await h.app.inject({ method: r.method as 'POST', url: concrete(r.url), payload: {}, headers });
        if (res.statusCode !== 403 || res.json().error.code !== 'CSRF_INVALID') wrong.push(`${role} ${r.key} (${csrf ? 'wrong' : 'no'} token) → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    // The sessions still work: the refusals signed nobody out.
    expect((await as(h.app, sessions.coordinator, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('public writes take JSON only, so a cross-site form cannot post to them', async () => {
    const writes = routes.filter((r) => r.public && MUTATING.has(r.method));
    expect(writes.map((r) => r.key).sort()).toEqual(['POST /api/auth/login', 'POST /api/invitations/:token/accept', 'POST /api/public/digital-local/signup']);
    const before = await h.db.selectFrom('invitation').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const forms: { type: string; body: string }[] = [
      { type: 'application/x-www-form-urlencoded', body: 'email=admin%40dga.local&password=admin-password-123&organisationId=x&displayName=x' },
      { type: 'text/plain', body: '{"email":"admin@dga.local","password":"admin-password-123"}' },
      { type: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nadmin@dga.local\r\n--x--\r\n' },
    ];
    for (const r of writes) {
      for (const f of forms) {
        const res = await h.app.inject({ method: 'POST', url: concrete(r.url), headers: { 'content-type': f.type, 'x-forwarded-for': '10.60.1.1' }, payload: f.body });
        expect(res.statusCode, `${r.key} as ${f.type}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${r.key} as ${f.type}`).toBeLessThan(500);
        expect(res.cookies.find((c) => c.name === 'dgr_session'), `${r.key} as ${f.type}`).toBeUndefined();
      }
    }
    const after = await h.db.selectFrom('invitation').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
