// The demo loader: fills an empty database through the services (editions published and open, accounts that sign in),
// and refuses a database that already holds data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../../src/server/clock.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoRefusal, loadDemo, loadDemoOnStart, type DemoLoadResult } from '../../src/server/services/demo-loader.js';
import { as, signIn, startHarness, type Harness } from './support/foundation.js';

describe('demo loader', () => {
  let h: Harness;
  let result: DemoLoadResult;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-demo-'));
    h = await startHarness({ DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '1000' });
    // 40 organisations of each level answer (the rest stay not started): the whole path, at CI speed. The full-size
    // calibration is checked on the pure model (test/engine/demo-model.test.ts).
    result = await loadDemo({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds('00000000-0000-4000-9000-') }, { limitPerLevel: 40 });
  }, 300_000);

  afterAll(async () => {
    await h?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads three editions: 2561 and 2562 published with official results, 2563 open', async () => {
    expect(result.loaded).toBe(true);
    const eds = await h.db
      .selectFrom('edition as e')
      .select(['e.year_be', 'e.state'])
      .select((eb) => eb.selectFrom('participant as p').whereRef('p.edition_id', '=', 'e.id').select((x) => x.fn.countAll<number>().as('n')).as('participant_count'))
      .orderBy('e.year_be')
      .execute();
    expect(eds.map((e) => [e.year_be, e.state])).toEqual([
      [2561, 'published'],
      [2562, 'published'],
      [2563, 'open'],
    ]);
    // 321 department-level agencies + 76 × 20 provincial units + Bangkok and Pattaya.
    for (const e of eds) expect(Number(e.participant_count)).toBe(1843);
    const official = await h.db.selectFrom('result_official').select('edition_id').execute();
    expect(official).toHaveLength(2);
    const e2562 = result.editions!.find((e) => e.yearBe === 2562)!;
    const snap = await h.db.selectFrom('result_snapshot').select('unit_count').where('edition_id', '=', (await h.db.selectFrom('edition').select('id').where('year_be', '=', 2562).executeTakeFirstOrThrow()).id).executeTakeFirstOrThrow();
    expect(snap.unit_count).toBe(e2562.submitted);
    const open = result.editions!.find((e) => e.yearBe === 2563)!;
    expect(open.submitted).toBeGreaterThan(open.inProgress);
    expect(open.inProgress).toBeGreaterThan(0);
  });

  it('publishes scores near DGA 2019 provincial mean (a 40-unit sample, so within 5 points)', async () => {
    const e = await h.db.selectFrom('edition').select('id').where('year_be', '=', 2562).executeTakeFirstOrThrow();
    const snap = await h.db.selectFrom('result_official').select('snapshot_id').where('edition_id', '=', e.id).executeTakeFirstOrThrow();
    const units = await h.db
      .selectFrom('result_unit as u')
      .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
      .select(['o.level', 'u.overall'])
      .where('u.snapshot_id', '=', snap.snapshot_id)
      .execute();
    const prov = units.filter((u) => u.level === 'provincial_unit').map((u) => Number(u.overall));
    const mean = prov.reduce((a, b) => a + b, 0) / prov.length;
    expect(Math.abs(mean - 51.09)).toBeLessThanOrEqual(5);
  });

  it('every demo account signs in with the demo password', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const s = await signIn(h.app, a.email, DEMO_PASSWORD, `10.9.0.${DEMO_ACCOUNTS.indexOf(a) + 1}`);
      expect(s.user.role).toBe(a.role);
    }
    const coord = await signIn(h.app, 'coordinator.dlt@demo.dga.local', DEMO_PASSWORD, '10.9.1.1');
    const res = await as(h.app, coord, { method: 'GET', url: '/api/editions' });
    expect(res.json().items.map((e: { yearBe: number }) => e.yearBe).sort()).toEqual([2561, 2562, 2563]);
  });

  it('refuses a database that already holds data, and changes nothing', async () => {
    expect(await demoRefusal({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds() })).toMatch(/edition/);
    const before = await h.db.selectFrom('answer').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const again = await loadDemo({ config: h.config, db: h.db, clock: h.clock, ids: sequentialIds() });
    expect(again.loaded).toBe(false);
    const after = await h.db.selectFrom('answer').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('the start-up hook skips a database with data, and does nothing with DEMO_DATA=false', async () => {
    const lines: string[] = [];
    const log = { info: (_o: object, msg: string) => lines.push(msg), error: (_o: object, msg: string) => lines.push(`ERROR ${msg}`) };
    const ctx = { config: h.config, db: h.db, clock: h.clock, ids: sequentialIds() };
    expect(await loadDemoOnStart({ ...ctx, config: { ...h.config, DEMO_DATA: false } }, log)).toBeNull();
    const r = await loadDemoOnStart({ ...ctx, config: { ...h.config, DEMO_DATA: true } }, log);
    expect(r?.loaded).toBe(false);
    expect(lines.join('\n')).toMatch(/already holds data/);
    expect(lines.join('\n')).not.toMatch(/ERROR/);
  });
});
