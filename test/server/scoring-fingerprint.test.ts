// Scoring runs hash an edition's inputs separately only when a snapshot could be reused: same inputs and settings reuse it, anything else scores anew.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultFramework } from '../../src/engine/framework/default/index.js';
import { scoreEdition } from '../../src/engine/scoring/edition.js';
import { saveAnswers } from '../../src/server/services/answers.js';
import { completeQuestionnaire, reopenQuestionnaire, submitQuestionnaire } from '../../src/server/services/questionnaire.js';
import { findParticipant } from '../../src/server/repositories/participants.js';
import { findAnswer } from '../../src/server/repositories/answers.js';
import { executeScoring, readScoringInputs, ROBUSTNESS_DEFAULTS } from '../../src/server/services/scoring-runs.js';
import { createResultsData, type ResultsData } from '../helpers/results-data.js';
import { startHarness, type Harness } from './support/foundation.js';

// Counts the engine's stand-alone fingerprint calls (scoring itself hashes while it reads the answers, without them).
const hashing = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/engine/fingerprint.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine/fingerprint.js')>();
  return {
    ...original,
    fingerprint: (...args: Parameters<typeof original.fingerprint>) => {
      hashing.calls++;
      return original.fingerprint(...args);
    },
  };
});

describe('scoring runs: fingerprint and reuse', () => {
  let h: Harness;
  let data: ResultsData;
  let dataDir: string;
  const few = { seed: 7, iterations: 20 };
  const snapshots = async () => h.db.selectFrom('result_snapshot').select(['id', 'seq', 'fingerprint', 'options']).where('edition_id', '=', data.editionId).orderBy('seq').execute();
  const engineFingerprint = async () => scoreEdition(defaultFramework, (await readScoringInputs(h.db, data.editionId)).units).fingerprint;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-fingerprint-'));
    h = await startHarness({ DATA_DIR: dataDir });
    data = await createResultsData({ db: h.db, config: h.config }, { n: 5, seed: 23 });
  }, 180_000);
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the first run stores the engine fingerprint without hashing the inputs a second time', async () => {
    hashing.calls = 0;
    const run = await executeScoring(data.ctx, data.editionId, data.admin.id);
    expect(run.reused).toBe(false);
    expect(hashing.calls).toBe(0);
    const [s] = await snapshots();
    expect(s!.id).toBe(run.snapshotId);
    expect(s!.fingerprint).toBe(await engineFingerprint());
    expect((s!.options as { robustness: { iterations: number } }).robustness.iterations).toBe(ROBUSTNESS_DEFAULTS.iterations);
  });

  it('the same inputs and settings reuse the newest snapshot (one hash, no new row)', async () => {
    const [first] = await snapshots();
    hashing.calls = 0;
    const again = await executeScoring(data.ctx, data.editionId, data.admin.id);
    expect(again).toEqual({ snapshotId: first!.id, fingerprint: first!.fingerprint, reused: true });
    expect(hashing.calls).toBe(1);
    expect(await snapshots()).toHaveLength(1);
  });

  it('other robustness settings make a new snapshot, without the separate hash (nothing could be reused)', async () => {
    hashing.calls = 0;
    const run = await executeScoring(data.ctx, data.editionId, data.admin.id, { robustness: few });
    expect(run.reused).toBe(false);
    expect(hashing.calls).toBe(0);
    const list = await snapshots();
    expect(list.map((s) => s.seq)).toEqual([1, 2]);
    expect(list[1]!.fingerprint).toBe(list[0]!.fingerprint);
    expect((list[1]!.options as { robustness: { iterations: number } }).robustness.iterations).toBe(20);
  });

  it('same settings but a corrected answer: the hash differs, so a new snapshot with the new fingerprint', async () => {
    const oid = data.organisations[1]!;
    const { coordinator, head } = data.users.get(oid)!;
    await reopenQuestionnaire(data.ctx, data.admin, data.editionId, oid, 'แก้ไขคำตอบ');
    const all = defaultFramework.dimensions.flatMap((d) => [...(d.items ?? []), ...(d.subdimensions ?? []).flatMap((x) => x.items)]);
    const gates = new Set(all.map((i) => i.visibleIf?.item).filter(Boolean));
    const item = all.find((i) => i.kind === 'yes_no' && !i.requiresEvidence && !i.visibleIf && !gates.has(i.code))!;
    const current = (await findAnswer(h.db, data.editionId, oid, item.code))!;
    await saveAnswers(data.ctx, coordinator, data.editionId, oid, [{ item: item.code, value: !current.value, baseVersion: current.version, requestId: 'fp-fix-1' }]);
    await completeQuestionnaire(data.ctx, coordinator, data.editionId, oid, (await findParticipant(h.db, data.editionId, oid))!.version);
    await submitQuestionnaire(data.ctx, head, data.editionId, oid, (await findParticipant(h.db, data.editionId, oid))!.version);

    hashing.calls = 0;
    const run = await executeScoring(data.ctx, data.editionId, data.admin.id, { robustness: few });
    expect(run.reused).toBe(false);
    expect(hashing.calls).toBe(1);
    const list = await snapshots();
    expect(list).toHaveLength(3);
    expect(list[2]!.id).toBe(run.snapshotId);
    expect(list[2]!.fingerprint).not.toBe(list[1]!.fingerprint);
    expect(list[2]!.fingerprint).toBe(await engineFingerprint());
  });
});
