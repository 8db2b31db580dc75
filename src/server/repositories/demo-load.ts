// SQL for loading the demo in bulk (one statement per few thousand rows); the rules are checked by the demo loader service first.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Role } from '../auth/policy.js';
import type { ParticipantStatus } from '../../engine/edition/lifecycle.js';
import { requireReferenced, requireUsers, withoutRowTriggers } from './bulk.js';

const CHUNK = 20_000;

/** What makes a database "hold data" for the demo loader: any edition, or any user other than an admin. */
export async function dataPresence(db: Kysely<Database>): Promise<{ editions: number; nonAdminUsers: number }> {
  const r = await sql<{ editions: number; users: number }>`
    SELECT (SELECT count(*)::int FROM edition) AS editions,
           (SELECT count(*)::int FROM app_user WHERE role <> 'admin') AS users`.execute(db);
  return { editions: r.rows[0]!.editions, nonAdminUsers: r.rows[0]!.users };
}

export interface SurveyOrganisation {
  id: string;
  code: string;
  level: 'department' | 'provincial_unit' | 'province' | 'lao';
  ministry_code: string | null;
  province_code: string | null;
  org_type: string | null;
  serves_public: boolean;
  name_th: string;
  name_en: string | null;
}

/** The demo population: department-level agencies, provincial units and the special LAOs (Bangkok, Pattaya). */
export async function surveyOrganisations(db: Kysely<Database>): Promise<SurveyOrganisation[]> {
  return db
    .selectFrom('organisation')
    .select(['id', 'code', 'level', 'ministry_code', 'province_code', 'org_type', 'serves_public', 'name_th', 'name_en'])
    .where('active', '=', true)
    .where((eb) => eb.or([eb('level', 'in', ['department', 'provincial_unit']), eb.and([eb('level', '=', 'lao'), eb('org_type', '=', 'special')])]))
    .orderBy('code')
    .execute();
}

export async function organisationsByCode(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('organisation').select(['id', 'code', 'level', 'name_th', 'name_en']).where('code', 'in', codes).execute();
}

export async function firstAdminId(db: Kysely<Database>): Promise<string | undefined> {
  const r = await db.selectFrom('app_user').select('id').where('role', '=', 'admin').where('active', '=', true).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  return r?.id;
}

export interface NewUserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  organisation_id: string | null;
  created_at: Date;
}

export async function insertUsersBulk(db: Kysely<Database>, rows: NewUserRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('app_user')
      .values(rows.slice(i, i + 2000).map((u) => ({ ...u, locale: 'th' as const, active: true })))
      .execute();
  }
}

export interface BulkAnswer {
  organisation_id: string;
  item_code: string;
  /** JSON text of the value. */
  value: string;
  updated_by: string;
  updated_at: Date;
}

const distinct = <T>(list: T[]) => [...new Set(list)];

/** One transaction: the insert (row triggers off where the connection may, see withoutRowTriggers), then its set-based reference checks. */
async function bulkInsert(db: Kysely<Database>, insert: (trx: Kysely<Database>) => Promise<void>, check: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (await withoutRowTriggers(trx, () => insert(trx))) await check(trx);
  });
}

