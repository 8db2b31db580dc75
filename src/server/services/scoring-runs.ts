// Scoring runs: queue a run, execute it (read submitted answers → engine → frozen snapshot), official mark, diff of two snapshots.
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { compareEditions, type EditionComparison } from '../../engine/compare/editions.js';
import { canonicalJson, fingerprint } from '../../engine/fingerprint.js';
import { runRobustness, type RobustnessResult } from '../../engine/robustness/montecarlo.js';
import { scoreEdition } from '../../engine/scoring/edition.js';
import { answerCodes, answerRecord } from '../../engine/scoring/answer-record.js';
import type { AnswerValue, Framework, UnitInput } from '../../engine/framework/types.js';
import type { EditionResult, UnitResult } from '../../engine/results.js';
import type { SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { findEdition, lockEditionRow, type EditionRow } from '../repositories/editions.js';
import {
  findJob,
  findSnapshot,
  insertJob,
  insertSnapshot,
  latestSnapshotId,
  listJobs,
  listSnapshots,
  nextSnapshotSeq,
  officialSnapshotId,
  previousEditionSnapshot,
  setOfficial,
  snapshotInputs,
  snapshotUnits,
  submittedAnswers,
  submittedParticipants,
  type JobRow,
  type NewUnit,
  type SnapshotBodies,
  type SnapshotRow,
} from '../repositories/results.js';
import { appendAudit } from './audit.js';
import { evidenceRule } from './evidence-acceptance.js';
import { requireFramework } from './frameworks.js';
import { stateForbids } from './editions.js';
import { nativeSha256 } from '../native-sha256.js';

/** Robustness settings stored with every snapshot: a fixed seed, so the rank intervals are reproducible too. */
export const ROBUSTNESS_DEFAULTS = { seed: 20190601, iterations: 1000 } as const;

/** Summary part of a snapshot: the engine's edition-level output (units are stored one row each). */
export type SnapshotSummary = Omit<EditionResult, 'units'>;

export interface RankInterval {
  group: string;
  nominalRank: number;
  medianRank: number;
  rankP05: number;
  rankP95: number;
}

export function presentJob(j: JobRow) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: j.id,
    kind: j.kind,
    editionId: j.edition_id,
    state: j.state,
    progress: j.progress,
    total: j.total,
    snapshotId: j.snapshot_id,
    error: j.error,
    createdAt: iso(j.created_at),
    startedAt: iso(j.started_at),
    finishedAt: iso(j.finished_at),
    downloadUrl: j.kind === 'pdf_batch' && j.state === 'done' ? `/api/results-jobs/${j.id}/download` : null,
  };
}

export function presentSnapshot(s: SnapshotRow) {
  return {
    id: s.id,
    editionId: s.edition_id,
    seq: s.seq,
    frameworkId: s.framework_id,
    frameworkVersion: s.framework_version,
    engineVersion: s.engine_version,
    fingerprint: s.fingerprint,
    evidenceRule: s.evidence_rule,
    options: s.options,
    unitCount: s.unit_count,
    previousSnapshotId: s.previous_snapshot_id,
    official: s.official,
    createdAt: new Date(s.created_at).toISOString(),
    createdByName: s.created_by_name,
  };
}

async function requireEdition(db: Kysely<Database>, eid: string): Promise<EditionRow> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const e = await findEdition(db, eid);
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

/** Admin: queue a scoring run; the job worker executes it. Allowed once the edition has opened. */
export async function requestScoringRun(ctx: AppContext, actor: SessionUser, eid: string) {
  const e = await requireEdition(ctx.db, eid);
  if (e.state === 'draft') throw stateForbids(e.state, 'ยังคำนวณคะแนนไม่ได้ รอบการสำรวจยังเป็นร่าง', 'A draft edition cannot be scored');
  const id = ctx.ids.uuid();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertJob(trx, { id, kind: 'score', edition_id: eid, params: { robustness: ROBUSTNESS_DEFAULTS }, created_by: actor.id, created_at: now });
    await appendAudit(trx, now, { actorId: actor.id, action: 'results.score_requested', entity: 'edition', entityId: eid, after: { jobId: id } });
  });
  return presentJob((await findJob(ctx.db, id))!);
}

