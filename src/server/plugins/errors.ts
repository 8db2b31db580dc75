// Maps every failure to the error catalogue: stable code, Thai and English message, details.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorDetail } from '../../shared/errors.js';

interface AjvLikeError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function validationDetails(err: FastifyError & { validation?: AjvLikeError[]; validationContext?: string }): ErrorDetail[] {
  return (err.validation ?? []).map((v) => {
    const where = `${err.validationContext ?? 'body'}${v.instancePath ?? ''}`;
    const missing = v.params?.['missingProperty'] ?? (v.params?.['requiredProperties'] as string[] | undefined)?.join(', ');
    const path = missing ? `${where}/${String(missing)}` : where;
    return { path, th: `ค่าไม่ถูกต้อง: ${v.message ?? ''}`, en: v.message ?? 'invalid value' };
  });
}

/** `spaShell`: when the web UI is served, non-API GETs that match nothing get its index.html (client-side routes). */
export function registerErrorHandling(app: FastifyInstance, opts: { spaShell: boolean }): void {
  app.setErrorHandler((err: FastifyError & { validation?: AjvLikeError[] }, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(err.toJSON());
    }
    if (err.validation) {
      const details = validationDetails(err);
      const e = new AppError('VALIDATION_FAILED', { detail: details.map((d) => `${d.path}: ${d.en}`).join('; ') }, details);
      return reply.status(400).send(e.toJSON());
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(new AppError('RATE_LIMITED').toJSON());
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send(new AppError('FILE_TOO_LARGE', { maxMb: '?' }).toJSON());
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const e = new AppError('VALIDATION_FAILED', { detail: err.message });
      return reply.status(400).send(e.toJSON());
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL').toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    if (opts.spaShell && request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/health') {
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    }
    return reply.status(404).send(new AppError('NOT_FOUND').toJSON());
  });
}
