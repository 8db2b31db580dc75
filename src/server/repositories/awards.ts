// SQL for the Digital Government Awards: award-set versions, category decisions, nominations, judges, scores, certificates.
import { sql, type Kysely } from 'kysely';
import type { AwardCertificateTable, Database } from '../../db/schema.js';

const j = (v: unknown): string => JSON.stringify(v);

// ---- award sets ----

export interface AwardSetRow {
  edition_id: string;
  seq: number;
  definition: unknown;
  created_at: Date;
  created_by_name: string | null;
}

function setQuery(db: Kysely<Database>, editionId: string) {
  return db
    .selectFrom('award_set_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.edition_id', 'v.seq', 'v.definition', 'v.created_at', 'u.display_name as created_by_name'])
    .where('v.edition_id', '=', editionId);
}

export async function currentAwardSet(db: Kysely<Database>, editionId: string): Promise<AwardSetRow | undefined> {
  return setQuery(db, editionId).orderBy('v.seq', 'desc').limit(1).executeTakeFirst() as Promise<AwardSetRow | undefined>;
}

export async function awardSetVersions(db: Kysely<Database>, editionId: string): Promise<AwardSetRow[]> {
  return setQuery(db, editionId).orderBy('v.seq', 'desc').execute() as Promise<AwardSetRow[]>;
}

export async function insertAwardSet(db: Kysely<Database>, v: { edition_id: string; seq: number; definition: unknown; created_by: string | null; created_at: Date }): Promise<void> {
  await db.insertInto('award_set_version').values({ ...v, definition: j(v.definition) }).execute();
}

/** Serialises writers of one edition's awards (set versions, compute, actions) on the edition row. */
export async function lockEditionForAwards(db: Kysely<Database>, editionId: string): Promise<boolean> {
  const r = await db.selectFrom('edition').select('id').where('id', '=', editionId).forUpdate().executeTakeFirst();
  return r !== undefined;
}

// ---- decisions ----

export interface DecisionRow {
  edition_id: string;
  category_id: string;
  kind: 'rule' | 'committee';
  state: 'computed' | 'reviewed' | 'approved' | 'announced';
  set_seq: number | null;
  snapshot_id: string | null;
  previous_snapshot_id: string | null;
  inputs_fingerprint: string | null;
  record: unknown;
  version: number;
  computed_at: Date;
  updated_at: Date;
}

export async function listDecisions(db: Kysely<Database>, editionId: string, opts: { announcedOnly?: boolean; lock?: boolean } = {}): Promise<DecisionRow[]> {
  let q = db.selectFrom('award_decision').selectAll().where('edition_id', '=', editionId);
  if (opts.announcedOnly) q = q.where('state', '=', 'announced');
  if (opts.lock) q = q.forUpdate();
  return q.orderBy('category_id').execute() as Promise<DecisionRow[]>;
}

