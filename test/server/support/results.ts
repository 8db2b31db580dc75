// Routes of the results feature that take an organisation id; results-access tests check each (the coverage test lists them).
export const RESULTS_ORG_ROUTES: { method: 'GET'; route: string; path: (eid: string, oid: string) => string }[] = [
  { method: 'GET', route: '/api/editions/:eid/organisations/:oid/scorecard', path: (eid, oid) => `/api/editions/${eid}/organisations/${oid}/scorecard` },
  { method: 'GET', route: '/api/editions/:eid/organisations/:oid/scorecard.pdf', path: (eid, oid) => `/api/editions/${eid}/organisations/${oid}/scorecard.pdf` },
];
