// SQL for results: scoring inputs, frozen snapshots and their units, the official mark, and the results job queue.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AnswerValue } from '../../engine/framework/types.js';

export interface ScoringParticipantRow {
  organisation_id: string;
  code: string;
  name_th: string;
  name_en: string | null;
  level: string;
  ministry_code: string | null;
  province_code: string | null;
  org_type: string | null;
  serves_public: boolean;
}

/** Participants that submitted, with the attributes used for peer groups, in organisation-id order. */
export async function submittedParticipants(db: Kysely<Database>, editionId: string): Promise<ScoringParticipantRow[]> {
  return db
    .selectFrom('participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.organisation_id', 'o.code', 'o.name_th', 'o.name_en', 'o.level', 'o.ministry_code', 'o.province_code', 'o.org_type', 'o.serves_public'])
    .where('p.edition_id', '=', editionId)
    .where('p.status', '=', 'submitted')
    .orderBy('p.organisation_id')
    .execute();
}

/** Every answer of submitted participants of an edition (cleared answers, stored as JSON null, are left out). */
export async function submittedAnswers(db: Kysely<Database>, editionId: string): Promise<{ organisation_id: string; item_code: string; value: AnswerValue }[]> {
  const r = await sql<{ organisation_id: string; item_code: string; value: AnswerValue }>`
    SELECT a.organisation_id, a.item_code, a.value
    FROM answer a
    JOIN participant p ON p.edition_id = a.edition_id AND p.organisation_id = a.organisation_id
    WHERE a.edition_id = ${editionId} AND p.status = 'submitted' AND a.value <> 'null'::jsonb`.execute(db);
  return r.rows;
}

/** (organisation, item) pairs that have at least one evidence file (not deleted). */
export async function evidenceItems(db: Kysely<Database>, editionId: string): Promise<{ organisation_id: string; item_code: string }[]> {
  return db
    .selectFrom('evidence_file')
    .select(['organisation_id', 'item_code'])
    .distinct()
    .where('edition_id', '=', editionId)
    .where('deleted_at', 'is', null)
    .execute();
}

export interface SnapshotRow {
  id: string;
  edition_id: string;
  seq: number;
  framework_id: string;
  framework_version: string;
  engine_version: string;
  fingerprint: string;
  evidence_rule: string;
  options: unknown;
  unit_count: number;
  summary: unknown;
  robustness: unknown;
  comparison: unknown;
  previous_snapshot_id: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  official: boolean;
}

const snapshotColumns = [
  's.id',
  's.edition_id',
  's.seq',
  's.framework_id',
  's.framework_version',
  's.engine_version',
  's.fingerprint',
  's.evidence_rule',
  's.options',
  's.unit_count',
  's.previous_snapshot_id',
  's.created_by',
  'u.display_name as created_by_name',
  's.created_at',
] as const;

/** Which jsonb bodies to read: all (dashboard), the summary only (scorecards, reports), or none (lists). */
export type SnapshotBodies = boolean | 'summary';

function snapshotQuery(db: Kysely<Database>, withBodies: SnapshotBodies) {
  const q = db
    .selectFrom('result_snapshot as s')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .leftJoin('result_official as ro', 'ro.snapshot_id', 's.id')
    .select(snapshotColumns)
    .select(sql<boolean>`ro.snapshot_id IS NOT NULL`.as('official'));
  return withBodies === 'summary' ? q.select(['s.summary']) : withBodies ? q.select(['s.summary', 's.robustness', 's.comparison']) : q;
}

export async function listSnapshots(db: Kysely<Database>, editionId: string): Promise<SnapshotRow[]> {
  return snapshotQuery(db, false).where('s.edition_id', '=', editionId).orderBy('s.seq', 'desc').execute() as Promise<SnapshotRow[]>;
}

export async function findSnapshot(db: Kysely<Database>, id: string, withBodies: SnapshotBodies = true): Promise<SnapshotRow | undefined> {
  return snapshotQuery(db, withBodies).where('s.id', '=', id).executeTakeFirst() as Promise<SnapshotRow | undefined>;
}

export async function officialSnapshotId(db: Kysely<Database>, editionId: string): Promise<string | null> {
  const r = await db.selectFrom('result_official').select('snapshot_id').where('edition_id', '=', editionId).executeTakeFirst();
  return r?.snapshot_id ?? null;
}

