// Who reaches each Digital Local route: the entering LAO's applicant, another LAO's applicant, an assigned and an
// unassigned judge, an agency user, a reviewer, an admin, and an anonymous caller. Every route is in the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../src/demo/pdf.js';
import { ADMIN, as, orgIdByCode, PASSWORD, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { addLao, contestConfig, DATES, multipart, SECTIONS, YEAR } from './support/digital-local.js';

const PRINCIPALS = ['anonymous', 'applicantOwn', 'applicantOther', 'judgeAssigned', 'judgeNotAssigned', 'agency', 'reviewer', 'admin'] as const;
type Principal = (typeof PRINCIPALS)[number];

interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  route: string;
  url: () => string;
  payload?: () => object;
  multipart?: () => { payload: Buffer; headers: Record<string, string> };
  /** Status per principal; unlisted: 401 for anonymous, 404 for everyone else. */
  allow: Partial<Record<Principal, number>>;
  public?: boolean;
}

describe('Digital Local access', () => {
  let h: Harness;
  const s: Partial<Record<Principal, Session>> = {};
  const ids: Record<string, string> = {};

  async function signInAll() {
    s.admin = await signIn(h.app, ADMIN.email, ADMIN.password, '10.3.0.1');
    s.reviewer = await signIn(h.app, 'reviewer@dga.go.th', PASSWORD, '10.3.0.2');
    s.agency = await signIn(h.app, 'coord@dol.go.th', PASSWORD, '10.3.0.3');
    s.applicantOwn = await signIn(h.app, 'own@lao.go.th', PASSWORD, '10.3.0.4');
    s.applicantOther = await signIn(h.app, 'other@lao.go.th', PASSWORD, '10.3.0.5');
    s.judgeAssigned = await signIn(h.app, 'j1@judge.go.th', PASSWORD, '10.3.0.6');
    s.judgeNotAssigned = await signIn(h.app, 'j2@judge.go.th', PASSWORD, '10.3.0.7');
  }

  beforeAll(async () => {
    h = await startHarness({ LOGIN_RATE_LIMIT: '1000' });
    const own = await orgIdByCode(h.db, 'LAO-PAO-50');
    const other = await addLao(h.db, { code: 'ACC-1', nameTh: 'เทศบาลเมืองทดสอบสิทธิ์', type: 'town_municipality', province: '40' });
    const third = await addLao(h.db, { code: 'ACC-2', nameTh: 'อบต.ทดสอบสิทธิ์', type: 'sao', province: '30' });
    await seedUser(h.db, { email: 'reviewer@dga.go.th', role: 'reviewer' });
    await seedUser(h.db, { email: 'coord@dol.go.th', role: 'coordinator', organisationId: await orgIdByCode(h.db, '15005') });
    await seedUser(h.db, { email: 'own@lao.go.th', role: 'lao_applicant', organisationId: own });
    await seedUser(h.db, { email: 'other@lao.go.th', role: 'lao_applicant', organisationId: other });
    await seedUser(h.db, { email: 'third@lao.go.th', role: 'lao_applicant', organisationId: third });
    ids.j1 = await seedUser(h.db, { email: 'j1@judge.go.th', role: 'judge' });
    ids.j2 = await seedUser(h.db, { email: 'j2@judge.go.th', role: 'judge' });
    await signInAll();
    const thirdSession = await signIn(h.app, 'third@lao.go.th', PASSWORD, '10.3.0.8');

    expect((await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}`, payload: { config: contestConfig({ judgesPerEntry: 1 }) } })).statusCode).toBe(200);
    const enter = async (who: Session, key: string) => {
      const e = (await as(h.app, who, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/entries`, payload: { title: `ผลงาน ${key}` } })).json();
      ids[key] = e.id;
      await as(h.app, who, { method: 'PUT', url: `/api/digital-local/entries/${e.id}`, payload: { baseVersion: 1, requestId: key, summary: 'สรุป', sections: SECTIONS } });
      if (key === 'entryA') {
        const a = await as(h.app, who, { method: 'POST', url: `/api/digital-local/entries/${e.id}/attachments`, ...multipart({}, { filename: 'a.pdf', content: tinyPdf('A', ['a']) }) });
        ids.attA = a.json().id;
      }
      expect((await as(h.app, who, { method: 'POST', url: `/api/digital-local/entries/${e.id}/submit`, payload: {} })).json().status).toBe('submitted');
    };
    await enter(s.applicantOwn!, 'entryA');
    await enter(s.applicantOther!, 'entryB');
    await enter(thirdSession, 'entryC');

    h.clock.set(DATES.judging);
    await signInAll();
    const change = (entryId: string, judgeId: string) => as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/assignments/changes`, payload: { kind: 'add', entryId, judgeId } });
    expect((await change(ids.entryA!, ids.j1!)).statusCode).toBe(200);
    expect((await change(ids.entryB!, ids.j2!)).statusCode).toBe(200);
    expect((await change(ids.entryC!, ids.j2!)).statusCode).toBe(200);
    const full = { problem: { score: 4, comment: 'ดี' }, policy_plan: { score: 4, comment: 'ดี' }, work_process: { score: 3, comment: 'พอใช้' }, results: { score: 4, comment: 'ดี' } };
    for (const e of [ids.entryB!, ids.entryC!]) {
      await as(h.app, s.judgeNotAssigned!, { method: 'PUT', url: `/api/digital-local/judging/entries/${e}/sheet`, payload: { baseVersion: 0, ratings: full } });
      expect((await as(h.app, s.judgeNotAssigned!, { method: 'POST', url: `/api/digital-local/judging/entries/${e}/sheet/submit`, payload: {} })).statusCode).toBe(200);
    }
    const decl = await as(h.app, s.judgeNotAssigned!, { method: 'POST', url: '/api/digital-local/judges/me/declarations', payload: { provinceCode: '96' } });
    ids.declaration = decl.json().declarations[0].id;
    expect((await as(h.app, s.admin!, { method: 'PUT', url: `/api/digital-local/contests/${YEAR}/committee/basis`, payload: { basis: 'raw' } })).statusCode).toBe(200);
    const o = await as(h.app, s.admin!, { method: 'POST', url: `/api/digital-local/contests/${YEAR}/committee/overrides`, payload: { entryId: ids.entryB, tier: null, reason: 'เอกสารไม่ครบ' } });
    expect(o.statusCode, o.body).toBe(201);
    ids.override = o.json().overrides[0].id;
  }, 120_000);
  afterAll(async () => h?.close());

  const everyone = (status: number): Partial<Record<Principal, number>> => Object.fromEntries(PRINCIPALS.map((p) => [p, status]));
  const signedIn = (status: number): Partial<Record<Principal, number>> => Object.fromEntries(PRINCIPALS.filter((p) => p !== 'anonymous').map((p) => [p, status]));
  const year = `/api/digital-local/contests/${YEAR}`;

  const CASES: Case[] = [
    { method: 'GET', route: '/api/public/digital-local/lao-types', url: () => '/api/public/digital-local/lao-types', allow: everyone(200), public: true },
    { method: 'GET', route: '/api/public/digital-local/provinces', url: () => '/api/public/digital-local/provinces', allow: everyone(200), public: true },
    { method: 'GET', route: '/api/public/digital-local/laos', url: () => '/api/public/digital-local/laos?province=50', allow: everyone(200), public: true },
    { method: 'POST', route: '/api/public/digital-local/signup', url: () => '/api/public/digital-local/signup', payload: () => ({ email: 'x@example.go.th', organisationId: 'not-an-lao' }), allow: everyone(400), public: true },
    { method: 'GET', route: '/api/public/digital-local/contests', url: () => '/api/public/digital-local/contests', allow: everyone(200), public: true },
    // Not announced yet: nobody sees winners, signed in or not.
    { method: 'GET', route: '/api/public/digital-local/:year/winners', url: () => `/api/public/digital-local/${YEAR}/winners`, allow: everyone(404), public: true },

    { method: 'GET', route: '/api/digital-local/contests', url: () => '/api/digital-local/contests', allow: signedIn(200) },
    { method: 'GET', route: '/api/digital-local/contests/:year', url: () => year, allow: signedIn(200) },
    { method: 'GET', route: '/api/digital-local/contest-defaults/:year', url: () => `/api/digital-local/contest-defaults/${YEAR}`, allow: { admin: 200 } },
    { method: 'PUT', route: '/api/digital-local/contests/:year', url: () => year, payload: () => ({ config: { ...contestConfig(), judgesPerEntry: 0 } }), allow: { admin: 400 } },

    { method: 'GET', route: '/api/digital-local/contests/:year/entries', url: () => `${year}/entries`, allow: { admin: 200, reviewer: 200, applicantOwn: 200, applicantOther: 200 } },
    { method: 'POST', route: '/api/digital-local/contests/:year/entries', url: () => `${year}/entries`, payload: () => ({}), allow: { applicantOwn: 200, applicantOther: 200 } },
    { method: 'GET', route: '/api/digital-local/entries/:id', url: () => `/api/digital-local/entries/${ids.entryA}`, allow: { admin: 200, reviewer: 200, applicantOwn: 200, judgeAssigned: 200 } },
    { method: 'PUT', route: '/api/digital-local/entries/:id', url: () => `/api/digital-local/entries/${ids.entryA}`, payload: () => ({ baseVersion: 1, requestId: 'acc', title: 'x' }), allow: { applicantOwn: 409 } },
    { method: 'POST', route: '/api/digital-local/entries/:id/submit', url: () => `/api/digital-local/entries/${ids.entryA}/submit`, payload: () => ({}), allow: { applicantOwn: 200 } },
    {
      method: 'POST',
      route: '/api/digital-local/entries/:id/attachments',
      url: () => `/api/digital-local/entries/${ids.entryA}/attachments`,
      multipart: () => multipart({}, { filename: 'b.pdf', content: tinyPdf('B', ['b']) }),
      allow: { applicantOwn: 409 },
    },
    { method: 'GET', route: '/api/digital-local/attachments/:id', url: () => `/api/digital-local/attachments/${ids.attA}`, allow: { admin: 200, reviewer: 200, applicantOwn: 200, judgeAssigned: 200 } },
    { method: 'DELETE', route: '/api/digital-local/attachments/:id', url: () => `/api/digital-local/attachments/${ids.attA}`, allow: { applicantOwn: 409 } },
    // Not confirmed: staff and the LAO are told why; nobody else learns that the entry exists.
    { method: 'GET', route: '/api/digital-local/entries/:id/feedback', url: () => `/api/digital-local/entries/${ids.entryA}/feedback`, allow: { admin: 409, reviewer: 409, applicantOwn: 409 } },

    { method: 'GET', route: '/api/digital-local/applicants', url: () => '/api/digital-local/applicants?status=pending', allow: { admin: 200 } },
    { method: 'GET', route: '/api/digital-local/applicants/me', url: () => '/api/digital-local/applicants/me', allow: { applicantOwn: 200, applicantOther: 200 } },
    { method: 'POST', route: '/api/digital-local/applicants/:userId/decision', url: () => `/api/digital-local/applicants/${ids.j1}/decision`, payload: () => ({ decision: 'reject' }), allow: { admin: 400 } },
    { method: 'GET', route: '/api/digital-local/judges', url: () => '/api/digital-local/judges', allow: { admin: 200 } },
    { method: 'PUT', route: '/api/digital-local/judges/:judgeId/affiliations', url: () => `/api/digital-local/judges/${ids.j1}/affiliations`, payload: () => ({ affiliations: [{}] }), allow: { admin: 400 } },
    { method: 'GET', route: '/api/digital-local/judges/me', url: () => '/api/digital-local/judges/me', allow: { judgeAssigned: 200, judgeNotAssigned: 200 } },
    { method: 'POST', route: '/api/digital-local/judges/me/declarations', url: () => '/api/digital-local/judges/me/declarations', payload: () => ({}), allow: { judgeAssigned: 400, judgeNotAssigned: 400 } },

    { method: 'GET', route: '/api/digital-local/contests/:year/assignments', url: () => `${year}/assignments`, allow: { admin: 200 } },
    { method: 'PUT', route: '/api/digital-local/contests/:year/judge-capacity', url: () => `${year}/judge-capacity`, payload: () => ({}), allow: { admin: 200 } },
    { method: 'POST', route: '/api/digital-local/contests/:year/assignments/auto', url: () => `${year}/assignments/auto`, payload: () => ({}), allow: { admin: 200 } },
    { method: 'POST', route: '/api/digital-local/contests/:year/assignments/changes', url: () => `${year}/assignments/changes`, payload: () => ({ kind: 'add', entryId: ids.entryA, judgeId: ids.j1 }), allow: { admin: 400 } },

    { method: 'GET', route: '/api/digital-local/judging/:year/declaration-candidates', url: () => `/api/digital-local/judging/${YEAR}/declaration-candidates?q=${encodeURIComponent('ทต.')}`, allow: { judgeAssigned: 200, judgeNotAssigned: 200 } },
    { method: 'GET', route: '/api/digital-local/judging/:year/entries', url: () => `/api/digital-local/judging/${YEAR}/entries`, allow: { judgeAssigned: 200, judgeNotAssigned: 200 } },
    { method: 'GET', route: '/api/digital-local/judging/entries/:id', url: () => `/api/digital-local/judging/entries/${ids.entryA}`, allow: { judgeAssigned: 200 } },
    { method: 'PUT', route: '/api/digital-local/judging/entries/:id/sheet', url: () => `/api/digital-local/judging/entries/${ids.entryA}/sheet`, payload: () => ({ baseVersion: 99, ratings: {} }), allow: { judgeAssigned: 409 } },
    { method: 'GET', route: '/api/digital-local/entries/:id/sheet-history', url: () => `/api/digital-local/entries/${ids.entryB}/sheet-history`, allow: { admin: 200 } },
    { method: 'POST', route: '/api/digital-local/judging/entries/:id/sheet/submit', url: () => `/api/digital-local/judging/entries/${ids.entryA}/sheet/submit`, payload: () => ({}), allow: { judgeAssigned: 400 } },

    { method: 'GET', route: '/api/digital-local/contests/:year/committee', url: () => `${year}/committee`, allow: { admin: 200 } },
    { method: 'PUT', route: '/api/digital-local/contests/:year/committee/basis', url: () => `${year}/committee/basis`, payload: () => ({ basis: 'raw' }), allow: { admin: 200 } },
    { method: 'POST', route: '/api/digital-local/contests/:year/committee/overrides', url: () => `${year}/committee/overrides`, payload: () => ({ entryId: ids.entryC, tier: null, reason: '' }), allow: { admin: 400 } },
    { method: 'POST', route: '/api/digital-local/contests/:year/committee/confirm', url: () => `${year}/committee/confirm`, payload: () => ({}), allow: { admin: 409 } },
    { method: 'POST', route: '/api/digital-local/contests/:year/announce', url: () => `${year}/announce`, payload: () => ({}), allow: { admin: 409 } },
    // Last: these change what the cases above read.
    { method: 'DELETE', route: '/api/digital-local/contests/:year/committee/overrides/:overrideId', url: () => `${year}/committee/overrides/${ids.override}`, allow: { admin: 200 } },
    { method: 'DELETE', route: '/api/digital-local/judges/me/declarations/:id', url: () => `/api/digital-local/judges/me/declarations/${ids.declaration}`, allow: { judgeNotAssigned: 204 } },
    { method: 'POST', route: '/api/digital-local/entries/:id/withdraw', url: () => `/api/digital-local/entries/${ids.entryA}/withdraw`, payload: () => ({ reason: 'ทดสอบ' }), allow: { applicantOwn: 200 } },
  ];

  it('covers every Digital Local route', () => {
    const routes = new Set(h.app.routeTable.filter((r) => r.method !== 'HEAD' && /digital-local/.test(r.url)).map((r) => `${r.method} ${r.url}`));
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    expect([...routes].filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.method} ${c.route}`, async () => {
      // Those allowed last, so that a permitted write (withdraw, delete) does not change what the refused ones meet.
      const order = [...PRINCIPALS].sort((a, b) => Number(c.allow[a] !== undefined) - Number(c.allow[b] !== undefined));
      const got: Partial<Record<Principal, number>> = {};
      const want: Partial<Record<Principal, number>> = {};
      for (const p of order) {
        const body = c.multipart ? c.multipart() : c.payload ? { payload: c.payload() } : {};
        const opts = { method: c.method, url: c.url(), ...body };
        const res = p === 'anonymous' ? await h.app.inject(opts) : await as(h.app, s[p]!, opts);
        got[p] = res.statusCode;
        want[p] = c.allow[p] ?? (p === 'anonymous' ? 401 : 404);
      }
      expect(got).toEqual(want);
    });
  }
});
