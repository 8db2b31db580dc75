// SQL for evidence verification: reasons, reviewer assignments, the queue, item decisions, send-backs, audit export.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AnswerValue } from '../../engine/framework/types.js';
import type { Decision } from '../../engine/verification/index.js';
import { requireReferenced, requireUsers, withoutRowTriggers } from './bulk.js';

export interface ReasonRow {
  code: string;
  applies_to: 'insufficient' | 'rejected' | 'any';
  label_th: string;
  label_en: string;
  active: boolean;
  sort: number;
}

export async function listReasons(db: Kysely<Database>, includeInactive = false): Promise<ReasonRow[]> {
  let q = db.selectFrom('review_reason').selectAll().orderBy('sort').orderBy('code');
  if (!includeInactive) q = q.where('active', '=', true);
  return q.execute() as Promise<ReasonRow[]>;
}

export async function upsertReason(db: Kysely<Database>, r: ReasonRow): Promise<void> {
  await db
    .insertInto('review_reason')
    .values(r)
    .onConflict((oc) => oc.column('code').doUpdateSet({ applies_to: r.applies_to, label_th: r.label_th, label_en: r.label_en, active: r.active, sort: r.sort }))
    .execute();
}

// ----- assignments

export interface AssignmentRow {
  organisation_id: string;
  organisation_code: string;
  reviewer_id: string;
  reviewer_name: string;
}

export async function findAssignment(db: Kysely<Database>, eid: string, oid: string): Promise<{ reviewer_id: string } | undefined> {
  return db.selectFrom('review_assignment').select('reviewer_id').where('edition_id', '=', eid).where('organisation_id', '=', oid).executeTakeFirst();
}

export async function editionHasAssignments(db: Kysely<Database>, eid: string): Promise<boolean> {
  const r = await db.selectFrom('review_assignment').select('organisation_id').where('edition_id', '=', eid).limit(1).executeTakeFirst();
  return Boolean(r);
}

export async function assignmentsOf(db: Kysely<Database>, eid: string): Promise<AssignmentRow[]> {
  return db
    .selectFrom('review_assignment as a')
    .innerJoin('app_user as u', 'u.id', 'a.reviewer_id')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['a.organisation_id', 'o.code as organisation_code', 'a.reviewer_id', 'u.display_name as reviewer_name'])
    .where('a.edition_id', '=', eid)
    .orderBy('o.code')
    .execute();
}

/** Organisations (with their parent, for the conflict rule) that submitted to the edition, in code order: what auto-assignment spreads. */
export async function submittedParticipantOrgs(db: Kysely<Database>, eid: string): Promise<{ id: string; parent_id: string | null }[]> {
  return db
    .selectFrom('participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.parent_id'])
    .where('p.edition_id', '=', eid)
    .where('p.status', '=', 'submitted')
    .orderBy('o.code')
    .execute();
}

/** The given organisations that take part in the edition, with their parent; absent ones are simply missing. */
export async function participantOrgsByIds(db: Kysely<Database>, eid: string, organisationIds: string[]): Promise<{ id: string; parent_id: string | null }[]> {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.parent_id'])
    .where('p.edition_id', '=', eid)
    .where('o.id', 'in', organisationIds)
    .execute();
}

export async function upsertAssignments(db: Kysely<Database>, eid: string, rows: { organisationId: string; reviewerId: string }[], by: string | null, now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({ edition_id: eid, organisation_id: r.organisationId, reviewer_id: r.reviewerId, assigned_by: by, assigned_at: now }));
    await db
      .insertInto('review_assignment')
      .values(chunk)
      .onConflict((oc) => oc.columns(['edition_id', 'organisation_id']).doUpdateSet((eb) => ({ reviewer_id: eb.ref('excluded.reviewer_id'), assigned_by: eb.ref('excluded.assigned_by'), assigned_at: eb.ref('excluded.assigned_at') })))
      .execute();
  }
}

export interface ReviewerRow {
  id: string;
  display_name: string;
  email: string;
  organisation_id: string | null;
}

export async function activeReviewers(db: Kysely<Database>, ids?: string[]): Promise<ReviewerRow[]> {
  let q = db.selectFrom('app_user').select(['id', 'display_name', 'email', 'organisation_id']).where('role', '=', 'reviewer').where('active', '=', true).orderBy('email');
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.execute();
}

