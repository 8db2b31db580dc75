// Awards tests: the demo loaded once per file, demo sign-ins, and an independent re-computation of the default award rules.
import type { LightMyRequestResponse } from 'fastify';
import { sequentialIds } from '../../../src/server/clock.js';
import { DEMO_PASSWORD, loadDemo } from '../../../src/server/services/demo-loader.js';
import type { Framework } from '../../../src/engine/framework/types.js';
import { as, signIn, startHarness, type Harness, type Session } from './foundation.js';

export interface AwardsWorld {
  h: Harness;
  editions: Record<number, string>;
  admin: Session;
  reviewer: Session;
  judge: Session;
  /** Coordinator and head of the Department of Land Transport; coordinator of the Chiang Mai provincial office. */
  dltCoordinator: Session;
  dltHead: Session;
  dltContributor: Session;
  cmCoordinator: Session;
  dltId: string;
  cmId: string;
}

let ip = 0;
const nextIp = () => `10.77.${(++ip >> 8) & 255}.${ip & 255}`;

/** The demo with 40 organisations answering per level (as the demo-load test), and the demo accounts signed in. */
export async function startAwardsWorld(): Promise<AwardsWorld> {
  const h = await startHarness({ LOGIN_RATE_LIMIT: '1000', PUBLIC_URL: 'https://dgr.example.go.th' });
  const r = await loadDemo({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds('00000000-0000-4000-9000-') }, { limitPerLevel: 40 });
  if (!r.loaded) throw new Error(`demo not loaded: ${r.reason}`);
  const editions: Record<number, string> = {};
  for (const e of r.editions!) editions[e.yearBe] = e.id;
  const s = (email: string) => signIn(h.app, email, DEMO_PASSWORD, nextIp());
  const org = async (code: string) => (await h.db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  return {
    h,
    editions,
    admin: await s('demo.admin@dga.local'),
    reviewer: await s('demo.reviewer@dga.local'),
    judge: await s('demo.judge@dga.local'),
    dltCoordinator: await s('coordinator.dlt@demo.dga.local'),
    dltHead: await s('head.dlt@demo.dga.local'),
    dltContributor: await s('contributor.dlt@demo.dga.local'),
    cmCoordinator: await s('coordinator.cm@demo.dga.local'),
    dltId: await org('08004'),
    cmId: await org('PAT-15002-50'),
  };
}

export function ok(res: LightMyRequestResponse, status = 200): any {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 2000)}`);
  return res.body ? res.json() : null;
}

export function call(w: AwardsWorld, who: Session | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  if (!who) return w.h.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return as(w.h.app, who, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

// ---------------------------------------------------------------------------------------------------------------
// Independent re-computation of the default award rules, straight from the stored snapshot rows. It deliberately
// shares no code with src/engine/awards: the rules are read from the definitions documented in defaults.ts.
// ---------------------------------------------------------------------------------------------------------------

export interface Fact {
  id: string;
  level: string;
  servesPublic: boolean;
  overall: number | null;
  stageIndex: number | null;
  completeness: number;
  evidenceShare: number;
  /** Effective points per item code (0 when unanswered or its required evidence was not accepted). */
  points: Map<string, number>;
  kinds: Map<string, string>;
  previous: number | null;
}

interface ItemRow {
  code: string;
  status: string;
  raw: number | null;
  value: number | null;
}

export async function factsOf(h: Harness, editionId: string): Promise<{ facts: Fact[]; tags: Map<string, string[]> }> {
  const e = await h.db.selectFrom('edition').select(['framework_id', 'framework_version', 'year_be']).where('id', '=', editionId).executeTakeFirstOrThrow();
  const fwRow = await h.db.selectFrom('framework').select('document').where('id', '=', e.framework_id).where('version', '=', e.framework_version).executeTakeFirstOrThrow();
  const fw = fwRow.document as Framework;
  const defs = new Map<string, { requiresEvidence: boolean; kind: string; tags: string[] }>();
  for (const d of fw.dimensions)
    for (const it of [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((s) => s.items)]) defs.set(it.code, { requiresEvidence: it.requiresEvidence === true, kind: it.kind, tags: it.tags ?? [] });
  const tags = new Map([...defs].map(([c, d]) => [c, d.tags]));

  const snap = async (eid: string) => (await h.db.selectFrom('result_official').select('snapshot_id').where('edition_id', '=', eid).executeTakeFirst())?.snapshot_id;
  const sid = (await snap(editionId))!;
  const rows = await h.db
    .selectFrom('result_unit as ru')
    .innerJoin('organisation as o', 'o.id', 'ru.organisation_id')
    .select(['ru.organisation_id', 'ru.input', 'ru.result', 'o.level', 'o.serves_public'])
    .where('ru.snapshot_id', '=', sid)
    .execute();
  const prevEdition = await h.db
    .selectFrom('edition as e')
    .innerJoin('result_official as ro', 'ro.edition_id', 'e.id')
    .select('ro.snapshot_id')
    .where('e.year_be', '<', e.year_be)
    .orderBy('e.year_be', 'desc')
    .executeTakeFirst();
  const prev = new Map<string, number | null>();
  if (prevEdition)
    for (const r of await h.db.selectFrom('result_unit').select(['organisation_id', 'overall']).where('snapshot_id', '=', prevEdition.snapshot_id).execute())
      prev.set(r.organisation_id, r.overall === null ? null : Number(r.overall));

  const facts = rows.map((r): Fact => {
    const result = r.result as { overall: number | null; stage: { index: number } | null; items: ItemRow[] };
    const accepted = new Set((r.input as { evidenceAccepted?: string[] }).evidenceAccepted ?? []);
    let visible = 0;
    let answered = 0;
    let needs = 0;
    let okEvidence = 0;
    const points = new Map<string, number>();
    const kinds = new Map<string, string>();
    for (const it of result.items) {
      if (it.status === 'hidden') continue;
      const d = defs.get(it.code);
      visible++;
      const isAnswered = it.status === 'answered' || it.status === 'no_evidence';
      if (isAnswered) answered++;
      const required = d?.requiresEvidence === true;
      if (isAnswered && required) {
        needs++;
        if (accepted.has(it.code)) okEvidence++;
      }
      const p = (d?.kind === 'indicator' ? it.value : it.raw) ?? 0;
      const counts = isAnswered && (!required || accepted.has(it.code));
      points.set(it.code, counts ? Math.min(1, Math.max(0, p)) : 0);
      if (d) kinds.set(it.code, d.kind);
    }
    return {
      id: r.organisation_id,
      level: r.level,
      servesPublic: r.serves_public,
      overall: result.overall,
      stageIndex: result.stage?.index ?? null,
      completeness: visible ? answered / visible : 0,
      evidenceShare: needs ? okEvidence / needs : 1,
      points,
      kinds,
      previous: prev.has(r.organisation_id) ? prev.get(r.organisation_id)! : null,
    };
  });
  return { facts, tags };
}

const EPS = 1e-9;

/** Top-N selection with a minimum, ties at the cut-off broken by `secondary` (higher first), remaining ties all win. */
export function selectWinners(
  scored: { id: string; value: number; secondary?: number }[],
  topN: number | undefined,
  minValue: number | undefined,
  tie: 'all_win' | 'secondary',
): string[] {
  const qualified = scored.filter((s) => minValue === undefined || s.value >= minValue - EPS).sort((a, b) => b.value - a.value);
  if (topN === undefined || qualified.length <= topN) return qualified.map((s) => s.id);
  const cut = qualified[topN - 1]!.value;
  const above = qualified.filter((s) => s.value > cut + EPS);
  const tied = qualified.filter((s) => Math.abs(s.value - cut) <= EPS);
  if (above.length + tied.length <= topN || tie === 'all_win') return [...above, ...tied].map((s) => s.id);
  const slots = topN - above.length;
  const bySecondary = [...tied].sort((a, b) => (b.secondary ?? 0) - (a.secondary ?? 0));
  const bar = bySecondary[slots - 1]!.secondary ?? 0;
  return [...above, ...tied.filter((s) => (s.secondary ?? 0) >= bar - EPS)].map((s) => s.id);
}

const inGroup: Record<string, (f: Fact) => boolean> = {
  department_service: (f) => f.level === 'department' && f.servesPublic,
  department_other: (f) => f.level === 'department' && !f.servesPublic,
  department_all: (f) => f.level === 'department',
  province: (f) => f.level === 'province',
};

/** Expected winners of the default award set, per category and group key, from the rules in defaults.ts. */
export function expectedDefaultWinners(facts: Fact[], tags: Map<string, string[]>): Record<string, Record<string, string[]>> {
  const tagged = (tag: string) => [...tags].filter(([, t]) => t.includes(tag)).map(([c]) => c);
  const fair = (f: Fact, minC = 0.9, minE: number | null = 0.8) => f.completeness >= minC && (minE === null || f.evidenceShare >= minE);
  const out: Record<string, Record<string, string[]>> = {};

  out.dg_award = {};
  for (const g of ['department_service', 'department_other', 'province']) {
    const el = facts.filter((f) => inGroup[g]!(f) && fair(f) && f.overall !== null);
    const topN = g === 'province' ? 5 : 10;
    out.dg_award[g] = selectWinners(el.map((f) => ({ id: f.id, value: f.overall!, secondary: f.evidenceShare })), topN, 60, 'secondary');
  }

  for (const [id, tag, topN] of [
    ['data_governance', 'data_governance', 3],
    ['open_data', 'open_data', 5],
    ['digital_personnel', 'digital_personnel', 3],
  ] as const) {
    const codes = tagged(tag);
    const el = facts
      .filter((f) => inGroup.department_all!(f) && fair(f) && f.overall !== null)
      .map((f) => {
        const mine = codes.filter((c) => f.points.has(c));
        return { f, mine };
      })
      .filter((x) => x.mine.length > 0)
      .map(({ f, mine }) => ({ id: f.id, value: mine.reduce((s, c) => s + f.points.get(c)!, 0) / mine.length, secondary: f.overall! }));
    out[id] = { department_all: selectWinners(el, topN, 0.8, 'secondary') };
  }

  out.improvement = {};
  for (const g of ['department_service', 'department_other', 'province']) {
    const members = facts.filter((f) => inGroup[g]!(f));
    const both = members.filter((f) => f.overall !== null && f.previous !== null);
    if (both.length < 10) {
      out.improvement[g] = [];
      continue;
    }
    const mx = both.reduce((s, f) => s + f.previous!, 0) / both.length;
    const my = both.reduce((s, f) => s + f.overall!, 0) / both.length;
    const sxy = both.reduce((s, f) => s + (f.previous! - mx) * (f.overall! - my), 0);
    const sxx = both.reduce((s, f) => s + (f.previous! - mx) ** 2, 0);
    const slope = sxy / sxx;
    const intercept = my - slope * mx;
    const el = both.filter((f) => fair(f) && f.stageIndex !== null && f.stageIndex >= 1 && f.overall! - f.previous! > 1);
    out.improvement[g] = selectWinners(el.map((f) => ({ id: f.id, value: f.overall! - (intercept + slope * f.previous!) })), 3, undefined, 'all_win');
  }

  const noCopy = tagged('no_copy_policy');
  const policy = facts
    .filter((f) => (inGroup.department_all!(f) || inGroup.province!(f)) && f.completeness >= 0.8)
    .filter((f) => {
      const mine = noCopy.filter((c) => f.points.has(c) && (f.kinds.get(c) ?? 'yes_no') === 'yes_no');
      return mine.length > 0 && mine.every((c) => f.points.get(c)! > 0);
    })
    .map((f) => f.id);
  out.no_copy_policy = { 'department_all+province': policy };
  return out;
}
