// Loads the demo (src/demo's seeded model) into an empty database through the product's services; bulk only where per-row calls would take minutes.
import { Readable } from 'node:stream';
import type { AppContext } from '../app.js';
import type { SessionUser } from '../auth/policy.js';
import { AppError } from '../../shared/errors.js';
import { checklist } from '../../engine/questionnaire/checklist.js';
import { answerProblem } from '../../engine/questionnaire/answers.js';
import { isAnswerable, itemIndex } from '../../engine/questionnaire/items.js';
import { editionAllows, participantAfter, type ParticipantStatus } from '../../engine/edition/lifecycle.js';
import type { AnswerValue, Framework } from '../../engine/framework/types.js';
import { generateDemo, type DemoEditionData, type DemoOrg, type DemoResponse } from '../../demo/model.js';
import { DEMO_SEED, demoEditionSpecs } from '../../demo/model.js';
import { tinyPdf } from '../../demo/pdf.js';
import { findUserById } from '../repositories/users.js';
import { findEdition } from '../repositories/editions.js';
import { participantVersion } from '../repositories/participants.js';
import { ensureBlob } from '../repositories/evidence.js';
import {
  analyzeBulkTables,
  dataPresence,
  firstAdminId,
  insertAnswersBulk,
  insertEvidenceBulk,
  insertUsersBulk,
  organisationsByCode,
  organisationsWithAnswers,
  participantStatuses,
  setParticipantStatusesBulk,
  surveyOrganisations,
  withDemoLoadLock,
  type BulkAnswer,
  type BulkEvidence,
  type BulkParticipantStatus,
  type NewUserRow,
  type SurveyOrganisation,
} from '../repositories/demo-load.js';
import { presentSessionUser } from './auth.js';
import { appendAudit } from './audit.js';
import { createEdition, populationPreview, setPopulation, transitionEdition } from './editions.js';
import { uploadEvidence } from './evidence.js';
import { evidenceStore } from './upload-staging.js';
import { importFramework } from './frameworks.js';
import { acceptInvitation, createInvitation } from './invitations.js';
import { hashPassword } from './passwords.js';
import { saveAnswers } from './answers.js';
import { completeQuestionnaire, setAssignments, submitQuestionnaire } from './questionnaire.js';
import { executeScoring, markOfficial } from './scoring-runs.js';
import { simulateReviewDecisions } from './review-demo.js';
import { detectEvidenceType } from '../evidence/sniff.js';
import { loadDigitalLocalDemo } from './digital-local-demo.js';
import { loadAwardsDemo } from './awards-demo.js';

export { DEMO_SEED };

/** Password of every demo account (demo only; the accounts exist only in a database the demo loader filled). */
export const DEMO_PASSWORD = 'demo-dga-2562';

/** Named agencies whose people have demo accounts; their questionnaires go through the product's services call by call. */
export const DEMO_AGENCIES = {
  dlt: { code: '08004', label: 'Department of Land Transport · กรมการขนส่งทางบก' },
  cm: { code: 'PAT-15002-50', label: 'Chiang Mai Provincial Office · สำนักงานจังหวัดเชียงใหม่' },
  cmpao: { code: 'LAO-PAO-50', label: 'Chiang Mai Provincial Administrative Organisation · องค์การบริหารส่วนจังหวัดเชียงใหม่' },
} as const;