/** Submitted participants with the attributes the queue filters on. */
export interface QueueOrgRow {
  organisation_id: string;
  code: string;
  name_th: string;
  name_en: string | null;
  level: string;
  ministry_code: string | null;
  province_code: string | null;
  parent_id: string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  open_deadline: Date | null;
  total: number;
  counts: Record<string, number> | null;
}

/**
 * Recomputes reviewable-item totals (per dimension and "*") for submitted participants whose totals are missing or
 * older than their submission, or for the given organisations. Reviewable: answered items that need evidence, items
 * carrying evidence files, and items that already have a review state.
 */
export async function refreshReviewTotals(db: Kysely<Database>, eid: string, evidenceCodes: string[], codes: string[], dims: string[], now: Date, only?: string[]): Promise<number> {
  const stale = only
    ? only
    : (
        await sql<{ organisation_id: string }>`
          SELECT p.organisation_id FROM participant p
           WHERE p.edition_id = ${eid} AND p.status = 'submitted'
             AND NOT EXISTS (SELECT 1 FROM review_total t WHERE t.edition_id = p.edition_id AND t.organisation_id = p.organisation_id
                              AND t.dimension_code = '*' AND t.computed_at >= coalesce(p.submitted_at, p.created_at))`.execute(db)
      ).rows.map((r) => r.organisation_id);
  if (stale.length === 0) return 0;
  for (let i = 0; i < stale.length; i += 500) {
    const chunk = stale.slice(i, i + 500);
    await sql`DELETE FROM review_total WHERE edition_id = ${eid} AND organisation_id = ANY(${chunk}::uuid[])`.execute(db);
    await sql`
      INSERT INTO review_total (edition_id, organisation_id, dimension_code, total, computed_at)
      SELECT ${eid}::uuid, o.id, coalesce(x.dim, '*'), coalesce(x.n, 0), ${now}::timestamptz
        FROM unnest(${chunk}::uuid[]) AS o(id)
        LEFT JOIN LATERAL (
          SELECT d.dim, count(*)::int AS n FROM (
            SELECT a.item_code FROM answer a
             WHERE a.edition_id = ${eid} AND a.organisation_id = o.id AND a.item_code = ANY(${evidenceCodes}::text[]) AND a.value <> 'null'::jsonb
            UNION
            SELECT f.item_code FROM evidence_file f WHERE f.edition_id = ${eid} AND f.organisation_id = o.id AND f.deleted_at IS NULL
            UNION
            SELECT r.item_code FROM review_item r WHERE r.edition_id = ${eid} AND r.organisation_id = o.id
          ) it JOIN unnest(${codes}::text[], ${dims}::text[]) AS d(code, dim) ON d.code = it.item_code
          GROUP BY GROUPING SETS ((d.dim), ())
        ) x ON true`.execute(db);
  }
  return stale.length;
}

/**
 * Every reviewable (organisation, item) of an edition's submitted participants, with whether it carries an evidence
 * file: answered items among `evidenceCodes`, items with files, items with a review state (as refreshReviewTotals).
 */
export async function reviewableOfEdition(db: Kysely<Database>, eid: string, evidenceCodes: string[]): Promise<{ organisation_id: string; item_code: string; has_file: boolean }[]> {
  // The submitted organisations as an array, not a join: right after a bulk load (no statistics yet) a join here can
  // be planned as a nested loop over every answer.
  const submitted = (await db.selectFrom('participant').select('organisation_id').where('edition_id', '=', eid).where('status', '=', 'submitted').execute()).map((p) => p.organisation_id);
  if (submitted.length === 0) return [];
  const r = await sql<{ organisation_id: string; item_code: string; has_file: boolean }>`
    SELECT x.organisation_id, x.item_code, bool_or(x.has_file) AS has_file FROM (
      SELECT a.organisation_id, a.item_code, false AS has_file FROM answer a
       WHERE a.edition_id = ${eid} AND a.item_code = ANY(${evidenceCodes}::text[]) AND a.value <> 'null'::jsonb
      UNION ALL
      SELECT f.organisation_id, f.item_code, true FROM evidence_file f WHERE f.edition_id = ${eid} AND f.deleted_at IS NULL
      UNION ALL
      SELECT r.organisation_id, r.item_code, false FROM review_item r WHERE r.edition_id = ${eid}
    ) x
    WHERE x.organisation_id = ANY(${submitted}::uuid[])
    GROUP BY x.organisation_id, x.item_code
    ORDER BY x.organisation_id, x.item_code`.execute(db);
  return r.rows;
}

