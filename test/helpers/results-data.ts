// Test and demo data for results: an edition whose first N organisations answered (seeded generator), attached evidence
// and submitted, all through the services (edition, population, answers, evidence, complete, submit) — never raw SQL.
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/server/app.js';
import type { SessionUser } from '../../src/server/auth/policy.js';
import { randomIds, systemClock, type Clock } from '../../src/server/clock.js';
import type { Config } from '../../src/server/config.js';
import type { DB } from '../../src/db/database.js';
import { createRng, type Rng } from '../../src/engine/random.js';
import type { AnswerValue, Framework, Item } from '../../src/engine/framework/types.js';
import { frameworkItems, isAnswerable } from '../../src/engine/questionnaire/items.js';
import { visibleItems } from '../../src/engine/questionnaire/checklist.js';
import { defaultFramework } from '../../src/engine/framework/default/index.js';
import { createEdition, setPopulation, transitionEdition } from '../../src/server/services/editions.js';
import { saveAnswers } from '../../src/server/services/answers.js';
import { uploadEvidence } from '../../src/server/services/evidence.js';
import { completeQuestionnaire, submitQuestionnaire } from '../../src/server/services/questionnaire.js';
import { findParticipant } from '../../src/server/repositories/participants.js';
import { ensureBlob, insertEvidenceFile } from '../../src/server/repositories/evidence.js';
import type { PopulationFilter } from '../../src/server/repositories/editions.js';

export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export interface ResultsDataOptions {
  /** Organisations that answer and submit (the population may hold more; the rest stay not started). */
  n: number;
  seed?: number;
  yearBe?: number;
  framework?: Framework;
  /** Levels drawn from (default provincial units); provinces are added in code order until n are covered. */
  levels?: PopulationFilter['levels'];
  /**
   * 'service' uploads each evidence file through the evidence service (file store, type sniffing, audit);
   * 'repository' records the same rows through the evidence repository without the file store (for 2,000-agency
   * benchmarks, where tens of thousands of uploads would dominate the set-up).
   */
  evidence?: 'service' | 'repository';
  /** Organisations processed at once (default 1; each one is its own transactions, so order does not matter). */
  concurrency?: number;
  /** Leave the edition open (default) or close it after submission. */
  close?: boolean;
  clock?: Clock;
}

export interface ResultsData {
  ctx: AppContext;
  editionId: string;
  admin: SessionUser;
  /** Organisation ids that submitted, in code order. */
  organisations: string[];
  /** Agency users per organisation (coordinator and head) as service-level session users. */
  users: Map<string, { coordinator: SessionUser; head: SessionUser }>;
}

function sessionUser(id: string, role: SessionUser['role'], organisationId: string | null): SessionUser {
  return { id, email: `${role}-${id.slice(0, 8)}@test.go.th`, displayName: `${role} ${id.slice(0, 4)}`, role, organisationId, organisation: null, locale: 'th' };
}

async function insertUser(db: DB, role: SessionUser['role'], organisationId: string | null): Promise<SessionUser> {
  const id = randomUUID();
  const u = sessionUser(id, role, organisationId);
  await db.insertInto('app_user').values({ id, email: u.email, display_name: u.displayName, password_hash: null, role, organisation_id: organisationId, locale: 'th', active: true }).execute();
  return u;
}

/** A plausible answer for the item from an agency of capability q (0–1). */
function answerFor(item: Item, q: number, rng: Rng): AnswerValue | undefined {
  const p = Math.min(0.97, Math.max(0.03, q + (rng.next() - 0.5) * 0.5));
  switch (item.kind) {
    case 'yes_no':
      return rng.next() < p;
    case 'single_choice': {
      const k = item.options.length;
      return item.options[Math.min(k - 1, Math.floor(p * k))]!.code;
    }
    case 'multi_choice': {
      const real = item.options.filter((o) => o.code !== 'none');
      const chosen = real.filter(() => rng.next() < p).map((o) => o.code);
      if (chosen.length === 0) return item.options.some((o) => o.code === 'none') ? ['none'] : [real[0]!.code];
      return chosen;
    }
    case 'number': {
      const lo = item.min ?? 0;
      const hi = item.max ?? (item.scoring.type === 'goalposts' ? item.scoring.high * 1.2 : Math.max(...item.scoring.thresholds.map((t) => t.min)) * 1.3);
      const v = lo + (hi - lo) * p;
      return item.integer ? Math.round(v) : Math.round(v * 10) / 10;
    }
    case 'text':
      return 'หน่วยงานดำเนินการตามแผนปฏิบัติการดิจิทัล';
    default:
      return undefined;
  }
}

/** Answers for one organisation: generated in questionnaire order, then only the visible ones are kept. */
export function generateAnswers(fw: Framework, q: number, rng: Rng): Record<string, AnswerValue> {
  const all: Record<string, AnswerValue> = {};
  for (const { item } of frameworkItems(fw)) {
    if (!isAnswerable(item)) continue;
    const v = answerFor(item, q, rng);
    if (v !== undefined) all[item.code] = v;
  }
  const visible = visibleItems(fw, all);
  return Object.fromEntries(Object.entries(all).filter(([code]) => visible.has(code)));
}

function claims(v: AnswerValue): boolean {
  if (v === false) return false;
  if (Array.isArray(v)) return v.length > 0 && !(v.length === 1 && v[0] === 'none');
  return true;
}

