// Digital Government Awards: award sets, compute, decision workflow, roll-ups, committee nominations and scoring, certificates.
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { currentUser } from '../plugins/auth.js';
import {
  awardSetHistory,
  awardTotals,
  computeEditionAwards,
  decisionAction,
  editionRollup,
  getAwardSet,
  getDecision,
  listEditionDecisions,
  publicAwards,
  saveAwardSet,
} from '../services/awards.js';
import {
  addRecusal,
  assignJudges,
  committeeRanking,
  createNomination,
  decideCommittee,
  deleteNominationEvidence,
  editNomination,
  getNomination,
  judgeList,
  myJudgingEditions,
  listEditionNominations,
  nominationEvidenceDownload,
  recuseSelf,
  removeRecusal,
  scoreNomination,
  uploadNominationEvidence,
  withdrawNomination,
} from '../services/awards-committee.js';
import { certificatePdf, certificatesZip, editionCertificates, reissueCertificate, revokeCertificate, verifyCertificate } from '../services/awards-certificates.js';
import { contentDisposition } from '../services/evidence.js';
import { receiveUpload, registerUploadParser, sendStoredFile } from './file-upload.js';
import { Nullable } from './schemas.js';

const Id = Type.String({ maxLength: 64 });
const CategoryId = Type.String({ maxLength: 64 });
const DGA = ['admin', 'reviewer'] as const;
const EidParams = Type.Object({ eid: Id });
const CatParams = Type.Object({ eid: Id, categoryId: CategoryId });
const NidParams = Type.Object({ eid: Id, nid: Id });
const Code = Type.String({ maxLength: 40 });

const missingFile = () =>
  new AppError('VALIDATION_FAILED', { detail: 'multipart field "file" is missing' }, [{ path: 'body/file', th: 'ต้องส่งไฟล์ในช่อง "file"', en: 'Send the file in the multipart field "file"' }]);