/** One row per submitted participant: its reviewable total (for `dimension` or "*") and current review state counts. */
export async function queueRows(db: Kysely<Database>, eid: string, dimension: string, scope: string[] | null): Promise<QueueOrgRow[]> {
  const r = await sql<QueueOrgRow>`
    WITH st AS (
      SELECT organisation_id, jsonb_object_agg(status, n) AS counts FROM (
        SELECT organisation_id, status, count(*)::int AS n FROM review_item
         WHERE edition_id = ${eid} ${scope ? sql`AND item_code = ANY(${scope}::text[])` : sql``} GROUP BY organisation_id, status
      ) s GROUP BY organisation_id
    )
    SELECT p.organisation_id, o.code, o.name_th, o.name_en, o.level, o.ministry_code, o.province_code, o.parent_id,
           ra.reviewer_id, u.display_name AS reviewer_name, sb.deadline AS open_deadline,
           coalesce(t.total, 0) AS total, st.counts
      FROM participant p
      JOIN organisation o ON o.id = p.organisation_id
      LEFT JOIN review_assignment ra ON ra.edition_id = p.edition_id AND ra.organisation_id = p.organisation_id
      LEFT JOIN app_user u ON u.id = ra.reviewer_id
      LEFT JOIN review_send_back sb ON sb.edition_id = p.edition_id AND sb.organisation_id = p.organisation_id AND sb.status = 'open'
      LEFT JOIN review_total t ON t.edition_id = p.edition_id AND t.organisation_id = p.organisation_id AND t.dimension_code = ${dimension}
      LEFT JOIN st ON st.organisation_id = p.organisation_id
     WHERE p.edition_id = ${eid} AND p.status = 'submitted'
     ORDER BY o.code`.execute(db);
  return r.rows;
}

// ----- items

export interface ReviewItemRow {
  item_code: string;
  status: 'accepted' | 'insufficient' | 'rejected' | 'returned' | 'resubmitted';
  decision: Decision | null;
  last_decision_id: string | null;
  send_back_id: string | null;
  final: boolean;
  updated_at: Date;
}

export async function reviewItemsOf(db: Kysely<Database>, eid: string, oid: string): Promise<ReviewItemRow[]> {
  const rows = await db
    .selectFrom('review_item')
    .select(['item_code', 'status', 'decision', 'last_decision_id', 'send_back_id', 'final', 'updated_at'])
    .where('edition_id', '=', eid)
    .where('organisation_id', '=', oid)
    .execute();
  return rows.map((r) => ({ ...r, last_decision_id: r.last_decision_id === null ? null : String(r.last_decision_id) }));
}

export async function lockReviewItem(db: Kysely<Database>, eid: string, oid: string, item: string): Promise<ReviewItemRow | undefined> {
  const r = await db
    .selectFrom('review_item')
    .select(['item_code', 'status', 'decision', 'last_decision_id', 'send_back_id', 'final', 'updated_at'])
    .where('edition_id', '=', eid)
    .where('organisation_id', '=', oid)
    .where('item_code', '=', item)
    .forUpdate()
    .executeTakeFirst();
  return r ? { ...r, last_decision_id: r.last_decision_id === null ? null : String(r.last_decision_id) } : undefined;
}

export async function upsertReviewItem(
  db: Kysely<Database>,
  r: { edition_id: string; organisation_id: string; item_code: string; status: ReviewItemRow['status']; decision: Decision | null; last_decision_id: string | null; send_back_id: string | null; final: boolean; updated_at: Date },
): Promise<void> {
  await db
    .insertInto('review_item')
    .values(r)
    .onConflict((oc) =>
      oc.columns(['edition_id', 'organisation_id', 'item_code']).doUpdateSet({ status: r.status, decision: r.decision, last_decision_id: r.last_decision_id, send_back_id: r.send_back_id, final: r.final, updated_at: r.updated_at }),
    )
    .execute();
}

/** Participants of the given organisations, key-share locked (in organisation order, so batches never deadlock). */
export async function lockParticipantsForDecision(db: Kysely<Database>, eid: string, oids: string[]): Promise<{ organisation_id: string; status: string }[]> {
  const r = await sql<{ organisation_id: string; status: string }>`
    SELECT organisation_id, status FROM participant
     WHERE edition_id = ${eid} AND organisation_id = ANY(${oids}::uuid[])
     ORDER BY organisation_id FOR KEY SHARE`.execute(db);
  return r.rows;
}

