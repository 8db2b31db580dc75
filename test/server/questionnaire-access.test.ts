// Questionnaire rules at the edges: another agency gets 404 everywhere, bad answers change nothing, retries are idempotent, close stops writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkItems } from '../../src/engine/questionnaire/items.js';
import { as, seedUser, signIn, startHarness, type Harness, type Session } from './support/foundation.js';
import { change, createSurvey, expectOk, FILES, multipartEvidence, nextIp, QUESTIONNAIRE_ORG_ROUTES, sampleValue, type Survey } from './support/questionnaire.js';

describe('questionnaire access and rules', () => {
  let h: Harness;
  let s: Survey;
  let dataDir: string;
  let reviewer: Session;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-qa-'));
    h = await startHarness({ DATA_DIR: dataDir });
    s = await createSurvey(h);
    await seedUser(h.db, { email: 'reviewer@dga.or.th', role: 'reviewer' });
    reviewer = await signIn(h.app, 'reviewer@dga.or.th', undefined, nextIp());
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (table: 'answer' | 'answer_history' | 'evidence_file') => (await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  async function call(session: Session, r: (typeof QUESTIONNAIRE_ORG_ROUTES)[number], oid: string) {
    const url = `/api/editions/${s.eid}/organisations/${oid}${r.path}`;
    if (r.multipart) {
      const up = multipartEvidence('P1.01', 'a.pdf', FILES.pdf);
      return as(h.app, session, { method: r.method, url, payload: up.payload, headers: up.headers });
    }
    return as(h.app, session, { method: r.method, url, payload: r.body?.(s) as object | undefined });
  }

  for (const r of QUESTIONNAIRE_ORG_ROUTES) {
    it(`another agency: ${r.method} ${r.route} answers 404 like a missing record`, async () => {
      const before = await count('answer_history');
      for (const who of ['otherCoordinator'] as const) {
        const refused = await call(s.users[who].session, r, s.own);
        expect(refused.statusCode).toBe(404);
        expect(refused.json().error.code).toBe('NOT_FOUND');
        const missing = await call(s.users[who].session, r, '00000000-0000-4000-8000-000000000000');
        expect(missing.json()).toEqual(refused.json());
      }
      // The agency's own coordinator is not refused by the policy (some answer 4xx for other reasons, never 404).
      const mine = await call(r.path === '/reopen' ? s.admin : s.users[r.allowedRole ?? 'coordinator'].session, r, s.own);
      expect(mine.statusCode).not.toBe(404);
      expect(await count('answer_history')).toBeGreaterThanOrEqual(before);
    });
  }

  it('another agency cannot download or delete this agency’s evidence', async () => {
    const up = multipartEvidence('P1.01', 'plan.pdf', FILES.pdf);
    const file = expectOk(await as(h.app, s.users.coordinator.session, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers }), 201);
    expect((await as(h.app, s.users.otherCoordinator.session, { method: 'GET', url: `/api/evidence/${file.id}` })).statusCode).toBe(404);
    expect((await as(h.app, s.users.otherCoordinator.session, { method: 'DELETE', url: `/api/evidence/${file.id}` })).statusCode).toBe(404);
    expect((await as(h.app, reviewer, { method: 'GET', url: `/api/evidence/${file.id}` })).statusCode).toBe(200);
    expect((await as(h.app, s.users.contributor.session, { method: 'GET', url: `/api/evidence/${file.id}` })).statusCode).toBe(200);
  });

  it('reviewers read but cannot write', async () => {
    expectOk(await as(h.app, reviewer, { method: 'GET', url: s.url('/questionnaire') }));
    const res = await as(h.app, reviewer, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change('P1.01', true, 0)] } });
    expect(res.statusCode).toBe(404);
  });

  it('a wrong-type, out-of-range or unknown answer gives 400 with every reason and changes nothing', async () => {
    const items = frameworkItems(s.fw);
    const yn = items.find((l) => l.item.kind === 'yes_no')!.item;
    const num = items.find((l) => l.item.kind === 'number' && l.item.max !== undefined)!.item as { code: string; max: number };
    const single = items.find((l) => l.item.kind === 'single_choice')!.item;
    const before = { a: await count('answer'), h: await count('answer_history') };
    const cases: [unknown[], string[]][] = [
      [[change(yn.code, 'ใช่', 0)], ['must be yes or no']],
      [[change(num.code, num.max + 1, 0)], [`must be at most ${num.max}`]],
      [[change('Z9.99', true, 0)], ['There is no question "Z9.99"']],
      [[change(single.code, 'no-such-option', 0)], ['unknown option "no-such-option"']],
      // One bad change spoils the whole batch, and every reason is listed.
      [[change(yn.code, true, 0), change(num.code, -5, 0), change('nope', 1, 0)], ['must be at least', 'There is no question "nope"']],
    ];
    for (const [changes, reasons] of cases) {
      const res = await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: { changes } });
      expect(res.statusCode).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details).toHaveLength(reasons.length);
      reasons.forEach((r, i) => expect(err.details[i].en).toContain(r));
      expect(err.details.every((d: { th: string }) => d.th.length > 0)).toBe(true);
    }
    expect({ a: await count('answer'), h: await count('answer_history') }).toEqual(before);
  });

  it('a retried request with the same requestId is applied once', async () => {
    const item = frameworkItems(s.fw).find((l) => l.item.kind === 'number')!.item;
    const c = change(item.code, sampleValue(item), 0, 'client-42-retry');
    const first = expectOk(await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: { changes: [c] } }));
    const historyAfterFirst = await count('answer_history');
    const retry = expectOk(await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: { changes: [c] } }));
    expect(retry).toEqual(first);
    expect(await count('answer_history')).toBe(historyAfterFirst);
    // Still recognised after someone else wrote on top of it.
    expectOk(await as(h.app, s.users.head.session, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(item.code, null, first.results[0].version)] } }));
    const late = expectOk(await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: { changes: [c] } }));
    expect(late.results[0]).toMatchObject({ status: 'saved', version: first.results[0].version });
  });

  it('simultaneous writes on the same version: exactly one is saved, the others see the conflict', async () => {
    const item = frameworkItems(s.fw).find((l) => l.item.kind === 'single_choice')!.item as { code: string; options: { code: string }[] };
    const writers = [s.users.coordinator.session, s.users.head.session];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        as(h.app, writers[i % 2]!, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change(item.code, item.options[i % item.options.length]!.code, 0)] } }).then((r) => r.json().results[0]),
      ),
    );
    const saved = results.filter((r: { status: string }) => r.status === 'saved');
    expect(saved).toHaveLength(1);
    expect(results.filter((r: { status: string }) => r.status === 'conflict').every((r: { current: { version: number } }) => r.current.version === 1)).toBe(true);
    const history = await h.db.selectFrom('answer_history').select('version').where('item_code', '=', item.code).execute();
    expect(history).toEqual([{ version: 1 }]);
  });

  it('after close, writes are refused with a clear message; closed → open needs a reason', async () => {
    expectOk(await as(h.app, s.admin, { method: 'POST', url: `/api/editions/${s.eid}/transition`, payload: { to: 'closed' } }));
    const before = await count('answer_history');
    const res = await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: { changes: [change('P1.01', false, 0)] } });
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('STATE_FORBIDS');
    expect(err.message_en).toContain('closed');
    expect(err.details[0].th).toContain('ไม่ได้เปิดรับคำตอบ');
    expect(err.details[0].en).toBe('The survey edition is closed: answers can no longer be changed');
    expect(await count('answer_history')).toBe(before);
    expect((await as(h.app, s.admin, { method: 'POST', url: `/api/editions/${s.eid}/transition`, payload: { to: 'open' } })).statusCode).toBe(400);
    expect((await as(h.app, s.admin, { method: 'POST', url: `/api/editions/${s.eid}/transition`, payload: { to: 'published' } })).statusCode).toBe(409);
    expectOk(await as(h.app, s.admin, { method: 'POST', url: `/api/editions/${s.eid}/transition`, payload: { to: 'open', reason: 'ขยายเวลาตามมติคณะกรรมการ' } }));
    const t = expectOk(await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/transitions` }));
    expect(t.items.map((x: { from: string; to: string }) => `${x.from}>${x.to}`)).toEqual(['draft>open', 'open>closed', 'closed>open']);
    expect(t.items[2].reason).toBe('ขยายเวลาตามมติคณะกรรมการ');
  });

  it('the framework cannot change after open', async () => {
    const e = expectOk(await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}` }));
    const res = await as(h.app, s.admin, { method: 'PATCH', url: `/api/editions/${s.eid}`, payload: { version: e.version, frameworkVersion: '2562.1', frameworkId: 'dga-readiness' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STATE_FORBIDS');
  });
});