export async function latestSnapshotId(db: Kysely<Database>, editionId: string): Promise<string | null> {
  const r = await db.selectFrom('result_snapshot').select('id').where('edition_id', '=', editionId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

export async function nextSnapshotSeq(db: Kysely<Database>, editionId: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT coalesce(max(seq), 0)::int + 1 AS n FROM result_snapshot WHERE edition_id = ${editionId}`.execute(db);
  return r.rows[0]!.n;
}

/** A snapshot as written: the stored columns, without what is joined or derived on reading. */
export type NewSnapshot = Omit<SnapshotRow, 'created_by_name' | 'official'>;

export interface NewUnit {
  organisation_id: string;
  input: unknown;
  result: unknown;
  overall: number | null;
  stage: string | null;
  rank_interval: unknown;
  yoy: unknown;
}

export async function insertSnapshot(db: Kysely<Database>, s: NewSnapshot, units: NewUnit[]): Promise<void> {
  const j = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  await db
    .insertInto('result_snapshot')
    .values({ ...s, options: j(s.options)!, summary: j(s.summary)!, robustness: j(s.robustness)!, comparison: j(s.comparison) })
    .execute();
  // Batches keep each statement well under the parameter limit and the payload moderate.
  for (let i = 0; i < units.length; i += 200) {
    await db
      .insertInto('result_unit')
      .values(
        units.slice(i, i + 200).map((u) => ({
          snapshot_id: s.id,
          organisation_id: u.organisation_id,
          input: j(u.input)!,
          result: j(u.result)!,
          overall: u.overall,
          stage: u.stage,
          rank_interval: j(u.rank_interval),
          yoy: j(u.yoy),
        })),
      )
      .execute();
  }
}

export interface UnitRow {
  organisation_id: string;
  code: string;
  name_th: string;
  name_en: string | null;
  level: string;
  ministry_code: string | null;
  ministry_name_th: string | null;
  ministry_name_en: string | null;
  province_code: string | null;
  province_name_th: string | null;
  province_name_en: string | null;
  overall: number | null;
  stage: string | null;
  rank_interval: unknown;
  yoy: unknown;
}

function unitQuery(db: Kysely<Database>, snapshotId: string) {
  return db
    .selectFrom('result_unit as ru')
    .innerJoin('organisation as o', 'o.id', 'ru.organisation_id')
    .leftJoin('ministry as m', 'm.code', 'o.ministry_code')
    .leftJoin('province as pv', 'pv.code', 'o.province_code')
    .select([
      'ru.organisation_id',
      'o.code',
      'o.name_th',
      'o.name_en',
      'o.level',
      'o.ministry_code',
      'm.name_th as ministry_name_th',
      'm.name_en as ministry_name_en',
      'o.province_code',
      'pv.name_th as province_name_th',
      'pv.name_en as province_name_en',
      'ru.overall',
      'ru.stage',
      'ru.rank_interval',
      'ru.yoy',
    ])
    .where('ru.snapshot_id', '=', snapshotId);
}

/** Unit rows without the heavy result/input bodies, in organisation-code order. */
export async function snapshotUnits(db: Kysely<Database>, snapshotId: string): Promise<UnitRow[]> {
  return unitQuery(db, snapshotId).orderBy('o.code').execute() as Promise<UnitRow[]>;
}

/** Unit rows with their full engine result, a page at a time (for reports over a whole edition). */
export async function snapshotUnitResultsPage(db: Kysely<Database>, snapshotId: string, afterCode: string | null, limit: number): Promise<(UnitRow & { result: unknown })[]> {
  let q = unitQuery(db, snapshotId).select('ru.result').orderBy('o.code').limit(limit);
  if (afterCode !== null) q = q.where('o.code', '>', afterCode);
  return q.execute() as Promise<(UnitRow & { result: unknown })[]>;
}

export async function findSnapshotUnit(db: Kysely<Database>, snapshotId: string, organisationId: string): Promise<(UnitRow & { result: unknown; input: unknown }) | undefined> {
  return unitQuery(db, snapshotId).select(['ru.result', 'ru.input']).where('ru.organisation_id', '=', organisationId).executeTakeFirst() as Promise<
    (UnitRow & { result: unknown; input: unknown }) | undefined
  >;
}

/** The exact engine inputs of a snapshot, in organisation-id order (for re-scoring and year-over-year). */
export async function snapshotInputs(db: Kysely<Database>, snapshotId: string): Promise<unknown[]> {
  const rows = await db.selectFrom('result_unit').select('input').where('snapshot_id', '=', snapshotId).orderBy('organisation_id').execute();
  return rows.map((r) => r.input);
}

export async function setOfficial(db: Kysely<Database>, editionId: string, snapshotId: string, by: string, at: Date): Promise<void> {
  await db
    .insertInto('result_official')
    .values({ edition_id: editionId, snapshot_id: snapshotId, marked_by: by, marked_at: at })
    .onConflict((oc) => oc.column('edition_id').doUpdateSet({ snapshot_id: snapshotId, marked_by: by, marked_at: at }))
    .execute();
}

/** The latest edition (other than this one) using the given framework version that has a snapshot; official first. */
export async function previousEditionSnapshot(db: Kysely<Database>, editionId: string, frameworkId: string, frameworkVersion: string): Promise<string | null> {
  const r = await sql<{ id: string }>`
    SELECT s.id
    FROM result_snapshot s
    JOIN edition e ON e.id = s.edition_id
    LEFT JOIN result_official ro ON ro.snapshot_id = s.id
    WHERE s.edition_id <> ${editionId} AND s.framework_id = ${frameworkId} AND s.framework_version = ${frameworkVersion}
    ORDER BY e.year_be DESC, (ro.snapshot_id IS NOT NULL) DESC, s.seq DESC
    LIMIT 1`.execute(db);
  return r.rows[0]?.id ?? null;
}

// ---- jobs ----

export interface JobRow {
  id: string;
  kind: 'score' | 'pdf_batch';
  edition_id: string;
  params: Record<string, unknown>;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  total: number;
  snapshot_id: string | null;
  output_path: string | null;
  error: string | null;
  attempts: number;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export async function insertJob(db: Kysely<Database>, j: { id: string; kind: JobRow['kind']; edition_id: string; params: unknown; created_by: string | null; created_at: Date }): Promise<void> {
  await db.insertInto('result_job').values({ ...j, params: JSON.stringify(j.params) }).execute();
}

export async function findJob(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('result_job').selectAll().where('id', '=', id).executeTakeFirst() as Promise<JobRow | undefined>;
}

export async function listJobs(db: Kysely<Database>, editionId: string, limit = 20): Promise<JobRow[]> {
  return db.selectFrom('result_job').selectAll().where('edition_id', '=', editionId).orderBy('created_at', 'desc').limit(limit).execute() as Promise<JobRow[]>;
}

/**
 * Claims the oldest queued job (or a running one whose worker stopped sending heartbeats) with FOR UPDATE SKIP
 * LOCKED, so any number of app processes can poll the same table without taking the same job twice.
 */
export async function claimJob(db: Kysely<Database>, now: Date, staleBefore: Date, maxAttempts: number): Promise<JobRow | undefined> {
  const r = await sql<JobRow>`
    UPDATE result_job SET state = 'running', started_at = ${now}, heartbeat_at = ${now}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM result_job
      WHERE (state = 'queued' OR (state = 'running' AND heartbeat_at < ${staleBefore})) AND attempts < ${maxAttempts}
      ORDER BY created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return r.rows[0];
}

export async function updateJob(
  db: Kysely<Database>,
  id: string,
  patch: Partial<{ state: JobRow['state']; progress: number; total: number; snapshot_id: string | null; output_path: string | null; error: string | null; heartbeat_at: Date; finished_at: Date }>,
): Promise<void> {
  await db.updateTable('result_job').set(patch).where('id', '=', id).execute();
}

/** Jobs that ran out of attempts while stuck in 'running' are marked failed. */
export async function failExhaustedJobs(db: Kysely<Database>, staleBefore: Date, maxAttempts: number, now: Date): Promise<void> {
  await db
    .updateTable('result_job')
    .set({ state: 'failed', error: 'worker stopped', finished_at: now })
    .where('state', '=', 'running')
    .where('heartbeat_at', '<', staleBefore)
    .where('attempts', '>=', maxAttempts)
    .execute();
}
