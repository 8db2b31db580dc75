// Award sets per edition, computing rule-based awards from the official snapshot, the decision workflow, roll-ups and totals.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.js';
import type { Database } from '../../db/schema.js';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import {
  ALLOWED_ACTIONS,
  applyDecisionAction,
  awardUnitsFromScoring,
  computeAwards,
  createDecision,
  defaultAwardSet,
  editionLabel,
  finalWinners,
  knifeEdgeGroups,
  ministryRollupUnits,
  rollUpAwards,
  validateAwardSet,
  type AwardDecision,
  type AwardProblem,
  type AwardSet,
  type AwardSetContext,
  type AwardUnit,
  type CommitteeDecision,
  type DecisionAction,
  type GroupRobustness,
  type HistoryEntry,
  type RobustnessInput,
  type UnitDecision,
} from '../../engine/awards/index.js';
import type { AwardGiven } from '../../engine/awards/rollup.js';
import { canonicalJson } from '../../engine/fingerprint.js';
import type { Framework, UnitInput } from '../../engine/framework/types.js';
import type { EditionResult, UnitResult } from '../../engine/results.js';
import { frameworkItems } from '../../engine/questionnaire/items.js';
import { can, type SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import {
  announcedDecisionsAllEditions,
  awardEntrants,
  awardSetVersions,
  currentAwardSet,
  deleteDecision,
  editionIdByYear,
  findDecision,
  insertAwardSet,
  listDecisions,
  lockEditionForAwards,
  ministryNames,
  previousOfficialSnapshot,
  provinceNames,
  snapshotPopulation,
  snapshotUnitBodies,
  snapshotUnitScores,
  updateDecisionRecord,
  upsertDecision,
  userNames,
  type AwardOrgRow,
  type AwardSetRow,
  type DecisionRow,
} from '../repositories/awards.js';
import { findEdition, type EditionRow } from '../repositories/editions.js';
import { findSnapshot, officialSnapshotId } from '../repositories/results.js';
import { appendAudit } from './audit.js';
import { requireFramework } from './frameworks.js';
import { issueCertificates } from './awards-certificates.js';
import { committeeAwards, committeeWinnerViews } from './awards-committee.js';

type Db = Kysely<Database>;

/** The stored record of a committee category: the engine's decision plus the workflow history. */
export interface CommitteeRecord {
  committee: CommitteeDecision;
  history: HistoryEntry[];
}

export async function requireAwardsEdition(db: Db, eid: string): Promise<EditionRow> {
  if (!isUuid(eid)) throw new AppError('NOT_FOUND');
  const e = await findEdition(db, eid);
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

/** What the validator checks references against: the edition framework's dimensions, tags, items and stages. */
export function awardSetContext(fw: Framework): AwardSetContext {
  const items = frameworkItems(fw).map((l) => l.item);
  return {
    dimensions: fw.dimensions.map((d) => d.code),
    tags: [...new Set(items.flatMap((i) => i.tags ?? []))].sort(),
    itemCodes: items.map((i) => i.code),
    stageCount: fw.stages.length,
  };
}

export interface LoadedSet {
  definition: AwardSet;
  row: AwardSetRow | undefined;
}

/** The edition's current award set: the newest saved version, or the default for the edition. */
export async function loadAwardSet(db: Db, e: EditionRow, fw?: Framework): Promise<LoadedSet> {
  const row = await currentAwardSet(db, e.id);
  if (row) return { definition: row.definition as AwardSet, row };
  const framework = fw ?? (await requireFramework(db, e.framework_id, e.framework_version));
  return { definition: defaultAwardSet({ edition: String(e.year_be), scale: framework.scale }), row: undefined };
}

function presentSet(e: EditionRow, s: LoadedSet) {
  return {
    editionId: e.id,
    yearBe: e.year_be,
    version: s.row?.seq ?? null,
    saved: s.row !== undefined,
    savedAt: s.row ? new Date(s.row.created_at).toISOString() : null,
    savedByName: s.row?.created_by_name ?? null,
    definition: s.definition,
  };
}

export async function getAwardSet(ctx: AppContext, eid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  return presentSet(e, await loadAwardSet(ctx.db, e));
}

export async function awardSetHistory(ctx: AppContext, eid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const rows = await awardSetVersions(ctx.db, e.id);
  return {
    versions: rows.map((r) => ({
      version: r.seq,
      definitionVersion: (r.definition as AwardSet).version,
      savedAt: new Date(r.created_at).toISOString(),
      savedByName: r.created_by_name,
    })),
  };
}

export function problemsToError(problems: AwardProblem[]): AppError {
  const details: ErrorDetail[] = problems.map(({ path, th, en }) => ({ path, th, en }));
  return new AppError('VALIDATION_FAILED', { detail: problems.map((p) => p.en).join('; ') }, details);
}

/** Saves a new version of the edition's award set; an invalid definition saves nothing. */
export async function saveAwardSet(ctx: AppContext, actor: SessionUser, eid: string, body: { definition: unknown; baseVersion: number | null }) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const fw = await requireFramework(ctx.db, e.framework_id, e.framework_version);
  const problems = validateAwardSet(body.definition, { ...awardSetContext(fw), editionOpensAt: new Date(e.opens_at).toISOString() });
  if (problems.length > 0) throw problemsToError(problems);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    const current = await currentAwardSet(trx, e.id);
    const currentSeq = current?.seq ?? null;
    if (body.baseVersion !== currentSeq)
      throw new AppError('CONFLICT', { detail: `the award set is at version ${currentSeq ?? 'default'}, not ${body.baseVersion ?? 'default'}` });
    const seq = (currentSeq ?? 0) + 1;
    const definition: AwardSet = { ...(body.definition as AwardSet), edition: String(e.year_be), version: `${e.year_be}.${seq}` };
    await insertAwardSet(trx, { edition_id: e.id, seq, definition, created_by: actor.id, created_at: now });
    await appendAudit(trx, now, {
      actorId: actor.id,
      action: 'awards.set_saved',
      entity: 'award_set',
      entityId: e.id,
      before: current ? { version: current.seq } : { version: null },
      after: { version: seq, categories: definition.categories.map((c) => c.id) },
    });
  });
  return presentSet(e, await loadAwardSet(ctx.db, e, fw));
}

