// SQL for DGA's approval of Digital Local applicant accounts created through the public sign-up.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ApplicantOrgColumns } from './digital-local.js';

type Db = Kysely<Database>;

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

export interface ApprovalRow extends ApplicantOrgColumns {
  user_id: string;
  organisation_id: string;
  status: ApprovalStatus;
  auto_trusted: boolean;
  reason: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  email: string;
  display_name: string;
  active: boolean;
  decided_by_name: string | null;
}

export async function insertApproval(
  db: Db,
  a: { user_id: string; organisation_id: string; status: ApprovalStatus; auto_trusted: boolean; requested_at: Date; decided_at: Date | null },
): Promise<void> {
  await db.insertInto('dl_applicant_approval').values({ ...a, reason: null, decided_by: null }).execute();
}

function approvalSelect(db: Db) {
  return db
    .selectFrom('dl_applicant_approval as a')
    .innerJoin('app_user as u', 'u.id', 'a.user_id')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('province as p', 'p.code', 'o.province_code')
    .leftJoin('app_user as d', 'd.id', 'a.decided_by')
    .select([
      'a.user_id',
      'a.organisation_id',
      'a.status',
      'a.auto_trusted',
      'a.reason',
      'a.requested_at',
      'a.decided_by',
      'a.decided_at',
      'u.email',
      'u.display_name',
      'u.active',
      'o.code as org_code',
      'o.name_th as org_name_th',
      'o.name_en as org_name_en',
      'o.org_type',
      'o.province_code',
      'p.name_th as province_name_th',
      'p.name_en as province_name_en',
      'd.display_name as decided_by_name',
    ]);
}

export async function findApproval(db: Db, userId: string, lock = false): Promise<ApprovalRow | undefined> {
  let q = approvalSelect(db).where('a.user_id', '=', userId);
  if (lock) q = q.forUpdate('a');
  return q.executeTakeFirst() as Promise<ApprovalRow | undefined>;
}

/** The queue: pending first (oldest first), then decided ones (latest first). */
export async function listApprovals(db: Db, f: { status?: ApprovalStatus; limit: number }): Promise<ApprovalRow[]> {
  let q = approvalSelect(db);
  if (f.status) q = q.where('a.status', '=', f.status);
  return q
    .orderBy((eb) => eb.case().when('a.status', '=', 'pending').then(0).else(1).end())
    .orderBy((eb) => eb.case().when('a.status', '=', 'pending').then(eb.ref('a.requested_at')).else(null).end(), 'asc')
    .orderBy('a.decided_at', 'desc')
    .orderBy('a.user_id')
    .limit(f.limit)
    .execute() as Promise<ApprovalRow[]>;
}

export async function countPendingApprovals(db: Db): Promise<number> {
  const r = await db.selectFrom('dl_applicant_approval').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setApprovalDecision(db: Db, userId: string, d: { status: 'approved' | 'rejected'; reason: string | null; by: string; at: Date }): Promise<void> {
  await db.updateTable('dl_applicant_approval').set({ status: d.status, reason: d.reason, decided_by: d.by, decided_at: d.at, auto_trusted: false }).where('user_id', '=', userId).execute();
}
