// SQL for invitations (stored by the SHA-256 of their token).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Role } from '../auth/policy.js';

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  organisation_id: string | null;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  org_name_th: string | null;
  org_name_en: string | null;
}

export async function insertInvitation(
  db: Kysely<Database>,
  i: { id: string; token_hash: string; email: string; role: Role; organisation_id: string | null; invited_by: string; created_at: Date; expires_at: Date },
): Promise<void> {
  await db.insertInto('invitation').values(i).execute();
}

export async function findInvitationByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('invitation as i')
    .leftJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['i.id', 'i.email', 'i.role', 'i.organisation_id', 'i.invited_by', 'i.created_at', 'i.expires_at', 'i.used_at', 'o.name_th as org_name_th', 'o.name_en as org_name_en'])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst() as Promise<InvitationRow | undefined>;
}

/** Single use: only one caller can flip used_at, even when two accept at once. */
export async function claimInvitation(db: Kysely<Database>, id: string, now: Date, userId: string): Promise<boolean> {
  const r = await db
    .updateTable('invitation')
    .set({ used_at: now, used_by: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listInvitations(db: Kysely<Database>, limit = 1000): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitation as i')
    .leftJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['i.id', 'i.email', 'i.role', 'i.organisation_id', 'i.invited_by', 'i.created_at', 'i.expires_at', 'i.used_at', 'o.name_th as org_name_th', 'o.name_en as org_name_en'])
    .orderBy('i.created_at', 'desc')
    .limit(limit)
    .execute() as Promise<InvitationRow[]>;
}

/**
 * Deletes invitations (admin invitations and Digital Local sign-up links alike) used or expired before `before`: their
 * token can no longer be redeemed, and public sign-up requests would otherwise pile up. The audit log keeps who was
 * invited and when.
 */
export async function purgeOldInvitations(db: Kysely<Database>, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('invitation')
    .where((eb) => eb.or([eb('used_at', '<', before), eb.and([eb('used_at', 'is', null), eb('expires_at', '<', before)])]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