export interface DemoAccount {
  email: string;
  role: SessionUser['role'];
  displayName: string;
  agency: keyof typeof DEMO_AGENCIES | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'demo.admin@dga.local', role: 'admin', displayName: 'ผู้ดูแลระบบ (สาธิต) · Demo admin', agency: null },
  { email: 'demo.reviewer@dga.local', role: 'reviewer', displayName: 'ผู้ตรวจสอบ สพร. (สาธิต) · Demo reviewer', agency: null },
  { email: 'demo.judge@dga.local', role: 'judge', displayName: 'กรรมการ (สาธิต) · Demo judge', agency: null },
  { email: 'coordinator.dlt@demo.dga.local', role: 'coordinator', displayName: 'ผู้ประสานงาน กรมการขนส่งทางบก (สาธิต)', agency: 'dlt' },
  { email: 'contributor.dlt@demo.dga.local', role: 'contributor', displayName: 'ผู้ร่วมตอบ กรมการขนส่งทางบก (สาธิต)', agency: 'dlt' },
  { email: 'head.dlt@demo.dga.local', role: 'head', displayName: 'CIO กรมการขนส่งทางบก (สาธิต)', agency: 'dlt' },
  { email: 'coordinator.cm@demo.dga.local', role: 'coordinator', displayName: 'ผู้ประสานงาน สำนักงานจังหวัดเชียงใหม่ (สาธิต)', agency: 'cm' },
  { email: 'contributor.cm@demo.dga.local', role: 'contributor', displayName: 'ผู้ร่วมตอบ สำนักงานจังหวัดเชียงใหม่ (สาธิต)', agency: 'cm' },
  { email: 'head.cm@demo.dga.local', role: 'head', displayName: 'หัวหน้าสำนักงานจังหวัดเชียงใหม่ (สาธิต)', agency: 'cm' },
  { email: 'applicant.cmpao@demo.dga.local', role: 'lao_applicant', displayName: 'ผู้สมัคร อบจ.เชียงใหม่ (สาธิต)', agency: 'cmpao' },
];

/** Status of the named agencies per edition: both submitted in the past editions; in 2563 one submitted, one in progress. */
const FORCED: Record<string, Record<number, ParticipantStatus>> = {
  [DEMO_AGENCIES.dlt.code]: { 2561: 'submitted', 2562: 'submitted', 2563: 'submitted' },
  [DEMO_AGENCIES.cm.code]: { 2561: 'submitted', 2562: 'submitted', 2563: 'in_progress' },
};

/** Survey windows: the historical ones for the past editions; the open one around the load time. */
function windowFor(yearBe: number, now: Date): { opensAt: Date; closesAt: Date } {
  const ce = yearBe - 543;
  if (yearBe < 2563) return { opensAt: new Date(`${ce}-05-01T02:00:00Z`), closesAt: new Date(`${ce}-06-30T10:00:00Z`) };
  return { opensAt: new Date(now.getTime() - 35 * 86400_000), closesAt: new Date(now.getTime() + 25 * 86400_000) };
}

