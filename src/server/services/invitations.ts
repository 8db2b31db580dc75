// Invitations: single-use, expiring links that create an account bound to an organisation and role.
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { assertCan, ORGANISATION_ROLES, type Role, type SessionUser } from '../auth/policy.js';
import { claimInvitation, findInvitationByTokenHash, insertInvitation, listInvitations, type InvitationRow } from '../repositories/invitations.js';
import { findOrganisation } from '../repositories/organisations.js';
import { emailExists, findUserById, insertUser } from '../repositories/users.js';
import { appendAudit } from './audit.js';
import { mailAdminsPendingSignup, recordSignupApproval } from './digital-local-applicants.js';
import { createSession, presentSessionUser, randomToken, sha256Hex, type NewSession } from './auth.js';
import { sendMail } from './mail.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from './passwords.js';

export const INVITATION_TTL_DAYS = 7;

const ROLE_NAMES: Record<Role, { th: string; en: string }> = {
  admin: { th: 'ผู้ดูแลระบบ (สพร.)', en: 'programme administrator (DGA)' },
  reviewer: { th: 'ผู้ตรวจสอบ (สพร.)', en: 'reviewer (DGA)' },
  coordinator: { th: 'ผู้ประสานงานของหน่วยงาน', en: 'agency coordinator' },
  contributor: { th: 'ผู้ร่วมตอบแบบสำรวจ', en: 'agency contributor' },
  head: { th: 'หัวหน้าหน่วยงาน / CIO', en: 'agency head / CIO' },
  judge: { th: 'กรรมการตัดสิน', en: 'judge (committee member)' },
  lao_applicant: { th: 'ผู้สมัครขององค์กรปกครองส่วนท้องถิ่น', en: 'local administrative organisation applicant' },
};

export interface CreateInvitationInput {
  email: string;
  role: Role;
  organisationId?: string | null;
}

function invitationMail(input: { link: string; role: Role; orgTh: string | null; orgEn: string | null; expiresAt: Date }): { subject: string; text: string } {
  const th = new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(input.expiresAt);
  const en = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(input.expiresAt);
  const r = ROLE_NAMES[input.role];
  const text = [
    'เรียน ท่านผู้ได้รับเชิญ',
    '',
    `ท่านได้รับเชิญให้เข้าใช้ระบบสำรวจความพร้อมรัฐบาลดิจิทัล (DG Readiness) ในบทบาท${r.th}${input.orgTh ? ` ของ${input.orgTh}` : ''}`,
    `กรุณาเปิดลิงก์ด้านล่างเพื่อตั้งรหัสผ่านและเริ่มใช้งาน ลิงก์นี้ใช้ได้ครั้งเดียวและหมดอายุ ${th} (เวลาประเทศไทย)`,
    '',
    input.link,
    '',
    'หากท่านไม่ได้คาดว่าจะได้รับอีเมลนี้ โปรดละเว้น',
    '',
    '----',
    '',
    `You have been invited to DG Readiness, the Digital Government Readiness Survey system, as ${r.en}${input.orgEn ? ` of ${input.orgEn}` : ''}.`,
    `Open the link below to set your password and sign in. It works once and expires on ${en} (Bangkok time).`,
    '',
    input.link,
    '',
    'If you did not expect this message, you can ignore it.',
    '',
    'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) · Digital Government Development Agency',
  ].join('\n');
  return { subject: 'คำเชิญเข้าใช้ระบบ DG Readiness · Invitation to DG Readiness', text };
}

export function invitationLink(ctx: Pick<AppContext, 'config'>, token: string): string {
  return `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}/invite/${token}`;
}