export async function jobStatus(ctx: AppContext, jobId: string) {
  if (!isUuid(jobId)) throw new AppError('NOT_FOUND');
  const j = await findJob(ctx.db, jobId);
  if (!j) throw new AppError('NOT_FOUND');
  return presentJob(j);
}

export async function scoringRuns(ctx: AppContext, eid: string) {
  await requireEdition(ctx.db, eid);
  const [snaps, jobs] = await Promise.all([listSnapshots(ctx.db, eid), listJobs(ctx.db, eid)]);
  return { snapshots: snaps.map(presentSnapshot), jobs: jobs.map(presentJob) };
}

/**
 * Reads the exact engine inputs of an edition: submitted participants, their answers and accepted evidence. Each
 * unit's answers list every item of the edition's framework in its order (null when unanswered), the shape the
 * engine reads fastest (see answerRecord).
 */
export async function readScoringInputs(db: Kysely<Database>, editionId: string, framework?: Framework): Promise<{ units: UnitInput[]; evidenceRule: string }> {
  const rule = evidenceRule();
  const fw = framework ?? (await editionFramework(db, editionId));
  const [parts, answers, accepted] = await Promise.all([submittedParticipants(db, editionId), submittedAnswers(db, editionId), rule.accepted(db, editionId)]);
  const byOrg = new Map<string, Map<string, AnswerValue>>();
  for (const a of answers) {
    let m = byOrg.get(a.organisation_id);
    if (!m) byOrg.set(a.organisation_id, (m = new Map()));
    m.set(a.item_code, a.value);
  }
  const codes = answerCodes(fw);
  const none = new Map<string, AnswerValue>();
  const units: UnitInput[] = parts.map((p) => ({
    id: p.organisation_id,
    attributes: { level: p.level, ministry: p.ministry_code, province: p.province_code, serves_public: p.serves_public, org_type: p.org_type },
    answers: answerRecord(codes, byOrg.get(p.organisation_id) ?? none),
    evidenceAccepted: accepted.get(p.organisation_id) ?? [],
  }));
  return { units, evidenceRule: rule.name };
}

async function editionFramework(db: Kysely<Database>, editionId: string): Promise<Framework> {
  const e = await requireEdition(db, editionId);
  return requireFramework(db, e.framework_id, e.framework_version);
}

export interface ScoringOutcome {
  snapshotId: string;
  fingerprint: string;
  reused: boolean;
}

/**
 * Runs the engine on the edition's current inputs and stores a frozen snapshot. When the newest snapshot has the
 * same fingerprint and settings, it is returned instead of storing a duplicate (same inputs → same numbers).
 */
