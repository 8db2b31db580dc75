// Evidence files: upload (streamed, hashed, type from content, content-addressed), download with access checks, delete.
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { editionAllows, participantMayAnswer } from '../../engine/edition/lifecycle.js';
import { itemIndex } from '../../engine/questionnaire/items.js';
import { canSeeOrganisation, type SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { findEvidenceFile, insertEvidenceFile, softDeleteEvidenceFile, type EvidenceFileRow } from '../repositories/evidence.js';
import { findEdition } from '../repositories/editions.js';
import { findParticipant } from '../repositories/participants.js';
import { appendAudit } from './audit.js';
import { stateForbids } from './editions.js';
import { editableDimensions, openQuestionnaire, WRITER_ROLES } from './questionnaire.js';
import { correctionItems, correctionRefused } from './send-backs.js';
import { auditEvidenceView } from './review.js';
import { evidenceStore, openStoredFile, recordBlob, storeUpload, type IncomingFile } from './upload-staging.js';

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

/** Checks access and item before reading the body, streams the file to disk, then records it. */
export async function uploadEvidence(ctx: AppContext, user: SessionUser, eid: string, oid: string, item: string, file: IncomingFile) {
  await assertCanWriteItem(ctx, user, eid, oid, item);
  return storeUpload(ctx, file, async (upload) => {
    const now = ctx.clock.now();
    const id = ctx.ids.uuid();
    const { filename, size, mimeType, sha256 } = upload;
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
      await recordBlob(trx, upload, now);
      await insertEvidenceFile(trx, { id, edition_id: eid, organisation_id: oid, item_code: item, sha256, filename, size, mime_type: mimeType, uploaded_by: user.id, uploaded_at: now });
      await appendAudit(trx, now, { actorId: user.id, action: 'evidence.upload', entity: 'evidence_file', entityId: id, organisationId: oid, after: { editionId: eid, item, filename, size, mimeType, sha256 } });
    });
    return presentEvidenceFile((await findEvidenceFile(ctx.db, id))!);
  });
}

/** The file if the user may read it: members of the owning organisation, reviewers and admins. */
export async function evidenceForDownload(ctx: AppContext, user: SessionUser, fileId: string) {
  if (!isUuid(fileId)) throw new AppError('NOT_FOUND');
  const f = await findEvidenceFile(ctx.db, fileId);
  if (!f || !canSeeOrganisation(user, f.organisation_id)) throw new AppError('NOT_FOUND');
  await openQuestionnaire(ctx, user, f.edition_id, f.organisation_id);
  if (evidenceStore(ctx).exists(f.sha256)) await auditEvidenceView(ctx, user, f);
  return openStoredFile(ctx, f);
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