// ---- computing ----

interface StoredRankInterval {
  rankP05: number;
  medianRank: number;
  rankP95: number;
}

/** The inputs of a computation: award units from the official snapshot, with last year's scores and rank intervals. */
export async function awardInputs(db: Db, e: EditionRow, fw: Framework) {
  const snapshotId = await officialSnapshotId(db, e.id);
  if (!snapshotId)
    throw new AppError('STATE_FORBIDS', { state: e.state }, [
      { path: 'edition/officialSnapshot', th: 'รอบการสำรวจนี้ยังไม่มีผลคะแนนทางการ', en: 'The edition has no official scoring snapshot yet' },
    ]);
  const snapshot = (await findSnapshot(db, snapshotId, true))!;
  const bodies = await snapshotUnitBodies(db, snapshotId);
  const prev = await previousOfficialSnapshot(db, e.year_be);
  const prevResults = prev ? ((await snapshotUnitScores(db, prev.snapshot_id)) as EditionResult['units']) : undefined;
  const prevFingerprint = prev ? ((await findSnapshot(db, prev.snapshot_id, false))?.fingerprint ?? null) : null;
  const result = { ...(snapshot.summary as Omit<EditionResult, 'units'>), units: bodies.map((b) => b.result as UnitResult) } as EditionResult;
  const previous = prevResults ? ({ units: prevResults } as EditionResult) : undefined;
  const { units, itemTags } = awardUnitsFromScoring({ framework: fw, inputs: bodies.map((b) => b.input as UnitInput), result, ...(previous ? { previous } : {}) });

  // One robustness run per snapshot (the framework's primary peer group); its ranks order any two units of the same
  // award group the same way, so every award group reads the same intervals (groupRobustnessFromScoring's note).
  const intervals: GroupRobustness['intervals'] = {};
  for (const b of bodies) {
    const r = b.rank_interval as StoredRankInterval | null;
    if (r) intervals[b.organisation_id] = { p5: r.rankP05, p50: r.medianRank, p95: r.rankP95 };
  }
  const unstable = ((snapshot.robustness as { unstablePairs?: { higher: string; lower: string }[] } | null)?.unstablePairs ?? []).map((p) => ({ a: p.higher, b: p.lower, robust: false }));
  const shared: GroupRobustness = { intervals, pairs: unstable };
  return { snapshot, previousSnapshotId: prev?.snapshot_id ?? null, prevFingerprint, units, itemTags, robustness: shared };
}