export interface DemoLoadOptions {
  seed?: number;
  /** Keep only the first N organisations (by code) of each level in the responses; the rest stay not started. For tests. */
  limitPerLevel?: number;
  /** Score and publish the past editions (default true). */
  score?: boolean;
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

export interface DemoLoadResult {
  loaded: boolean;
  reason?: string;
  seed?: number;
  ms?: number;
  phases?: Record<string, number>;
  editions?: { yearBe: number; id: string; state: string; submitted: number; inProgress: number; completed: number; notStarted: number; answers: number; evidence: number }[];
}

/** Why the database must not get the demo (null = it may): any edition, or any user other than an admin. */
export async function demoRefusal(ctx: AppContext): Promise<string | null> {
  const p = await dataPresence(ctx.db);
  if (p.editions > 0) return `the database already has ${p.editions} edition(s)`;
  if (p.nonAdminUsers > 0) return `the database already has ${p.nonAdminUsers} non-admin user(s)`;
  return null;
}

const toDemoOrg = (o: SurveyOrganisation): DemoOrg => ({ code: o.code, level: o.level, ministry: o.ministry_code, province: o.province_code, orgType: o.org_type, servesPublic: o.serves_public });

/** A deterministic point in [a, b) for a key (response times spread over the survey window). */
function timeWithin(a: Date, b: Date, key: string): Date {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  const f = (h >>> 0) / 4294967296;
  return new Date(Math.floor(a.getTime() + f * (b.getTime() - a.getTime())));
}

async function sessionUser(ctx: AppContext, id: string): Promise<SessionUser> {
  const u = await findUserById(ctx.db, id);
  if (!u) throw new AppError('INTERNAL');
  return presentSessionUser(u);
}

/**
 * Loads the demo if the database holds no data (see demoRefusal); returns what it did, or why it did nothing.
 * Everything the product's users would do call by call goes through the services (editions, population, transitions,
 * invitations, the named agencies' questionnaires, scoring runs). The ~1,800 other questionnaires per edition are
 * written in bulk after the same checks the services make (edition open, participant not submitted, every value
 * valid for its question, checklist complete before completion, evidence typed from its content), because one call per
 * answer would take minutes.
 */
export async function loadDemo(ctx: AppContext, opts: DemoLoadOptions = {}): Promise<DemoLoadResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const refusal = await demoRefusal(ctx);
  if (refusal) return { loaded: false, reason: refusal };
  const adminId = await firstAdminId(ctx.db);
  if (!adminId) return { loaded: false, reason: 'no admin account to act as' };
  const admin = await sessionUser(ctx, adminId);
  const seed = opts.seed ?? DEMO_SEED;
  const phases: Record<string, number> = {};
  let mark = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = (phases[name] ?? 0) + (now - mark);
    mark = now;
  };

  // ---- model ----
  const orgs = await surveyOrganisations(ctx.db);
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  let demoOrgs = orgs.map(toDemoOrg);
  if (opts.limitPerLevel !== undefined) {
    const keep = new Set<string>(Object.keys(FORCED));
    const perLevel = new Map<string, number>();
    for (const o of demoOrgs) {
      const n = perLevel.get(o.level) ?? 0;
      if (n < opts.limitPerLevel) keep.add(o.code);
      perLevel.set(o.level, n + 1);
    }
    demoOrgs = demoOrgs.filter((o) => keep.has(o.code));
  }
  const data = generateDemo(seed, demoOrgs, demoEditionSpecs(), { forced: FORCED });
  phase('model');

  // ---- frameworks and accounts ----
  for (const e of data.editions) await importFramework(ctx.db, e.framework, admin.id, ctx.clock.now());
  const accounts = await createDemoAccounts(ctx, admin);
  const people = await agencyPeople(ctx, orgs, accounts);
  phase('accounts');

  const editions: NonNullable<DemoLoadResult['editions']> = [];
  // A past edition is scored while the next one's answers load (the engine works in Node while PostgreSQL inserts);
  // runs stay in year order, so each year-over-year comparison finds the previous snapshot.
  let scoring: Promise<void> = Promise.resolve();
  const verifiedYear = Math.max(...data.editions.filter((x) => x.yearBe < 2563).map((x) => x.yearBe));
  for (const e of data.editions) {
    const summary = await loadEdition(ctx, admin, e, byCode, people, accounts, log);
    phase(`edition ${e.yearBe}`);
    log(`demo edition ${e.yearBe} answers loaded`, { phases });
    if (e.yearBe < 2563 && opts.score !== false) {
      await transitionEdition(ctx, admin, summary.id, 'closed', undefined);
      await transitionEdition(ctx, admin, summary.id, 'verification', undefined);
      const previous = scoring;
      scoring = previous.then(async () => {
        // The latest published edition is verified first, through the review services: its results count the evidence
        // the reviewers accepted, and "calibrated" decisions accept exactly the evidence the model's calibration counted.
        // (Older editions stay unreviewed, so their evidence counts by file: ~90,000 decisions per edition cost ~25 s.)
        if (e.yearBe === verifiedYear) {
          const tv = Date.now();
          const review = await simulateReviewDecisions(ctx, { editionId: summary.id, admin, seed: seed + e.yearBe, mode: 'calibrated', maxSendBacks: 6 });
          log(`demo edition ${e.yearBe} verified`, { ms: Date.now() - tv, ...review });
        }
        const t = Date.now();
        const run = await executeScoring(ctx, summary.id, admin.id);
        await markOfficial(ctx, admin, summary.id, run.snapshotId);
        await transitionEdition(ctx, admin, summary.id, 'scored', undefined);
        await transitionEdition(ctx, admin, summary.id, 'published', undefined);
        summary.state = 'published';
        log(`demo edition ${e.yearBe} scored and published`, { ms: Date.now() - t });
      });
      // Surface a failure now rather than at the end (the chain is awaited below as well).
      scoring.catch(() => {});
    }
    editions.push(summary);
  }
  // The open edition: about a third of the submitted questionnaires already verified (mixed decisions, a few sent back
  // and corrected); the rest, and the named agencies, wait in the demo reviewer's queue.
  const open = editions.find((x) => x.yearBe >= 2563);
  const openReview = open
    ? simulateReviewDecisions(ctx, { editionId: open.id, admin, seed: seed + open.yearBe, mode: 'realistic', share: 0.3, maxSendBacks: 8, leavePending: [...namedOrganisations(accounts)] }).then((r) =>
        log(`demo edition ${open.yearBe} partly verified`, { ...r }),
      )
    : Promise.resolve();
  await Promise.all([scoring, openReview]);
  phase('scoring and verification (after the last edition)');
  phases['digital local'] = (await loadDigitalLocalDemo(ctx, admin, { seed, log })).ms;
  if (opts.score !== false) await loadAwardsDemo(ctx, admin, { password: DEMO_PASSWORD, log });
  for (const s of editions) log(`demo edition ${s.yearBe} loaded`, s);
  await appendAudit(ctx.db, ctx.clock.now(), { actorId: admin.id, action: 'demo.load', entity: 'demo', after: { seed, editions: editions.map((x) => ({ yearBe: x.yearBe, id: x.id, submitted: x.submitted })) } });
  return { loaded: true, seed, ms: Date.now() - t0, phases, editions };
}

