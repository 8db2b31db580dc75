// Evidence files: upload (streamed, hashed, type from content, content-addressed), download with access checks, delete.
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { editionAllows, participantMayAnswer } from '../../engine/edition/lifecycle.js';
import { itemIndex } from '../../engine/questionnaire/items.js';
import { canSeeOrganisation, type SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { EvidenceStore, FileTooLargeError, type StagedFile } from '../evidence/store.js';
import { detectEvidenceType, extensionFor, INLINE_MIME } from '../evidence/sniff.js';
import { ensureBlob, findEvidenceFile, insertEvidenceFile, softDeleteEvidenceFile, type EvidenceFileRow } from '../repositories/evidence.js';
import { findEdition } from '../repositories/editions.js';
import { findParticipant } from '../repositories/participants.js';
import { appendAudit } from './audit.js';
import { stateForbids } from './editions.js';
import { editableDimensions, openQuestionnaire, WRITER_ROLES } from './questionnaire.js';
import { correctionItems, correctionRefused } from './send-backs.js';
import { auditEvidenceView } from './review.js';

export function presentEvidenceFile(f: EvidenceFileRow) {
  return {
    id: f.id,
    item: f.item_code,
    filename: f.filename,
    size: Number(f.size),
    mimeType: f.mime_type,
    sha256: f.sha256,
    uploadedAt: new Date(f.uploaded_at).toISOString(),
    uploadedByName: f.uploaded_by_name,
  };
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

/** Whether the user may attach or remove evidence on `item` right now; throws the reason otherwise. */
async function assertCanWriteItem(ctx: AppContext, user: SessionUser, eid: string, oid: string, item: string): Promise<void> {
  if (user.organisationId !== oid || !(WRITER_ROLES as readonly string[]).includes(user.role)) throw new AppError('NOT_FOUND');
  const { edition, participant, framework } = await openQuestionnaire(ctx, user, eid, oid);
  // A submitted questionnaire takes new evidence only on items returned for correction.
  const correction = participant.status === 'submitted' ? await correctionItems(ctx.db, eid, oid, ctx.clock.now()) : null;
  if (correction) {
    if (!correction.has(item)) throw correctionRefused(item, correction);
  } else if (!editionAllows(edition.state, 'answer')) {
    throw stateForbids(edition.state, 'รอบการสำรวจนี้ไม่ได้เปิดรับคำตอบแล้ว', `The survey edition is ${edition.state}: evidence can no longer be changed`);
  }
  if (!correction && !participantMayAnswer(participant.status)) {
    throw new AppError('STATE_FORBIDS', { state: participant.status }, [{ path: 'participant/status', th: 'หน่วยงานส่งแบบสำรวจแล้ว', en: 'The questionnaire has been submitted' }]);
  }
  const loc = itemIndex(framework).get(item);
  if (!loc) {
    throw new AppError('VALIDATION_FAILED', { detail: `no question ${item}` }, [{ path: 'body/item', th: `ไม่มีคำถามรหัส "${item}"`, en: `There is no question "${item}"` }]);
  }
  const dims = await editableDimensions(ctx.db, user, framework, eid, oid);
  if (!dims.includes(loc.dimensionCode)) {
    throw new AppError('VALIDATION_FAILED', { detail: `not assigned to ${loc.dimensionCode}` }, [{ path: 'body/item', th: `คุณไม่ได้รับมอบหมายให้ตอบมิติ ${loc.dimensionCode}`, en: `You are not assigned to dimension ${loc.dimensionCode}` }]);
  }
}

export interface IncomingFile {
  filename: string | undefined;
  stream: Readable;
}

/** Checks access and item before reading the body, streams the file to disk, then records it. */
export async function uploadEvidence(ctx: AppContext, user: SessionUser, eid: string, oid: string, item: string, file: IncomingFile) {
  await assertCanWriteItem(ctx, user, eid, oid, item);
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
    const now = ctx.clock.now();
    const id = ctx.ids.uuid();
    const filename = cleanFilename(file.filename, type.ext);
    await ctx.db.transaction().execute(async (trx) => {
      // Re-check under lock: the edition may have closed or the questionnaire been submitted during the upload.
      const e = await findEdition(trx, eid, { lock: 'key_share' });
      const p = await findParticipant(trx, eid, oid, 'key_share');
      if (!e || !p) throw new AppError('NOT_FOUND');
      const corr = p.status === 'submitted' ? await correctionItems(trx, eid, oid, now) : null;
      if (corr) {
        if (!corr.has(item)) throw correctionRefused(item, corr);
      } else {
        if (!editionAllows(e.state, 'answer')) throw stateForbids(e.state, 'รอบการสำรวจนี้ไม่ได้เปิดรับคำตอบแล้ว', `The survey edition is ${e.state}`);
        if (!participantMayAnswer(p.status)) throw new AppError('STATE_FORBIDS', { state: p.status });
      }
      await ensureBlob(trx, { sha256: staged!.sha256, size: staged!.size, mime_type: type.mime, created_at: now });
      await insertEvidenceFile(trx, { id, edition_id: eid, organisation_id: oid, item_code: item, sha256: staged!.sha256, filename, size: staged!.size, mime_type: type.mime, uploaded_by: user.id, uploaded_at: now });
      await appendAudit(trx, now, { actorId: user.id, action: 'evidence.upload', entity: 'evidence_file', entityId: id, organisationId: oid, after: { editionId: eid, item, filename, size: staged!.size, mimeType: type.mime, sha256: staged!.sha256 } });
    });
    return presentEvidenceFile((await findEvidenceFile(ctx.db, id))!);
  } finally {
    // After commit() the temp file is gone; otherwise drop it.
    if (staged) await store.discard(staged);
  }
}

/** The file if the user may read it: members of the owning organisation, reviewers and admins. */
export async function evidenceForDownload(ctx: AppContext, user: SessionUser, fileId: string) {
  if (!isUuid(fileId)) throw new AppError('NOT_FOUND');
  const f = await findEvidenceFile(ctx.db, fileId);
  if (!f || !canSeeOrganisation(user, f.organisation_id)) throw new AppError('NOT_FOUND');
  await openQuestionnaire(ctx, user, f.edition_id, f.organisation_id);
  const store = evidenceStore(ctx);
  if (store.exists(f.sha256)) await auditEvidenceView(ctx, user, f);
  if (!store.exists(f.sha256)) throw new AppError('NOT_FOUND');
  return { file: f, stream: store.open(f.sha256), inline: INLINE_MIME.has(f.mime_type), ext: extensionFor(f.mime_type) };
}

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name (Thai file names survive). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Soft-deletes one file row; the blob stays, so files with the same content are untouched. */
export async function deleteEvidence(ctx: AppContext, user: SessionUser, fileId: string): Promise<void> {
  if (!isUuid(fileId)) throw new AppError('NOT_FOUND');
  const f = await findEvidenceFile(ctx.db, fileId);
  if (!f || !canSeeOrganisation(user, f.organisation_id)) throw new AppError('NOT_FOUND');
  await assertCanWriteItem(ctx, user, f.edition_id, f.organisation_id, f.item_code);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const p = await findParticipant(trx, f.edition_id, f.organisation_id, 'key_share');
    if (!p || !participantMayAnswer(p.status)) throw new AppError('STATE_FORBIDS', { state: p?.status ?? 'unknown' });
    if (!(await softDeleteEvidenceFile(trx, fileId, user.id, now))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, now, { actorId: user.id, action: 'evidence.delete', entity: 'evidence_file', entityId: fileId, organisationId: f.organisation_id, before: { item: f.item_code, filename: f.filename, sha256: f.sha256 } });
  });
}