function robustnessFor(set: AwardSet, shared: GroupRobustness): RobustnessInput {
  const overall: Record<string, GroupRobustness> = {};
  for (const c of set.categories) {
    if (c.type !== 'rule') continue;
    const keys = c.perPeerGroup ? c.eligibility.peerGroups : [c.eligibility.peerGroups.join('+')];
    for (const k of keys) overall[k] = shared;
  }
  return { overall };
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

const ACTIVE_STATES: DecisionRow['state'][] = ['approved', 'announced'];

function usesMinistryGroup(set: AwardSet): boolean {
  return set.categories.some((c) => c.type === 'rule' && c.eligibility.peerGroups.includes('ministry'));
}

/**
 * The 'ministry' peer group's entrants: one roll-up unit per ministry ('ministry:<code>', the mean of its
 * department-level agencies in the snapshot), named from the registry. They carry no rank interval: the robustness run
 * ranks agencies, so a ministry award's knife-edge check says so rather than borrowing an agency's interval.
 */
async function ministryUnits(db: Db, units: AwardUnit[]): Promise<AwardUnit[]> {
  const names = Object.fromEntries((await ministryNames(db)).map((m) => [m.code, { th: m.name_th, en: m.name_en }]));
  return ministryRollupUnits(units, names);
}

/** Computes every rule category not yet approved; same inputs keep the stored decision (and its review) as it is. */
export async function computeEditionAwards(ctx: AppContext, actor: SessionUser, eid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const fw = await requireFramework(ctx.db, e.framework_id, e.framework_version);
  const set = await loadAwardSet(ctx.db, e, fw);
  const inp = await awardInputs(ctx.db, e, fw);
  const units = usesMinistryGroup(set.definition) ? [...inp.units, ...(await ministryUnits(ctx.db, inp.units))] : inp.units;
  const results = computeAwards({ set: set.definition, units, itemTags: inp.itemTags, robustness: robustnessFor(set.definition, inp.robustness) });
  const inputsFingerprint = sha256(
    canonicalJson({ setVersion: set.row?.seq ?? null, definition: set.definition, snapshot: inp.snapshot.fingerprint, snapshotId: inp.snapshot.id, previousSnapshotId: inp.previousSnapshotId, previous: inp.prevFingerprint }),
  );
  const now = ctx.clock.now();
  const computed: string[] = [];
  const kept: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    const existing = new Map((await listDecisions(trx, e.id, { lock: true })).map((d) => [d.category_id, d]));
    const ruleIds = new Set(results.categories.map((c) => c.categoryId));
    for (const c of results.categories) {
      const old = existing.get(c.categoryId);
      if (old && (ACTIVE_STATES.includes(old.state) || old.inputs_fingerprint === inputsFingerprint)) {
        kept.push(c.categoryId);
        continue;
      }
      await upsertDecision(trx, {
        edition_id: e.id,
        category_id: c.categoryId,
        kind: 'rule',
        state: 'computed',
        set_seq: set.row?.seq ?? null,
        snapshot_id: inp.snapshot.id,
        previous_snapshot_id: inp.previousSnapshotId,
        inputs_fingerprint: inputsFingerprint,
        record: createDecision(c, String(e.year_be)),
        computed_at: now,
        updated_at: now,
      });
      computed.push(c.categoryId);
    }
    // A rule category dropped from the set loses its unapproved decision.
    for (const d of existing.values())
      if (d.kind === 'rule' && !ruleIds.has(d.category_id) && !ACTIVE_STATES.includes(d.state)) await deleteDecision(trx, e.id, d.category_id);
    await appendAudit(trx, now, {
      actorId: actor.id,
      action: 'awards.computed',
      entity: 'award_decision',
      entityId: e.id,
      after: { snapshotId: inp.snapshot.id, previousSnapshotId: inp.previousSnapshotId, setVersion: set.row?.seq ?? null, inputsFingerprint, computed, kept, winners: Object.fromEntries(results.categories.map((c) => [c.categoryId, c.totalWinners])) },
    });
  });
  const list = await listEditionDecisions(ctx, actor, eid);
  return { snapshotId: inp.snapshot.id, previousSnapshotId: inp.previousSnapshotId, setVersion: set.row?.seq ?? null, inputsFingerprint, computed, kept, decisions: list.decisions };
}

