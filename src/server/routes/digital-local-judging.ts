// Digital Local judging HTTP API: judges' conflicts, assignments, score sheets, committee, results and the public winners list.
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import type { AssignmentChange, ScoreBasis } from '../../engine/judging/index.js';
import { currentUser } from '../plugins/auth.js';
import { Nullable } from './schemas.js';
import {
  addOverride,
  announceResults,
  assignmentOverview,
  autoAssign,
  changeAssignment,
  chooseBasis,
  committeeView,
  confirmResults,
  declarationCandidates,
  declareConflict,
  entryFeedbackFor,
  judgeEntries,
  judgeEntryView,
  listJudges,
  myJudgeProfile,
  publicContests,
  publicWinners,
  removeDeclaration,
  removeOverride,
  saveSheet,
  setAffiliations,
  setJudgeCapacity,
  sheetHistory,
  submitSheet,
} from '../services/digital-local-judging.js';

const Id = Type.String({ maxLength: 64 });
const Year = Type.Integer({ minimum: 2400, maximum: 2800 });
const YearParams = Type.Object({ year: Year });
const IdParams = Type.Object({ id: Id });
const Basis = Type.Union([Type.Literal('raw'), Type.Literal('zscore'), Type.Literal('additive')]);
const Province = Type.String({ minLength: 1, maxLength: 10 });