/** Organisations of the named demo agencies (whose people have accounts). */
function namedOrganisations(accounts: Map<string, SessionUser>): Set<string> {
  return new Set([...accounts.values()].map((u) => u.organisationId).filter((x): x is string => !!x));
}

interface People {
  /** Organisation id → coordinator and head user ids (bulk demo accounts or the named ones). */
  coordinator: Map<string, string>;
  head: Map<string, string>;
}

async function createDemoAccounts(ctx: AppContext, admin: SessionUser): Promise<Map<string, SessionUser>> {
  const out = new Map<string, SessionUser>();
  const orgIds = new Map<string, string>();
  for (const [key, a] of Object.entries(DEMO_AGENCIES)) {
    const [row] = await organisationsByCode(ctx.db, [a.code]);
    if (row) orgIds.set(key, row.id);
  }
  for (const acc of DEMO_ACCOUNTS) {
    const organisationId = acc.agency ? orgIds.get(acc.agency) : undefined;
    if (acc.agency && !organisationId) continue; // the registry lacks this agency (edited reference data)
    // The product's own path: an invitation, accepted with the demo password.
    const inv = await createInvitation(ctx, admin, { email: acc.email, role: acc.role, organisationId: organisationId ?? null });
    const token = inv.link.split('/').pop()!;
    const { user } = await acceptInvitation(ctx, token, { displayName: acc.displayName, password: DEMO_PASSWORD });
    out.set(acc.email, user);
  }
  return out;
}