export async function executeScoring(ctx: AppContext, eid: string, actorId: string | null, opts: { robustness?: { seed: number; iterations: number } } = {}): Promise<ScoringOutcome> {
  const e = await requireEdition(ctx.db, eid);
  const fw = await requireFramework(ctx.db, e.framework_id, e.framework_version);
  const { units, evidenceRule: ruleName } = await readScoringInputs(ctx.db, eid, fw);
  if (units.length === 0) {
    throw new AppError('STATE_FORBIDS', { state: e.state }, [{ path: 'participants', th: 'ยังไม่มีหน่วยงานที่ส่งแบบสำรวจ', en: 'No participant has submitted yet' }]);
  }
  const robustnessSettings = opts.robustness ?? ROBUSTNESS_DEFAULTS;
  const primary = fw.peerGroups[0] ?? 'all';
  // The previous edition's snapshot is part of the settings: a newer one there makes a new run here.
  const previousSnapshotId = fw.crosswalk ? await previousEditionSnapshot(ctx.db, eid, fw.crosswalk.previous.id, fw.crosswalk.previous.version) : null;
  const options = { missing: fw.missing, robustness: { ...robustnessSettings, peerGroup: primary }, evidenceRule: ruleName, previousSnapshotId };

  // The fingerprint alone (the same one scoreEdition computes) decides whether anything changed, before scoring. It
  // is computed here only when the newest snapshot has these very settings: otherwise nothing can be reused, and
  // scoreEdition computes it anyway (hashing an edition's ~300,000 answers is a good part of a run's cost).
  const latest = await latestSnapshotId(ctx.db, eid);
  const candidate = latest ? await findSnapshot(ctx.db, latest, false) : undefined;
  if (candidate && canonicalJson(candidate.options) === canonicalJson(options) && candidate.fingerprint === fingerprint(fw, units, { missing: fw.missing }, nativeSha256)) {
    return { snapshotId: candidate.id, fingerprint: candidate.fingerprint, reused: true };
  }
  const result = scoreEdition(fw, units, { sha256: nativeSha256 });

  const robustness = runRobustness(fw, units, { seed: robustnessSettings.seed, iterations: robustnessSettings.iterations, peerGroup: primary, sha256: nativeSha256 });
  const comparison = await yearOverYear(ctx.db, fw, units, previousSnapshotId);
  const intervals = new Map<string, RankInterval>(robustness.units.map((u) => [u.id, { group: u.group, nominalRank: u.nominalRank, medianRank: u.medianRank, rankP05: u.rankP05, rankP95: u.rankP95 }]));
  const changes = new Map((comparison?.units ?? []).map((u) => [u.id, u]));
  const inputById = new Map(units.map((u) => [u.id, u]));
  const unitRows: NewUnit[] = result.units.map((u: UnitResult) => ({
    organisation_id: u.id,
    input: inputById.get(u.id),
    result: u,
    overall: u.overall,
    stage: u.stage?.code ?? null,
    rank_interval: intervals.get(u.id) ?? null,
    yoy: changes.get(u.id) ?? null,
  }));
  const { units: _units, ...summary } = result;
  const robustnessSummary: Omit<RobustnessResult, 'units'> = { engineVersion: robustness.engineVersion, fingerprint: robustness.fingerprint, settings: robustness.settings, unstablePairs: robustness.unstablePairs };
  const comparisonSummary = comparison ? { ...comparison, units: undefined, unitCount: comparison.units.length } : null;
  const id = ctx.ids.uuid();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // Serialise runs of one edition so sequence numbers never collide.
    await lockEditionRow(trx, eid);
    const seq = await nextSnapshotSeq(trx, eid);
    await insertSnapshot(
      trx,
      {
        id,
        edition_id: eid,
        seq,
        framework_id: fw.id,
        framework_version: fw.version,
        engine_version: result.engineVersion,
        fingerprint: result.fingerprint,
        evidence_rule: ruleName,
        options,
        unit_count: units.length,
        summary,
        robustness: robustnessSummary,
        comparison: comparisonSummary,
        previous_snapshot_id: previousSnapshotId,
        created_by: actorId,
        created_at: now,
      },
      unitRows,
    );
    await appendAudit(trx, now, { actorId, action: 'results.snapshot', entity: 'result_snapshot', entityId: id, after: { editionId: eid, seq, fingerprint: result.fingerprint, units: units.length } });
  });
  return { snapshotId: id, fingerprint: result.fingerprint, reused: false };
}

/** Year-over-year on comparable items, when the framework has a crosswalk and the previous edition has a snapshot. */
async function yearOverYear(db: Kysely<Database>, fw: Framework, units: UnitInput[], previousSnapshotId: string | null): Promise<EditionComparison | null> {
  const cw = fw.crosswalk;
  if (!cw || !previousSnapshotId) return null;
  const prevFw = await requireFramework(db, cw.previous.id, cw.previous.version);
  const prevUnits = (await snapshotInputs(db, previousSnapshotId)) as UnitInput[];
  return compareEditions({ framework: prevFw, units: prevUnits }, { framework: fw, units }, { sha256: nativeSha256 });
}