// ---- presenting decisions ----

const seesAll = (user: SessionUser | null) => can(user, 'awards.review');

function allowedActions(d: DecisionRow, user: SessionUser | null): string[] {
  if (!seesAll(user)) return [];
  const admin = can(user, 'awards.manage');
  const base = d.kind === 'committee' ? (d.state === 'approved' ? ['reopen', 'announce'] : []) : ALLOWED_ACTIONS[d.state];
  return base.filter((a) => admin || a === 'review' || a === 'override');
}

function ruleRecord(d: DecisionRow): AwardDecision {
  return d.record as AwardDecision;
}

function winnersCount(d: DecisionRow): number {
  if (d.kind === 'rule') return finalWinners(ruleRecord(d)).length;
  return (d.record as CommitteeRecord).committee.winners.length;
}

function summary(d: DecisionRow | undefined, cat: { id: string; type: 'rule' | 'committee'; name: { th: string; en: string } }, user: SessionUser | null) {
  const knife = d?.kind === 'rule' ? knifeEdgeGroups(ruleRecord(d)) : [];
  const acknowledged = d?.kind === 'rule' ? ruleRecord(d).acknowledgedKnifeEdge : [];
  return {
    categoryId: cat.id,
    type: cat.type,
    name: cat.name,
    state: d?.state ?? null,
    version: d?.version ?? null,
    setVersion: d?.set_seq ?? null,
    snapshotId: d?.snapshot_id ?? null,
    inputsFingerprint: d?.inputs_fingerprint ?? null,
    computedAt: d ? new Date(d.computed_at).toISOString() : null,
    updatedAt: d ? new Date(d.updated_at).toISOString() : null,
    winners: d ? winnersCount(d) : 0,
    knifeEdgeGroups: knife,
    unacknowledgedKnifeEdge: knife.filter((k) => !acknowledged.includes(k)),
    allowedActions: d ? allowedActions(d, user) : [],
  };
}

/** Every category of the set with its decision; users outside DGA see announced decisions only. */
export async function listEditionDecisions(ctx: AppContext, user: SessionUser | null, eid: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const all = seesAll(user);
  const [set, rows] = await Promise.all([loadAwardSet(ctx.db, e), listDecisions(ctx.db, e.id, { announcedOnly: !all })]);
  const byId = new Map(rows.map((r) => [r.category_id, r]));
  const decisions = set.definition.categories
    .filter((c) => all || byId.has(c.id))
    .map((c) => summary(byId.get(c.id), { id: c.id, type: c.type, name: c.name }, user));
  return { editionId: e.id, yearBe: e.year_be, setVersion: set.row?.seq ?? null, decisions };
}

function orgView(o: AwardOrgRow | undefined, id: string) {
  return {
    /** The entrant's id: an organisation's uuid, or 'ministry:<code>' for a ministry-level award (then `entrant` is 'ministry'). */
    organisationId: id,
    entrant: o?.level === 'ministry' ? ('ministry' as const) : ('organisation' as const),
    code: o?.code ?? null,
    nameTh: o?.name_th ?? id,
    nameEn: o?.name_en ?? null,
    ministryCode: o?.ministry_code ?? null,
    provinceCode: o?.province_code ?? null,
  };
}

