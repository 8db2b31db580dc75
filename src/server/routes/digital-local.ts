// Digital Local contest HTTP API: contests, public sign-up and LAO look-ups, entries with drafts and attachments (judging in digital-local-judging.ts).
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { LAO_TYPES, type ContestConfig } from '../../engine/judging/index.js';
import { currentUser } from '../plugins/auth.js';
import { receiveUpload, registerUploadParser, sendStoredFile } from './file-upload.js';
import { Nullable } from './schemas.js';
import {
  attachmentForDownload,
  createEntry,
  defaultContest,
  deleteAttachment,
  getContest,
  getEntry,
  laoTypes,
  listContestEntries,
  listContestsFor,
  publicLaos,
  publicProvinces,
  requestSignup,
  saveContest,
  saveDraft,
  submitEntry,
  uploadAttachment,
  withdrawEntry,
} from '../services/digital-local.js';
import { decideApplicant, listApplicants, myApproval } from '../services/digital-local-applicants.js';
import { digitalLocalJudgingRoutes } from './digital-local-judging.js';

const Id = Type.String({ maxLength: 64 });
const YearParams = Type.Object({ year: Type.Integer({ minimum: 2400, maximum: 2800 }) });
const IdParams = Type.Object({ id: Id });
const I18n = (max = 500) => Type.Object({ th: Type.String({ maxLength: max }), en: Type.String({ maxLength: max }) }, { additionalProperties: false });
const LaoTypeSchema = Type.Union(LAO_TYPES.map((t) => Type.Literal(t)));

