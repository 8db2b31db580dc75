// SQL for accounts and their sessions.
import { sql, type Kysely } from 'kysely';
import type { Database, UserTable } from '../../db/schema.js';
import type { Role } from '../auth/policy.js';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  role: Role;
  organisation_id: string | null;
  locale: 'th' | 'en';
  active: boolean;
  org_name_th: string | null;
  org_name_en: string | null;
  org_level: string | null;
}

function userQuery(db: Kysely<Database>) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.password_hash', 'u.role', 'u.organisation_id', 'u.locale', 'u.active', 'o.name_th as org_name_th', 'o.name_en as org_name_en', 'o.level as org_level']);
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return userQuery(db).where(sql`lower(u.email)`, '=', email.trim().toLowerCase()).executeTakeFirst() as Promise<UserRow | undefined>;
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return userQuery(db).where('u.id', '=', id).executeTakeFirst() as Promise<UserRow | undefined>;
}

export async function findUsersByIds(db: Kysely<Database>, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return userQuery(db).where('u.id', 'in', ids).execute() as Promise<UserRow[]>;
}

/** The organisation's active coordinator first by e-mail: who the demo scripts act as on the agency's side. */
export async function firstActiveCoordinator(db: Kysely<Database>, organisationId: string): Promise<UserRow | undefined> {
  return userQuery(db)
    .where('u.organisation_id', '=', organisationId)
    .where('u.active', '=', true)
    .where('u.role', '=', 'coordinator')
    .orderBy('u.email')
    .executeTakeFirst() as Promise<UserRow | undefined>;
}

export async function emailExists(db: Kysely<Database>, email: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where(sql`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();
  return Boolean(row);
}

export async function insertUser(
  db: Kysely<Database>,
  u: { id: string; email: string; display_name: string; password_hash: string; role: Role; organisation_id: string | null; created_at: Date },
): Promise<void> {
  await db.insertInto('app_user').values({ ...u, locale: 'th', active: true }).execute();
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setLastLogin(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: at }).where('id', '=', id).execute();
}

export async function listUsers(db: Kysely<Database>, f: { q?: string; role?: Role; organisationId?: string }, limit = 500): Promise<UserRow[]> {
  let q = userQuery(db);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('u.email', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.organisationId) q = q.where('u.organisation_id', '=', f.organisationId);
  return q.orderBy('u.email').limit(limit).execute() as Promise<UserRow[]>;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Sessions: the primary key is the SHA-256 of the cookie token, so a database leak does not leak usable cookies.

export async function insertSession(db: Kysely<Database>, s: { id: string; user_id: string; csrf_token: string; created_at: Date; expires_at: Date }): Promise<void> {
  await db.insertInto('session').values({ ...s, last_seen_at: s.created_at }).execute();
}

export async function findLiveSession(db: Kysely<Database>, idHash: string, now: Date): Promise<(UserRow & { session_id: string; csrf_token: string; last_seen_at: Date }) | undefined> {
  return userQuery(db)
    .innerJoin('session as s', 's.user_id', 'u.id')
    .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at'])
    .where('s.id', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst() as Promise<(UserRow & { session_id: string; csrf_token: string; last_seen_at: Date }) | undefined>;
}

export async function touchSession(db: Kysely<Database>, idHash: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const r = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type { UserTable };