export async function markOfficial(ctx: AppContext, actor: SessionUser, eid: string, snapshotId: string) {
  const e = await requireEdition(ctx.db, eid);
  if (!isUuid(snapshotId)) throw new AppError('NOT_FOUND');
  const s = await findSnapshot(ctx.db, snapshotId, false);
  if (!s || s.edition_id !== e.id) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await officialSnapshotId(trx, eid);
    await setOfficial(trx, eid, snapshotId, actor.id, now);
    await appendAudit(trx, now, { actorId: actor.id, action: 'results.official', entity: 'edition', entityId: eid, before: { snapshotId: before }, after: { snapshotId, fingerprint: s.fingerprint } });
  });
  return presentSnapshot((await findSnapshot(ctx.db, snapshotId, false))!);
}

/** The snapshot to show: the one asked for (DGA roles), else the official one, else (DGA roles) the newest. */
export async function resolveSnapshot(db: Kysely<Database>, eid: string, requested: string | undefined, dga: boolean, bodies: SnapshotBodies = true): Promise<SnapshotRow> {
  let id: string | null;
  if (requested && dga) id = isUuid(requested) ? requested : null;
  else id = (await officialSnapshotId(db, eid)) ?? (dga ? await latestSnapshotId(db, eid) : null);
  const s = id ? await findSnapshot(db, id, bodies) : undefined;
  if (!s || s.edition_id !== eid) throw new AppError('NOT_FOUND');
  return s;
}

/** Who moved between two snapshots of one edition, by how much, and whose stage changed. */
export async function diffSnapshots(ctx: AppContext, eid: string, fromId: string, toId: string) {
  await requireEdition(ctx.db, eid);
  const [a, b] = await Promise.all([resolveSnapshot(ctx.db, eid, fromId, true, false), resolveSnapshot(ctx.db, eid, toId, true, false)]);
  const [ua, ub] = await Promise.all([snapshotUnits(ctx.db, a.id), snapshotUnits(ctx.db, b.id)]);
  const before = new Map(ua.map((u) => [u.organisation_id, u]));
  const after = new Map(ub.map((u) => [u.organisation_id, u]));
  const rank = (u: { rank_interval: unknown } | undefined) => (u?.rank_interval as RankInterval | null | undefined)?.nominalRank ?? null;
  const changes = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(id);
    const y = after.get(id);
    const delta = x?.overall != null && y?.overall != null ? y.overall - x.overall : null;
    if (x && y && Math.abs(delta ?? 0) < 1e-9 && x.stage === y.stage && rank(x) === rank(y)) continue;
    const o = (y ?? x)!;
    changes.push({
      organisationId: id,
      code: o.code,
      nameTh: o.name_th,
      nameEn: o.name_en,
      status: !x ? 'added' : !y ? 'removed' : 'changed',
      overallBefore: x?.overall ?? null,
      overallAfter: y?.overall ?? null,
      change: delta,
      stageBefore: x?.stage ?? null,
      stageAfter: y?.stage ?? null,
      stageChanged: (x?.stage ?? null) !== (y?.stage ?? null),
      rankBefore: rank(x),
      rankAfter: rank(y),
    });
  }
  changes.sort((p, q) => Math.abs(q.change ?? 0) - Math.abs(p.change ?? 0) || (p.code < q.code ? -1 : 1));
  return {
    from: presentSnapshot(a),
    to: presentSnapshot(b),
    sameFingerprint: a.fingerprint === b.fingerprint,
    changed: changes.length,
    stageChanges: changes.filter((c) => c.stageChanged).length,
    items: changes,
  };
}
