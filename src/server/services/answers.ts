// Autosave: validates a batch of answer changes against the framework, then applies them as versioned writes, atomically.
import { createHash } from 'node:crypto';
import type { AppContext } from '../app.js';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import { EDITION_STATES, editionAllows, PARTICIPANT_STATUSES, participantMayAnswer } from '../../engine/edition/lifecycle.js';
import type { AnswerValue } from '../../engine/framework/types.js';
import { answerProblem } from '../../engine/questionnaire/answers.js';
import { isAnswerable, itemIndex, type LocatedItem } from '../../engine/questionnaire/items.js';
import type { Role, SessionUser } from '../auth/policy.js';
import { isUuid } from '../presenters.js';
import { lockForAnswering, markStarted } from '../repositories/participants.js';
import { findAnswer, findAppliedRequest, writeAnswer, writeAnswerBatch, writeAnswerBatchInSession } from '../repositories/answers.js';
import { assignedDimensions } from '../repositories/assignments.js';
import { SESSION_TOUCH_EVERY_MS, sha256Hex } from './auth.js';
import { stateForbids } from './editions.js';
import { getFramework } from './frameworks.js';
import { WRITER_ROLES } from './questionnaire.js';
import { auditCorrectionWrite, correctionItems, correctionRefused } from './send-backs.js';

export interface AnswerChange {
  item: string;
  value: AnswerValue;
  baseVersion: number;
  requestId: string;
}

export type ChangeResult =
  | { item: string; status: 'saved'; version: number; updatedAt: string }
  | { item: string; status: 'conflict'; current: { value: AnswerValue; version: number; updatedAt: string; updatedByName: string | null } };

const indexes = new WeakMap<object, Map<string, LocatedItem>>();
function indexFor(fw: object & Parameters<typeof itemIndex>[0]): Map<string, LocatedItem> {
  let idx = indexes.get(fw);
  if (!idx) {
    idx = itemIndex(fw);
    indexes.set(fw, idx);
  }
  return idx;
}

/** The edition's framework as last seen by the general path: a hint for the one-round-trip save, which re-checks it. */
const editionFrameworks = new Map<string, { id: string; version: string }>();
const ANSWERABLE_STATES = EDITION_STATES.filter((s) => editionAllows(s, 'answer'));
const ANSWERING_STATUSES = PARTICIPANT_STATUSES.filter((s) => participantMayAnswer(s));

/** Every reason the batch is refused as a whole (unknown or repeated item, wrong value, dimension not assigned). */
function problemsIn(idx: Map<string, LocatedItem>, changes: AnswerChange[], allowedDims: Set<string> | null): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  changes.forEach((c, i) => {
    const at = `body/changes/${i}`;
    const loc = idx.get(c.item);
    if (!loc || !isAnswerable(loc.item)) {
      problems.push({ path: `${at}/item`, th: `ไม่มีคำถามรหัส "${c.item}" ในแบบสำรวจนี้`, en: `There is no question "${c.item}" in this questionnaire` });
      return;
    }
    if (seen.has(c.item)) problems.push({ path: `${at}/item`, th: `คำถาม "${c.item}" ซ้ำในคำขอเดียวกัน`, en: `Question "${c.item}" appears twice in one request` });
    seen.add(c.item);
    const p = answerProblem(loc.item, c.value);
    if (p) problems.push({ path: `${at}/value`, th: `คำถาม ${c.item}: ${p.th}`, en: `Question ${c.item}: ${p.en}` });
    if (allowedDims && !allowedDims.has(loc.dimensionCode)) {
      problems.push({ path: `${at}/item`, th: `คุณไม่ได้รับมอบหมายให้ตอบมิติ ${loc.dimensionCode}`, en: `You are not assigned to dimension ${loc.dimensionCode}` });
    }
  });
  return problems;
}

