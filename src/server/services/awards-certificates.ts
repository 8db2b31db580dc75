// Award certificates: issued with random verification codes when a decision is announced; listing, PDF, batch ZIP,
// public check, revocation with a written reason and reissue under a new code.
import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import yazl from 'yazl';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { certificatesToIssue, editionLabel, finalWinners, type AwardDecision } from '../../engine/awards/index.js';
import { can, isMemberOf, type SessionUser } from '../auth/policy.js';
import {
  certificateCodeExists,
  findCertificate,
  awardEntrants,
  findNomination,
  insertCertificates,
  listCertificates,
  revokeCertificate as markRevoked,
  setCertificateReplacement,
  validCertificateFor,
  type CertificateRow,
  type DecisionRow,
  type NewCertificate,
} from '../repositories/awards.js';
import { appendAudit } from './audit.js';
import { findEdition, type EditionRow } from '../repositories/editions.js';
import { renderCertificatePdf, type CertificateModel } from '../reports/certificate-pdf.js';
import { loadAwardSet, requireAwardsEdition, type CommitteeRecord } from './awards.js';

type Db = Kysely<Database>;

/** 32 symbols without 0/O/1/I, so a code read aloud or typed from paper is not mistaken. 12 symbols = 60 random bits. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = /^[A-Z2-9]{12}$/;

/**
 * A verification code from the operating system's random source, not from ctx.ids: codes must stay unguessable even
 * where ids are predictable (tests use sequential ids), and nothing in a test depends on the code's value.
 */
export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** Issues one certificate per award of an announced decision; an award that already has one keeps it. Returns how many exist. */
export async function issueCertificates(db: Db, e: EditionRow, d: DecisionRow, now: Date): Promise<number> {
  const rows: NewCertificate[] = [];
  if (d.kind === 'rule') {
    const rec = d.record as AwardDecision;
    const ids = [...new Set(finalWinners(rec).map((w) => w.unitId))];
    // Winners are organisations or, for a ministry-level award, ministries ('ministry:<code>').
    const entrants = await awardEntrants(db, ids);
    const { certificates } = certificatesToIssue([rec], [...entrants.values()].map((o) => ({ id: o.id, name: { th: o.name_th, en: o.name_en ?? o.name_th } })));
    for (const c of certificates) {
      const ministry = entrants.get(c.unitId)?.level === 'ministry' ? entrants.get(c.unitId)!.code : null;
      rows.push({
        code: '',
        edition_id: e.id,
        category_id: c.categoryId,
        group_key: c.group,
        recipient_key: c.unitId,
        organisation_id: ministry ? null : c.unitId,
        ministry_code: ministry,
        nomination_id: null,
        recipient_th: c.recipient.th,
        recipient_en: c.recipient.en,
        category_th: c.category.th,
        category_en: c.category.en,
        group_th: c.groupName.th,
        group_en: c.groupName.en,
        year_be: e.year_be,
        issued_at: now,
      });
    }
  } else {
    const rec = d.record as CommitteeRecord;
    const name = await categoryName(db, e, d.category_id);
    for (const w of rec.committee.winners) {
      const n = await findNomination(db, w.nominationId);
      if (!n) continue;
      rows.push({
        code: '',
        edition_id: e.id,
        category_id: d.category_id,
        group_key: 'committee',
        recipient_key: `nomination:${n.id}`,
        organisation_id: n.organisation_id,
        ministry_code: null,
        nomination_id: n.id,
        recipient_th: n.person_name_th,
        recipient_en: n.person_name_en ?? n.person_name_th,
        category_th: name.th,
        category_en: name.en,
        group_th: `${n.position_th} ${n.org_name_th}`,
        group_en: `${n.position_en ?? n.position_th}, ${n.org_name_en ?? n.org_name_th}`,
        year_be: e.year_be,
        issued_at: now,
      });
    }
  }
  await drawCodes(db, rows);
  await insertCertificates(db, rows);
  return rows.length;
}

/** Codes are drawn until none collides with a stored one (60 bits: a collision is astronomically rare). */
async function drawCodes(db: Db, rows: { code: string }[]): Promise<void> {
  for (;;) {
    for (const r of rows) r.code = newCertificateCode();
    const taken = await certificateCodeExists(db, rows.map((r) => r.code));
    if (taken.size === 0 && new Set(rows.map((r) => r.code)).size === rows.length) return;
  }
}

async function categoryName(db: Db, e: EditionRow, categoryId: string): Promise<{ th: string; en: string }> {
  const set = await loadAwardSet(db, e);
  return set.definition.categories.find((c) => c.id === categoryId)?.name ?? { th: categoryId, en: categoryId };
}

export function verifyUrl(ctx: AppContext, code: string): string {
  return `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}/verify/${code}`;
}

