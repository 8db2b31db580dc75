// Digital Local: DGA approves the LAO applicant accounts made through the public sign-up before they may submit an entry.
import type { AppContext } from '../app.js';
import type { Config } from '../config.js';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import type { SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { adminEmails } from '../repositories/digital-local-judging.js';
import { countPendingApprovals, findApproval, insertApproval, listApprovals, setApprovalDecision, type ApprovalRow, type ApprovalStatus } from '../repositories/digital-local-applicants.js';
import { appendAudit } from './audit.js';
import { sendMail } from './mail.js';

type Db = AppContext['db'];

/** The configured official domains, lower-case, without "*." or a leading dot; "none" gives none. */
export function trustedDomains(config: Pick<Config, 'DL_TRUSTED_EMAIL_DOMAINS'>): string[] {
  return config.DL_TRUSTED_EMAIL_DOMAINS.split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase().replace(/^\*?\./, ''))
    .filter((d) => d !== '' && d !== 'none');
}

/** Whether the address is under one of the domains: the domain itself or any subdomain (nan.go.th under go.th). */
export function isTrustedEmail(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const host = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Called when a sign-up link is accepted, inside that transaction: the new account waits for DGA unless its address
 * is under an official domain. Accounts an admin invited never pass here and need no approval.
 */
export async function recordSignupApproval(db: Db, config: Config, a: { userId: string; organisationId: string; email: string; now: Date }): Promise<ApprovalStatus> {
  const trusted = isTrustedEmail(a.email, trustedDomains(config));
  const status: ApprovalStatus = trusted ? 'approved' : 'pending';
  await insertApproval(db, { user_id: a.userId, organisation_id: a.organisationId, status, auto_trusted: trusted, requested_at: a.now, decided_at: trusted ? a.now : null });
  await appendAudit(db, a.now, {
    actorId: a.userId,
    action: trusted ? 'dl.applicant.auto_approve' : 'dl.applicant.pending',
    entity: 'user',
    entityId: a.userId,
    organisationId: a.organisationId,
    after: { status, email: a.email, ...(trusted ? { trustedDomain: true } : {}) },
  });
  return status;
}

const FOOTER = ['', 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) · Digital Government Development Agency'];

/** After a sign-up that waits for review: the admins are told there is someone in the queue. */
export async function mailAdminsPendingSignup(ctx: AppContext, userId: string): Promise<void> {
  const row = await findApproval(ctx.db, userId);
  if (!row || row.status !== 'pending') return;
  const pending = await countPendingApprovals(ctx.db);
  const text = [
    `${row.email} สมัครเป็นผู้สมัครรางวัลท้องถิ่นดิจิทัลของ${row.org_name_th} และรอการอนุมัติ (รออยู่ทั้งหมด ${pending} บัญชี)`,
    'ตรวจสอบได้ที่แท็บ "ผู้สมัคร" ในหน้าผู้ดูแลรางวัลท้องถิ่นดิจิทัล',
    '',
    '----',
    '',
    `${row.email} signed up as a Digital Local applicant for ${row.org_name_en ?? row.org_name_th} and awaits approval (${pending} waiting in all).`,
    'Review it on the "Applicants" tab of the Digital Local administration.',
    ...FOOTER,
  ].join('\n');
  for (const to of await adminEmails(ctx.db)) {
    await sendMail(ctx, { to, subject: 'ผู้สมัครท้องถิ่นดิจิทัลรอการอนุมัติ · A Digital Local applicant awaits approval', text, kind: 'dl-applicant-pending' });
  }
}

/** Refuses a submission by an applicant account DGA has not approved (pending or rejected). */
export async function assertApprovedApplicant(db: Db, user: SessionUser): Promise<void> {
  const row = await findApproval(db, user.id);
  if (!row || row.status === 'approved') return;
  const params =
    row.status === 'pending'
      ? { stateTh: 'ยังรอการอนุมัติจาก สพร.', stateEn: 'is still awaiting approval by DGA' }
      : { stateTh: `ไม่ได้รับการอนุมัติจาก สพร. (${row.reason ?? ''})`, stateEn: `was not approved by DGA (${row.reason ?? ''})` };
  throw new AppError('DL_APPLICANT_NOT_APPROVED', params, [{ path: 'applicant', th: `บัญชีผู้สมัคร${params.stateTh}`, en: `The applicant account ${params.stateEn}` }]);
}

export function presentApproval(r: ApprovalRow) {
  return {
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    active: r.active,
    organisation: { id: r.organisation_id, code: r.org_code, nameTh: r.org_name_th, nameEn: r.org_name_en, provinceCode: r.province_code, provinceNameTh: r.province_name_th, provinceNameEn: r.province_name_en },
    status: r.status,
    autoTrusted: r.auto_trusted,
    reason: r.reason,
    requestedAt: new Date(r.requested_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decidedByName: r.decided_by_name,
  };
}

export async function listApplicants(ctx: AppContext, f: { status?: ApprovalStatus }) {
  const rows = await listApprovals(ctx.db, { status: f.status, limit: 1000 });
  return { pending: await countPendingApprovals(ctx.db), items: rows.map(presentApproval) };
}

/** The caller's own standing: accounts without a row (invited by an admin) are approved. */
export async function myApproval(ctx: AppContext, user: SessionUser) {
  const row = await findApproval(ctx.db, user.id);
  if (!row) return { status: 'approved' as const, reviewRequired: false, reason: null, decidedAt: null };
  return { status: row.status, reviewRequired: true, reason: row.reason, decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null };
}

function decisionMail(row: ApprovalRow, status: 'approved' | 'rejected', reason: string | null, link: string): { subject: string; text: string } {
  if (status === 'approved') {
    return {
      subject: 'บัญชีผู้สมัครท้องถิ่นดิจิทัลได้รับการอนุมัติ · Your Digital Local applicant account is approved',
      text: [
        `สพร. อนุมัติบัญชีผู้สมัครรางวัลท้องถิ่นดิจิทัลของ${row.org_name_th}แล้ว ท่านส่งใบสมัครได้จนถึงวันปิดรับ`,
        link,
        '',
        '----',
        '',
        `DGA approved your Digital Local applicant account for ${row.org_name_en ?? row.org_name_th}. You can now submit your entry until entries close.`,
        link,
        ...FOOTER,
      ].join('\n'),
    };
  }
  return {
    subject: 'บัญชีผู้สมัครท้องถิ่นดิจิทัลไม่ได้รับการอนุมัติ · Your Digital Local applicant account was not approved',
    text: [
      `สพร. ไม่อนุมัติบัญชีผู้สมัครรางวัลท้องถิ่นดิจิทัลของ${row.org_name_th} เหตุผล: ${reason}`,
      'หากเห็นว่าไม่ถูกต้อง กรุณาติดต่อ สพร. โดยตอบกลับอีเมลนี้',
      '',
      '----',
      '',
      `DGA did not approve your Digital Local applicant account for ${row.org_name_en ?? row.org_name_th}. Reason: ${reason}`,
      'If you think this is wrong, please contact DGA by replying to this message.',
      ...FOOTER,
    ].join('\n'),
  };
}

/** Approves or rejects (reason required) an applicant account, audited, and tells the applicant by mail. */
export async function decideApplicant(ctx: AppContext, admin: SessionUser, userId: string, input: { decision: 'approve' | 'reject'; reason?: string | null }) {
  if (!isUuid(userId)) throw new AppError('NOT_FOUND');
  const reason = input.reason?.trim() || null;
  const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
  if (status === 'rejected' && !reason) {
    const detail: ErrorDetail = { path: 'body/reason', th: 'กรุณาระบุเหตุผลที่ไม่อนุมัติ ผู้สมัครจะได้รับเหตุผลนี้ทางอีเมล', en: 'Give the reason for the rejection; the applicant receives it by e-mail' };
    throw new AppError('VALIDATION_FAILED', { detail: `${detail.path}: ${detail.en}` }, [detail]);
  }
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const row = await findApproval(trx, userId, true);
    if (!row) throw new AppError('NOT_FOUND');
    // Deciding the same again (a double click, a retried request) changes nothing and mails nobody.
    if (row.status === status && (status === 'approved' || row.reason === reason)) return { row, changed: false };
    await setApprovalDecision(trx, userId, { status, reason: status === 'rejected' ? reason : null, by: admin.id, at: now });
    await appendAudit(trx, now, {
      actorId: admin.id,
      action: status === 'approved' ? 'dl.applicant.approve' : 'dl.applicant.reject',
      entity: 'user',
      entityId: userId,
      organisationId: row.organisation_id,
      before: { status: row.status, reason: row.reason },
      after: { status, reason: status === 'rejected' ? reason : null },
    });
    return { row, changed: true };
  });
  if (outcome.changed) {
    const link = `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}/digital-local/entry`;
    const mail = decisionMail(outcome.row, status, reason, link);
    await sendMail(ctx, { to: outcome.row.email, subject: mail.subject, text: mail.text, kind: status === 'approved' ? 'dl-applicant-approved' : 'dl-applicant-rejected' });
  }
  return presentApproval((await findApproval(ctx.db, userId))!);
}