/** The structure of a contest configuration; validateContestConfig checks its meaning. */
export const ContestConfigSchema = Type.Object(
  {
    year: Type.Integer(),
    name: I18n(),
    rubric: Type.Object(
      {
        scale: Type.Object({ min: Type.Number(), max: Type.Number(), step: Type.Number() }, { additionalProperties: false }),
        criteria: Type.Array(
          Type.Object(
            {
              code: Type.String({ maxLength: 40 }),
              name: I18n(),
              guidance: Type.Optional(I18n(4000)),
              weight: Type.Number(),
              descriptors: Type.Array(Type.Object({ score: Type.Number(), text: I18n(2000) }, { additionalProperties: false }), { maxItems: 101 }),
            },
            { additionalProperties: false },
          ),
          { maxItems: 20 },
        ),
      },
      { additionalProperties: false },
    ),
    tiers: Type.Array(
      Type.Object(
        {
          code: Type.String({ maxLength: 40 }),
          name: I18n(),
          topN: Type.Optional(Type.Number()),
          minScore: Type.Optional(Type.Number()),
          tieAtCutoff: Type.Union([Type.Literal('include_all'), Type.Literal('exclude_all'), Type.Literal('refer_to_committee')]),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    tieBreakCriteria: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
    eligibleLaoTypes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
    judgesPerEntry: Type.Number(),
    disagreement: Type.Object({ maxRange: Type.Number(), maxSd: Type.Number() }, { additionalProperties: false }),
    schedule: Type.Optional(
      Type.Object(
        {
          entriesOpen: Type.String({ maxLength: 40 }),
          entriesClose: Type.String({ maxLength: 40 }),
          judgingStart: Type.String({ maxLength: 40 }),
          judgingEnd: Type.String({ maxLength: 40 }),
          announcement: Type.String({ maxLength: 40 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

function needField(name: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `multipart field "${name}" is missing` }, [
    { path: `body/${name}`, th: `ต้องส่งช่อง "${name}" (ช่อง section ถ้ามี ต้องมาก่อนช่อง file)`, en: `Send the multipart field "${name}" (section, if any, before file)` },
  ]);
}

export async function digitalLocalRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  await registerUploadParser(app, ctx);

  // ----- public: LAO look-up for the sign-up form, sign-up request

  app.get('/api/public/digital-local/lao-types', { config: { public: true } }, async () => laoTypes());
  app.get('/api/public/digital-local/provinces', { config: { public: true } }, async () => publicProvinces(ctx));
  app.get(
    '/api/public/digital-local/laos',
    {
      config: { public: true },
      schema: { querystring: Type.Object({ province: Type.Optional(Type.String({ maxLength: 10 })), type: Type.Optional(LaoTypeSchema), q: Type.Optional(Type.String({ maxLength: 200 })) }) },
    },
    async (request) => publicLaos(ctx, request.query),
  );
  app.post(
    '/api/public/digital-local/signup',
    {
      config: { public: true, csrf: false },
      schema: { body: Type.Object({ email: Type.String({ format: 'email', maxLength: 320 }), organisationId: Id }, { additionalProperties: false }) },
    },
    async (request, reply) => reply.status(202).send(await requestSignup(ctx, { ...request.body, ip: request.ip })),
  );

  // ----- contests

  app.get('/api/digital-local/contests', async () => listContestsFor(ctx));
  app.get('/api/digital-local/contests/:year', { schema: { params: YearParams } }, async (request) => getContest(ctx, request.params.year));
  app.get('/api/digital-local/contest-defaults/:year', { config: { roles: ['admin'] }, schema: { params: YearParams } }, async (request) => ({ config: defaultContest(request.params.year) }));
  app.put(
    '/api/digital-local/contests/:year',
    {
      config: { roles: ['admin'] },
      schema: { params: YearParams, body: Type.Object({ config: ContestConfigSchema, version: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }) },
    },
    async (request) => saveContest(ctx, currentUser(request), request.params.year, { config: request.body.config as ContestConfig, version: request.body.version }),
  );

  // ----- entries

  app.get(
    '/api/digital-local/contests/:year/entries',
    {
      config: { roles: ['admin', 'reviewer', 'lao_applicant'] },
      schema: {
        params: YearParams,
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('withdrawn')])),
          province: Type.Optional(Type.String({ maxLength: 10 })),
          type: Type.Optional(LaoTypeSchema),
        }),
      },
    },
    async (request) => listContestEntries(ctx, currentUser(request), request.params.year, request.query),
  );

  app.post(
    '/api/digital-local/contests/:year/entries',
    { config: { roles: ['lao_applicant'] }, schema: { params: YearParams, body: Type.Optional(Type.Object({ title: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false })) } },
    async (request, reply) => {
      const r = await createEntry(ctx, currentUser(request), request.params.year, request.body ?? {});
      return reply.status(r.created ? 201 : 200).send(r.entry);
    },
  );

  // ----- DGA's approval of applicant accounts made through the public sign-up

  app.get(
    '/api/digital-local/applicants',
    { config: { roles: ['admin'] }, schema: { querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])) }) } },
    async (request) => listApplicants(ctx, request.query),
  );
  app.get('/api/digital-local/applicants/me', { config: { roles: ['lao_applicant'] } }, async (request) => myApproval(ctx, currentUser(request)));
  app.post(
    '/api/digital-local/applicants/:userId/decision',
    {
      config: { roles: ['admin'] },
      schema: {
        params: Type.Object({ userId: Id }),
        body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false }),
      },
    },
    async (request) => decideApplicant(ctx, currentUser(request), request.params.userId, request.body),
  );

  app.get('/api/digital-local/entries/:id', { schema: { params: IdParams } }, async (request) => getEntry(ctx, currentUser(request), request.params.id));

  app.put(
    '/api/digital-local/entries/:id',
    {
      config: { roles: ['lao_applicant'] },
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            baseVersion: Type.Integer({ minimum: 0 }),
            requestId: Type.String({ minLength: 1, maxLength: 100 }),
            title: Type.Optional(Type.String({ maxLength: 300 })),
            summary: Type.Optional(Type.String({ maxLength: 5000 })),
            sections: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 20000 }))),
            links: Type.Optional(Type.Array(Type.Object({ url: Type.String({ minLength: 1, maxLength: 2000 }), label: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false }), { maxItems: 20 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const r = await saveDraft(ctx, currentUser(request), request.params.id, request.body);
      if (r.status === 'conflict') {
        const err = new AppError('CONFLICT', { detail: `the entry is at version ${r.current.version}` });
        return reply.status(409).send({ ...err.toJSON(), current: r.current });
      }
      return r;
    },
  );

  app.post(
    '/api/digital-local/entries/:id/submit',
    { config: { roles: ['lao_applicant'] }, schema: { params: IdParams, body: Type.Optional(Type.Object({ version: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false })) } },
    async (request) => submitEntry(ctx, currentUser(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/digital-local/entries/:id/withdraw',
    {
      config: { roles: ['lao_applicant'] },
      schema: { params: IdParams, body: Type.Optional(Type.Object({ reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false })) },
    },
    async (request) => withdrawEntry(ctx, currentUser(request), request.params.id, request.body ?? {}),
  );

  // ----- attachments

  app.post('/api/digital-local/entries/:id/attachments', { config: { roles: ['lao_applicant'] }, schema: { params: IdParams } }, async (request, reply) => {
    const user = currentUser(request);
    const file = await receiveUpload(request, { fields: ['section'], missing: needField }, (fields, incoming) =>
      uploadAttachment(ctx, user, request.params.id, fields.section?.trim() || null, incoming),
    );
    return reply.status(201).send(file);
  });

  app.get('/api/digital-local/attachments/:id', { schema: { params: IdParams } }, async (request, reply) => {
    return sendStoredFile(reply, await attachmentForDownload(ctx, currentUser(request), request.params.id));
  });

  app.delete('/api/digital-local/attachments/:id', { config: { roles: ['lao_applicant'] }, schema: { params: IdParams } }, async (request, reply) => {
    await deleteAttachment(ctx, currentUser(request), request.params.id);
    return reply.status(204).send();
  });

  await digitalLocalJudgingRoutes(app, ctx);
}