function unitView(u: UnitDecision, org: AwardOrgRow | undefined) {
  return {
    ...orgView(org, u.unitId),
    eligible: u.eligible,
    exclusions: u.exclusions,
    value: u.value,
    rank: u.rank,
    outcome: u.outcome,
    won: u.won,
    nearMiss: u.nearMiss,
    reason: u.reason,
    rankInterval: u.rankInterval ?? null,
    improvement: u.improvement ?? null,
  };
}

/** One category's decision: DGA see every unit of every group; others only the winners of an announced decision. */
export async function getDecision(ctx: AppContext, user: SessionUser | null, eid: string, categoryId: string) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const d = await findDecision(ctx.db, e.id, categoryId);
  const all = seesAll(user);
  if (!d || (!all && d.state !== 'announced')) throw new AppError('NOT_FOUND');
  return presentDecision(ctx.db, e, d, user);
}

export async function presentDecision(db: Db, e: EditionRow, d: DecisionRow, user: SessionUser | null) {
  const all = seesAll(user);
  const set = await loadAwardSet(db, e);
  const cat = set.definition.categories.find((c) => c.id === d.category_id);
  const name = d.kind === 'rule' ? ruleRecord(d).result.name : (cat?.name ?? { th: d.category_id, en: d.category_id });
  const base = summary(d, { id: d.category_id, type: d.kind, name }, user);
  if (d.kind === 'committee') {
    const rec = d.record as CommitteeRecord;
    const winners = await committeeWinnerViews(db, rec.committee);
    const names = await userNames(db, [...new Set([...rec.committee.decidedBy, ...rec.history.map((h) => h.by)])]);
    return {
      ...base,
      groups: [],
      overrides: [],
      history: rec.history.map((h) => ({ action: h.action, from: h.from, to: h.to, byName: names.get(h.by) ?? null, at: h.at, note: h.note ?? null })),
      finalWinners: [],
      committee: {
        winners,
        followsRanking: rec.committee.followsRanking,
        deviationReason: all ? rec.committee.deviationReason : null,
        decidedByNames: all ? rec.committee.decidedBy.map((id) => names.get(id) ?? id) : [],
        at: rec.committee.at,
      },
    };
  }
  const rec = ruleRecord(d);
  const winners = finalWinners(rec);
  const ids = new Set<string>(winners.map((w) => w.unitId));
  if (all) for (const g of rec.result.groups) for (const u of g.decisions) ids.add(u.unitId);
  const orgs = await awardEntrants(db, [...ids]);
  const names = await userNames(db, [...new Set([...rec.history.map((h) => h.by), ...rec.overrides.map((o) => o.by)])]);
  const decisionOf = new Map<string, UnitDecision>();
  for (const g of rec.result.groups) for (const u of g.decisions) decisionOf.set(`${g.key}\u0000${u.unitId}`, u);
  return {
    ...base,
    groups: rec.result.groups.map((g) => ({
      key: g.key,
      name: g.name,
      peerGroups: g.peerGroups,
      candidates: g.candidates,
      eligible: g.eligible,
      selection: g.selection,
      cutoffValue: all ? g.cutoffValue : null,
      tieAtCutoff: g.tieAtCutoff,
      regression: all ? (g.regression ?? null) : null,
      knifeEdge: all ? { ...g.knifeEdge, acknowledged: rec.acknowledgedKnifeEdge.includes(g.key) } : null,
      notes: all ? g.notes : [],
      winners: winners.filter((w) => w.group === g.key).map((w) => w.unitId),
      nearMisses: all ? g.nearMisses : [],
      units: all ? g.decisions.map((u) => unitView(u, orgs.get(u.unitId))) : [],
    })),
    overrides: all
      ? rec.overrides.map((o) => ({ change: o.change, organisationId: o.unitId, group: o.group, reason: o.reason, byName: names.get(o.by) ?? null, at: o.at }))
      : [],
    history: all ? rec.history.map((h) => ({ action: h.action, from: h.from, to: h.to, byName: names.get(h.by) ?? null, at: h.at, note: h.note ?? null })) : [],
    finalWinners: winners.map((w) => {
      const g = rec.result.groups.find((x) => x.key === w.group);
      const u = decisionOf.get(`${w.group}\u0000${w.unitId}`);
      return {
        group: w.group,
        groupName: g?.name ?? { th: w.group, en: w.group },
        ...orgView(orgs.get(w.unitId), w.unitId),
        source: w.source,
        reason: w.reason,
        value: w.value,
        rank: w.rank,
        rankInterval: u?.rankInterval ?? null,
        improvement: u?.improvement ?? null,
      };
    }),
    committee: null,
  };
}