function presentCertificate(ctx: AppContext, c: CertificateRow) {
  return {
    code: c.code,
    editionId: c.edition_id,
    yearBe: c.year_be,
    categoryId: c.category_id,
    category: { th: c.category_th, en: c.category_en },
    group: c.group_key,
    groupName: { th: c.group_th, en: c.group_en },
    recipient: { th: c.recipient_th, en: c.recipient_en },
    organisationId: c.organisation_id,
    ministryCode: c.ministry_code,
    nominationId: c.nomination_id,
    issuedAt: new Date(c.issued_at).toISOString(),
    status: c.status,
    revocation: revocationOf(c),
    reissuedFrom: c.reissued_from,
    replacedBy: c.replaced_by,
    verifyUrl: verifyUrl(ctx, c.code),
    pdfUrl: `/api/awards/certificates/${c.code}/pdf`,
  };
}

/** DGA see every certificate of the edition; an agency's users see their organisation's; others none. */
export async function editionCertificates(ctx: AppContext, user: SessionUser, eid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  let rows: CertificateRow[] = [];
  if (can(user, 'awards.review')) rows = await listCertificates(ctx.db, e.id);
  else if (user.organisationId && isMemberOf(user, user.organisationId)) rows = await listCertificates(ctx.db, e.id, { organisationId: user.organisationId });
  return { certificates: rows.map((c) => presentCertificate(ctx, c)) };
}

function modelOf(ctx: AppContext, c: CertificateRow): CertificateModel {
  return {
    code: c.code,
    recipient: { th: c.recipient_th, en: c.recipient_en },
    category: { th: c.category_th, en: c.category_en },
    groupName: { th: c.group_th, en: c.group_en },
    editionLabel: editionLabel(String(c.year_be)),
    issuedAt: new Date(c.issued_at),
    verifyUrl: verifyUrl(ctx, c.code),
  };
}

export async function certificatePdf(ctx: AppContext, user: SessionUser, code: string): Promise<{ pdf: Buffer; filename: string }> {
  if (!CODE_PATTERN.test(code)) throw new AppError('NOT_FOUND');
  const c = await findCertificate(ctx.db, code);
  if (!c) throw new AppError('NOT_FOUND');
  const allowed = can(user, 'awards.review') || (c.organisation_id !== null && isMemberOf(user, c.organisation_id));
  if (!allowed) throw new AppError('NOT_FOUND');
  // A revoked certificate is not printed again; the verify page states why it was revoked.
  if (c.status === 'revoked') throw revokedError(c);
  return { pdf: await renderCertificatePdf(modelOf(ctx, c)), filename: `certificate-${c.year_be}-${c.category_id}-${c.code}.pdf` };
}

