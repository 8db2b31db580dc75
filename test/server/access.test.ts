// An agency user must get 404 NOT_FOUND on another organisation's records from EVERY route that takes an organisation id.
// Adding a route with :oid / :organisationId (or under /api/registry/organisations/:id)? Add a row to ROUTES below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/server/auth/policy.js';
import { as, orgIdByCode, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { QUESTIONNAIRE_ORG_ROUTES } from './support/questionnaire.js';
import { RESULTS_ORG_ROUTES } from './support/results.js';
import { REVIEW_ORG_ROUTES } from './support/review.js';

interface RouteCase {
  /** The route as registered (method + url pattern); the coverage check below matches on it. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  url: (orgId: string) => string;
  body?: (orgId: string) => unknown;
  /** Whether the agency user may use it on their own organisation (checked too, so the 404 is the policy's doing). */
  ownAllowed: (role: Role) => boolean;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', route: '/api/registry/organisations/:id', url: (o) => `/api/registry/organisations/${o}`, ownAllowed: () => true },
  { method: 'PATCH', route: '/api/registry/organisations/:id', url: (o) => `/api/registry/organisations/${o}`, body: () => ({ version: 1, active: false }), ownAllowed: () => false },
  { method: 'GET', route: '/api/registry/organisations/:id/audit', url: (o) => `/api/registry/organisations/${o}/audit`, ownAllowed: () => false },
  {
    method: 'POST',
    route: '/api/invitations',
    url: () => '/api/invitations',
    body: (o) => ({ email: `x${Math.random().toString(36).slice(2)}@example.go.th`, role: 'contributor', organisationId: o }),
    ownAllowed: (role) => role === 'coordinator',
  },
  { method: 'GET', route: '/api/users', url: (o) => `/api/users?organisationId=${o}`, ownAllowed: () => false },
];

/** Path parameters that carry an organisation id. */
const ORG_PARAM = /:(oid|organisationId|orgId)\b|^\/api\/registry\/organisations\/:id/;

describe('agency users reach only their own organisation', () => {
  let h: Harness;
  let own: string;
  let other: string;
  const sessions: Partial<Record<Role, Session>> = {};
  const agencyRoles: Role[] = ['coordinator', 'contributor', 'head'];
  beforeAll(async () => {
    h = await startHarness();
    own = await orgIdByCode(h.db, 'PAT-15002-50'); // สำนักงานจังหวัดเชียงใหม่
    other = await orgIdByCode(h.db, 'PAT-15002-57'); // สำนักงานจังหวัดเชียงราย
    for (const [i, role] of agencyRoles.entries()) {
      await seedUser(h.db, { email: `${role}@cm.go.th`, role, organisationId: own });
      sessions[role] = await signIn(h.app, `${role}@cm.go.th`, undefined, `10.7.0.${i}`);
    }
  });
  afterAll(async () => h.close());

  it('covers every registered route that takes an organisation id', () => {
    // Questionnaire routes need an open edition; questionnaire-access.test.ts checks each of them the same way
    // (results routes need a scored edition; results.test.ts checks them).
    const covered = new Set([...ROUTES.map((r) => `${r.method} ${r.route}`), ...QUESTIONNAIRE_ORG_ROUTES.map((r) => `${r.method} ${r.route}`), ...RESULTS_ORG_ROUTES.map((r) => `${r.method} ${r.route}`), ...REVIEW_ORG_ROUTES.map((r) => `${r.method} ${r.route}`)]);
    const takesOrg = h.app.routeTable.filter((r) => r.method !== 'HEAD' && ORG_PARAM.test(r.url)).map((r) => `${r.method} ${r.url}`);
    expect(takesOrg.length).toBeGreaterThanOrEqual(3);
    const missing = takesOrg.filter((r) => !covered.has(r));
    expect(missing, 'add these routes to ROUTES in test/server/access.test.ts').toEqual([]);
  });

  for (const role of ['coordinator', 'contributor', 'head'] as Role[]) {
    for (const rc of ROUTES) {
      it(`${role}: ${rc.method} ${rc.route} on another organisation answers 404 like a missing one`, async () => {
        const s = sessions[role]!;
        const refused = await as(h.app, s, { method: rc.method, url: rc.url(other), payload: rc.body?.(other) as object | undefined });
        expect(refused.statusCode).toBe(404);
        expect(refused.json().error.code).toBe('NOT_FOUND');
        const missing = await as(h.app, s, { method: rc.method, url: rc.url('00000000-0000-4000-8000-000000000000'), payload: rc.body?.('00000000-0000-4000-8000-000000000000') as object | undefined });
        expect(missing.statusCode).toBe(404);
        expect(missing.json()).toEqual(refused.json());
        const mine = await as(h.app, s, { method: rc.method, url: rc.url(own), payload: rc.body?.(own) as object | undefined });
        if (rc.ownAllowed(role)) expect(mine.statusCode).toBeLessThan(300);
        else expect(mine.statusCode).toBe(404);
      });
    }
  }

  it('the registry list shows an agency user only their own organisation, whatever the filter', async () => {
    const s = sessions.coordinator!;
    const all = (await as(h.app, s, { method: 'GET', url: '/api/registry/organisations?limit=500' })).json();
    expect(all.total).toBe(1);
    expect(all.items[0].id).toBe(own);
    const searched = (await as(h.app, s, { method: 'GET', url: `/api/registry/organisations?q=${encodeURIComponent('เชียงราย')}` })).json();
    expect(searched).toEqual({ total: 0, items: [] });
  });

  it('a judge (no organisation) sees no registry records', async () => {
    await seedUser(h.db, { email: 'judge@experts.example', role: 'judge' });
    const judge = await signIn(h.app, 'judge@experts.example', undefined, '10.7.1.1');
    expect((await as(h.app, judge, { method: 'GET', url: '/api/registry/organisations' })).json()).toEqual({ total: 0, items: [] });
    expect((await as(h.app, judge, { method: 'GET', url: `/api/registry/organisations/${own}` })).statusCode).toBe(404);
  });

  it('nothing was changed by the refused requests', async () => {
    const o = await h.db.selectFrom('organisation').select(['active', 'version']).where('id', '=', other).executeTakeFirstOrThrow();
    expect(o).toEqual({ active: true, version: 1 });
    const invites = await h.db.selectFrom('invitation').select('organisation_id').execute();
    expect(invites.every((i) => i.organisation_id === own)).toBe(true);
  });
});