export async function awardsRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  await registerUploadParser(app, ctx);

  // ---- award sets ----
  app.get('/api/awards/editions/:eid/set', { schema: { params: EidParams } }, async (request) => getAwardSet(ctx, request.params.eid));

  app.put(
    '/api/awards/editions/:eid/set',
    {
      config: { roles: ['admin'] },
      // The definition is checked by the engine's validateAwardSet, which reports every problem in Thai and English.
      schema: { params: EidParams, body: Type.Object({ definition: Type.Unknown(), baseVersion: Nullable(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }) },
    },
    async (request) => saveAwardSet(ctx, currentUser(request), request.params.eid, request.body),
  );

  app.get('/api/awards/editions/:eid/set/versions', { config: { roles: DGA }, schema: { params: EidParams } }, async (request) => awardSetHistory(ctx, request.params.eid));

  // ---- computing and decisions ----
  app.post(
    '/api/awards/editions/:eid/compute',
    { config: { roles: ['admin'] }, schema: { params: EidParams, body: Type.Optional(Type.Object({}, { additionalProperties: false })) } },
    async (request) => computeEditionAwards(ctx, currentUser(request), request.params.eid),
  );

  app.get('/api/awards/editions/:eid/decisions', { schema: { params: EidParams } }, async (request) => listEditionDecisions(ctx, currentUser(request), request.params.eid));

  app.get('/api/awards/editions/:eid/decisions/:categoryId', { schema: { params: CatParams } }, async (request) =>
    getDecision(ctx, currentUser(request), request.params.eid, request.params.categoryId),
  );

  app.post(
    '/api/awards/editions/:eid/decisions/:categoryId/actions',
    {
      config: { roles: DGA },
      schema: {
        params: CatParams,
        body: Type.Object(
          {
            type: Type.Union([Type.Literal('review'), Type.Literal('override'), Type.Literal('approve'), Type.Literal('reopen'), Type.Literal('announce')]),
            baseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
            note: Type.Optional(Type.String({ maxLength: 4000 })),
            acknowledgeKnifeEdge: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
            change: Type.Optional(Type.Union([Type.Literal('add'), Type.Literal('remove')])),
            organisationId: Type.Optional(Id),
            group: Type.Optional(Type.String({ maxLength: 200 })),
            reason: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => decisionAction(ctx, currentUser(request), request.params.eid, request.params.categoryId, request.body),
  );

  app.get(
    '/api/awards/editions/:eid/rollup',
    { schema: { params: EidParams, querystring: Type.Object({ scope: Type.Optional(Type.Union([Type.Literal('announced'), Type.Literal('all')])) }) } },
    async (request) => editionRollup(ctx, currentUser(request), request.params.eid, request.query.scope),
  );

  app.get('/api/awards/totals', async () => awardTotals(ctx));

  // ---- committee award ----
  app.get('/api/awards/judges', { config: { roles: ['admin'] } }, async () => judgeList(ctx));
  app.get('/api/awards/my-judging', { config: { roles: ['judge'] } }, async (request) => myJudgingEditions(ctx, currentUser(request)));

  app.get(
    '/api/awards/editions/:eid/nominations',
    { schema: { params: EidParams, querystring: Type.Object({ categoryId: Type.Optional(CategoryId) }) } },
    async (request) => listEditionNominations(ctx, currentUser(request), request.params.eid, request.query.categoryId),
  );

  app.post(
    '/api/awards/editions/:eid/nominations',
    {
      config: { roles: ['admin', 'head', 'coordinator'] },
      schema: {
        params: EidParams,
        body: Type.Object(
          {
            categoryId: CategoryId,
            organisationId: Id,
            personNameTh: Type.String({ minLength: 1, maxLength: 300 }),
            personNameEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            positionTh: Type.String({ minLength: 1, maxLength: 300 }),
            positionEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            statement: Type.String({ minLength: 1, maxLength: 20000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => reply.status(201).send(await createNomination(ctx, currentUser(request), request.params.eid, request.body)),
  );

  app.get('/api/awards/editions/:eid/nominations/:nid', { schema: { params: NidParams } }, async (request) =>
    getNomination(ctx, currentUser(request), request.params.eid, request.params.nid),
  );

  app.patch(
    '/api/awards/editions/:eid/nominations/:nid',
    {
      config: { roles: ['admin', 'head', 'coordinator'] },
      schema: {
        params: NidParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            personNameTh: Type.Optional(Type.String({ maxLength: 300 })),
            personNameEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            positionTh: Type.Optional(Type.String({ maxLength: 300 })),
            positionEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            statement: Type.Optional(Type.String({ maxLength: 20000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => editNomination(ctx, currentUser(request), request.params.eid, request.params.nid, request.body),
  );

  app.post(
    '/api/awards/editions/:eid/nominations/:nid/withdraw',
    {
      config: { roles: ['admin', 'head', 'coordinator'] },
      schema: { params: NidParams, body: Type.Object({ version: Type.Integer({ minimum: 1 }), reason: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }) },
    },
    async (request) => withdrawNomination(ctx, currentUser(request), request.params.eid, request.params.nid, request.body),
  );

  app.delete(
    '/api/awards/editions/:eid/nominations/:nid/evidence/:fid',
    { config: { roles: ['admin', 'head', 'coordinator'] }, schema: { params: Type.Object({ eid: Id, nid: Id, fid: Id }) } },
    async (request) => deleteNominationEvidence(ctx, currentUser(request), request.params.eid, request.params.nid, request.params.fid),
  );

  app.post(
    '/api/awards/editions/:eid/nominations/:nid/evidence',
    { config: { roles: ['admin', 'head', 'coordinator'] }, schema: { params: NidParams } },
    async (request, reply) => {
      const user = currentUser(request);
      const f = await receiveUpload(request, { fields: [], missing: missingFile }, (_fields, incoming) =>
        uploadNominationEvidence(ctx, user, request.params.eid, request.params.nid, incoming),
      );
      return reply.status(201).send(f);
    },
  );

  app.get('/api/awards/editions/:eid/nominations/:nid/evidence/:fid', { schema: { params: Type.Object({ eid: Id, nid: Id, fid: Id }) } }, async (request, reply) => {
    return sendStoredFile(reply, await nominationEvidenceDownload(ctx, currentUser(request), request.params.eid, request.params.nid, request.params.fid));
  });

  app.put(
    '/api/awards/editions/:eid/nominations/:nid/judges',
    { config: { roles: ['admin'] }, schema: { params: NidParams, body: Type.Object({ judgeIds: Type.Array(Id, { maxItems: 100 }) }, { additionalProperties: false }) } },
    async (request) => assignJudges(ctx, currentUser(request), request.params.eid, request.params.nid, request.body.judgeIds),
  );

  // A judge declares a conflict on a nomination assigned to them; an admin records or lifts one for any judge.
  app.post(
    '/api/awards/editions/:eid/nominations/:nid/recuse',
    { config: { roles: ['judge'] }, schema: { params: NidParams, body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }) } },
    async (request) => recuseSelf(ctx, currentUser(request), request.params.eid, request.params.nid, request.body),
  );

  app.post(
    '/api/awards/editions/:eid/nominations/:nid/recusals',
    {
      config: { roles: ['admin'] },
      schema: { params: NidParams, body: Type.Object({ judgeId: Id, reason: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }) },
    },
    async (request) => addRecusal(ctx, currentUser(request), request.params.eid, request.params.nid, request.body),
  );

  app.delete(
    '/api/awards/editions/:eid/nominations/:nid/recusals/:judgeId',
    { config: { roles: ['admin'] }, schema: { params: Type.Object({ eid: Id, nid: Id, judgeId: Id }) } },
    async (request) => removeRecusal(ctx, currentUser(request), request.params.eid, request.params.nid, request.params.judgeId),
  );

  app.put(
    '/api/awards/editions/:eid/nominations/:nid/scores',
    {
      config: { roles: ['judge'] },
      schema: {
        params: NidParams,
        body: Type.Object(
          { scores: Type.Array(Type.Object({ criterion: Type.String({ maxLength: 64 }), score: Type.Number() }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => scoreNomination(ctx, currentUser(request), request.params.eid, request.params.nid, request.body.scores),
  );

  app.get('/api/awards/editions/:eid/committee/:categoryId/ranking', { config: { roles: DGA }, schema: { params: CatParams } }, async (request) =>
    committeeRanking(ctx, request.params.eid, request.params.categoryId),
  );

  app.post(
    '/api/awards/editions/:eid/committee/:categoryId/decision',
    {
      config: { roles: ['admin'] },
      schema: {
        params: CatParams,
        body: Type.Object(
          {
            winners: Type.Array(Id, { maxItems: 100 }),
            reasons: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 4000 })),
            deviationReason: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => decideCommittee(ctx, currentUser(request), request.params.eid, request.params.categoryId, request.body),
  );

  // ---- certificates ----
  app.get('/api/awards/editions/:eid/certificates', { schema: { params: EidParams } }, async (request) => editionCertificates(ctx, currentUser(request), request.params.eid));

  app.get('/api/awards/certificates/:code/pdf', { schema: { params: Type.Object({ code: Code }) } }, async (request, reply) => {
    const { pdf, filename } = await certificatePdf(ctx, currentUser(request), request.params.code);
    return reply.header('Content-Type', 'application/pdf').header('Content-Disposition', contentDisposition('attachment', filename)).header('Cache-Control', 'private, no-store').send(pdf);
  });

  app.post(
    '/api/awards/certificates/:code/revoke',
    {
      config: { roles: ['admin'] },
      // The reason is checked in the service so a missing and a blank one get the same Thai/English explanation.
      schema: { params: Type.Object({ code: Code }), body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 4000 })), reasonEn: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))) }, { additionalProperties: false }) },
    },
    async (request) => revokeCertificate(ctx, currentUser(request), request.params.code, request.body),
  );

  app.post(
    '/api/awards/certificates/:code/reissue',
    {
      config: { roles: ['admin'] },
      schema: {
        params: Type.Object({ code: Code }),
        body: Type.Object({ recipientTh: Type.Optional(Type.String({ maxLength: 300 })), recipientEn: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => reply.status(201).send(await reissueCertificate(ctx, currentUser(request), request.params.code, request.body)),
  );

  app.get('/api/awards/editions/:eid/certificates.zip', { config: { roles: DGA }, schema: { params: EidParams } }, async (request, reply) => {
    const { stream, filename } = await certificatesZip(ctx, request.params.eid);
    return reply.header('Content-Type', 'application/zip').header('Content-Disposition', contentDisposition('attachment', filename)).header('Cache-Control', 'private, no-store').send(stream);
  });

  app.get('/api/public/awards/:yearBe', { config: { public: true }, schema: { params: Type.Object({ yearBe: Type.Integer({ minimum: 2500, maximum: 2700 }) }) } }, async (request, reply) => {
    const body = await publicAwards(ctx, request.params.yearBe);
    return reply.header('Cache-Control', 'public, max-age=300').send(body);
  });

  app.get('/api/public/certificates/:code', { config: { public: true }, schema: { params: Type.Object({ code: Code }) } }, async (request, reply) => {
    const body = await verifyCertificate(ctx, request.params.code);
    return reply.header('Cache-Control', 'no-store').send(body);
  });
}