// ---- workflow ----

export interface ActionBody {
  type: 'review' | 'override' | 'approve' | 'reopen' | 'announce';
  baseVersion?: number;
  note?: string;
  acknowledgeKnifeEdge?: string[];
  change?: 'add' | 'remove';
  organisationId?: string;
  group?: string;
  reason?: string;
}

function refused(problems: AwardProblem[], state: string): AppError {
  if (problems.some((p) => p.code === 'TRANSITION_NOT_ALLOWED'))
    return new AppError('STATE_FORBIDS', { state }, problems.map(({ path, th, en }) => ({ path, th, en })));
  return problemsToError(problems);
}

/** Applies one workflow action in a transaction, audits it, and issues certificates when a decision is announced. */
export async function decisionAction(ctx: AppContext, actor: SessionUser, eid: string, categoryId: string, body: ActionBody) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const needsAdmin = body.type === 'approve' || body.type === 'reopen' || body.type === 'announce';
  if (!can(actor, needsAdmin ? 'awards.manage' : 'awards.review')) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await lockEditionForAwards(trx, e.id);
    const d = await findDecision(trx, e.id, categoryId, true);
    if (!d) throw new AppError('NOT_FOUND');
    if (body.baseVersion !== undefined && body.baseVersion !== d.version)
      throw new AppError('CONFLICT', { detail: `the decision is at version ${d.version}, not ${body.baseVersion}` });
    const audit = (after: Record<string, unknown>) =>
      appendAudit(trx, now, { actorId: actor.id, action: `awards.${body.type}`, entity: 'award_decision', entityId: `${e.id}:${categoryId}`, before: { state: d.state, version: d.version }, after });

    if (d.kind === 'committee') {
      const rec = d.record as CommitteeRecord;
      if (body.type === 'announce' && d.state === 'approved') {
        const next: CommitteeRecord = { ...rec, history: [...rec.history, { action: 'announce', from: 'approved', to: 'announced', by: actor.id, at }] };
        await updateDecisionRecord(trx, e.id, categoryId, 'announced', next, now);
        const issued = await issueCertificates(trx, e, { ...d, state: 'announced', record: next }, now);
        await audit({ state: 'announced', certificates: issued });
        return;
      }
      if (body.type === 'reopen' && d.state === 'approved') {
        if (!body.reason?.trim())
          throw problemsToError([{ code: 'REOPEN_REASON_REQUIRED', path: 'action.reason', th: 'การเปิดพิจารณาใหม่ต้องมีเหตุผล', en: 'Reopening needs a written reason' }]);
        await deleteDecision(trx, e.id, categoryId);
        await audit({ state: null, reason: body.reason.trim(), decision: rec.committee });
        return;
      }
      throw new AppError('STATE_FORBIDS', { state: d.state }, [
        { path: 'action.type', th: `ทำรายการ "${body.type}" กับรางวัลที่ตัดสินโดยคณะกรรมการในสถานะนี้ไม่ได้`, en: `"${body.type}" is not allowed on a committee decision that is ${d.state}` },
      ]);
    }

    const action = toEngineAction(body, actor.id, at);
    const r = applyDecisionAction(ruleRecord(d), action);
    if (!r.ok) throw refused(r.problems, d.state);
    await updateDecisionRecord(trx, e.id, categoryId, r.decision.state, r.decision, now);
    const after: Record<string, unknown> = { state: r.decision.state };
    if (body.type === 'override') Object.assign(after, { change: body.change, organisationId: body.organisationId, group: body.group, reason: body.reason?.trim() });
    if (body.note) after.note = body.note;
    if (body.acknowledgeKnifeEdge?.length) after.acknowledgeKnifeEdge = body.acknowledgeKnifeEdge;
    if (body.type === 'reopen') after.reason = body.reason?.trim();
    if (r.decision.state === 'announced') after.certificates = await issueCertificates(trx, e, { ...d, state: 'announced', record: r.decision }, now);
    await audit(after);
  });
  const d = await findDecision(ctx.db, e.id, categoryId);
  if (!d) return { categoryId, state: null, deleted: true };
  return presentDecision(ctx.db, e, d, actor);
}