export async function digitalLocalJudgingRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  // ----- judges

  app.get('/api/digital-local/judges', { config: { roles: ['admin'] } }, async () => listJudges(ctx));
  app.put(
    '/api/digital-local/judges/:judgeId/affiliations',
    {
      config: { roles: ['admin'] },
      schema: {
        params: Type.Object({ judgeId: Id }),
        body: Type.Object({ affiliations: Type.Array(Type.Object({ organisationId: Type.Optional(Nullable(Id)), provinceCode: Type.Optional(Nullable(Province)) }, { additionalProperties: false }), { maxItems: 50 }) }, { additionalProperties: false }),
      },
    },
    async (request) => setAffiliations(ctx, currentUser(request), request.params.judgeId, request.body.affiliations),
  );
  app.get('/api/digital-local/judges/me', { config: { roles: ['judge'] } }, async (request) => myJudgeProfile(ctx, currentUser(request)));
  app.post(
    '/api/digital-local/judges/me/declarations',
    {
      config: { roles: ['judge'] },
      schema: {
        body: Type.Object(
          {
            kind: Type.Optional(Nullable(Type.Union([Type.Literal('lao'), Type.Literal('province'), Type.Literal('other')]))),
            organisationId: Type.Optional(Nullable(Id)),
            provinceCode: Type.Optional(Nullable(Province)),
            note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => reply.status(201).send(await declareConflict(ctx, currentUser(request), request.body)),
  );
  app.get(
    '/api/digital-local/judging/:year/declaration-candidates',
    {
      config: { roles: ['judge'] },
      schema: { params: YearParams, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }) },
    },
    async (request) => declarationCandidates(ctx, request.params.year, request.query),
  );
  app.delete('/api/digital-local/judges/me/declarations/:id', { config: { roles: ['judge'] }, schema: { params: IdParams } }, async (request, reply) => {
    await removeDeclaration(ctx, currentUser(request), request.params.id);
    return reply.status(204).send();
  });

  // ----- assignment

  app.get('/api/digital-local/contests/:year/assignments', { config: { roles: ['admin'] }, schema: { params: YearParams } }, async (request) => assignmentOverview(ctx, request.params.year));
  app.post(
    '/api/digital-local/contests/:year/assignments/auto',
    { config: { roles: ['admin'] }, schema: { params: YearParams, body: Type.Optional(Type.Object({ seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })) }, { additionalProperties: false })) } },
    async (request) => autoAssign(ctx, currentUser(request), request.params.year, request.body ?? {}),
  );
  app.put(
    '/api/digital-local/contests/:year/judge-capacity',
    {
      config: { roles: ['admin'] },
      schema: { params: YearParams, body: Type.Object({ maxEntriesPerJudge: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }, { additionalProperties: false }) },
    },
    // Absent means no limit (an explicit null would be coerced to 0 and refused).
    async (request) => setJudgeCapacity(ctx, currentUser(request), request.params.year, { maxEntriesPerJudge: request.body.maxEntriesPerJudge ?? null }),
  );
  app.post(
    '/api/digital-local/contests/:year/assignments/changes',
    {
      config: { roles: ['admin'] },
      schema: {
        params: YearParams,
        body: Type.Union([
          Type.Object({ kind: Type.Literal('add'), entryId: Id, judgeId: Id }, { additionalProperties: false }),
          Type.Object({ kind: Type.Literal('remove'), entryId: Id, judgeId: Id }, { additionalProperties: false }),
          Type.Object({ kind: Type.Literal('replace'), entryId: Id, fromJudgeId: Id, toJudgeId: Id }, { additionalProperties: false }),
        ]),
      },
    },
    async (request) => changeAssignment(ctx, currentUser(request), request.params.year, request.body as AssignmentChange),
  );

  // ----- scoring

  app.get('/api/digital-local/judging/:year/entries', { config: { roles: ['judge'] }, schema: { params: YearParams } }, async (request) => judgeEntries(ctx, currentUser(request), request.params.year));
  app.get('/api/digital-local/judging/entries/:id', { config: { roles: ['judge'] }, schema: { params: IdParams } }, async (request) => judgeEntryView(ctx, currentUser(request), request.params.id));
  app.put(
    '/api/digital-local/judging/entries/:id/sheet',
    {
      config: { roles: ['judge'] },
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            baseVersion: Type.Integer({ minimum: 0 }),
            ratings: Type.Record(Type.String({ maxLength: 40 }), Type.Object({ score: Nullable(Type.Number()), comment: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false })),
            overallComment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const r = await saveSheet(ctx, currentUser(request), request.params.id, request.body);
      if (r.status === 'conflict') {
        const err = new AppError('CONFLICT', { detail: `the score sheet is at version ${r.current.version}` });
        return reply.status(409).send({ ...err.toJSON(), current: r.current });
      }
      return r.sheet;
    },
  );
  app.get('/api/digital-local/entries/:id/sheet-history', { config: { roles: ['admin'] }, schema: { params: IdParams } }, async (request) => sheetHistory(ctx, request.params.id));
  app.post('/api/digital-local/judging/entries/:id/sheet/submit', { config: { roles: ['judge'] }, schema: { params: IdParams } }, async (request) =>
    submitSheet(ctx, currentUser(request), request.params.id),
  );

  // ----- committee

  app.get(
    '/api/digital-local/contests/:year/committee',
    { config: { roles: ['admin'] }, schema: { params: YearParams, querystring: Type.Object({ basis: Type.Optional(Basis) }) } },
    async (request) => committeeView(ctx, request.params.year, request.query.basis as ScoreBasis | undefined),
  );
  app.put(
    '/api/digital-local/contests/:year/committee/basis',
    { config: { roles: ['admin'] }, schema: { params: YearParams, body: Type.Object({ basis: Basis, reason: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))) }, { additionalProperties: false }) } },
    async (request) => chooseBasis(ctx, currentUser(request), request.params.year, request.body),
  );
  app.post(
    '/api/digital-local/contests/:year/committee/overrides',
    {
      config: { roles: ['admin'] },
      schema: { params: YearParams, body: Type.Object({ entryId: Id, tier: Nullable(Type.String({ maxLength: 40 })), reason: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }) },
    },
    async (request, reply) => reply.status(201).send(await addOverride(ctx, currentUser(request), request.params.year, request.body)),
  );
  app.delete(
    '/api/digital-local/contests/:year/committee/overrides/:overrideId',
    { config: { roles: ['admin'] }, schema: { params: Type.Object({ year: Year, overrideId: Id }) } },
    async (request) => removeOverride(ctx, currentUser(request), request.params.year, request.params.overrideId),
  );
  app.post('/api/digital-local/contests/:year/committee/confirm', { config: { roles: ['admin'] }, schema: { params: YearParams } }, async (request) =>
    confirmResults(ctx, currentUser(request), request.params.year),
  );
  app.post('/api/digital-local/contests/:year/announce', { config: { roles: ['admin'] }, schema: { params: YearParams } }, async (request) =>
    announceResults(ctx, currentUser(request), request.params.year),
  );

  // ----- results

  app.get('/api/digital-local/entries/:id/feedback', { config: { roles: ['admin', 'reviewer', 'lao_applicant'] }, schema: { params: IdParams } }, async (request) =>
    entryFeedbackFor(ctx, currentUser(request), request.params.id),
  );
  app.get('/api/public/digital-local/contests', { config: { public: true } }, async () => publicContests(ctx));
  app.get('/api/public/digital-local/:year/winners', { config: { public: true }, schema: { params: YearParams } }, async (request) => publicWinners(ctx, request.params.year));
}
