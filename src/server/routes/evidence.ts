// Evidence files: multipart upload per question, download with access checks, delete.
import { Type } from 'typebox';
import multipart from '@fastify/multipart';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { currentUser } from '../plugins/auth.js';
import { contentDisposition, deleteEvidence, evidenceForDownload, uploadEvidence } from '../services/evidence.js';

function needField(name: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `multipart field "${name}" is missing` }, [
    { path: `body/${name}`, th: `ต้องส่งช่อง "${name}" (ช่อง item ก่อนช่อง file)`, en: `Send the multipart field "${name}" (item before file)` },
  ]);
}

export async function evidenceRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  // One more byte than the limit lets the store tell "exactly the limit" from "over it".
  await app.register(multipart, { limits: { fileSize: ctx.config.UPLOAD_MAX_MB * 1024 * 1024 + 1, files: 1, fields: 5, fieldSize: 1024 } });

  app.post(
    '/api/editions/:eid/organisations/:oid/evidence',
    { config: { roles: ['coordinator', 'contributor', 'head'] }, schema: { params: Type.Object({ eid: Type.String({ maxLength: 64 }), oid: Type.String({ maxLength: 64 }) }) } },
    async (request, reply) => {
      const user = currentUser(request);
      if (!request.isMultipart()) throw needField('file');
      let item: string | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'item') item = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        if (!item) throw needField('item');
        try {
          const file = await uploadEvidence(ctx, user, request.params.eid, request.params.oid, item, { filename: part.filename, stream: part.file });
          return reply.status(201).send(file);
        } catch (err) {
          // Refused before the body was read: drain it (bounded by the size limit) so the client can read the answer.
          if (!part.file.readableEnded && !part.file.destroyed) {
            part.file.resume();
            await new Promise<void>((resolve) => {
              part.file.once('end', resolve);
              part.file.once('error', () => resolve());
              part.file.once('close', resolve);
            });
          }
          throw err;
        }
      }
      throw needField(item ? 'file' : 'item');
    },
  );

  app.get('/api/evidence/:fileId', { schema: { params: Type.Object({ fileId: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
    const { file, stream, inline } = await evidenceForDownload(ctx, currentUser(request), request.params.fileId);
    return reply
      .header('Content-Type', file.mime_type)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(stream);
  });

  app.delete('/api/evidence/:fileId', { config: { roles: ['coordinator', 'contributor', 'head'] }, schema: { params: Type.Object({ fileId: Type.String({ maxLength: 64 }) }) } }, async (request, reply) => {
    await deleteEvidence(ctx, currentUser(request), request.params.fileId);
    return reply.status(204).send();
  });
}