async function requireParticipants(trx: Kysely<Database>, editionId: string, orgs: string[]) {
  const o = distinct(orgs);
  await requireReferenced('participants', o.length, sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM participant WHERE edition_id = ${editionId}::uuid AND organisation_id = ANY(${o}::uuid[]) FOR KEY SHARE) x`.execute(trx));
}

/** First writes (version 1) with their history rows, as the autosave would record them. */
export async function insertAnswersBulk(db: Kysely<Database>, editionId: string, rows: BulkAnswer[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    const org = c.map((r) => r.organisation_id);
    const item = c.map((r) => r.item_code);
    const value = c.map((r) => r.value);
    const by = c.map((r) => r.updated_by);
    const at = c.map((r) => r.updated_at.toISOString());
    await bulkInsert(
      db,
      async (trx) => {
        await sql`
          WITH t AS (
            SELECT * FROM unnest(${org}::uuid[], ${item}::text[], ${value}::text[], ${by}::uuid[], ${at}::timestamptz[]) AS t(o, i, v, u, a)
          ), w AS (
            INSERT INTO answer (edition_id, organisation_id, item_code, value, version, updated_by, updated_at, last_request_id)
            SELECT ${editionId}::uuid, o, i, v::jsonb, 1, u, a, NULL FROM t
          )
          INSERT INTO answer_history (edition_id, organisation_id, item_code, version, value, at, by_user, request_id)
          SELECT ${editionId}::uuid, o, i, 1, v::jsonb, a, u, NULL FROM t`.execute(trx);
      },
      async (trx) => {
        await requireParticipants(trx, editionId, org);
        await requireUsers(trx, by);
      },
    );
  }
}

export interface BulkEvidence {
  id: string;
  organisation_id: string;
  item_code: string;
  sha256: string;
  filename: string;
  size: number;
  mime_type: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export async function insertEvidenceBulk(db: Kysely<Database>, editionId: string, rows: BulkEvidence[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    await bulkInsert(
      db,
      async (trx) => {
        await sql`
          INSERT INTO evidence_file (id, edition_id, organisation_id, item_code, sha256, filename, size, mime_type, uploaded_by, uploaded_at)
          SELECT id, ${editionId}::uuid, o, i, s, f, z, m, u, a
          FROM unnest(${c.map((r) => r.id)}::uuid[], ${c.map((r) => r.organisation_id)}::uuid[], ${c.map((r) => r.item_code)}::text[],
                      ${c.map((r) => r.sha256)}::text[], ${c.map((r) => r.filename)}::text[], ${c.map((r) => r.size)}::bigint[],
                      ${c.map((r) => r.mime_type)}::text[], ${c.map((r) => r.uploaded_by)}::uuid[], ${c.map((r) => r.uploaded_at.toISOString())}::timestamptz[])
            AS t(id, o, i, s, f, z, m, u, a)`.execute(trx);
      },
      async (trx) => {
        await requireParticipants(trx, editionId, c.map((r) => r.organisation_id));
        await requireUsers(trx, c.map((r) => r.uploaded_by));
        const blobs = distinct(c.map((r) => r.sha256));
        await requireReferenced('evidence blobs', blobs.length, sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM evidence_blob WHERE sha256 = ANY(${blobs}::text[]) FOR KEY SHARE) x`.execute(trx));
      },
    );
  }
}

export interface BulkParticipantStatus {
  organisation_id: string;
  status: ParticipantStatus;
  first_answer_at: Date | null;
  completed_at: Date | null;
  completed_by: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
}

/** Sets the statuses reached by the loaded responses; only participants still not started are touched. */
export async function setParticipantStatusesBulk(db: Kysely<Database>, editionId: string, rows: BulkParticipantStatus[]): Promise<number> {
  let n = 0;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    const r = await sql`
      UPDATE participant p
      SET status = t.s, first_answer_at = t.f, completed_at = t.ca, completed_by = t.cb, submitted_at = t.sa, submitted_by = t.sb, version = p.version + 1
      FROM unnest(${c.map((r) => r.organisation_id)}::uuid[], ${c.map((r) => r.status)}::text[], ${c.map((r) => iso(r.first_answer_at))}::timestamptz[],
                  ${c.map((r) => iso(r.completed_at))}::timestamptz[], ${c.map((r) => r.completed_by)}::uuid[],
                  ${c.map((r) => iso(r.submitted_at))}::timestamptz[], ${c.map((r) => r.submitted_by)}::uuid[])
        AS t(o, s, f, ca, cb, sa, sb)
      WHERE p.edition_id = ${editionId}::uuid AND p.organisation_id = t.o AND p.status = 'not_started'`.execute(db);
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}

/** Participants of an edition with their status (to check the loader starts from a clean questionnaire). */
export async function participantStatuses(db: Kysely<Database>, editionId: string): Promise<Map<string, ParticipantStatus>> {
  const rows = await db.selectFrom('participant').select(['organisation_id', 'status']).where('edition_id', '=', editionId).execute();
  return new Map(rows.map((r) => [r.organisation_id, r.status]));
}

/** Organisations that already have answers in the edition (the bulk path only writes first answers). */
export async function organisationsWithAnswers(db: Kysely<Database>, editionId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('answer').select('organisation_id').distinct().where('edition_id', '=', editionId).execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/**
 * Runs `fn` only if this process gets the demo-load advisory lock (held on one pooled connection for the whole load),
 * so two servers starting together on one empty database cannot both load the demo. Returns null when another has it.
 */
export async function withDemoLoadLock<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T | null> {
  return db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(hashtext('dgr:demo-load')) AS ok`.execute(conn);
    if (!got.rows[0]?.ok) return null;
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext('dgr:demo-load'))`.execute(conn);
    }
  });
}

/** Fresh planner statistics after a bulk load, so the queries that follow (verification, scoring) get sound plans. */
export async function analyzeBulkTables(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE answer, evidence_file, participant`.execute(db);
}
