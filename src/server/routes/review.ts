// Evidence verification: review queue, assignments, item decisions, send-backs, the agency's corrections, lost points, audit export.
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { currentUser } from '../plugins/auth.js';
import { canSeeOrganisation } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import {
  assertReviewAccess,
  assignManually,
  autoAssign,
  evidenceLosses,
  exportOrganisationAudit,
  reasonCatalogue,
  recordDecision,
  reviewableItemsOf,
  reviewerList,
  reviewItems,
  reviewQueue,
  saveReason,
} from '../services/review.js';
import { createSendBack, resubmitSendBack, sendBacksFor } from '../services/send-backs.js';
import { findEdition } from '../repositories/editions.js';
import { requireFramework } from '../services/frameworks.js';
import { Nullable } from './schemas.js';

const Id = Type.String({ maxLength: 64 });
const DGA = ['admin', 'reviewer'] as const;
const EidParams = Type.Object({ eid: Id });
const OrgParams = Type.Object({ eid: Id, oid: Id });
const Text = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

export async function reviewRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get('/api/review/reasons', { config: { roles: DGA }, schema: { querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }) } }, async (request) => ({
    reasons: await reasonCatalogue(ctx, request.query.all === true),
  }));

  app.put(
    '/api/review/reasons/:code',
    {
      config: { roles: ['admin'] },
      schema: {
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: Type.Object(
          {
            appliesTo: Type.Union([Type.Literal('insufficient'), Type.Literal('rejected'), Type.Literal('any')]),
            labelTh: Type.String({ minLength: 1, maxLength: 300 }),
            labelEn: Type.String({ minLength: 1, maxLength: 300 }),
            active: Type.Optional(Type.Boolean()),
            sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => saveReason(ctx, currentUser(request), { code: request.params.code, ...request.body }),
  );

  app.get('/api/review/reviewers', { config: { roles: ['admin'] } }, async () => ({ reviewers: await reviewerList(ctx) }));

  app.get(
    '/api/review/editions/:eid/queue',
    {
      config: { roles: DGA },
      schema: {
        params: EidParams,
        querystring: Type.Object({
          level: Type.Optional(Type.String({ maxLength: 40 })),
          ministry: Type.Optional(Type.String({ maxLength: 40 })),
          province: Type.Optional(Type.String({ maxLength: 10 })),
          dimension: Type.Optional(Type.String({ maxLength: 40 })),
          status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('resubmitted'), Type.Literal('returned'), Type.Literal('done')])),
          reviewer: Type.Optional(Type.String({ maxLength: 64 })),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
      },
    },
    async (request) => reviewQueue(ctx, currentUser(request), request.params.eid, request.query),
  );

  app.post(
    '/api/review/editions/:eid/assignments/auto',
    {
      config: { roles: ['admin'] },
      schema: {
        params: EidParams,
        body: Type.Object({ organisationIds: Type.Optional(Type.Array(Id, { maxItems: 20000 })), reviewerIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })) }, { additionalProperties: false }),
      },
    },
    async (request) => autoAssign(ctx, currentUser(request), request.params.eid, request.body),
  );

  app.put(
    '/api/review/editions/:eid/assignments',
    {
      config: { roles: ['admin'] },
      schema: { params: EidParams, body: Type.Object({ organisationIds: Type.Array(Id, { minItems: 1, maxItems: 5000 }), reviewerId: Id }, { additionalProperties: false }) },
    },
    async (request) => assignManually(ctx, currentUser(request), request.params.eid, request.body.organisationIds, request.body.reviewerId),
  );

  app.get('/api/review/editions/:eid/organisations/:oid/items', { config: { roles: DGA }, schema: { params: OrgParams } }, async (request) =>
    reviewItems(ctx, currentUser(request), request.params.eid, request.params.oid),
  );

  app.post(
    '/api/review/editions/:eid/organisations/:oid/items/:item/decision',
    {
      config: { roles: DGA },
      schema: {
        params: Type.Object({ eid: Id, oid: Id, item: Type.String({ maxLength: 100 }) }),
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('accepted'), Type.Literal('insufficient'), Type.Literal('rejected')]),
            reasonCode: Text(40),
            comment: Text(4000),
            internalNote: Text(4000),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => recordDecision(ctx, currentUser(request), request.params.eid, request.params.oid, request.params.item, request.body),
  );

  app.post(
    '/api/review/editions/:eid/organisations/:oid/send-backs',
    {
      config: { roles: DGA },
      schema: {
        params: OrgParams,
        body: Type.Object(
          {
            deadline: Type.String({ maxLength: 40 }),
            message: Text(4000),
            items: Type.Array(Type.Object({ item: Type.String({ maxLength: 100 }), reasonCode: Type.String({ maxLength: 40 }), comment: Text(4000) }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const { eid, oid } = request.params;
      await assertReviewAccess(ctx.db, user, eid, oid);
      const e = await findEdition(ctx.db, eid);
      if (!e) throw new AppError('NOT_FOUND');
      const fw = await requireFramework(ctx.db, e.framework_id, e.framework_version);
      const reviewable = await reviewableItemsOf(ctx.db, fw, eid, oid);
      reply.code(201);
      return createSendBack(ctx, user, eid, oid, request.body, reviewable);
    },
  );

  // The agency's side: which items were returned and why (never internal notes), and resubmission.
  app.get('/api/editions/:eid/organisations/:oid/corrections', { schema: { params: OrgParams } }, async (request) => {
    const user = currentUser(request);
    const { eid, oid } = request.params;
    if (!isUuid(eid) || !isUuid(oid)) throw new AppError('NOT_FOUND');
    if (user.role === 'admin' || user.role === 'reviewer') await assertReviewAccess(ctx.db, user, eid, oid);
    else if (!['coordinator', 'contributor', 'head'].includes(user.role) || !canSeeOrganisation(user, oid)) throw new AppError('NOT_FOUND');
    return { sendBacks: await sendBacksFor(ctx, eid, oid) };
  });

  app.post(
    '/api/editions/:eid/organisations/:oid/corrections/:sbid/resubmit',
    { config: { roles: ['coordinator', 'head'] }, schema: { params: Type.Object({ eid: Id, oid: Id, sbid: Id }) } },
    async (request) => resubmitSendBack(ctx, currentUser(request), request.params.eid, request.params.oid, request.params.sbid),
  );

  app.get('/api/editions/:eid/organisations/:oid/evidence-losses', { config: { roles: ['admin', 'reviewer', 'head', 'coordinator'] }, schema: { params: OrgParams } }, async (request) =>
    evidenceLosses(ctx, currentUser(request), request.params.eid, request.params.oid),
  );

  app.get(
    '/api/review/organisations/:oid/audit',
    { config: { roles: ['admin'] }, schema: { params: Type.Object({ oid: Id }), querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')])) }) } },
    async (request, reply) => {
      const format = request.query.format ?? 'json';
      const gen = exportOrganisationAudit(ctx, currentUser(request), request.params.oid, format);
      // Pull the first chunk before replying so access errors become normal error responses.
      const first = await gen.next();
      let body = first.done ? '' : first.value;
      for await (const chunk of gen) body += chunk;
      reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${request.params.oid}.${format}"`)
        .header('cache-control', 'private, no-store');
      return reply.send(body);
    },
  );
}
