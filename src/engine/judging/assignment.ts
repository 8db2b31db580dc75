// Automatic judge assignment (k conflict-free judges per entry, balanced loads, seeded) and checks on manual changes.
import { DEFAULT_CONFLICT_POLICY, findConflicts, type ConflictPolicy, type Entry, type Judge } from './conflicts.js';
import { problem, problemBilingual, reason, type JudgingProblem, type Reason } from './messages.js';
import type { Rng } from './prng.js';

export interface Assignment {
  entryId: string;
  judgeId: string;
}

export interface AssignOptions {
  /** k: judges wanted per entry. */
  judgesPerEntry: number;
  /** Seeded generator (see mulberry32); it only breaks ties among equally balanced assignments. */
  rng: Rng;
  policy?: ConflictPolicy;
  /**
   * Pairs to keep as they are (earlier manual adjustments, judges who already started scoring). They count towards
   * k and towards the judge's load; a locked pair that is conflicted or unknown is dropped and reported.
   */
  locked?: readonly Assignment[];
}

export interface Shortfall {
  entryId: string;
  assigned: number;
  required: number;
  /** Judges with no conflict with this entry and a capacity above zero. */
  eligibleJudges: number;
  reason: Reason;
}

export interface AssignmentResult {
  /** Sorted by entry id, then judge id. Never contains a conflicted pair. */
  assignments: Assignment[];
  byEntry: Record<string, string[]>;
  loads: Record<string, number>;
  /** max − min load over judges who could take at least one entry; ≤ 1 whenever conflicts and capacities allow. */
  loadSpread: number;
  /** Entries that could not get k conflict-free judges, with the reason. */
  shortfalls: Shortfall[];
  /** Input problems: duplicate ids, refused locked pairs. */
  problems: JudgingProblem[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// Min-cost flow. Source → entry (capacity k) → judge (capacity 1, only when not conflicted) → sink, where each
// judge's edge to the sink is split into unit edges of increasing cost (the i-th entry costs BIG·i). Successive
// shortest paths give a maximum flow — as many conflict-free assignments as exist — of least cost. The convex
// load cost makes that the least sum of squared loads, which for this kind of problem (the achievable load vectors
// are the bases of a polymatroid) is also the assignment with the smallest maximum and largest minimum load, so
// the spread is ≤ 1 whenever any feasible assignment achieves it. Tiny seeded costs on entry→judge edges (their
// total < BIG) choose among equally balanced assignments, so different seeds give different panels.

class FlowGraph {
  readonly head: number[];
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly cost: number[] = [];
  readonly next: number[] = [];

  constructor(readonly n: number) {
    this.head = new Array<number>(n).fill(-1);
  }

  addEdge(u: number, v: number, cap: number, cost: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(cap, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }
}

class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, val: number): void {
    const k = this.keys;
    const v = this.vals;
    let i = k.length;
    k.push(key);
    v.push(val);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (k[p]! <= key) break;
      k[i] = k[p]!;
      v[i] = v[p]!;
      i = p;
    }
    k[i] = key;
    v[i] = val;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.vals;
    const top: [number, number] = [k[0]!, v[0]!];
    const lastK = k.pop()!;
    const lastV = v.pop()!;
    const n = k.length;
    if (n > 0) {
      let i = 0;
      while (true) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && k[r]! < k[l]! ? r : l;
        if (k[c]! >= lastK) break;
        k[i] = k[c]!;
        v[i] = v[c]!;
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}

function minCostMaxFlow(g: FlowGraph, s: number, t: number): void {
  const n = g.n;
  const potential = new Array<number>(n).fill(0); // every initial cost is ≥ 0, so zero potentials are valid
  const dist = new Array<number>(n);
  const prevEdge = new Array<number>(n);
  while (true) {
    dist.fill(Infinity);
    prevEdge.fill(-1);
    dist[s] = 0;
    const heap = new MinHeap();
    heap.push(0, s);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (d > dist[u]!) continue;
      if (u === t) break; // nodes farther than t get potential += dist[t] below, which keeps reduced costs ≥ 0
      for (let e = g.head[u]!; e !== -1; e = g.next[e]!) {
        if (g.cap[e]! <= 0) continue;
        const v = g.to[e]!;
        // Reduced costs are ≥ 0 in exact arithmetic; clamp rounding noise.
        const nd = d + Math.max(0, g.cost[e]! + potential[u]! - potential[v]!);
        if (nd < dist[v]! - 1e-12) {
          dist[v] = nd;
          prevEdge[v] = e;
          heap.push(nd, v);
        }
      }
    }
    if (dist[t] === Infinity) return;
    const dt = dist[t]!;
    for (let v = 0; v < n; v++) potential[v]! += Math.min(dist[v]!, dt);
    let f = Infinity;
    for (let v = t; v !== s; v = g.to[prevEdge[v]! ^ 1]!) f = Math.min(f, g.cap[prevEdge[v]!]!);
    for (let v = t; v !== s; v = g.to[prevEdge[v]! ^ 1]!) {
      g.cap[prevEdge[v]!]! -= f;
      g.cap[prevEdge[v]! ^ 1]! += f;
    }
  }
}

function loadSpreadOf(loads: Record<string, number>, judgeIds: readonly string[]): number {
  if (judgeIds.length === 0) return 0;
  const values = judgeIds.map((j) => loads[j] ?? 0);
  return Math.max(...values) - Math.min(...values);
}

/**
 * Assigns k conflict-free judges to each entry with balanced loads. Deterministic for the same input (in any order)
 * and the same seed. Entries that cannot get k judges are listed in `shortfalls`; a conflicted judge is never used.
 */
export function assignJudges(entries: readonly Entry[], judges: readonly Judge[], options: AssignOptions): AssignmentResult {
  const policy = options.policy ?? DEFAULT_CONFLICT_POLICY;
  const k = options.judgesPerEntry;
  const problems: JudgingProblem[] = [];
  if (!Number.isInteger(k) || k < 1) {
    return { assignments: [], byEntry: {}, loads: {}, loadSpread: 0, shortfalls: [], problems: [problem('judgesPerEntry', 'JUDGES_PER_ENTRY_INVALID')] };
  }

  const es: Entry[] = [];
  const seenE = new Set<string>();
  for (const e of [...entries].sort((a, b) => byString(a.id, b.id))) {
    if (seenE.has(e.id)) problems.push(problem(`entries.${e.id}`, 'DUPLICATE_ID', { id: e.id }));
    else es.push(e);
    seenE.add(e.id);
  }
  const js: Judge[] = [];
  const seenJ = new Set<string>();
  for (const j of [...judges].sort((a, b) => byString(a.id, b.id))) {
    if (seenJ.has(j.id)) problems.push(problem(`judges.${j.id}`, 'DUPLICATE_ID', { id: j.id }));
    else js.push(j);
    seenJ.add(j.id);
  }
  const eIndex = new Map(es.map((e, i) => [e.id, i]));
  const jIndex = new Map(js.map((j, i) => [j.id, i]));
  const capacityOf = (j: Judge) => (j.capacity === undefined ? Infinity : Math.max(0, Math.floor(j.capacity)));

  // eligible[e][j]: no conflict; decided once so the flow graph and the reports agree.
  const eligible = es.map((e) => js.map((j) => findConflicts(j, e, policy).length === 0));

  // Locked pairs.
  const lockedSet = new Set<string>();
  const lockedPerEntry = new Array<number>(es.length).fill(0);
  const baseLoad = new Array<number>(js.length).fill(0);
  for (const [i, a] of (options.locked ?? []).entries()) {
    const ei = eIndex.get(a.entryId);
    const ji = jIndex.get(a.judgeId);
    const path = `locked[${i}]`;
    if (ei === undefined) {
      problems.push(problem(path, 'UNKNOWN_ENTRY', { id: a.entryId }));
      continue;
    }
    if (ji === undefined) {
      problems.push(problem(path, 'UNKNOWN_JUDGE', { id: a.judgeId }));
      continue;
    }
    const conflicts = findConflicts(js[ji]!, es[ei]!, policy);
    if (conflicts.length > 0) {
      problems.push(conflictProblem(path, conflicts));
      continue;
    }
    const key = `${ei}:${ji}`;
    if (lockedSet.has(key)) continue;
    lockedSet.add(key);
    lockedPerEntry[ei]! += 1;
    baseLoad[ji]! += 1;
  }

  const demand = es.map((_, ei) => Math.max(0, k - lockedPerEntry[ei]!));
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  const BIG = totalDemand + 1;
  const S = 0;
  const T = 1 + es.length + js.length;
  const g = new FlowGraph(T + 1);
  const pairEdges: { e: number; ei: number; ji: number }[] = [];
  es.forEach((_, ei) => {
    if (demand[ei]! > 0) g.addEdge(S, 1 + ei, demand[ei]!, 0);
    js.forEach((j, ji) => {
      const jitter = options.rng(); // drawn for every pair so a change in one judge's capacity does not reshuffle all
      if (!eligible[ei]![ji] || lockedSet.has(`${ei}:${ji}`) || capacityOf(j) === 0) return;
      pairEdges.push({ e: g.addEdge(1 + ei, 1 + es.length + ji, 1, jitter), ei, ji });
    });
  });
  js.forEach((j, ji) => {
    const possible = es.filter((_, ei) => eligible[ei]![ji] && !lockedSet.has(`${ei}:${ji}`)).length;
    const upper = Math.min(capacityOf(j), baseLoad[ji]! + possible);
    for (let load = baseLoad[ji]!; load < upper; load++) g.addEdge(1 + es.length + ji, T, 1, BIG * load);
  });
  minCostMaxFlow(g, S, T);

  const pairs: Assignment[] = [];
  for (const key of lockedSet) {
    const [ei, ji] = key.split(':').map(Number) as [number, number];
    pairs.push({ entryId: es[ei]!.id, judgeId: js[ji]!.id });
  }
  for (const p of pairEdges) if (g.cap[p.e] === 0) pairs.push({ entryId: es[p.ei]!.id, judgeId: js[p.ji]!.id });
  pairs.sort((a, b) => byString(a.entryId, b.entryId) || byString(a.judgeId, b.judgeId));

  const byEntry: Record<string, string[]> = {};
  const loads: Record<string, number> = {};
  for (const e of es) byEntry[e.id] = [];
  for (const j of js) loads[j.id] = 0;
  for (const p of pairs) {
    byEntry[p.entryId]!.push(p.judgeId);
    loads[p.judgeId]! += 1;
  }

  const shortfalls: Shortfall[] = [];
  es.forEach((e, ei) => {
    const assigned = byEntry[e.id]!.length;
    if (assigned >= k) return;
    const eligibleJudges = js.filter((j, ji) => eligible[ei]![ji] && capacityOf(j) > 0).length;
    shortfalls.push({
      entryId: e.id,
      assigned,
      required: k,
      eligibleJudges,
      reason:
        eligibleJudges < k
          ? reason('SHORTFALL_TOO_FEW_ELIGIBLE', { eligible: eligibleJudges, required: k })
          : reason('SHORTFALL_CAPACITY', { assigned, required: k }),
    });
  });

  const available = js.filter((j, ji) => capacityOf(j) > 0 && es.some((_, ei) => eligible[ei]![ji])).map((j) => j.id);
  return { assignments: pairs, byEntry, loads, loadSpread: loadSpreadOf(loads, available), shortfalls, problems };
}

function conflictProblem(path: string, conflicts: readonly Reason[]): JudgingProblem {
  return problemBilingual(
    path,
    'ASSIGNMENT_CONFLICTED',
    { reasons: conflicts.map((c) => c.th).join('; ') },
    { reasons: conflicts.map((c) => c.en).join('; ') },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Manual adjustments

export type AssignmentChange =
  | { kind: 'add'; entryId: string; judgeId: string }
  | { kind: 'remove'; entryId: string; judgeId: string }
  | { kind: 'replace'; entryId: string; fromJudgeId: string; toJudgeId: string };

export interface ChangeContext {
  entries: readonly Entry[];
  judges: readonly Judge[];
  judgesPerEntry: number;
  policy?: ConflictPolicy;
  /** Pairs whose judge has already submitted a score sheet; such a judge cannot be removed from the entry. */
  submitted?: readonly Assignment[];
}

/**
 * The outcome of a proposed manual change: refused with problems (a conflicted judge, a duplicate, a judge at
 * capacity, removing a judge who already submitted, unknown ids), or accepted with the new assignment list and
 * warnings the admin should see (the entry falls below k judges, loads become unbalanced).
 */
export type ChangeResult =
  | { ok: true; assignments: Assignment[]; warnings: JudgingProblem[] }
  | { ok: false; problems: JudgingProblem[] };

export function validateAssignmentChange(current: readonly Assignment[], change: AssignmentChange, ctx: ChangeContext): ChangeResult {
  const policy = ctx.policy ?? DEFAULT_CONFLICT_POLICY;
  const entry = ctx.entries.find((e) => e.id === change.entryId);
  const problems: JudgingProblem[] = [];
  if (!entry) problems.push(problem('entryId', 'UNKNOWN_ENTRY', { id: change.entryId }));
  const has = (judgeId: string) => current.some((a) => a.entryId === change.entryId && a.judgeId === judgeId);
  const submitted = (judgeId: string) => (ctx.submitted ?? []).some((a) => a.entryId === change.entryId && a.judgeId === judgeId);

  const removing = change.kind === 'remove' ? change.judgeId : change.kind === 'replace' ? change.fromJudgeId : null;
  const adding = change.kind === 'add' ? change.judgeId : change.kind === 'replace' ? change.toJudgeId : null;
  const removePath = change.kind === 'replace' ? 'fromJudgeId' : 'judgeId';
  const addPath = change.kind === 'replace' ? 'toJudgeId' : 'judgeId';

  if (removing !== null) {
    if (!ctx.judges.some((j) => j.id === removing)) problems.push(problem(removePath, 'UNKNOWN_JUDGE', { id: removing }));
    else if (!has(removing)) problems.push(problem(removePath, 'ASSIGNMENT_NOT_FOUND'));
    else if (submitted(removing)) problems.push(problem(removePath, 'ASSIGNMENT_HAS_SCORES'));
  }
  if (adding !== null) {
    const judge = ctx.judges.find((j) => j.id === adding);
    if (!judge) problems.push(problem(addPath, 'UNKNOWN_JUDGE', { id: adding }));
    else if (entry) {
      const conflicts = findConflicts(judge, entry, policy);
      if (conflicts.length > 0) problems.push(conflictProblem(addPath, conflicts));
      if (has(adding)) problems.push(problem(addPath, 'ASSIGNMENT_DUPLICATE'));
      const load = current.filter((a) => a.judgeId === adding).length;
      if (judge.capacity !== undefined && load >= judge.capacity) {
        problems.push(problem(addPath, 'ASSIGNMENT_OVER_CAPACITY', { capacity: judge.capacity }));
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  let next = current.filter((a) => !(a.entryId === change.entryId && a.judgeId === removing));
  if (adding !== null) next = [...next, { entryId: change.entryId, judgeId: adding }];
  next.sort((a, b) => byString(a.entryId, b.entryId) || byString(a.judgeId, b.judgeId));

  const warnings: JudgingProblem[] = [];
  const count = next.filter((a) => a.entryId === change.entryId).length;
  if (count < ctx.judgesPerEntry) warnings.push(problem('entryId', 'ASSIGNMENT_BELOW_K', { count, required: ctx.judgesPerEntry }));
  const spreadOf = (list: readonly Assignment[]) => {
    const loads: Record<string, number> = {};
    for (const j of ctx.judges) if (j.capacity !== 0) loads[j.id] = 0;
    for (const a of list) if (loads[a.judgeId] !== undefined) loads[a.judgeId]! += 1;
    return loadSpreadOf(loads, Object.keys(loads));
  };
  const spread = spreadOf(next);
  if (spread > 1 && spread > spreadOf(current)) warnings.push(problem('judges', 'ASSIGNMENT_UNBALANCED', { spread }));
  return { ok: true, assignments: next, warnings };
}

/** A current assignment that is now conflicted (e.g. a judge declared a conflict after assignment), with the reasons. */
export interface ConflictedAssignment extends Assignment {
  reasons: Reason[];
}

/**
 * Re-checks existing assignments against the judges' current affiliations and declarations. The server should run
 * it whenever a judge's affiliations or declarations change, and offer a replacement for each pair it returns.
 */
export function auditAssignments(
  assignments: readonly Assignment[],
  entries: readonly Entry[],
  judges: readonly Judge[],
  policy: ConflictPolicy = DEFAULT_CONFLICT_POLICY,
): ConflictedAssignment[] {
  const E = new Map(entries.map((e) => [e.id, e]));
  const J = new Map(judges.map((j) => [j.id, j]));
  const out: ConflictedAssignment[] = [];
  for (const a of assignments) {
    const e = E.get(a.entryId);
    const j = J.get(a.judgeId);
    if (!e || !j) continue;
    const reasons = findConflicts(j, e, policy).map(({ code, th, en, params }) => ({ code, th, en, params }));
    if (reasons.length > 0) out.push({ entryId: a.entryId, judgeId: a.judgeId, reasons });
  }
  return out;
}