/** Every valid certificate of the edition in one ZIP, rendered one after another into the stream (memory stays flat). */
export async function certificatesZip(ctx: AppContext, eid: string): Promise<{ stream: Readable; filename: string }> {
  const e = await requireAwardsEdition(ctx.db, eid);
  const rows = await listCertificates(ctx.db, e.id, { validOnly: true });
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  const mtime = rows[0] ? new Date(rows[0].issued_at) : ctx.clock.now();
  void (async () => {
    try {
      for (const c of rows) {
        const pdf = await renderCertificatePdf(modelOf(ctx, c));
        // PDFs are already compressed.
        zip.addBuffer(pdf, `${c.category_id}/${c.code}.pdf`, { mtime, compress: false });
      }
      zip.end();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return { stream: out, filename: `certificates-${e.year_be}.zip` };
}

/** The public check: only what the printed certificate shows, or 404. */
export async function verifyCertificate(ctx: AppContext, code: string) {
  const normalised = code.trim().toUpperCase();
  if (!CODE_PATTERN.test(normalised)) throw new AppError('NOT_FOUND');
  const c = await findCertificate(ctx.db, normalised);
  if (!c) throw new AppError('NOT_FOUND');
  const e = await findEdition(ctx.db, c.edition_id);
  return {
    code: c.code,
    recipient: { th: c.recipient_th, en: c.recipient_en },
    category: { th: c.category_th, en: c.category_en },
    group: { th: c.group_th, en: c.group_en },
    edition: { yearBe: c.year_be, label: editionLabel(String(c.year_be)), title: e ? { th: e.title_th, en: e.title_en } : null },
    issuedAt: new Date(c.issued_at).toISOString(),
    status: c.status,
    // What the verifier must see when the certificate no longer stands: when, why, and its replacement if reissued.
    revocation: revocationOf(c),
    replacedBy: c.replaced_by,
  };
}

function revocationOf(c: CertificateRow) {
  if (c.status !== 'revoked' || !c.revoked_at) return null;
  return { at: new Date(c.revoked_at).toISOString(), reason: { th: c.revoke_reason_th ?? '', en: c.revoke_reason_en ?? c.revoke_reason_th ?? '' } };
}

function revokedError(c: CertificateRow): AppError {
  return new AppError('STATE_FORBIDS', { state: 'revoked' }, [
    { path: 'code', th: `ใบประกาศเลขที่ ${c.code} ถูกเพิกถอนแล้ว`, en: `Certificate ${c.code} has been revoked` },
  ]);
}

async function requireCertificate(db: Db, code: string, lock = false): Promise<CertificateRow> {
  const normalised = code.trim().toUpperCase();
  if (!CODE_PATTERN.test(normalised)) throw new AppError('NOT_FOUND');
  const c = await findCertificate(db, normalised, lock);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

const required = (v: string | undefined | null, path: string, th: string, en: string): string => {
  const t = v?.trim() ?? '';
  if (!t) throw new AppError('VALIDATION_FAILED', { detail: `${path} required` }, [{ path, th, en }]);
  return t;
};

/** Revokes a valid certificate (e.g. the award was withdrawn after a finding); the written reason is published on the verify page. */
export async function revokeCertificate(ctx: AppContext, actor: SessionUser, code: string, body: { reason?: string; reasonEn?: string | null }) {
  const reasonTh = required(body.reason, 'body/reason', 'ต้องระบุเหตุผลการเพิกถอน', 'A reason for the revocation is required');
  const reasonEn = body.reasonEn?.trim() || null;
  const now = ctx.clock.now();
  const c0 = await requireCertificate(ctx.db, code);
  await ctx.db.transaction().execute(async (trx) => {
    const c = (await findCertificate(trx, c0.code, true))!;
    if (c.status === 'revoked') throw revokedError(c);
    await markRevoked(trx, c.code, { at: now, by: actor.id, reasonTh, reasonEn });
    await appendAudit(trx, now, {
      actorId: actor.id,
      action: 'awards.certificate_revoked',
      entity: 'award_certificate',
      entityId: c.code,
      organisationId: c.organisation_id,
      before: { status: 'valid' },
      after: { status: 'revoked', reasonTh, reasonEn, editionId: c.edition_id, categoryId: c.category_id, recipient: c.recipient_th },
    });
  });
  return presentCertificate(ctx, (await findCertificate(ctx.db, c0.code))!);
}

/**
 * Issues a new certificate (new code) for the award of a revoked one, e.g. after correcting the recipient's name; the
 * revoked certificate keeps its record and points to the new code. Refused while the award has a valid certificate.
 */
export async function reissueCertificate(ctx: AppContext, actor: SessionUser, code: string, body: { recipientTh?: string; recipientEn?: string }) {
  const now = ctx.clock.now();
  const c0 = await requireCertificate(ctx.db, code);
  const row: NewCertificate = { ...pickIssued(c0), code: '', issued_at: now, reissued_from: c0.code };
  if (body.recipientTh !== undefined) row.recipient_th = required(body.recipientTh, 'body/recipientTh', 'ต้องระบุชื่อผู้รับเป็นภาษาไทย', 'The recipient name in Thai is required');
  if (body.recipientEn !== undefined) row.recipient_en = body.recipientEn.trim() || row.recipient_th;
  await ctx.db.transaction().execute(async (trx) => {
    const c = (await findCertificate(trx, c0.code, true))!;
    if (c.status !== 'revoked')
      throw new AppError('STATE_FORBIDS', { state: c.status }, [
        { path: 'code', th: 'ออกใบประกาศใหม่ได้เฉพาะใบที่ถูกเพิกถอนแล้ว', en: 'Only a revoked certificate can be reissued' },
      ]);
    const current = await validCertificateFor(trx, c);
    if (current)
      throw new AppError('STATE_FORBIDS', { state: 'reissued' }, [
        { path: 'code', th: `รางวัลนี้มีใบประกาศที่ใช้ได้แล้ว (${current.code})`, en: `This award already has a valid certificate (${current.code})` },
      ]);
    await drawCodes(trx, [row]);
    await insertCertificates(trx, [row]);
    await setCertificateReplacement(trx, c.code, row.code);
    await appendAudit(trx, now, {
      actorId: actor.id,
      action: 'awards.certificate_reissued',
      entity: 'award_certificate',
      entityId: row.code,
      organisationId: c.organisation_id,
      before: { code: c.code, recipientTh: c.recipient_th, recipientEn: c.recipient_en },
      after: { code: row.code, recipientTh: row.recipient_th, recipientEn: row.recipient_en },
    });
  });
  return presentCertificate(ctx, (await findCertificate(ctx.db, row.code))!);
}

function pickIssued(c: CertificateRow): Omit<NewCertificate, 'code' | 'issued_at'> {
  return {
    edition_id: c.edition_id,
    category_id: c.category_id,
    group_key: c.group_key,
    recipient_key: c.recipient_key,
    organisation_id: c.organisation_id,
    ministry_code: c.ministry_code,
    nomination_id: c.nomination_id,
    recipient_th: c.recipient_th,
    recipient_en: c.recipient_en,
    category_th: c.category_th,
    category_en: c.category_en,
    group_th: c.group_th,
    group_en: c.group_en,
    year_be: c.year_be,
  };
}