export interface DecisionTargetRow {
  organisation_id: string;
  item_code: string;
  status: ReviewItemRow['status'];
  decision: Decision | null;
  final: boolean;
  sb_deadline: Date | null;
  sb_status: string | null;
}

/** Current review state of (organisation, item) pairs that have one, row-locked in key order, with their send-back. */
export async function lockDecisionTargets(db: Kysely<Database>, eid: string, pairs: { organisationId: string; item: string }[]): Promise<DecisionTargetRow[]> {
  const orgs = [...new Set(pairs.map((p) => p.organisationId))];
  // The organisation list repeats what the join implies, so PostgreSQL reads only these organisations' review states
  // (an index range each) instead of hashing the whole edition's on every batch of a large review.
  const r = await sql<DecisionTargetRow>`
    SELECT r.organisation_id, r.item_code, r.status, r.decision, r.final, sb.deadline AS sb_deadline, sb.status AS sb_status
      FROM unnest(${pairs.map((p) => p.organisationId)}::uuid[], ${pairs.map((p) => p.item)}::text[]) AS t(organisation_id, item_code)
      JOIN review_item r ON r.edition_id = ${eid} AND r.organisation_id = t.organisation_id AND r.item_code = t.item_code
                        AND r.organisation_id = ANY(${orgs}::uuid[])
      LEFT JOIN review_send_back sb ON sb.id = r.send_back_id
     ORDER BY r.organisation_id, r.item_code
       FOR UPDATE OF r`.execute(db);
  return r.rows;
}

export interface NewDecision {
  organisation_id: string;
  item_code: string;
  decision: Decision;
  reason_code: string | null;
  comment: string | null;
  internal_note: string | null;
  /** The item already has a review state (so it is reviewable whatever its answer and files). */
  has_state: boolean;
}

export interface WrittenDecision {
  id: string;
  organisation_id: string;
  item_code: string;
  answer_version: number | null;
  files: string[];
}

/**
 * Records decisions and makes each the item's current state, in one statement: the decision row keeps the answer
 * version and the evidence file ids it was made on (read here, after the caller locked the items). An item with no
 * review state, no answer and no file is not reviewable and is left out of the result (the caller refuses it).
 */