export async function createInvitation(ctx: AppContext, actor: SessionUser, input: CreateInvitationInput): Promise<{ id: string; link: string; expiresAt: Date }> {
  const email = input.email.trim();
  const needsOrg = ORGANISATION_ROLES.includes(input.role);
  // A coordinator who leaves the organisation out invites into their own.
  const organisationId = needsOrg ? (input.organisationId ?? (actor.role === 'coordinator' ? actor.organisationId : null)) : (input.organisationId ?? null);
  assertCan(actor, 'invitations.create', { organisationId, role: input.role });
  if (needsOrg && !organisationId) {
    throw new AppError('VALIDATION_FAILED', { detail: 'organisationId is required for this role' }, [{ path: 'body/organisationId', th: 'บทบาทนี้ต้องระบุหน่วยงาน', en: 'This role needs an organisation' }]);
  }
  if (!needsOrg && organisationId) {
    throw new AppError('VALIDATION_FAILED', { detail: 'this role has no organisation' }, [{ path: 'body/organisationId', th: 'บทบาทนี้ไม่ผูกกับหน่วยงาน', en: 'This role is not bound to an organisation' }]);
  }
  const org = organisationId ? await findOrganisation(ctx.db, organisationId) : null;
  if (organisationId && !org) throw new AppError('NOT_FOUND');
  if (input.role === 'lao_applicant' && org?.level !== 'lao') {
    throw new AppError('VALIDATION_FAILED', { detail: 'an LAO applicant belongs to a local administrative organisation' }, [{ path: 'body/organisationId', th: 'ผู้สมัครต้องสังกัดองค์กรปกครองส่วนท้องถิ่น', en: 'An LAO applicant must belong to a local administrative organisation' }]);
  }
  if (await emailExists(ctx.db, email)) throw new AppError('EMAIL_TAKEN');

  const now = ctx.clock.now();
  const token = randomToken();
  const id = ctx.ids.uuid();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86400_000);
  await ctx.db.transaction().execute(async (trx) => {
    await insertInvitation(trx, { id, token_hash: sha256Hex(token), email, role: input.role, organisation_id: organisationId, invited_by: actor.id, created_at: now, expires_at: expiresAt });
    await appendAudit(trx, now, { actorId: actor.id, action: 'invitation.create', entity: 'invitation', entityId: id, organisationId, after: { email, role: input.role, organisationId, expiresAt: expiresAt.toISOString() } });
  });
  const link = invitationLink(ctx, token);
  const mail = invitationMail({ link, role: input.role, orgTh: org?.name_th ?? null, orgEn: org?.name_en ?? null, expiresAt });
  await sendMail(ctx, { to: email, subject: mail.subject, text: mail.text, kind: 'invitation' });
  return { id, link, expiresAt };
}

async function usableInvitation(ctx: AppContext, token: string): Promise<InvitationRow> {
  if (!token || token.length > 200) throw new AppError('INVITATION_INVALID');
  const inv = await findInvitationByTokenHash(ctx.db, sha256Hex(token));
  if (!inv || inv.used_at || new Date(inv.expires_at).getTime() <= ctx.clock.now().getTime()) throw new AppError('INVITATION_INVALID');
  return inv;
}

export async function viewInvitation(ctx: AppContext, token: string) {
  const inv = await usableInvitation(ctx, token);
  return {
    email: inv.email,
    role: inv.role,
    organisation: inv.organisation_id ? { id: inv.organisation_id, nameTh: inv.org_name_th ?? '', nameEn: inv.org_name_en } : null,
    expiresAt: new Date(inv.expires_at).toISOString(),
  };
}

export async function acceptInvitation(ctx: AppContext, token: string, input: { displayName: string; password: string }): Promise<{ user: SessionUser; session: NewSession }> {
  const inv = await usableInvitation(ctx, token);
  if (input.password.length < PASSWORD_MIN_LENGTH) throw new AppError('PASSWORD_TOO_WEAK', { min: PASSWORD_MIN_LENGTH });
  if (await emailExists(ctx.db, inv.email)) throw new AppError('EMAIL_TAKEN');
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const userId = ctx.ids.uuid();
  let signupStatus: string | null = null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertUser(trx, { id: userId, email: inv.email, display_name: input.displayName.trim(), password_hash: passwordHash, role: inv.role, organisation_id: inv.organisation_id, created_at: now });
      if (!(await claimInvitation(trx, inv.id, now, userId))) throw new AppError('INVITATION_INVALID');
      // A Digital Local sign-up (nobody invited it) proves only the e-mail address: DGA approves the account.
      if (inv.role === 'lao_applicant' && inv.invited_by === null && inv.organisation_id) {
        signupStatus = await recordSignupApproval(trx, ctx.config, { userId, organisationId: inv.organisation_id, email: inv.email, now });
      }
      await appendAudit(trx, now, [
        { actorId: userId, action: 'invitation.accept', entity: 'invitation', entityId: inv.id, organisationId: inv.organisation_id },
        { actorId: userId, action: 'user.create', entity: 'user', entityId: userId, organisationId: inv.organisation_id, after: { email: inv.email, displayName: input.displayName.trim(), role: inv.role, organisationId: inv.organisation_id } },
      ]);
    });
  } catch (err) {
    // Two accepts racing: the loser hits the unique e-mail index once the winner commits.
    if ((err as { code?: string }).code === '23505') throw new AppError('INVITATION_INVALID');
    throw err;
  }
  if (signupStatus === 'pending') await mailAdminsPendingSignup(ctx, userId);
  const session = await createSession(ctx, userId);
  const user = await findUserById(ctx.db, userId);
  return { user: presentSessionUser(user!), session };
}

export async function invitationsForAdmin(ctx: AppContext) {
  const rows = await listInvitations(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    organisationId: r.organisation_id,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    usedAt: r.used_at ? new Date(r.used_at).toISOString() : null,
  }));
}