export async function findDecision(db: Kysely<Database>, editionId: string, categoryId: string, lock = false): Promise<DecisionRow | undefined> {
  let q = db.selectFrom('award_decision').selectAll().where('edition_id', '=', editionId).where('category_id', '=', categoryId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst() as Promise<DecisionRow | undefined>;
}

export async function upsertDecision(
  db: Kysely<Database>,
  d: Omit<DecisionRow, 'version'>,
): Promise<void> {
  await db
    .insertInto('award_decision')
    .values({ ...d, record: j(d.record) })
    .onConflict((oc) =>
      oc.columns(['edition_id', 'category_id']).doUpdateSet((eb) => ({
        kind: d.kind,
        state: d.state,
        set_seq: d.set_seq,
        snapshot_id: d.snapshot_id,
        previous_snapshot_id: d.previous_snapshot_id,
        inputs_fingerprint: d.inputs_fingerprint,
        record: j(d.record),
        computed_at: d.computed_at,
        updated_at: d.updated_at,
        version: eb('award_decision.version', '+', 1),
      })),
    )
    .execute();
}

export async function updateDecisionRecord(db: Kysely<Database>, editionId: string, categoryId: string, state: DecisionRow['state'], record: unknown, now: Date): Promise<void> {
  await db
    .updateTable('award_decision')
    .set((eb) => ({ state, record: j(record), updated_at: now, version: eb('version', '+', 1) }))
    .where('edition_id', '=', editionId)
    .where('category_id', '=', categoryId)
    .execute();
}

export async function deleteDecision(db: Kysely<Database>, editionId: string, categoryId: string): Promise<void> {
  await db.deleteFrom('award_decision').where('edition_id', '=', editionId).where('category_id', '=', categoryId).execute();
}

/** Announced decisions of every edition, with the edition's year (for totals by year). */
export async function announcedDecisionsAllEditions(db: Kysely<Database>): Promise<(DecisionRow & { year_be: number })[]> {
  return db
    .selectFrom('award_decision as d')
    .innerJoin('edition as e', 'e.id', 'd.edition_id')
    .selectAll('d')
    .select('e.year_be')
    .where('d.state', '=', 'announced')
    .orderBy('e.year_be')
    .orderBy('d.category_id')
    .execute() as Promise<(DecisionRow & { year_be: number })[]>;
}

export async function editionIdByYear(db: Kysely<Database>, yearBe: number): Promise<string | null> {
  const r = await db.selectFrom('edition').select('id').where('year_be', '=', yearBe).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

// ---- snapshots (read-only views the awards need) ----

/** The official snapshot of the latest edition before `yearBe` that has one. */
export async function previousOfficialSnapshot(db: Kysely<Database>, yearBe: number): Promise<{ snapshot_id: string; edition_id: string; year_be: number } | undefined> {
  return db
    .selectFrom('result_official as ro')
    .innerJoin('edition as e', 'e.id', 'ro.edition_id')
    .select(['ro.snapshot_id', 'ro.edition_id', 'e.year_be'])
    .where('e.year_be', '<', yearBe)
    .orderBy('e.year_be', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every unit of a snapshot with its engine input, result and rank interval, in organisation-id order. */
export async function snapshotUnitBodies(db: Kysely<Database>, snapshotId: string): Promise<{ organisation_id: string; input: unknown; result: unknown; rank_interval: unknown }[]> {
  return db
    .selectFrom('result_unit')
    .select(['organisation_id', 'input', 'result', 'rank_interval'])
    .where('snapshot_id', '=', snapshotId)
    .orderBy('organisation_id')
    .execute();
}

/**
 * Each unit's id, overall and dimension scores in a snapshot (the previous edition, for improvement): all the awards
 * read of it. Picked out in PostgreSQL, so the ~20 kB result with item detail per unit is not sent and parsed.
 */
export async function snapshotUnitScores(db: Kysely<Database>, snapshotId: string): Promise<{ id: string; overall: number | null; dimensions: Record<string, number | null> }[]> {
  const r = await sql<{ s: { id: string; overall: number | null; dimensions: Record<string, number | null> } }>`
    SELECT jsonb_build_object('id', result->'id', 'overall', result->'overall', 'dimensions', result->'dimensions') AS s
      FROM result_unit WHERE snapshot_id = ${snapshotId} ORDER BY organisation_id`.execute(db);
  return r.rows.map((x) => x.s);
}

export interface AwardOrgRow {
  id: string;
  code: string;
  name_th: string;
  name_en: string | null;
  level: string;
  ministry_code: string | null;
  province_code: string | null;
  serves_public: boolean;
}

export async function organisationsByIds(db: Kysely<Database>, ids: string[]): Promise<AwardOrgRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisation')
    .select(['id', 'code', 'name_th', 'name_en', 'level', 'ministry_code', 'province_code', 'serves_public'])
    .where('id', 'in', ids)
    .execute();
}

/** Ids of ministry roll-up units in award decisions (see ministryRollupUnits); every other entrant id is an organisation's uuid. */
export const MINISTRY_ENTRANT = 'ministry:';

/**
 * Award entrants by id: organisations, and ministries for 'ministry:<code>' ids (as a row with level 'ministry', the
 * ministry's code and names), so decisions, certificates and roll-ups name either kind of winner. Unknown ids are absent.
 */
export async function awardEntrants(db: Kysely<Database>, ids: string[]): Promise<Map<string, AwardOrgRow>> {
  const codes = [...new Set(ids.filter((id) => id.startsWith(MINISTRY_ENTRANT)).map((id) => id.slice(MINISTRY_ENTRANT.length)))];
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  const [orgs, ministries] = await Promise.all([
    organisationsByIds(db, [...new Set(uuids)]),
    codes.length === 0 ? Promise.resolve([]) : db.selectFrom('ministry').select(['code', 'name_th', 'name_en']).where('code', 'in', codes).execute(),
  ]);
  const out = new Map<string, AwardOrgRow>(orgs.map((o) => [o.id, o]));
  for (const m of ministries)
    out.set(`${MINISTRY_ENTRANT}${m.code}`, { id: `${MINISTRY_ENTRANT}${m.code}`, code: m.code, name_th: m.name_th, name_en: m.name_en, level: 'ministry', ministry_code: m.code, province_code: null, serves_public: false });
  return out;
}

/** Organisations scored in a snapshot, with their ministry and province (the roll-up population). */
export async function snapshotPopulation(db: Kysely<Database>, snapshotId: string): Promise<AwardOrgRow[]> {
  return db
    .selectFrom('result_unit as ru')
    .innerJoin('organisation as o', 'o.id', 'ru.organisation_id')
    .select(['o.id', 'o.code', 'o.name_th', 'o.name_en', 'o.level', 'o.ministry_code', 'o.province_code', 'o.serves_public'])
    .where('ru.snapshot_id', '=', snapshotId)
    .execute();
}

export async function ministryNames(db: Kysely<Database>): Promise<{ code: string; name_th: string; name_en: string }[]> {
  return db.selectFrom('ministry').select(['code', 'name_th', 'name_en']).execute();
}

export async function provinceNames(db: Kysely<Database>): Promise<{ code: string; name_th: string; name_en: string }[]> {
  return db.selectFrom('province').select(['code', 'name_th', 'name_en']).execute();
}

export async function userNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function activeJudges(db: Kysely<Database>, ids?: string[]): Promise<{ id: string; display_name: string; email: string }[]> {
  let q = db.selectFrom('app_user').select(['id', 'display_name', 'email']).where('role', '=', 'judge').where('active', '=', true);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('display_name').execute();
}

// ---- nominations ----

export interface NominationRow {
  id: string;
  edition_id: string;
  category_id: string;
  organisation_id: string;
  org_code: string;
  org_name_th: string;
  org_name_en: string | null;
  person_name_th: string;
  person_name_en: string | null;
  position_th: string;
  position_en: string | null;
  statement: string;
  nominated_by: string;
  nominated_by_name: string | null;
  created_at: Date;
  version: number;
  updated_at: Date | null;
  withdrawn_at: Date | null;
  withdrawn_by_name: string | null;
  withdraw_reason: string | null;
}

function nominationQuery(db: Kysely<Database>) {
  return db
    .selectFrom('award_nomination as n')
    .innerJoin('organisation as o', 'o.id', 'n.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'n.nominated_by')
    .leftJoin('app_user as wu', 'wu.id', 'n.withdrawn_by')
    .select([
      'n.id',
      'n.edition_id',
      'n.category_id',
      'n.organisation_id',
      'o.code as org_code',
      'o.name_th as org_name_th',
      'o.name_en as org_name_en',
      'n.person_name_th',
      'n.person_name_en',
      'n.position_th',
      'n.position_en',
      'n.statement',
      'n.nominated_by',
      'u.display_name as nominated_by_name',
      'n.created_at',
      'n.version',
      'n.updated_at',
      'n.withdrawn_at',
      'wu.display_name as withdrawn_by_name',
      'n.withdraw_reason',
    ]);
}

/**
 * Nominations of an edition, narrowed to an organisation or to a judge's assignments when given; a judge's list and
 * `activeOnly` leave withdrawn ones out, and a judge's list leaves out the nominations the judge is recused from.
 */
export async function listNominations(
  db: Kysely<Database>,
  editionId: string,
  f: { categoryId?: string; organisationId?: string; judgeId?: string; activeOnly?: boolean },
): Promise<NominationRow[]> {
  let q = nominationQuery(db).where('n.edition_id', '=', editionId);
  if (f.activeOnly || f.judgeId) q = q.where('n.withdrawn_at', 'is', null);
  if (f.categoryId) q = q.where('n.category_id', '=', f.categoryId);
  if (f.organisationId) q = q.where('n.organisation_id', '=', f.organisationId);
  if (f.judgeId) {
    const judgeId = f.judgeId;
    q = q.where((eb) =>
      eb.and([
        eb.exists(eb.selectFrom('award_nomination_judge as nj').select('nj.judge_id').whereRef('nj.nomination_id', '=', 'n.id').where('nj.judge_id', '=', judgeId)),
        eb.not(eb.exists(eb.selectFrom('award_recusal as r').select('r.judge_id').whereRef('r.nomination_id', '=', 'n.id').where('r.judge_id', '=', judgeId))),
      ]),
    );
  }
  return q.orderBy('n.created_at').orderBy('n.id').execute() as Promise<NominationRow[]>;
}

export async function findNomination(db: Kysely<Database>, id: string): Promise<NominationRow | undefined> {
  return nominationQuery(db).where('n.id', '=', id).executeTakeFirst() as Promise<NominationRow | undefined>;
}

export async function insertNomination(
  db: Kysely<Database>,
  n: Omit<NominationRow, 'org_code' | 'org_name_th' | 'org_name_en' | 'nominated_by_name' | 'version' | 'updated_at' | 'withdrawn_at' | 'withdrawn_by_name' | 'withdraw_reason'>,
): Promise<void> {
  await db.insertInto('award_nomination').values(n).execute();
}

export type NominationEdit = Partial<Pick<NominationRow, 'person_name_th' | 'person_name_en' | 'position_th' | 'position_en' | 'statement'>>;

/** Applies an edit when the nomination is still at `baseVersion` and not withdrawn; false otherwise (nothing written). */
export async function updateNomination(db: Kysely<Database>, id: string, baseVersion: number, edit: NominationEdit, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('award_nomination')
    .set((eb) => ({ ...edit, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function withdrawNominationRow(db: Kysely<Database>, id: string, baseVersion: number, w: { by: string; reason: string | null; at: Date }): Promise<boolean> {
  const r = await db
    .updateTable('award_nomination')
    .set((eb) => ({ withdrawn_at: w.at, withdrawn_by: w.by, withdraw_reason: w.reason, updated_at: w.at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Evidence added or removed changes the nomination: its version moves so an edit made on the old view is refused. */
export async function touchNomination(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('award_nomination').set((eb) => ({ updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

/** The nomination row locked for a change (serialises edits, withdrawals, evidence and scoring of one nomination). */
export async function lockNomination(db: Kysely<Database>, id: string): Promise<{ version: number; withdrawn_at: Date | null } | undefined> {
  return db.selectFrom('award_nomination').select(['version', 'withdrawn_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Whether any judge has scored the nomination: judging has started on it. */
export async function nominationHasScores(db: Kysely<Database>, id: string): Promise<boolean> {
  const r = await db.selectFrom('award_judge_score').select('nomination_id').where('nomination_id', '=', id).limit(1).executeTakeFirst();
  return r !== undefined;
}

export async function deleteNominationFile(db: Kysely<Database>, nominationId: string, fileId: string): Promise<boolean> {
  const r = await db.deleteFrom('award_nomination_file').where('nomination_id', '=', nominationId).where('id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export interface NominationFileRow {
  id: string;
  nomination_id: string;
  sha256: string;
  filename: string;
  size: number;
  mime_type: string;
  uploaded_at: Date;
}

export async function nominationFiles(db: Kysely<Database>, nominationIds: string[]): Promise<NominationFileRow[]> {
  if (nominationIds.length === 0) return [];
  return db
    .selectFrom('award_nomination_file')
    .select(['id', 'nomination_id', 'sha256', 'filename', 'size', 'mime_type', 'uploaded_at'])
    .where('nomination_id', 'in', nominationIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute() as Promise<NominationFileRow[]>;
}

export async function insertNominationFile(db: Kysely<Database>, f: Omit<NominationFileRow, 'uploaded_at'> & { uploaded_by: string; uploaded_at: Date }): Promise<void> {
  await db.insertInto('award_nomination_file').values(f).execute();
}

export async function nominationJudges(db: Kysely<Database>, nominationIds: string[]): Promise<{ nomination_id: string; judge_id: string; display_name: string }[]> {
  if (nominationIds.length === 0) return [];
  return db
    .selectFrom('award_nomination_judge as nj')
    .innerJoin('app_user as u', 'u.id', 'nj.judge_id')
    .select(['nj.nomination_id', 'nj.judge_id', 'u.display_name'])
    .where('nj.nomination_id', 'in', nominationIds)
    .orderBy('u.display_name')
    .execute();
}

export async function replaceNominationJudges(db: Kysely<Database>, nominationId: string, judgeIds: string[], by: string, at: Date): Promise<void> {
  await db.deleteFrom('award_nomination_judge').where('nomination_id', '=', nominationId).execute();
  if (judgeIds.length > 0)
    await db
      .insertInto('award_nomination_judge')
      .values(judgeIds.map((judge_id) => ({ nomination_id: nominationId, judge_id, assigned_by: by, assigned_at: at })))
      .execute();
}

/** Editions in which a judge has committee nominations assigned (recusals left out), with how many and how many they have scored. */
export async function judgeAssignmentEditions(
  db: Kysely<Database>,
  judgeId: string,
): Promise<{ id: string; year_be: number; title_th: string; title_en: string; assigned: number; scored: number }[]> {
  const rows = await db
    .selectFrom('award_nomination_judge as nj')
    .innerJoin('award_nomination as n', 'n.id', 'nj.nomination_id')
    .innerJoin('edition as e', 'e.id', 'n.edition_id')
    .where('n.withdrawn_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('award_recusal as r').select('r.judge_id').whereRef('r.nomination_id', '=', 'nj.nomination_id').whereRef('r.judge_id', '=', 'nj.judge_id'))))
    .select(['e.id', 'e.year_be', 'e.title_th', 'e.title_en'])
    .select((eb) => [
      eb.fn.count<string>('nj.nomination_id').as('assigned'),
      eb.fn
        .count<string>('nj.nomination_id')
        .filterWhere(
          eb.exists(
            eb.selectFrom('award_judge_score as s').select('s.nomination_id').whereRef('s.nomination_id', '=', 'nj.nomination_id').whereRef('s.judge_id', '=', 'nj.judge_id'),
          ),
        )
        .as('scored'),
    ])
    .where('nj.judge_id', '=', judgeId)
    .groupBy(['e.id', 'e.year_be', 'e.title_th', 'e.title_en'])
    .orderBy('e.year_be', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, assigned: Number(r.assigned), scored: Number(r.scored) }));
}

/** Whether the judge is assigned to the nomination and not recused from it: only then may they see and score it. */
export async function isJudgeActiveOn(db: Kysely<Database>, nominationId: string, judgeId: string): Promise<boolean> {
  const r = await db
    .selectFrom('award_nomination_judge as nj')
    .select('nj.judge_id')
    .where('nj.nomination_id', '=', nominationId)
    .where('nj.judge_id', '=', judgeId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('award_recusal as r').select('r.judge_id').whereRef('r.nomination_id', '=', 'nj.nomination_id').whereRef('r.judge_id', '=', 'nj.judge_id'))))
    .executeTakeFirst();
  return r !== undefined;
}

// ---- recusals ----

export interface RecusalRow {
  nomination_id: string;
  judge_id: string;
  judge_name: string;
  reason: string;
  declared_by: string;
  declared_by_name: string;
  declared_at: Date;
}

export async function listRecusals(db: Kysely<Database>, nominationIds: string[]): Promise<RecusalRow[]> {
  if (nominationIds.length === 0) return [];
  return db
    .selectFrom('award_recusal as r')
    .innerJoin('app_user as j', 'j.id', 'r.judge_id')
    .innerJoin('app_user as d', 'd.id', 'r.declared_by')
    .select(['r.nomination_id', 'r.judge_id', 'j.display_name as judge_name', 'r.reason', 'r.declared_by', 'd.display_name as declared_by_name', 'r.declared_at'])
    .where('r.nomination_id', 'in', nominationIds)
    .orderBy('r.declared_at')
    .orderBy('r.judge_id')
    .execute() as Promise<RecusalRow[]>;
}

/** Records a recusal; false when the judge was already recused from the nomination (the first record stands). */
export async function insertRecusal(db: Kysely<Database>, r: { nomination_id: string; judge_id: string; reason: string; declared_by: string; declared_at: Date }): Promise<boolean> {
  const res = await db.insertInto('award_recusal').values(r).onConflict((oc) => oc.columns(['nomination_id', 'judge_id']).doNothing()).returning('judge_id').executeTakeFirst();
  return res !== undefined;
}

export async function deleteRecusal(db: Kysely<Database>, nominationId: string, judgeId: string): Promise<boolean> {
  const r = await db.deleteFrom('award_recusal').where('nomination_id', '=', nominationId).where('judge_id', '=', judgeId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export interface ScoreRow {
  nomination_id: string;
  judge_id: string;
  criterion: string;
  score: number;
}

/** Scores on the given nominations; only from judges currently assigned when `assignedOnly`. */
export async function judgeScores(db: Kysely<Database>, nominationIds: string[], opts: { judgeId?: string; assignedOnly?: boolean } = {}): Promise<ScoreRow[]> {
  if (nominationIds.length === 0) return [];
  let q = db.selectFrom('award_judge_score as s').select(['s.nomination_id', 's.judge_id', 's.criterion', 's.score']).where('s.nomination_id', 'in', nominationIds);
  if (opts.judgeId) q = q.where('s.judge_id', '=', opts.judgeId);
  if (opts.assignedOnly)
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('award_nomination_judge as nj').select('nj.judge_id').whereRef('nj.nomination_id', '=', 's.nomination_id').whereRef('nj.judge_id', '=', 's.judge_id')),
    );
  return q.orderBy('s.nomination_id').orderBy('s.judge_id').orderBy('s.criterion').execute() as Promise<ScoreRow[]>;
}

export async function upsertScores(db: Kysely<Database>, rows: (ScoreRow & { updated_at: Date })[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('award_judge_score')
    .values(rows)
    .onConflict((oc) => oc.columns(['nomination_id', 'judge_id', 'criterion']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

// ---- certificates ----

type RevocationColumns = 'revoked_at' | 'revoked_by' | 'revoke_reason_th' | 'revoke_reason_en' | 'reissued_from' | 'replaced_by';

/** What an issued certificate states (the revocation columns are set only by revoke / reissue). */
export type NewCertificate = Omit<AwardCertificateTable, 'status' | 'issued_at' | RevocationColumns> & { issued_at: Date; reissued_from?: string | null };

export type CertificateRow = Omit<AwardCertificateTable, 'status' | 'issued_at' | RevocationColumns> & {
  status: 'valid' | 'revoked';
  issued_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason_th: string | null;
  revoke_reason_en: string | null;
  reissued_from: string | null;
  replaced_by: string | null;
};

/** Inserts certificates; an award that already has a valid one keeps its code (a retried announce issues nothing new). */
export async function insertCertificates(db: Kysely<Database>, rows: NewCertificate[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('award_certificate')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['edition_id', 'category_id', 'group_key', 'recipient_key']).where('status', '=', 'valid').doNothing())
      .execute();
}

/** Marks a valid certificate revoked; false when it was not valid any more (a concurrent revoke won). */
export async function revokeCertificate(
  db: Kysely<Database>,
  code: string,
  r: { at: Date; by: string; reasonTh: string; reasonEn: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable('award_certificate')
    .set({ status: 'revoked', revoked_at: r.at, revoked_by: r.by, revoke_reason_th: r.reasonTh, revoke_reason_en: r.reasonEn })
    .where('code', '=', code)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function setCertificateReplacement(db: Kysely<Database>, code: string, replacedBy: string): Promise<void> {
  await db.updateTable('award_certificate').set({ replaced_by: replacedBy }).where('code', '=', code).execute();
}

/** The valid certificate of the same award, if any (one at most, by the partial unique index). */
export async function validCertificateFor(db: Kysely<Database>, c: Pick<CertificateRow, 'edition_id' | 'category_id' | 'group_key' | 'recipient_key'>): Promise<CertificateRow | undefined> {
  return db
    .selectFrom('award_certificate')
    .selectAll()
    .where('edition_id', '=', c.edition_id)
    .where('category_id', '=', c.category_id)
    .where('group_key', '=', c.group_key)
    .where('recipient_key', '=', c.recipient_key)
    .where('status', '=', 'valid')
    .executeTakeFirst() as Promise<CertificateRow | undefined>;
}

export async function listCertificates(db: Kysely<Database>, editionId: string, opts: { organisationId?: string; validOnly?: boolean } = {}): Promise<CertificateRow[]> {
  let q = db.selectFrom('award_certificate').selectAll().where('edition_id', '=', editionId);
  if (opts.organisationId) q = q.where('organisation_id', '=', opts.organisationId);
  if (opts.validOnly) q = q.where('status', '=', 'valid');
  return q.orderBy('category_id').orderBy('group_key').orderBy('recipient_th').orderBy('issued_at').execute() as Promise<CertificateRow[]>;
}

export async function findCertificate(db: Kysely<Database>, code: string, lock = false): Promise<CertificateRow | undefined> {
  let q = db.selectFrom('award_certificate').selectAll().where('code', '=', code);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst() as Promise<CertificateRow | undefined>;
}

export async function certificateCodeExists(db: Kysely<Database>, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('award_certificate').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