function toEngineAction(b: ActionBody, by: string, at: string): DecisionAction {
  switch (b.type) {
    case 'review':
      return { type: 'review', by, at, ...(b.acknowledgeKnifeEdge ? { acknowledgeKnifeEdge: b.acknowledgeKnifeEdge } : {}), ...(b.note ? { note: b.note } : {}) };
    case 'override':
      return { type: 'override', by, at, change: b.change ?? 'add', unitId: b.organisationId ?? '', group: b.group ?? '', reason: b.reason ?? '' };
    case 'approve':
      return { type: 'approve', by, at, ...(b.acknowledgeKnifeEdge ? { acknowledgeKnifeEdge: b.acknowledgeKnifeEdge } : {}), ...(b.note ? { note: b.note } : {}) };
    case 'reopen':
      return { type: 'reopen', by, at, reason: b.reason ?? '' };
    case 'announce':
      return { type: 'announce', by, at };
  }
}

// ---- roll-ups ----

/** Awards given by a set of decisions (committee winners count for their organisation). */
export async function awardsOf(db: Db, rows: DecisionRow[]): Promise<AwardGiven[]> {
  const out: AwardGiven[] = [];
  const committee: CommitteeDecision[] = [];
  for (const d of rows) {
    if (d.kind === 'rule') out.push(...finalWinners(ruleRecord(d)).map((w) => ({ categoryId: w.categoryId, group: w.group, unitId: w.unitId })));
    else committee.push((d.record as CommitteeRecord).committee);
  }
  if (committee.length > 0) {
    out.push(...(await committeeAwards(db, committee)));
  }
  return out;
}

function peerOf(o: AwardOrgRow): Pick<AwardUnit, 'id' | 'peer'> {
  return { id: o.id, peer: { level: o.level, servesPublic: o.serves_public, ministry: o.ministry_code, province: o.province_code, orgType: null } };
}

export async function editionRollup(ctx: AppContext, user: SessionUser | null, eid: string, scope: 'announced' | 'all' | undefined) {
  const e = await requireAwardsEdition(ctx.db, eid);
  const effective = seesAll(user) ? (scope ?? 'all') : 'announced';
  const [set, rows, snapshotId] = await Promise.all([loadAwardSet(ctx.db, e), listDecisions(ctx.db, e.id, { announcedOnly: effective === 'announced' }), officialSnapshotId(ctx.db, e.id)]);
  const population = snapshotId ? await snapshotPopulation(ctx.db, snapshotId) : [];
  const awards = await awardsOf(ctx.db, rows);
  // Winners outside the snapshot (a committee nominee's organisation that did not take part) still count.
  const known = new Set(population.map((p) => p.id));
  // Ministry-level winners join as the ministry itself (level 'ministry'): their awards count for the ministry.
  const extra = [...(await awardEntrants(ctx.db, [...new Set(awards.map((a) => a.unitId))].filter((id) => !known.has(id)))).values()];
  const r = rollUpAwards(awards, [...population, ...extra].map(peerOf));
  const [ministries, provinces] = await Promise.all([ministryNames(ctx.db), provinceNames(ctx.db)]);
  const mName = new Map(ministries.map((m) => [m.code, m]));
  const pName = new Map(provinces.map((p) => [p.code, p]));
  const catName = new Map(set.definition.categories.map((c) => [c.id, c.name]));
  return {
    editionId: e.id,
    yearBe: e.year_be,
    scope: effective,
    totalAwards: r.totalAwards,
    distinctWinners: r.distinctWinners,
    byCategory: r.byCategory.map((c) => ({ ...c, name: catName.get(c.categoryId) ?? { th: c.categoryId, en: c.categoryId } })),
    byMinistry: r.byMinistry.map((m) => ({ ...m, nameTh: mName.get(m.ministry)?.name_th ?? m.ministry, nameEn: mName.get(m.ministry)?.name_en ?? m.ministry })),
    byProvince: r.byProvince.map((p) => ({ ...p, nameTh: pName.get(p.province)?.name_th ?? p.province, nameEn: pName.get(p.province)?.name_en ?? p.province })),
  };
}