/**
 * All-or-nothing validation, then compare-and-set per change. A stale `baseVersion` answers `conflict` with the
 * current value (the later writer chooses); a change whose `requestId` was already applied answers `saved` again.
 * Every `saved` is committed before the reply, so it is durable.
 *
 * The common save (the edition open, every change valid and on its current version) is one database round trip; any
 * other case, or a save whose every change did not go through, runs the general path below, which re-reads
 * everything and answers the retries of what the round trip already wrote as `saved`. `oneRoundTrip: false` goes
 * straight to the general path (the caller already tried the round trip, see saveAnswersInSession).
 */
export async function saveAnswers(
  ctx: AppContext,
  user: SessionUser,
  eid: string,
  oid: string,
  changes: AnswerChange[],
  opts: { oneRoundTrip?: boolean } = {},
): Promise<{ results: ChangeResult[] }> {
  if (!isUuid(eid) || !isUuid(oid) || user.organisationId !== oid || !(WRITER_ROLES as readonly string[]).includes(user.role)) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  if (opts.oneRoundTrip !== false) {
    const batch = await prepareBatch(ctx, eid, changes);
    if (batch) {
      const written = await writeAnswerBatch(ctx.db, {
        ...batch.write,
        editionId: eid,
        organisationId: oid,
        userId: user.id,
        dimensions: user.role === 'contributor' ? batch.dimensions : null,
        now,
      });
      const saved = allSaved(changes, written, now);
      if (saved) return saved;
    }
  }
  return saveInTransaction(ctx, user, eid, oid, changes, now);
}

/**
 * The autosave route's round trip, before the request is authenticated: the session (cookie token), the CSRF token,
 * the role and the organisation are checked by the same database call that writes. Null when it did not write every
 * change, for whatever reason; the route then authenticates the usual way and calls saveAnswers, which explains.
 */
export async function saveAnswersInSession(
  ctx: AppContext,
  request: { token: string | undefined; csrfToken: unknown; roles: readonly Role[] },
  eid: string,
  oid: string,
  changes: AnswerChange[],
): Promise<{ results: ChangeResult[] } | null> {
  const { token, csrfToken } = request;
  if (!token || token.length > 200 || typeof csrfToken !== 'string' || !isUuid(eid) || !isUuid(oid)) return null;
  const batch = await prepareBatch(ctx, eid, changes);
  if (!batch) return null;
  const now = ctx.clock.now();
  const written = await writeAnswerBatchInSession(ctx.db, {
    ...batch.write,
    sessionId: sha256Hex(token),
    csrfSha256: createHash('sha256').update(csrfToken).digest(),
    roles: request.roles.filter((r) => (WRITER_ROLES as readonly string[]).includes(r)),
    touchBefore: new Date(now.getTime() - SESSION_TOUCH_EVERY_MS),
    editionId: eid,
    organisationId: oid,
    dimensions: batch.dimensions,
    now,
  });
  return allSaved(changes, written, now);
}

/** What the round trip needs from a batch that validates against the edition's framework as last seen; else null. */
async function prepareBatch(ctx: AppContext, eid: string, changes: AnswerChange[]) {
  const hint = editionFrameworks.get(eid);
  if (!hint) return null;
  const fw = await getFramework(ctx.db, hint.id, hint.version);
  if (!fw) return null;
  const idx = indexFor(fw);
  if (problemsIn(idx, changes, null).length > 0) return null;
  return {
    dimensions: [...new Set(changes.map((c) => idx.get(c.item)!.dimensionCode))],
    write: {
      frameworkId: hint.id,
      frameworkVersion: hint.version,
      editionStates: ANSWERABLE_STATES,
      participantStatuses: ANSWERING_STATUSES,
      // Sorted, so rows are always taken in the same order.
      changes: [...changes].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0)),
    },
  };
}

function allSaved(changes: AnswerChange[], written: Map<string, number>, now: Date): { results: ChangeResult[] } | null {
  if (written.size !== changes.length) return null;
  const updatedAt = now.toISOString();
  return { results: changes.map((c) => ({ item: c.item, status: 'saved', version: written.get(c.item)!, updatedAt })) };
}

