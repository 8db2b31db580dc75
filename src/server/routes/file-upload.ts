// Multipart file uploads and stored-file downloads shared by the evidence, Digital Local and awards routes.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { AppContext, AppInstance } from '../app.js';
import type { AppError } from '../../shared/errors.js';
import type { IncomingFile } from '../services/upload-staging.js';
import { contentDisposition } from '../services/evidence.js';

/** Registers the multipart parser in the route module's scope with the upload limits. */
export async function registerUploadParser(app: AppInstance, ctx: AppContext): Promise<void> {
  // One more byte than the limit lets the store tell "exactly the limit" from "over it".
  await app.register(multipart, { limits: { fileSize: ctx.config.UPLOAD_MAX_MB * 1024 * 1024 + 1, files: 1, fields: 5, fieldSize: 1024 } });
}

export interface UploadForm<F extends string> {
  /** Text fields read from the form (the last value of each wins); they must come before the file. */
  fields: readonly F[];
  /** Fields without which the file is refused. */
  required?: readonly F[];
  /** The 400 error naming the missing field ("file" or one of `required`). */
  missing: (field: 'file' | F) => AppError;
}

/** Drains what the client is still sending (bounded by the size limit) so that it can read the refusal. */
async function drain(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  stream.resume();
  await new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('error', () => resolve());
    stream.once('close', resolve);
  });
}

/**
 * Reads a multipart form: the text fields, then hands the part named "file" to `handle` as a stream (the service
 * checks access before reading it). Other file parts are skipped.
 */
export async function receiveUpload<F extends string, T>(
  request: FastifyRequest,
  form: UploadForm<F>,
  handle: (fields: Partial<Record<F, string>>, file: IncomingFile) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) throw form.missing('file');
  const fields: Partial<Record<F, string>> = {};
  const absent = () => (form.required ?? []).find((name) => !fields[name]);
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if ((form.fields as readonly string[]).includes(part.fieldname)) fields[part.fieldname as F] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') {
      part.file.resume();
      continue;
    }
    const lacking = absent();
    if (lacking) throw form.missing(lacking);
    try {
      return await handle(fields, { filename: part.filename, stream: part.file });
    } catch (err) {
      // Refused before the body was read.
      await drain(part.file);
      throw err;
    }
  }
  throw form.missing(absent() ?? 'file');
}

/** Sends a stored file: its sniffed type, inline only for types browsers show safely, never cached. */
export function sendStoredFile(reply: FastifyReply, stored: { file: { mime_type: string; size: number | string; filename: string }; stream: Readable; inline: boolean }) {
  return reply
    .header('Content-Type', stored.file.mime_type)
    .header('Content-Length', String(stored.file.size))
    .header('Content-Disposition', contentDisposition(stored.inline ? 'inline' : 'attachment', stored.file.filename))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(stored.stream);
}