/** Announced awards per edition, oldest first. */
export async function awardTotals(ctx: AppContext) {
  const rows = await announcedDecisionsAllEditions(ctx.db);
  const byEdition = new Map<string, { yearBe: number; rows: DecisionRow[] }>();
  for (const r of rows) {
    const x = byEdition.get(r.edition_id) ?? { yearBe: r.year_be, rows: [] };
    x.rows.push(r);
    byEdition.set(r.edition_id, x);
  }
  const years = [];
  for (const [editionId, x] of byEdition) {
    const awards = await awardsOf(ctx.db, x.rows);
    const r = rollUpAwards(awards, []);
    const names = new Map(x.rows.map((d) => [d.category_id, d.kind === 'rule' ? ruleRecord(d).result.name : null]));
    const e = await findEdition(ctx.db, editionId);
    const set = e ? await loadAwardSet(ctx.db, e) : undefined;
    const setNames = new Map((set?.definition.categories ?? []).map((c) => [c.id, c.name]));
    years.push({
      editionId,
      yearBe: x.yearBe,
      totalAwards: r.totalAwards,
      distinctWinners: r.distinctWinners,
      byCategory: r.byCategory.map((c) => ({ ...c, name: names.get(c.categoryId) ?? setNames.get(c.categoryId) ?? { th: c.categoryId, en: c.categoryId } })),
    });
  }
  years.sort((a, b) => a.yearBe - b.yearBe);
  return { years };
}

/** The public list of an edition's announced awards: winners and their groups only, nothing about how they were decided. */
export async function publicAwards(ctx: AppContext, yearBe: number) {
  const eid = await editionIdByYear(ctx.db, yearBe);
  if (!eid) throw new AppError('NOT_FOUND');
  const e = await requireAwardsEdition(ctx.db, eid);
  const [set, rows] = await Promise.all([loadAwardSet(ctx.db, e), listDecisions(ctx.db, e.id, { announcedOnly: true })]);
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  const byId = new Map(rows.map((r) => [r.category_id, r]));
  const ruleWinners = rows.filter((r) => r.kind === 'rule').flatMap((r) => finalWinners(ruleRecord(r)));
  const orgs = await awardEntrants(ctx.db, [...new Set(ruleWinners.map((w) => w.unitId))]);
  const categories = [];
  for (const c of set.definition.categories) {
    const d = byId.get(c.id);
    if (!d) continue;
    if (d.kind === 'committee') {
      const views = await committeeWinnerViews(ctx.db, (d.record as CommitteeRecord).committee);
      categories.push({
        categoryId: c.id,
        type: d.kind,
        name: c.name,
        winners: views.map((v) => ({
          group: 'committee',
          groupName: { th: v.positionTh ?? '', en: v.positionEn ?? v.positionTh ?? '' },
          recipient: { th: v.personNameTh, en: v.personNameEn ?? v.personNameTh },
          organisation: v.organisation ? { code: v.organisation.code, nameTh: v.organisation.nameTh, nameEn: v.organisation.nameEn } : null,
        })),
      });
      continue;
    }
    const rec = ruleRecord(d);
    categories.push({
      categoryId: c.id,
      type: d.kind,
      name: rec.result.name,
      winners: finalWinners(rec).map((w) => {
        const o = orgs.get(w.unitId);
        return {
          group: w.group,
          groupName: rec.result.groups.find((g) => g.key === w.group)?.name ?? { th: w.group, en: w.group },
          recipient: { th: o?.name_th ?? w.unitId, en: o?.name_en ?? o?.name_th ?? w.unitId },
          organisation: o ? { code: o.code, nameTh: o.name_th, nameEn: o.name_en } : null,
        };
      }),
    });
  }
  return { yearBe: e.year_be, label: editionLabel(String(e.year_be)), categories };
}
