// Survey editions (admin set-up): create, edit, population, transitions, coordinator invitations, monitoring, export, reminders.
import { PassThrough } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { EDITION_STATES } from '../../engine/edition/lifecycle.js';
import { currentUser } from '../plugins/auth.js';
import {
  createEdition,
  editionTransitions,
  editionsFor,
  inviteCoordinators,
  patchEdition,
  populationPreview,
  presentEdition,
  setPopulation,
  transitionEdition,
  visibleEdition,
} from '../services/editions.js';
import { editionMonitoring } from '../services/monitoring.js';
import { EXPORT_FORMATS, prepareExport, writeExport, type ExportFormat } from '../services/exports.js';
import { contentDisposition } from '../services/evidence.js';
import { runReminders } from '../services/reminders.js';

const EidParams = Type.Object({ eid: Type.String({ maxLength: 64 }) });
const DateTime = Type.String({ format: 'date-time' });
const Filter = {
  levels: Type.Optional(Type.Array(Type.Union([Type.Literal('department'), Type.Literal('provincial_unit'), Type.Literal('province'), Type.Literal('lao')]), { maxItems: 4 })),
  ministries: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 100 })),
  provinces: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 100 })),
  orgTypes: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 100 })),
  servesPublic: Type.Optional(Type.Boolean()),
};
const Reminders = {
  reminderIntervalDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  reminderMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
};

export async function editionRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get('/api/editions', async (request) => ({ items: await editionsFor(ctx, currentUser(request)) }));

  app.post(
    '/api/editions',
    {
      config: { roles: ['admin'] },
      schema: {
        body: Type.Object(
          {
            yearBe: Type.Integer({ minimum: 2500, maximum: 2700 }),
            titleTh: Type.String({ minLength: 1, maxLength: 300 }),
            titleEn: Type.String({ minLength: 1, maxLength: 300 }),
            frameworkId: Type.String({ minLength: 1, maxLength: 100 }),
            frameworkVersion: Type.String({ minLength: 1, maxLength: 100 }),
            opensAt: DateTime,
            closesAt: DateTime,
            ...Reminders,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => reply.status(201).send(await createEdition(ctx, currentUser(request), request.body)),
  );

  app.get('/api/editions/:eid', { schema: { params: EidParams } }, async (request) => presentEdition(await visibleEdition(ctx, currentUser(request), request.params.eid)));

  app.patch(
    '/api/editions/:eid',
    {
      config: { roles: ['admin'] },
      schema: {
        params: EidParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            titleTh: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
            titleEn: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
            opensAt: Type.Optional(DateTime),
            closesAt: Type.Optional(DateTime),
            frameworkId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            frameworkVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            ...Reminders,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => patchEdition(ctx, currentUser(request), request.params.eid, request.body),
  );

  app.post(
    '/api/editions/:eid/population/preview',
    { config: { roles: ['admin'] }, schema: { params: EidParams, body: Type.Object(Filter, { additionalProperties: false }) } },
    async (request) => populationPreview(ctx, request.params.eid, request.body),
  );

  app.post(
    '/api/editions/:eid/population',
    { config: { roles: ['admin'] }, schema: { params: EidParams, body: Type.Object({ ...Filter, confirmCount: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }) } },
    async (request) => {
      const { confirmCount, ...filter } = request.body;
      return setPopulation(ctx, currentUser(request), request.params.eid, filter, confirmCount);
    },
  );

  app.post(
    '/api/editions/:eid/transition',
    {
      config: { roles: ['admin'] },
      schema: {
        params: EidParams,
        body: Type.Object({ to: Type.Union(EDITION_STATES.map((s) => Type.Literal(s))), reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
      },
    },
    async (request) => transitionEdition(ctx, currentUser(request), request.params.eid, request.body.to, request.body.reason),
  );

  app.get('/api/editions/:eid/transitions', { config: { roles: ['admin'] }, schema: { params: EidParams } }, async (request) => ({
    items: await editionTransitions(ctx, request.params.eid),
  }));

  app.post(
    '/api/editions/:eid/invite-coordinators',
    {
      config: { roles: ['admin'] },
      schema: {
        params: EidParams,
        body: Type.Object(
          {
            organisationIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 5000 })),
            contacts: Type.Optional(Type.Array(Type.Object({ organisationId: Type.String({ maxLength: 64 }), email: Type.String({ format: 'email', maxLength: 254 }) }), { maxItems: 5000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => inviteCoordinators(ctx, currentUser(request), request.params.eid, request.body),
  );

  app.get('/api/editions/:eid/monitoring', { config: { roles: ['admin'] }, schema: { params: EidParams } }, async (request) => editionMonitoring(ctx, request.params.eid));

  app.post('/api/editions/:eid/reminders/run', { config: { roles: ['admin'] }, schema: { params: EidParams } }, async (request) =>
    runReminders(ctx, ctx.clock.now(), { editionId: request.params.eid }),
  );

  app.get(
    '/api/editions/:eid/export',
    {
      config: { roles: ['admin'] },
      schema: { params: EidParams, querystring: Type.Object({ format: Type.Optional(Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f)))) }) },
    },
    async (request, reply) => {
      const format: ExportFormat = request.query.format ?? 'xlsx';
      const prepared = await prepareExport(ctx.db, request.params.eid, format);
      const body = new PassThrough();
      writeExport(ctx.db, prepared, format, body).catch((err: unknown) => {
        request.log.error({ err }, 'export failed');
        body.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .header('Content-Type', prepared.contentType)
        .header('Content-Disposition', contentDisposition('attachment', prepared.filename))
        .header('Cache-Control', 'no-store')
        .send(body);
    },
  );
}
