// Routes of the verification feature that take an organisation id; review.test.ts checks each for 404 across agencies.
export const REVIEW_ORG_ROUTES: { method: 'GET' | 'POST'; route: string; path: (eid: string, oid: string) => string; body?: unknown }[] = [
  { method: 'GET', route: '/api/review/editions/:eid/organisations/:oid/items', path: (e, o) => `/api/review/editions/${e}/organisations/${o}/items` },
  { method: 'POST', route: '/api/review/editions/:eid/organisations/:oid/items/:item/decision', path: (e, o) => `/api/review/editions/${e}/organisations/${o}/items/P1.01/decision`, body: { decision: 'accepted' } },
  { method: 'POST', route: '/api/review/editions/:eid/organisations/:oid/send-backs', path: (e, o) => `/api/review/editions/${e}/organisations/${o}/send-backs`, body: { deadline: '2030-01-01T00:00:00Z', items: [{ item: 'P1.01', reasonCode: 'OTHER' }] } },
  { method: 'GET', route: '/api/editions/:eid/organisations/:oid/corrections', path: (e, o) => `/api/editions/${e}/organisations/${o}/corrections` },
  { method: 'POST', route: '/api/editions/:eid/organisations/:oid/corrections/:sbid/resubmit', path: (e, o) => `/api/editions/${e}/organisations/${o}/corrections/00000000-0000-4000-8000-000000000000/resubmit` },
  { method: 'GET', route: '/api/editions/:eid/organisations/:oid/evidence-losses', path: (e, o) => `/api/editions/${e}/organisations/${o}/evidence-losses` },
  { method: 'GET', route: '/api/review/organisations/:oid/audit', path: (_e, o) => `/api/review/organisations/${o}/audit` },
];
