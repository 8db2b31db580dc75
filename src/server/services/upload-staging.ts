// Uploaded files (evidence, Digital Local attachments, award nominations): size limit, type from content, content-addressed blobs.
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { EvidenceStore, FileTooLargeError, type StagedFile } from '../evidence/store.js';
import { detectEvidenceType, extensionFor, INLINE_MIME } from '../evidence/sniff.js';
import { ensureBlob } from '../repositories/evidence.js';

export interface IncomingFile {
  filename: string | undefined;
  stream: Readable;
}

/** A file accepted and on disk at its content address; the caller records the database rows that point to it. */
export interface StoredUpload {
  sha256: string;
  size: number;
  mimeType: string;
  /** The uploader's file name, cleaned for display. */
  filename: string;
}

const stores = new Map<string, EvidenceStore>();
export function evidenceStore(ctx: AppContext): EvidenceStore {
  let s = stores.get(ctx.config.DATA_DIR);
  if (!s) {
    s = new EvidenceStore(ctx.config.DATA_DIR);
    stores.set(ctx.config.DATA_DIR, s);
  }
  return s;
}

/** A display name without directories or control characters, at most 200 characters. */
export function cleanFilename(name: string | undefined, ext: string): string {
  // eslint-disable-next-line no-control-regex
  const base = path.basename(String(name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const cut = base.slice(0, 200);
  return cut.length > 0 ? cut : `evidence.${ext}`;
}

/**
 * Streams the file to a temp file (refused past UPLOAD_MAX_MB), refuses empty files and types not allowed by their
 * content, moves it to its SHA-256 address, then hands it to `record` (which writes the rows, re-checking access under
 * lock). The temp file never outlives the call. A blob whose rows `record` refuses stays: blobs are shared and never
 * deleted, and identical content uploaded later reuses it.
 */
export async function storeUpload<T>(ctx: AppContext, file: IncomingFile, record: (upload: StoredUpload) => Promise<T>): Promise<T> {
  const store = evidenceStore(ctx);
  const maxBytes = ctx.config.UPLOAD_MAX_MB * 1024 * 1024;
  let staged: StagedFile | null = null;
  try {
    try {
      staged = await store.stage(file.stream, maxBytes);
    } catch (err) {
      if (err instanceof FileTooLargeError || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { maxMb: ctx.config.UPLOAD_MAX_MB });
      throw err;
    }
    if (staged.size === 0) throw new AppError('FILE_TYPE_REFUSED', { detected: 'empty' });
    const type = await detectEvidenceType(staged.tmpPath);
    if (!type.ok) throw new AppError('FILE_TYPE_REFUSED', { detected: type.detected });
    await store.commit(staged);
    return await record({ sha256: staged.sha256, size: staged.size, mimeType: type.mime, filename: cleanFilename(file.filename, type.ext) });
  } finally {
    // After commit() the temp file is gone; otherwise drop it.
    if (staged) await store.discard(staged);
  }
}

/** The blob row every file row points to; identical content is stored once. */
export async function recordBlob(db: Kysely<Database>, upload: StoredUpload, now: Date): Promise<void> {
  await ensureBlob(db, { sha256: upload.sha256, size: upload.size, mime_type: upload.mimeType, created_at: now });
}

/** A stored file's content for download, or NOT_FOUND when the row is missing or its blob is not on disk. */
export function openStoredFile<F extends { sha256: string; mime_type: string }>(ctx: AppContext, file: F | null | undefined) {
  const store = evidenceStore(ctx);
  if (!file || !store.exists(file.sha256)) throw new AppError('NOT_FOUND');
  return { file, stream: store.open(file.sha256), inline: INLINE_MIME.has(file.mime_type), ext: extensionFor(file.mime_type) };
}