/** Picks provinces (code order) until the population for `levels` holds at least n organisations. */
async function populationFilter(db: DB, n: number, levels: NonNullable<PopulationFilter['levels']>): Promise<PopulationFilter> {
  const rows = await db
    .selectFrom('organisation')
    .select(['province_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('active', '=', true)
    .where('level', 'in', levels as never[])
    .groupBy('province_code')
    .orderBy('province_code')
    .execute();
  if (rows.some((r) => r.province_code === null)) {
    // Department-level agencies have no province: take the whole level set.
    return { levels };
  }
  const provinces: string[] = [];
  let total = 0;
  for (const r of rows) {
    if (total >= n) break;
    provinces.push(r.province_code!);
    total += Number(r.n);
  }
  return { levels, provinces };
}

/**
 * Creates an edition (default framework unless given), selects a population covering n organisations, opens it,
 * and has the first n (by code) answer, attach evidence for every claim that needs it, complete and submit.
 */
export async function createResultsData(base: { db: DB; config: Config }, opts: ResultsDataOptions): Promise<ResultsData> {
  const ctx: AppContext = { config: base.config, db: base.db, clock: opts.clock ?? systemClock, ids: randomIds };
  const fw = opts.framework ?? defaultFramework;
  const rng = createRng(opts.seed ?? 1);
  const admin = await insertUser(base.db, 'admin', null);
  const yearBe = opts.yearBe ?? 2569;
  const edition = await createEdition(ctx, admin, {
    yearBe,
    titleTh: `การสำรวจระดับความพร้อมรัฐบาลดิจิทัล ปี ${yearBe}`,
    titleEn: `Digital Government Readiness Survey ${yearBe - 543}`,
    frameworkId: fw.id,
    frameworkVersion: fw.version,
    opensAt: '2026-05-01T00:00:00Z',
    closesAt: '2026-06-30T00:00:00Z',
  });
  const filter = await populationFilter(base.db, opts.n, opts.levels ?? ['provincial_unit']);
  const count = await base.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', true).where('level', 'in', (filter.levels ?? []) as never[]).$if(Boolean(filter.provinces), (q) => q.where('province_code', 'in', filter.provinces!)).executeTakeFirstOrThrow();
  await setPopulation(ctx, admin, edition.id, filter, Number(count.n));
  await transitionEdition(ctx, admin, edition.id, 'open', undefined);
  const orgs = await base.db
    .selectFrom('participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['o.id', 'o.code', 'o.level'])
    .where('p.edition_id', '=', edition.id)
    .orderBy('o.code')
    .limit(opts.n)
    .execute();
  const users = new Map<string, { coordinator: SessionUser; head: SessionUser }>();
  const evidenceItems = new Set(frameworkItems(fw).filter((l) => l.item.requiresEvidence).map((l) => l.item.code));
  let req = 0;
  // Answers are drawn in organisation order first, so the data does not depend on the concurrency.
  const plans = orgs.map((org) => {
    const q = Math.min(0.95, Math.max(0.05, (org.level === 'department' ? 0.6 : 0.45) + (rng.next() - 0.5) * 0.7));
    return { org, answers: generateAnswers(fw, q, rng) };
  });
  const one = async ({ org, answers }: (typeof plans)[number]) => {
    const coordinator = await insertUser(base.db, 'coordinator', org.id);
    const head = await insertUser(base.db, 'head', org.id);
    users.set(org.id, { coordinator, head });
    const changes = Object.entries(answers).map(([item, value]) => ({ item, value, baseVersion: 0, requestId: `seed-${edition.id.slice(0, 8)}-${++req}` }));
    for (let i = 0; i < changes.length; i += 200) await saveAnswers(ctx, coordinator, edition.id, org.id, changes.slice(i, i + 200));
    for (const [item, value] of Object.entries(answers)) {
      if (!evidenceItems.has(item) || !claims(value)) continue;
      if ((opts.evidence ?? 'service') === 'service') {
        await uploadEvidence(ctx, coordinator, edition.id, org.id, item, { filename: `${item}.pdf`, stream: Readable.from([TINY_PDF]) });
      } else {
        const now = ctx.clock.now();
        await ensureBlob(base.db, { sha256: 'f'.repeat(64), size: TINY_PDF.length, mime_type: 'application/pdf', created_at: now });
        await insertEvidenceFile(base.db, { id: randomUUID(), edition_id: edition.id, organisation_id: org.id, item_code: item, sha256: 'f'.repeat(64), filename: `${item}.pdf`, size: TINY_PDF.length, mime_type: 'application/pdf', uploaded_by: coordinator.id, uploaded_at: now });
      }
    }
    const p1 = (await findParticipant(base.db, edition.id, org.id))!;
    await completeQuestionnaire(ctx, coordinator, edition.id, org.id, p1.version);
    const p2 = (await findParticipant(base.db, edition.id, org.id))!;
    await submitQuestionnaire(ctx, head, edition.id, org.id, p2.version);
  };
  let next = 0;
  const worker = async () => {
    while (next < plans.length) await one(plans[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
  if (opts.close) await transitionEdition(ctx, admin, edition.id, 'closed', undefined);
  return { ctx, editionId: edition.id, admin, organisations: orgs.map((o) => o.id), users };
}
