// Shapes of the API answers used by the UI (docs/api.md).

export const ROLES = ['admin', 'reviewer', 'coordinator', 'contributor', 'head', 'judge', 'lao_applicant'] as const;
export type Role = (typeof ROLES)[number];

export const LEVELS = ['department', 'provincial_unit', 'province', 'lao'] as const;
export type Level = (typeof LEVELS)[number];

export interface OrgRef {
  id: string;
  nameTh: string;
  nameEn: string;
  level?: Level;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisation: OrgRef | null;
  locale?: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface Organisation {
  id: string;
  level: Level;
  code: string | null;
  nameTh: string;
  nameEn: string | null;
  ministryCode: string | null;
  ministryNameTh: string | null;
  ministryNameEn: string | null;
  provinceCode: string | null;
  provinceNameTh: string | null;
  provinceNameEn: string | null;
  orgType: string | null;
  servesPublic: boolean;
  active: boolean;
  version: number;
  parentId: string | null;
  parent?: OrgRef | null;
  childCount?: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Items<T> {
  items: T[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Ministry {
  code: string;
  nameTh: string;
  nameEn: string;
  departmentCount: number;
}

export interface Province {
  code: string;
  isoCode: string;
  nameTh: string;
  nameEn: string;
  region: string;
  regionTh: string;
}

export interface InvitationInfo {
  email: string;
  role: Role;
  organisation: OrgRef | null;
  expiresAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  organisationId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface CreatedInvitation {
  id: string;
  link: string;
  expiresAt: string;
}

export interface OutboxMail {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  bodyText: string;
  kind: string;
  sentAt: string | null;
}

export interface ImportResult {
  imported: number;
  updated: number;
}
