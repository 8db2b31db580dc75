// Award certificates: issued with random verification codes when a decision is announced; listing, PDF, batch ZIP, public check.
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
  findNomination,
  insertCertificates,
  listCertificates,
  organisationsByIds,
  type CertificateRow,
  type DecisionRow,
} from '../repositories/awards.js';
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
  const rows: Omit<CertificateRow, 'status'>[] = [];
  if (d.kind === 'rule') {
    const rec = d.record as AwardDecision;
    const ids = [...new Set(finalWinners(rec).map((w) => w.unitId))];
    const orgs = await organisationsByIds(db, ids);
    const { certificates } = certificatesToIssue([rec], orgs.map((o) => ({ id: o.id, name: { th: o.name_th, en: o.name_en ?? o.name_th } })));
    for (const c of certificates)
      rows.push({
        code: '',
        edition_id: e.id,
        category_id: c.categoryId,
        group_key: c.group,
        recipient_key: c.unitId,
        organisation_id: c.unitId,
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
  // Codes are drawn until none collides with a stored one (60 bits: a collision is astronomically rare).
  for (;;) {
    for (const r of rows) r.code = newCertificateCode();
    const taken = await certificateCodeExists(db, rows.map((r) => r.code));
    if (taken.size === 0 && new Set(rows.map((r) => r.code)).size === rows.length) break;
  }
  await insertCertificates(db, rows);
  return rows.length;
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
    nominationId: c.nomination_id,
    issuedAt: new Date(c.issued_at).toISOString(),
    status: c.status,
    verifyUrl: verifyUrl(ctx, c.code),
    pdfUrl: `/api/awards/certificates/${c.code}/pdf`,
  };
}

/** DGA see every certificate of the edition; an agency's users see their organisation's; others none. */
export async function editionCertificates(ctx: AppContext, user: SessionUser, eid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  let rows: CertificateRow[] = [];
  if (can(user, 'awards.review')) rows = await listCertificates(ctx.db, e.id);
  else if (user.organisationId && isMemberOf(user, user.organisationId)) rows = await listCertificates(ctx.db, e.id, user.organisationId);
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
  return { pdf: await renderCertificatePdf(modelOf(ctx, c)), filename: `certificate-${c.year_be}-${c.category_id}-${c.code}.pdf` };
}

/** Every certificate of the edition in one ZIP, rendered one after another into the stream (memory stays flat). */
export async function certificatesZip(ctx: AppContext, eid: string): Promise<{ stream: Readable; filename: string }> {
  const e = await requireAwardsEdition(ctx.db, eid);
  const rows = await listCertificates(ctx.db, e.id);
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
  };
}