export async function writeDecisions(db: Kysely<Database>, eid: string, reviewerId: string, now: Date, rows: NewDecision[]): Promise<WrittenDecision[]> {
  if (rows.length < BULK_DECISIONS || !db.isTransaction) return writeDecisionRows(db, eid, reviewerId, now, rows);
  // A large batch (the demo's tens of thousands): the seven foreign keys of a decision and its item state are checked
  // once per distinct key instead of per row. The decision ids the item states point to come from the same statement.
  let out: WrittenDecision[] = [];
  if (!(await withoutRowTriggers(db, async () => void (out = await writeDecisionRows(db, eid, reviewerId, now, rows))))) return out;
  const orgs = [...new Set(rows.map((r) => r.organisation_id))];
  const reasons = [...new Set(rows.map((r) => r.reason_code).filter((x): x is string => x !== null))];
  await requireReferenced('editions', 1, sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM edition WHERE id = ${eid}::uuid FOR KEY SHARE) x`.execute(db));
  await requireReferenced('organisations', orgs.length, sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM organisation WHERE id = ANY(${orgs}::uuid[]) FOR KEY SHARE) x`.execute(db));
  await requireReferenced('reasons', reasons.length, sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM review_reason WHERE code = ANY(${reasons}::text[]) FOR KEY SHARE) x`.execute(db));
  await requireUsers(db, [reviewerId]);
  return out;
}

/** From this many decisions in one statement, writeDecisions checks their references set-based (see withoutRowTriggers). */
const BULK_DECISIONS = 500;

async function writeDecisionRows(db: Kysely<Database>, eid: string, reviewerId: string, now: Date, rows: NewDecision[]): Promise<WrittenDecision[]> {
  const col = <K extends keyof NewDecision>(k: K) => rows.map((r) => r[k]);
  const orgs = [...new Set(rows.map((r) => r.organisation_id))];
  const r = await sql<WrittenDecision>`
    WITH t AS (
      SELECT * FROM unnest(${col('organisation_id')}::uuid[], ${col('item_code')}::text[], ${col('decision')}::text[], ${col('reason_code')}::text[],
                           ${col('comment')}::text[], ${col('internal_note')}::text[], ${col('has_state')}::boolean[])
             AS t(organisation_id, item_code, decision, reason_code, comment, internal_note, has_state)
    ), c AS (
      SELECT t.*, a.version AS answer_version, (a.value IS NOT NULL AND a.value <> 'null'::jsonb) AS answered,
             coalesce((SELECT jsonb_agg(f.id ORDER BY f.uploaded_at, f.id) FROM evidence_file f
                        WHERE f.edition_id = ${eid} AND f.organisation_id = t.organisation_id AND f.item_code = t.item_code AND f.deleted_at IS NULL), '[]'::jsonb) AS files
        FROM t LEFT JOIN answer a ON a.edition_id = ${eid} AND a.organisation_id = t.organisation_id AND a.item_code = t.item_code
                                 -- Implied by the join; without it a batch of thousands hashes the whole edition's answers.
                                 AND a.organisation_id = ANY(${orgs}::uuid[])
    ), d AS (
      INSERT INTO review_decision (edition_id, organisation_id, item_code, decision, reason_code, comment, internal_note, reviewer_id, decided_at, answer_version, files)
      SELECT ${eid}::uuid, organisation_id, item_code, decision, reason_code, comment, internal_note, ${reviewerId}::uuid, ${now}::timestamptz, answer_version, files
        FROM c WHERE has_state OR answered OR files <> '[]'::jsonb
      RETURNING id, organisation_id, item_code, decision, answer_version, files
    ), u AS (
      INSERT INTO review_item (edition_id, organisation_id, item_code, status, decision, last_decision_id, send_back_id, final, updated_at)
      SELECT ${eid}::uuid, organisation_id, item_code, decision, decision, id, NULL, false, ${now}::timestamptz FROM d
      ON CONFLICT (edition_id, organisation_id, item_code) DO UPDATE
        SET status = excluded.status, decision = excluded.decision, last_decision_id = excluded.last_decision_id, send_back_id = NULL, final = false, updated_at = excluded.updated_at
    )
    SELECT id, organisation_id, item_code, answer_version, files FROM d`.execute(db);
  return r.rows.map((x) => ({ ...x, id: String(x.id), files: (x.files as string[]) ?? [] }));
}

export interface DecisionRow {
  id: string;
  item_code: string;
  decision: Decision;
  reason_code: string | null;
  comment: string | null;
  internal_note: string | null;
  reviewer_id: string;
  reviewer_name: string | null;
  decided_at: Date;
  answer_version: number | null;
  files: string[];
}

export async function decisionsOf(db: Kysely<Database>, eid: string, oid: string): Promise<DecisionRow[]> {
  const rows = await db
    .selectFrom('review_decision as d')
    .leftJoin('app_user as u', 'u.id', 'd.reviewer_id')
    .select(['d.id', 'd.item_code', 'd.decision', 'd.reason_code', 'd.comment', 'd.internal_note', 'd.reviewer_id', 'u.display_name as reviewer_name', 'd.decided_at', 'd.answer_version', 'd.files'])
    .where('d.edition_id', '=', eid)
    .where('d.organisation_id', '=', oid)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id), files: (r.files as string[]) ?? [] }));
}

/** (organisation, item) pairs whose current state is accepted. */
export async function acceptedItems(db: Kysely<Database>, eid: string): Promise<{ organisation_id: string; item_code: string }[]> {
  return db.selectFrom('review_item').select(['organisation_id', 'item_code']).where('edition_id', '=', eid).where('status', '=', 'accepted').execute();
}

export async function editionHasDecisions(db: Kysely<Database>, eid: string): Promise<boolean> {
  const r = await db.selectFrom('review_decision').select('id').where('edition_id', '=', eid).limit(1).executeTakeFirst();
  return Boolean(r);
}

// ----- send-backs

export interface SendBackRow {
  id: string;
  edition_id: string;
  organisation_id: string;
  round: number;
  message: string | null;
  deadline: Date;
  status: 'open' | 'resubmitted' | 'expired';
  created_by: string;
  created_by_name: string | null;
  created_at: Date;
  resubmitted_by: string | null;
  resubmitted_at: Date | null;
  reminder_sent_at: Date | null;
}

export interface SendBackItemRow {
  send_back_id: string;
  item_code: string;
  reason_code: string;
  comment: string | null;
  answer_before: AnswerValue | null;
  answer_version_before: number | null;
  files_before: string[];
}

const sbColumns = ['s.id', 's.edition_id', 's.organisation_id', 's.round', 's.message', 's.deadline', 's.status', 's.created_by', 'u.display_name as created_by_name', 's.created_at', 's.resubmitted_by', 's.resubmitted_at', 's.reminder_sent_at'] as const;

export async function sendBacksOf(db: Kysely<Database>, eid: string, oid: string): Promise<SendBackRow[]> {
  return db.selectFrom('review_send_back as s').leftJoin('app_user as u', 'u.id', 's.created_by').select(sbColumns).where('s.edition_id', '=', eid).where('s.organisation_id', '=', oid).orderBy('s.round', 'desc').execute();
}

export async function findSendBack(db: Kysely<Database>, id: string, lock = false): Promise<SendBackRow | undefined> {
  let q = db.selectFrom('review_send_back as s').leftJoin('app_user as u', 'u.id', 's.created_by').select(sbColumns).where('s.id', '=', id);
  if (lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

export async function openSendBack(db: Kysely<Database>, eid: string, oid: string): Promise<SendBackRow | undefined> {
  return db.selectFrom('review_send_back as s').leftJoin('app_user as u', 'u.id', 's.created_by').select(sbColumns).where('s.edition_id', '=', eid).where('s.organisation_id', '=', oid).where('s.status', '=', 'open').executeTakeFirst();
}

export async function sendBackItems(db: Kysely<Database>, ids: string[]): Promise<SendBackItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('review_send_back_item').selectAll().where('send_back_id', 'in', ids).orderBy('item_code').execute();
  return rows.map((r) => ({ ...r, answer_before: r.answer_before as AnswerValue | null, files_before: (r.files_before as string[]) ?? [] }));
}

export async function nextRound(db: Kysely<Database>, eid: string, oid: string): Promise<number> {
  const r = await db.selectFrom('review_send_back').select((eb) => eb.fn.max('round').as('m')).where('edition_id', '=', eid).where('organisation_id', '=', oid).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function insertSendBack(
  db: Kysely<Database>,
  sb: { id: string; edition_id: string; organisation_id: string; round: number; message: string | null; deadline: Date; created_by: string; created_at: Date },
  items: { item_code: string; reason_code: string; comment: string | null; answer_before: AnswerValue | null; answer_version_before: number | null; files_before: string[] }[],
): Promise<void> {
  await db.insertInto('review_send_back').values({ ...sb, status: 'open' }).execute();
  await db
    .insertInto('review_send_back_item')
    .values(items.map((i) => ({ ...i, send_back_id: sb.id, answer_before: i.answer_before === null ? null : JSON.stringify(i.answer_before), files_before: JSON.stringify(i.files_before) })))
    .execute();
}

export async function setSendBackStatus(db: Kysely<Database>, id: string, set: { status: 'resubmitted' | 'expired'; resubmitted_by?: string; resubmitted_at?: Date }): Promise<void> {
  await db.updateTable('review_send_back').set(set).where('id', '=', id).execute();
}

export async function anySendBackDue(db: Kysely<Database>, now: Date, eid?: string): Promise<boolean> {
  let q = db.selectFrom('review_send_back').select('id').where('status', '=', 'open').where('deadline', '<=', now).limit(1);
  if (eid) q = q.where('edition_id', '=', eid);
  return Boolean(await q.executeTakeFirst());
}

/** Open send-backs whose deadline is at or before `now`, locked so two sweeps do not expire one twice. */
export async function dueSendBacks(db: Kysely<Database>, now: Date, eid?: string): Promise<{ id: string; edition_id: string; organisation_id: string; deadline: Date }[]> {
  let q = db.selectFrom('review_send_back').select(['id', 'edition_id', 'organisation_id', 'deadline']).where('status', '=', 'open').where('deadline', '<=', now).forUpdate().skipLocked();
  if (eid) q = q.where('edition_id', '=', eid);
  return q.execute();
}

/** Returned items of an expired send-back fall back to their last decision, which becomes final. */
export async function finaliseExpiredItems(db: Kysely<Database>, sendBackId: string, now: Date): Promise<number> {
  const r = await sql`
    UPDATE review_item SET status = coalesce(decision, 'insufficient'), final = true, updated_at = ${now}
     WHERE send_back_id = ${sendBackId} AND status = 'returned'`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function markItemsResubmitted(db: Kysely<Database>, sendBackId: string, now: Date): Promise<void> {
  await db.updateTable('review_item').set({ status: 'resubmitted', updated_at: now }).where('send_back_id', '=', sendBackId).where('status', '=', 'returned').execute();
}

export async function openSendBacksForReminder(db: Kysely<Database>, now: Date): Promise<{ id: string; edition_id: string; organisation_id: string; deadline: Date; created_at: Date; reminder_sent_at: Date | null }[]> {
  return db
    .selectFrom('review_send_back')
    .select(['id', 'edition_id', 'organisation_id', 'deadline', 'created_at', 'reminder_sent_at'])
    .where('status', '=', 'open')
    .where('reminder_sent_at', 'is', null)
    .where('deadline', '>', now)
    .execute();
}

/** Compare-and-set, so two reminder passes never mail twice. */
export async function claimSendBackReminder(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('review_send_back').set({ reminder_sent_at: now }).where('id', '=', id).where('reminder_sent_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Agency addresses for correction mail: coordinators and heads of the organisation, else the participant contact. */
export async function agencyRecipients(db: Kysely<Database>, eid: string, oid: string): Promise<string[]> {
  const users = await db.selectFrom('app_user').select('email').where('organisation_id', '=', oid).where('active', '=', true).where('role', 'in', ['coordinator', 'head']).orderBy('email').execute();
  if (users.length > 0) return users.map((u) => u.email);
  const p = await db.selectFrom('participant').select('contact_email').where('edition_id', '=', eid).where('organisation_id', '=', oid).executeTakeFirst();
  return p?.contact_email ? [p.contact_email] : [];
}

// ----- audit export

export interface AuditExportRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  organisation_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** Every audit entry about one organisation, in chain order (keyset pages keep memory flat). */
export async function auditPageForOrganisation(db: Kysely<Database>, oid: string, afterId: string | null, limit: number): Promise<AuditExportRow[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'u.display_name as actor_name', 'a.action', 'a.entity', 'a.entity_id', 'a.organisation_id', 'a.before', 'a.after', 'a.prev_hash', 'a.hash'])
    .where((eb) => eb.or([eb('a.organisation_id', '=', oid), eb.and([eb('a.entity', '=', 'organisation'), eb('a.entity_id', '=', oid)])]))
    .orderBy('a.id', 'asc')
    .limit(limit);
  if (afterId) q = q.where('a.id', '>', afterId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** The previous version's value of an answer (for the before side of a correction's audit entry). */
export async function answerAtVersion(db: Kysely<Database>, eid: string, oid: string, item: string, version: number): Promise<AnswerValue | null> {
  const r = await db.selectFrom('answer_history').select('value').where('edition_id', '=', eid).where('organisation_id', '=', oid).where('item_code', '=', item).where('version', '=', version).executeTakeFirst();
  return r ? (r.value as AnswerValue) : null;
}

/** Open send-back item codes of an organisation whose deadline is still ahead. */
export async function openCorrectionItems(db: Kysely<Database>, eid: string, oid: string, now: Date): Promise<{ send_back_id: string; item_codes: string[] } | null> {
  const r = await db
    .selectFrom('review_send_back as s')
    .innerJoin('review_send_back_item as i', 'i.send_back_id', 's.id')
    .select(['s.id', 'i.item_code'])
    .where('s.edition_id', '=', eid)
    .where('s.organisation_id', '=', oid)
    .where('s.status', '=', 'open')
    .where('s.deadline', '>', now)
    .execute();
  if (r.length === 0) return null;
  return { send_back_id: r[0]!.id, item_codes: r.map((x) => x.item_code) };
}

/** Editions that the previous edition's answers are read from: by framework (crosswalk) or by year. */
export async function previousEditionId(db: Kysely<Database>, e: { id: string; year_be: number; framework_id: string }, prev: { id: string; version: string } | null): Promise<string | null> {
  let q = db.selectFrom('edition').select('id').where('id', '<>', e.id).where('year_be', '<', e.year_be).orderBy('year_be', 'desc').limit(1);
  q = prev ? q.where('framework_id', '=', prev.id).where('framework_version', '=', prev.version) : q.where('framework_id', '=', e.framework_id).where('year_be', '=', e.year_be - 1);
  const r = await q.executeTakeFirst();
  return r?.id ?? null;
}
