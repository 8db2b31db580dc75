// Evidence files: multipart upload per question, download with access checks, delete.
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { currentUser } from '../plugins/auth.js';
import { deleteEvidence, evidenceForDownload, uploadEvidence } from '../services/evidence.js';
import { receiveUpload, registerUploadParser, sendStoredFile } from './file-upload.js';

function needField(name: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `multipart field "${name}" is missing` }, [
    { path: `body/${name}`, th: `ต้องส่งช่อง "${name}" (ช่อง item ก่อนช่อง file)`, en: `Send the multipart field "${name}" (item before file)` },
  ]);
}

export async function evidenceRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  await registerUploadParser(app, ctx);

  app.post(
    '/api/editions/:eid/organisations/:oid/evidence',
    { config: { roles: ['coordinator', 'contributor', 'head'] }, schema: { params: Type.Object({ eid: Type.String({ maxLength: 64 }), oid: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const user = currentUser(request);
      const file = await receiveUpload(request, { fields: ['item'], required: ['item'], missing: needField }, (fields, incoming) =>
        uploadEvidence(ctx, user, request.params.eid, request.params.oid, fields.item!, incoming),
      );
      return reply.status(201).send(file);
    },
  );

  app.get('/api/evidence/:fileId', { schema: { params: Type.Object({ fileId: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
    return sendStoredFile(reply, await evidenceForDownload(ctx, currentUser(request), request.params.fileId));
  });

  app.delete('/api/evidence/:fileId', { config: { roles: ['coordinator', 'contributor', 'head'] }, schema: { params: Type.Object({ fileId: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
    await deleteEvidence(ctx, currentUser(request), request.params.fileId);
    return reply.status(204).send();
  });
}