/** A coordinator and a head for every surveyed organisation (one shared demo password hash: hashing 3,600 would take minutes). */
async function agencyPeople(ctx: AppContext, orgs: SurveyOrganisation[], accounts: Map<string, SessionUser>): Promise<People> {
  const coordinator = new Map<string, string>();
  const head = new Map<string, string>();
  for (const u of accounts.values()) {
    if (!u.organisationId) continue;
    if (u.role === 'coordinator') coordinator.set(u.organisationId, u.id);
    if (u.role === 'head') head.set(u.organisationId, u.id);
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = ctx.clock.now();
  const rows: NewUserRow[] = [];
  for (const o of orgs) {
    const local = o.code.toLowerCase().replace(/[^a-z0-9-]/g, '');
    if (!coordinator.has(o.id)) {
      const id = ctx.ids.uuid();
      coordinator.set(o.id, id);
      rows.push({ id, email: `coordinator.${local}@demo.dga.local`, display_name: `ผู้ประสานงาน ${o.name_th}`, password_hash: hash, role: 'coordinator', organisation_id: o.id, created_at: now });
    }
    if (!head.has(o.id)) {
      const id = ctx.ids.uuid();
      head.set(o.id, id);
      rows.push({ id, email: `head.${local}@demo.dga.local`, display_name: `หัวหน้า ${o.name_th}`, password_hash: hash, role: 'head', organisation_id: o.id, created_at: now });
    }
  }
  await insertUsersBulk(ctx.db, rows);
  await appendAudit(ctx.db, now, { actorId: null, action: 'demo.accounts', entity: 'user', after: { created: rows.length, roles: ['coordinator', 'head'] } });
  return { coordinator, head };
}

function evidenceLines(itemText: string, yearBe: number, org: { code: string; name_en: string | null } | null): string[] {
  return [
    `Digital Government Readiness Survey ${yearBe} (B.E.) - demo evidence`,
    `Item: ${itemText.slice(0, 90)}`,
    ...(org ? [`Organisation: ${org.code} ${org.name_en ?? ''}`.slice(0, 100)] : ['Shared demo evidence file (same content for every agency)']),
    'This document was generated for the DG Readiness demo. It is not a real government record.',
  ];
}

async function loadEdition(
  ctx: AppContext,
  admin: SessionUser,
  e: DemoEditionData,
  byCode: Map<string, SurveyOrganisation>,
  people: People,
  accounts: Map<string, SessionUser>,
  log: (msg: string, data?: Record<string, unknown>) => void,
) {
  const fw = e.framework;
  const yearCe = e.yearBe - 543;
  const win = windowFor(e.yearBe, ctx.clock.now());
  const edition = await createEdition(ctx, admin, {
    yearBe: e.yearBe,
    titleTh: `การสำรวจระดับความพร้อมรัฐบาลดิจิทัลของหน่วยงานภาครัฐ ประจำปี พ.ศ. ${e.yearBe} (ข้อมูลสาธิต)`,
    titleEn: `Digital Government Readiness Survey ${yearCe} (demo data)`,
    frameworkId: fw.id,
    frameworkVersion: fw.version,
    opensAt: win.opensAt.toISOString(),
    closesAt: win.closesAt.toISOString(),
  });
  const filter = { levels: ['department', 'provincial_unit', 'lao'], orgTypes: [...new Set([...byCode.values()].map((o) => o.org_type).filter((t): t is string => !!t))] };
  const preview = await populationPreview(ctx, edition.id, filter);
  await setPopulation(ctx, admin, edition.id, filter, preview.count);
  await transitionEdition(ctx, admin, edition.id, 'open', undefined);

  const namedIds = namedOrganisations(accounts);
  const named = e.responses.filter((r) => namedIds.has(byCode.get(r.code)?.id ?? ''));
  const bulk = e.responses.filter((r) => !namedIds.has(byCode.get(r.code)?.id ?? ''));
  const tn = Date.now();
  for (const r of named) await respondThroughServices(ctx, edition.id, e, r, byCode.get(r.code)!, accounts);
  log(`demo ${e.yearBe}: named agencies through the services`, { ms: Date.now() - tn });
  const counts = await bulkRespond(ctx, edition.id, e, bulk, byCode, people, win);
  log(`demo ${e.yearBe}: ${named.length} questionnaires through the services, ${bulk.length} in bulk`);
  const statusCount = (s: ParticipantStatus) => e.responses.filter((r) => r.status === s).length;
  return {
    yearBe: e.yearBe,
    id: edition.id,
    state: 'open',
    submitted: statusCount('submitted'),
    completed: statusCount('completed'),
    inProgress: statusCount('in_progress'),
    notStarted: preview.count - e.responses.filter((r) => r.status !== 'not_started').length,
    answers: counts.answers,
    evidence: counts.evidence,
  };
}

async function runConcurrently(tasks: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/** One named agency, exactly as its people would do it: save answers, upload evidence, complete, submit. */
async function respondThroughServices(ctx: AppContext, eid: string, e: DemoEditionData, r: DemoResponse, org: SurveyOrganisation, accounts: Map<string, SessionUser>) {
  if (r.status === 'not_started') return;
  const members = [...accounts.values()].filter((u) => u.organisationId === org.id);
  const coordinator = members.find((u) => u.role === 'coordinator');
  const contributor = members.find((u) => u.role === 'contributor');
  const head = members.find((u) => u.role === 'head');
  if (!coordinator || !head) return;
  const idx = itemIndex(e.framework);
  // The coordinator hands one dimension (Digital Capabilities) to the contributor, who answers it.
  if (contributor) await setAssignments(ctx, coordinator, eid, org.id, [{ dimensionCode: 'C', userId: contributor.id }]);
  const entries = Object.entries(r.answers);
  const mine = entries.filter(([code]) => !contributor || idx.get(code)?.dimensionCode !== 'C');
  const theirs = entries.filter(([code]) => contributor && idx.get(code)?.dimensionCode === 'C');
  const save = async (user: SessionUser, list: [string, AnswerValue][]) => {
    for (let i = 0; i < list.length; i += 200) {
      const changes = list.slice(i, i + 200).map(([item, value]) => ({ item, value, baseVersion: 0, requestId: `demo-${e.yearBe}-${org.code}-${item}` }));
      await saveAnswers(ctx, user, eid, org.id, changes);
    }
  };
  await save(coordinator, mine);
  if (contributor) await save(contributor, theirs);
  for (const item of r.evidence) {
    const text = idx.get(item)?.item.text.en ?? item;
    const pdf = tinyPdf(`${org.code} - ${item}`, evidenceLines(text, e.yearBe, org));
    await uploadEvidence(ctx, coordinator, eid, org.id, item, { filename: `${item}-หลักฐาน-${org.code}.pdf`, stream: Readable.from(pdf) });
  }
  if (r.status === 'completed' || r.status === 'submitted') {
    const p1 = await completeQuestionnaire(ctx, coordinator, eid, org.id, await participantVersion(ctx.db, eid, org.id));
    void p1;
  }
  if (r.status === 'submitted') await submitQuestionnaire(ctx, head, eid, org.id, await participantVersion(ctx.db, eid, org.id));
}

/**
 * Every other questionnaire of the edition, in bulk. The checks are the services' own rules: the edition is open;
 * each participant exists, has not started (first writes only) and may answer; every value passes the same validation
 * as the autosave (answerProblem, answerable item); a completed or submitted questionnaire passes the checklist with
 * the evidence attached; statuses follow the participant lifecycle (first answer → complete → submit).
 */
async function bulkRespond(
  ctx: AppContext,
  eid: string,
  e: DemoEditionData,
  responses: DemoResponse[],
  byCode: Map<string, SurveyOrganisation>,
  people: People,
  win: { opensAt: Date; closesAt: Date },
): Promise<{ answers: number; evidence: number }> {
  const edition = await findEdition(ctx.db, eid);
  if (!edition || !editionAllows(edition.state, 'answer')) throw new AppError('STATE_FORBIDS', { state: edition?.state ?? 'unknown' });
  const fw: Framework = e.framework;
  const idx = itemIndex(fw);
  const statuses = await participantStatuses(ctx.db, eid);
  const alreadyAnswered = await organisationsWithAnswers(ctx.db, eid);
  const now = ctx.clock.now();
  const end = win.closesAt.getTime() < now.getTime() ? win.closesAt : now;

  // Evidence blobs: one small PDF per item, typed from its content and stored content-addressed, as uploads are.
  const store = evidenceStore(ctx);
  const blobs = new Map<string, { sha256: string; size: number; mime: string }>();
  const blobFor = async (item: string) => {
    let b = blobs.get(item);
    if (b) return b;
    const text = idx.get(item)?.item.text.en ?? item;
    const staged = await store.stage(Readable.from(tinyPdf(`Evidence for ${item}`, evidenceLines(text, e.yearBe, null))), ctx.config.UPLOAD_MAX_MB * 1024 * 1024);
    const type = await detectEvidenceType(staged.tmpPath);
    if (!type.ok) {
      await store.discard(staged);
      throw new AppError('FILE_TYPE_REFUSED', { detected: type.detected });
    }
    await store.commit(staged);
    await ensureBlob(ctx.db, { sha256: staged.sha256, size: staged.size, mime_type: type.mime, created_at: now });
    b = { sha256: staged.sha256, size: staged.size, mime: type.mime };
    blobs.set(item, b);
    return b;
  };

  const answers: BulkAnswer[] = [];
  const evidence: BulkEvidence[] = [];
  const moves: BulkParticipantStatus[] = [];
  for (const r of responses) {
    if (r.status === 'not_started') continue;
    const org = byCode.get(r.code);
    if (!org) continue;
    const st = statuses.get(org.id);
    if (st !== 'not_started' || alreadyAnswered.has(org.id)) throw new AppError('CONFLICT', { detail: `participant ${r.code} already has answers` });
    const coordinator = people.coordinator.get(org.id)!;
    const head = people.head.get(org.id)!;
    // The agency's own timeline inside the survey window: first answer, then completion and submission.
    const first = timeWithin(win.opensAt, new Date(win.opensAt.getTime() + (end.getTime() - win.opensAt.getTime()) * 0.6), `${e.yearBe}|${r.code}|first`);
    const done = timeWithin(first, end, `${e.yearBe}|${r.code}|done`);
    const submitted = new Date(Math.min(end.getTime(), done.getTime() + 2 * 86400_000));
    const problems: string[] = [];
    for (const [item, value] of Object.entries(r.answers)) {
      const loc = idx.get(item);
      if (!loc || !isAnswerable(loc.item)) {
        problems.push(`${item}: no such question`);
        continue;
      }
      const p = answerProblem(loc.item, value);
      if (p) problems.push(`${item}: ${p.en}`);
      answers.push({ organisation_id: org.id, item_code: item, value: JSON.stringify(value), updated_by: coordinator, updated_at: first });
    }
    if (problems.length) throw new AppError('VALIDATION_FAILED', { detail: `${r.code}: ${problems.join('; ')}` });
    for (const item of r.evidence) {
      const b = await blobFor(item);
      evidence.push({ id: ctx.ids.uuid(), organisation_id: org.id, item_code: item, sha256: b.sha256, filename: `${item}-หลักฐาน-${r.code}.pdf`, size: b.size, mime_type: b.mime, uploaded_by: coordinator, uploaded_at: first });
    }
    let status = participantAfter('not_started', 'first_answer')!;
    const move: BulkParticipantStatus = { organisation_id: org.id, status, first_answer_at: first, completed_at: null, completed_by: null, submitted_at: null, submitted_by: null };
    if (r.status === 'completed' || r.status === 'submitted') {
      const list = checklist(fw, r.answers, new Set(r.evidence));
      if (!list.complete) throw new AppError('CHECKLIST_INCOMPLETE', { unanswered: list.unanswered.length, missingEvidence: list.missingEvidence.length });
      status = participantAfter(status, 'complete')!;
      Object.assign(move, { status, completed_at: done, completed_by: coordinator });
    }
    if (r.status === 'submitted') {
      status = participantAfter(status, 'submit')!;
      Object.assign(move, { status, submitted_at: submitted, submitted_by: head });
    }
    moves.push(move);
  }
  // Chunks go to PostgreSQL over several pooled connections at once (both cores work); statuses follow the answers.
  const tasks: (() => Promise<void>)[] = [];
  for (let i = 0; i < answers.length; i += 10_000) tasks.push(() => insertAnswersBulk(ctx.db, eid, answers.slice(i, i + 10_000)));
  for (let i = 0; i < evidence.length; i += 10_000) tasks.push(() => insertEvidenceBulk(ctx.db, eid, evidence.slice(i, i + 10_000)));
  await runConcurrently(tasks, Math.max(1, Math.min(3, ctx.config.DB_POOL_SIZE - 1)));
  await setParticipantStatusesBulk(ctx.db, eid, moves);
  await analyzeBulkTables(ctx.db);
  await appendAudit(ctx.db, now, {
    actorId: null,
    action: 'demo.responses',
    entity: 'edition',
    entityId: eid,
    after: { questionnaires: moves.length, answers: answers.length, evidence: evidence.length, submitted: moves.filter((m) => m.status === 'submitted').length },
  });
  return { answers: answers.length, evidence: evidence.length };
}

/** Start-up hook: with DEMO_DATA=true, loads the demo into an empty database; logs what it did and never stops the server. */
export async function loadDemoOnStart(ctx: AppContext, log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void }): Promise<DemoLoadResult | null> {
  if (!ctx.config.DEMO_DATA) return null;
  try {
    const refusal = await demoRefusal(ctx);
    if (refusal) {
      log.info({ reason: refusal }, 'demo data not loaded: the database already holds data');
      return { loaded: false, reason: refusal };
    }
    log.info({}, 'loading the demo data (DEMO_DATA=true; set DEMO_DATA=false to start empty)');
    // loadDemo checks emptiness again under the lock: another process may have loaded it meanwhile.
    const r = await withDemoLoadLock(ctx.db, () => loadDemo(ctx, { log: (msg, data) => log.info(data ?? {}, msg) }));
    if (!r) {
      log.info({}, 'demo data not loaded here: another process is loading it');
      return null;
    }
    if (!r.loaded) {
      log.info({ reason: r.reason }, 'demo data not loaded');
      return r;
    }
    log.info({ ms: r.ms, phases: r.phases }, `demo data loaded in ${((r.ms ?? 0) / 1000).toFixed(1)} s: sign in as ${DEMO_ACCOUNTS[0]!.email} / ${DEMO_PASSWORD} (see README, "Demo data")`);
    return r;
  } catch (err) {
    log.error({ err }, 'demo data could not be loaded');
    return null;
  }
}