async function saveInTransaction(ctx: AppContext, user: SessionUser, eid: string, oid: string, changes: AnswerChange[], now: Date): Promise<{ results: ChangeResult[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    // The edition row FOR KEY SHARE (closing it, FOR UPDATE, waits for this write and vice versa); the participant
    // row FOR NO KEY UPDATE: submitting (FOR UPDATE) waits, and the writes of one organisation take turns.
    const locked = await lockForAnswering(trx, eid, oid);
    if (!locked || locked.state === 'draft') throw new AppError('NOT_FOUND');
    const edition = locked;
    const participant = locked;
    // Once out of draft an edition's framework never changes, so the one-round-trip save may validate against it.
    if (editionFrameworks.size > 1000) editionFrameworks.clear();
    editionFrameworks.set(eid, { id: edition.framework_id, version: edition.framework_version });
    // A submitted questionnaire is written only through a send-back for correction, and only on the returned items.
    const correction = participant.status === 'submitted' ? await correctionItems(trx, eid, oid, now) : null;
    if (correction) {
      const refused = changes.find((c) => !correction.has(c.item));
      if (refused) throw correctionRefused(refused.item, correction);
    } else if (!editionAllows(edition.state, 'answer')) {
      throw stateForbids(
        edition.state,
        'รอบการสำรวจนี้ไม่ได้เปิดรับคำตอบแล้ว จึงแก้ไขคำตอบไม่ได้',
        `The survey edition is ${edition.state}: answers can no longer be changed`,
      );
    }
    if (!correction && !participantMayAnswer(participant.status)) {
      throw new AppError('STATE_FORBIDS', { state: participant.status }, [
        { path: 'participant/status', th: 'หน่วยงานส่งแบบสำรวจแล้ว คำตอบถูกล็อก', en: 'The questionnaire has been submitted; answers are locked' },
      ]);
    }
    const fw = await getFramework(trx, edition.framework_id, edition.framework_version);
    if (!fw) throw new AppError('INTERNAL');
    const idx = indexFor(fw);
    const allowedDims = user.role === 'contributor' ? new Set(await assignedDimensions(trx, eid, oid, user.id)) : null;

    const problems = problemsIn(idx, changes, allowedDims);
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', { detail: problems.map((p) => `${p.path}: ${p.en}`).join('; ') }, problems);
    }

    // Rows are locked in item order so two batches touching the same items cannot deadlock.
    const order = changes.map((c, i) => ({ c, i })).sort((a, b) => (a.c.item < b.c.item ? -1 : a.c.item > b.c.item ? 1 : 0));
    const results: ChangeResult[] = new Array(changes.length);
    let savedAny = false;
    for (const { c, i } of order) {
      const written = await writeAnswer(trx, { editionId: eid, organisationId: oid, item: c.item, value: c.value, baseVersion: c.baseVersion, userId: user.id, requestId: c.requestId, now });
      if (written) {
        savedAny = true;
        if (correction) await auditCorrectionWrite(trx, now, user, eid, oid, c.item, written.version, c.value);
        results[i] = { item: c.item, status: 'saved', version: written.version, updatedAt: new Date(written.updated_at).toISOString() };
        continue;
      }
      const current = await findAnswer(trx, eid, oid, c.item);
      const applied = current?.last_request_id === c.requestId ? { version: current.version, at: current.updated_at } : await findAppliedRequest(trx, eid, oid, c.item, c.requestId);
      if (applied) {
        results[i] = { item: c.item, status: 'saved', version: applied.version, updatedAt: new Date(applied.at).toISOString() };
      } else {
        results[i] = {
          item: c.item,
          status: 'conflict',
          current: current
            ? { value: current.value, version: current.version, updatedAt: new Date(current.updated_at).toISOString(), updatedByName: current.updated_by_name }
            : { value: null, version: 0, updatedAt: now.toISOString(), updatedByName: null },
        };
      }
    }
    if (savedAny && participant.status === 'not_started') await markStarted(trx, eid, oid, now);
    return { results };
  });
}
