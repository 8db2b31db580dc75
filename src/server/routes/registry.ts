// The government registry: browse, search, read, edit (admin), audit trail, reference lists and the LAO import.
import { Type } from 'typebox';
import multipart from '@fastify/multipart';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { currentUser } from '../plugins/auth.js';
import { getOrganisation, ministries, organisationAudit, patchOrganisation, provinces, provincialAgencyTypes, searchRegistry, summary, MAX_PAGE } from '../services/registry.js';
import { importLaos } from '../services/lao-import.js';
import { Nullable } from './schemas.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const Level = Type.Union([Type.Literal('department'), Type.Literal('provincial_unit'), Type.Literal('province'), Type.Literal('lao')]);

export async function registryRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  // Registered in this scope only; other upload routes register their own with their own limits.
  await app.register(multipart, { limits: { fileSize: ctx.config.UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 10 } });

  app.get(
    '/api/registry/organisations',
    {
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          level: Type.Optional(Level),
          ministry: Type.Optional(Type.String({ maxLength: 20 })),
          province: Type.Optional(Type.String({ maxLength: 10 })),
          orgType: Type.Optional(Type.String({ maxLength: 60 })),
          servesPublic: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      },
    },
    async (request) => searchRegistry(ctx, currentUser(request), request.query),
  );

  app.get('/api/registry/organisations/:id', { schema: { params: IdParams } }, async (request) => getOrganisation(ctx, currentUser(request), request.params.id));

  app.patch(
    '/api/registry/organisations/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            nameTh: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
            nameEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
            servesPublic: Type.Optional(Type.Boolean()),
            active: Type.Optional(Type.Boolean()),
            orgType: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => patchOrganisation(ctx, currentUser(request), request.params.id, request.body),
  );

  app.get('/api/registry/organisations/:id/audit', { config: { roles: ['admin'] }, schema: { params: IdParams } }, async (request) =>
    organisationAudit(ctx, currentUser(request), request.params.id),
  );

  app.get('/api/registry/ministries', async () => ministries(ctx));
  app.get('/api/registry/provinces', async () => provinces(ctx));
  app.get('/api/registry/provincial-agency-types', async () => provincialAgencyTypes(ctx));
  app.get('/api/registry/summary', async () => summary(ctx));

  app.post('/api/registry/lao-import', { config: { roles: ['admin'] } }, async (request) => {
    const user = currentUser(request);
    if (!request.isMultipart()) {
      throw new AppError('VALIDATION_FAILED', { detail: 'send the file as multipart/form-data field "file"' }, [{ path: 'body/file', th: 'ต้องส่งไฟล์แบบ multipart ในช่อง file', en: 'Send the file as multipart field "file"' }]);
    }
    const part = await request.file();
    if (!part || part.fieldname !== 'file') {
      throw new AppError('VALIDATION_FAILED', { detail: 'field "file" is missing' }, [{ path: 'body/file', th: 'ไม่พบไฟล์', en: 'No file in field "file"' }]);
    }
    let buffer: Buffer;
    try {
      buffer = await part.toBuffer();
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxMb: ctx.config.UPLOAD_MAX_MB });
      throw err;
    }
    return importLaos(ctx, user, { filename: part.filename, buffer });
  });
}
