// Results: scoring runs and snapshots, the analysis dashboard, agency scorecards (JSON and PDF), batch PDFs and the XLSX.
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { currentUser } from '../plugins/auth.js';
import { contentDisposition } from '../services/evidence.js';
import { dashboardFor, provincesGeoJson } from '../services/dashboard.js';
import { batchDownload, requestBatchPdf, resultsXlsx, scorecardPdf } from '../services/reports.js';
import { SCORECARD_ROLES, scorecardFor } from '../services/scorecard.js';
import { diffSnapshots, jobStatus, markOfficial, presentSnapshot, requestScoringRun, resolveSnapshot, scoringRuns } from '../services/scoring-runs.js';

const Id = Type.String({ maxLength: 64 });
const EidParams = Type.Object({ eid: Id });
const SnapshotQuery = Type.Object({ snapshot: Type.Optional(Id) });
const DGA = ['admin', 'reviewer'] as const;

export async function resultsRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.post('/api/editions/:eid/scoring-runs', { config: { roles: ['admin'] }, schema: { params: EidParams } }, async (request, reply) => {
    reply.code(202);
    return requestScoringRun(ctx, currentUser(request), request.params.eid);
  });

  app.get('/api/editions/:eid/scoring-runs', { config: { roles: DGA }, schema: { params: EidParams } }, async (request) => scoringRuns(ctx, request.params.eid));

  app.get('/api/results-jobs/:jobId', { config: { roles: ['admin'] }, schema: { params: Type.Object({ jobId: Id }) } }, async (request) => jobStatus(ctx, request.params.jobId));

  app.get('/api/results-jobs/:jobId/download', { config: { roles: ['admin'] }, schema: { params: Type.Object({ jobId: Id }) } }, async (request, reply) => {
    const f = await batchDownload(ctx, request.params.jobId);
    reply.header('content-type', 'application/zip').header('content-disposition', contentDisposition('attachment', f.filename));
    return reply.send(fs.createReadStream(f.path));
  });

  app.get('/api/editions/:eid/snapshots/diff', { config: { roles: DGA }, schema: { params: EidParams, querystring: Type.Object({ from: Id, to: Id }) } }, async (request) =>
    diffSnapshots(ctx, request.params.eid, request.query.from, request.query.to),
  );

  app.get('/api/editions/:eid/snapshots/:sid', { config: { roles: DGA }, schema: { params: Type.Object({ eid: Id, sid: Id }) } }, async (request) =>
    presentSnapshot(await resolveSnapshot(ctx.db, request.params.eid, request.params.sid, true, false)),
  );

  app.post('/api/editions/:eid/snapshots/:sid/official', { config: { roles: ['admin'] }, schema: { params: Type.Object({ eid: Id, sid: Id }) } }, async (request) =>
    markOfficial(ctx, currentUser(request), request.params.eid, request.params.sid),
  );

  app.get(
    '/api/editions/:eid/results/dashboard',
    { config: { roles: DGA }, schema: { params: EidParams, querystring: Type.Object({ snapshot: Type.Optional(Id), minN: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }) } },
    async (request) => dashboardFor(ctx, request.params.eid, request.query.snapshot, request.query.minN),
  );

  app.get('/api/editions/:eid/results.xlsx', { config: { roles: DGA }, schema: { params: EidParams, querystring: SnapshotQuery } }, async (request, reply) => {
    const snapshot = await resolveSnapshot(ctx.db, request.params.eid, request.query.snapshot, true, false);
    const out = new PassThrough();
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', `results-${request.params.eid.slice(0, 8)}-${snapshot.seq}.xlsx`));
    resultsXlsx(ctx, request.params.eid, snapshot, out).catch((err: unknown) => out.destroy(err as Error));
    return reply.send(out);
  });

  app.post(
    '/api/editions/:eid/scorecards/batch',
    { config: { roles: ['admin'] }, schema: { params: EidParams, body: Type.Optional(Type.Object({ snapshotId: Type.Optional(Id) }, { additionalProperties: false })) } },
    async (request, reply) => {
      reply.code(202);
      return requestBatchPdf(ctx, currentUser(request), request.params.eid, request.body?.snapshotId);
    },
  );

  const OrgParams = Type.Object({ eid: Id, oid: Id });
  app.get('/api/editions/:eid/organisations/:oid/scorecard', { config: { roles: SCORECARD_ROLES }, schema: { params: OrgParams, querystring: SnapshotQuery } }, async (request) =>
    scorecardFor(ctx, currentUser(request), request.params.eid, request.params.oid, request.query.snapshot),
  );

  app.get('/api/editions/:eid/organisations/:oid/scorecard.pdf', { config: { roles: SCORECARD_ROLES }, schema: { params: OrgParams, querystring: SnapshotQuery } }, async (request, reply) => {
    const { pdf, filename } = await scorecardPdf(ctx, currentUser(request), request.params.eid, request.params.oid, request.query.snapshot);
    reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition('inline', filename));
    return reply.send(pdf);
  });

  app.get('/api/results/provinces.geojson', async (_request, reply) => {
    reply.header('content-type', 'application/geo+json').header('cache-control', 'private, max-age=86400');
    return reply.send(provincesGeoJson());
  });
}
