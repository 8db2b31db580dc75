// Authorisation in one place: who may do what to which organisation. Refusals are NOT_FOUND (no existence leak).
import { AppError } from '../../shared/errors.js';
import type { UserTable } from '../../db/schema.js';

export type Role = UserTable['role'];
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'coordinator', 'contributor', 'head', 'judge', 'lao_applicant'];
/** Users who belong to one organisation and may reach only it. */
export const AGENCY_ROLES: readonly Role[] = ['coordinator', 'contributor', 'head'];
export const DGA_ROLES: readonly Role[] = ['admin', 'reviewer'];
/** Roles that need an organisation (the database enforces it too). */
export const ORGANISATION_ROLES: readonly Role[] = ['coordinator', 'contributor', 'head', 'lao_applicant'];

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisation: { id: string; nameTh: string; nameEn: string | null; level: string } | null;
  locale: 'th' | 'en';
}

export type Action =
  | 'registry.read' // see an organisation (needs resource.organisationId)
  | 'registry.readAll' // browse the whole registry
  | 'registry.edit'
  | 'registry.import'
  | 'registry.audit'
  | 'users.list'
  | 'invitations.list'
  | 'invitations.create' // needs resource.organisationId (or null) and resource.role
  | 'outbox.read'
  | 'audit.verify'
  | 'awards.manage' // edit award sets, compute, approve, announce, record committee decisions, assign judges
  | 'awards.review' // see every award decision (not only announced ones), review and override
  | 'awards.nominate' // nominate a person of resource.organisationId for a committee award
  | 'awards.judge'; // score nominations assigned to the user

export interface Resource {
  organisationId?: string | null;
  role?: Role;
}

/** Roles a coordinator may hand out, always for their own organisation. */
const COORDINATOR_INVITES: readonly Role[] = ['contributor', 'head'];

export function isMemberOf(user: SessionUser, organisationId: string | null | undefined): boolean {
  return Boolean(organisationId) && user.organisationId === organisationId && ORGANISATION_ROLES.includes(user.role);
}

export function canSeeOrganisation(user: SessionUser, organisationId: string): boolean {
  if (user.role === 'admin' || user.role === 'reviewer') return true;
  return isMemberOf(user, organisationId);
}

export function can(user: SessionUser | null, action: Action, resource: Resource = {}): boolean {
  if (!user) return false;
  const admin = user.role === 'admin';
  switch (action) {
    case 'registry.read':
      return resource.organisationId ? canSeeOrganisation(user, resource.organisationId) : false;
    case 'registry.readAll':
      return admin || user.role === 'reviewer';
    case 'registry.edit':
    case 'registry.import':
    case 'registry.audit':
    case 'users.list':
    case 'invitations.list':
    case 'outbox.read':
    case 'audit.verify':
    case 'awards.manage':
      return admin;
    case 'awards.review':
      return admin || user.role === 'reviewer';
    case 'awards.nominate':
      return admin || ((user.role === 'head' || user.role === 'coordinator') && isMemberOf(user, resource.organisationId));
    case 'awards.judge':
      return user.role === 'judge';
    case 'invitations.create':
      if (admin) return true;
      return (
        user.role === 'coordinator' &&
        resource.role !== undefined &&
        COORDINATOR_INVITES.includes(resource.role) &&
        isMemberOf(user, resource.organisationId)
      );
  }
}

export function assertCan(user: SessionUser | null, action: Action, resource: Resource = {}): void {
  if (!can(user, action, resource)) throw new AppError('NOT_FOUND');
}

export function assertCanSeeOrganisation(user: SessionUser, organisationId: string): void {
  if (!canSeeOrganisation(user, organisationId)) throw new AppError('NOT_FOUND');
}

/** For list queries: every organisation, or only these. */
export function organisationScope(user: SessionUser): { all: true } | { all: false; ids: string[] } {
  if (can(user, 'registry.readAll')) return { all: true };
  return { all: false, ids: user.organisationId && ORGANISATION_ROLES.includes(user.role) ? [user.organisationId] : [] };
}

// ----- Digital Local contest (issue 9)

/** An LAO applicant of this organisation (the entering LAO). */
export function isDlApplicantOf(user: SessionUser, organisationId: string): boolean {
  return user.role === 'lao_applicant' && isMemberOf(user, organisationId);
}

/**
 * Who may read a Digital Local entry: DGA staff; the entering LAO's applicants; a judge only when assigned to it and
 * only once it is submitted. Everyone else gets NOT_FOUND.
 */
export function canReadDlEntry(user: SessionUser, entry: { organisationId: string; status: string }, assignedJudgeIds: readonly string[] = []): boolean {
  if (user.role === 'admin' || user.role === 'reviewer') return true;
  if (user.role === 'lao_applicant') return isDlApplicantOf(user, entry.organisationId);
  if (user.role === 'judge') return entry.status === 'submitted' && assignedJudgeIds.includes(user.id);
  return false;
}

/** Only the entering LAO's applicants write an entry (drafts, attachments, submission, withdrawal). */
export function canWriteDlEntry(user: SessionUser, entry: { organisationId: string }): boolean {
  return isDlApplicantOf(user, entry.organisationId);
}
