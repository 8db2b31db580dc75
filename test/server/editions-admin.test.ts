// Edition set-up and follow-up by DGA: frameworks, population with a confirmed count, monitoring, exports (Thai intact), reminders on a fixed clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkItems } from '../../src/engine/questionnaire/items.js';
import { answerLabel } from '../../src/engine/questionnaire/answers.js';
import { fixedClock } from '../../src/server/clock.js';
import { runReminders } from '../../src/server/services/reminders.js';
import { as, orgIdByCode, startHarness, type Harness } from './support/foundation.js';
import { change, createSurvey, expectOk, FILES, miniFramework, multipartEvidence, sampleValue, signInAdmin, type Survey } from './support/questionnaire.js';

describe('editions: set-up, monitoring, export, reminders', () => {
  let h: Harness;
  let s: Survey;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-ed-'));
    h = await startHarness({ DATA_DIR: dataDir });
    s = await createSurvey(h);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('bootstrap stored the bundled frameworks; an invalid framework is refused with every problem', async () => {
    const list = expectOk(await as(h.app, s.admin, { method: 'GET', url: '/api/frameworks' }));
    const keys = list.items.map((f: { id: string; version: string }) => `${f.id}@${f.version}`);
    expect(keys).toEqual(expect.arrayContaining(['dga-readiness@2562.1', 'dga-readiness@2561.1', 'test-mini@test-1']));
    expect(list.items.find((f: { version: string }) => f.version === '2562.1').itemCount).toBe(150);
    const bad = { ...miniFramework('bad-1'), stages: [], scale: '0-7' };
    const res = await as(h.app, s.admin, { method: 'POST', url: '/api/frameworks', payload: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FRAMEWORK_INVALID');
    expect(res.json().error.details.length).toBeGreaterThanOrEqual(2);
    expect(await h.db.selectFrom('framework').select('version').where('version', '=', 'bad-1').executeTakeFirst()).toBeUndefined();
    // The same version with different content is refused: stored versions never change.
    const changed = miniFramework();
    changed.title = { th: 'อื่น', en: 'Other' };
    expect((await as(h.app, s.admin, { method: 'POST', url: '/api/frameworks', payload: changed })).statusCode).toBe(409);
    const doc = expectOk(await as(h.app, s.users.coordinator.session, { method: 'GET', url: '/api/frameworks/test-mini/test-1' }));
    expect(doc.dimensions).toHaveLength(6);
  });

  it('population: preview counts by level, confirm needs the same count, only in draft', async () => {
    const admin = await signInAdmin(h);
    const ed = expectOk(
      await as(h.app, admin, {
        method: 'POST',
        url: '/api/editions',
        payload: { yearBe: 2570, titleTh: 'รอบทดสอบ', titleEn: 'Test round', frameworkId: 'dga-readiness', frameworkVersion: '2562.1', opensAt: '2027-05-01T00:00:00Z', closesAt: '2027-06-30T00:00:00Z', reminderIntervalDays: 3, reminderMax: 2 },
      }),
      201,
    );
    expect(ed).toMatchObject({ state: 'draft', yearCe: 2027, participantCount: 0, reminderIntervalDays: 3, reminderMax: 2 });
    const refusedOpen = await as(h.app, admin, { method: 'POST', url: `/api/editions/${ed.id}/transition`, payload: { to: 'open' } });
    expect(refusedOpen.statusCode).toBe(409);
    const filter = { levels: ['department'] };
    const preview = expectOk(await as(h.app, admin, { method: 'POST', url: `/api/editions/${ed.id}/population/preview`, payload: filter }));
    expect(preview.count).toBe(321);
    expect(preview.byLevel).toEqual([{ level: 'department', count: 321 }]);
    expect(preview.sample.length).toBe(20);
    expect(preview.sample[0]).toHaveProperty('nameTh');
    const wrong = await as(h.app, admin, { method: 'POST', url: `/api/editions/${ed.id}/population`, payload: { ...filter, confirmCount: 300 } });
    expect(wrong.statusCode).toBe(409);
    expect(expectOk(await as(h.app, admin, { method: 'POST', url: `/api/editions/${ed.id}/population`, payload: { ...filter, confirmCount: 321 } }))).toEqual({ count: 321 });
    // The framework may change while in draft.
    const cur = expectOk(await as(h.app, admin, { method: 'GET', url: `/api/editions/${ed.id}` }));
    expect(cur.participantCount).toBe(321);
    expectOk(await as(h.app, admin, { method: 'PATCH', url: `/api/editions/${ed.id}`, payload: { version: cur.version, frameworkVersion: '2561.1' } }));
    // Once open, the population is fixed.
    expectOk(await as(h.app, admin, { method: 'POST', url: `/api/editions/${ed.id}/transition`, payload: { to: 'open' } }));
    expect((await as(h.app, admin, { method: 'POST', url: `/api/editions/${ed.id}/population`, payload: { ...filter, confirmCount: 321 } })).statusCode).toBe(409);
    const audit = await h.db.selectFrom('audit_log').select('action').where('entity', '=', 'edition').where('entity_id', '=', ed.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['edition.create', 'edition.population', 'edition.update', 'edition.transition']);
  });

  it('monitoring counts statuses and response rates and lists whom to chase', async () => {
    const items = frameworkItems(s.fw).filter((l) => l.item.kind !== 'text');
    expectOk(await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: { changes: items.slice(0, 3).map((l) => change(l.item.code, sampleValue(l.item), 0)) } }));
    const m = expectOk(await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/monitoring` }));
    expect(m).toMatchObject({ targeted: 2, notStarted: 1, inProgress: 1, completed: 0, submitted: 0, responseRate: 0 });
    expect(m.byProvince.map((p: { key: string; targeted: number }) => [p.key, p.targeted])).toEqual([
      ['50', 1],
      ['57', 1],
    ]);
    expect(m.chase.map((c: { organisationId: string; status: string; answered: number }) => [c.organisationId, c.status, c.answered])).toEqual([
      [s.other, 'not_started', 0],
      [s.own, 'in_progress', 3],
    ]);
    expect(m.chase[0].nameTh).toBe('สำนักงานจังหวัดเชียงราย');
    expect((await as(h.app, s.users.coordinator.session, { method: 'GET', url: `/api/editions/${s.eid}/monitoring` })).statusCode).toBe(404);
  });

  it('exports XLSX and CSV with the Thai answers intact', async () => {
    const items = frameworkItems(s.fw).filter((l) => l.item.kind !== 'text');
    const single = items.find((l) => l.item.kind === 'single_choice')!.item;
    const cur = expectOk(await as(h.app, s.users.coordinator.session, { method: 'GET', url: s.url('/questionnaire') }));
    const textItem = frameworkItems(s.fw).find((l) => l.item.kind === 'text');
    const changes = [change(single.code, sampleValue(single), cur.answers[single.code]?.version ?? 0)];
    if (textItem) changes.push(change(textItem.item.code, '=HYPERLINK("x") ข้อความ, "มี" จุลภาค', 0));
    expectOk(await as(h.app, s.users.coordinator.session, { method: 'PUT', url: s.url('/answers'), payload: { changes } }));
    const up = multipartEvidence('P1.01', 'หลักฐาน.pdf', FILES.pdf);
    expectOk(await as(h.app, s.users.coordinator.session, { method: 'POST', url: s.url('/evidence'), payload: up.payload, headers: up.headers }), 201);
    const label = answerLabel(single, sampleValue(single) as string, 'th') as string;
    expect(label).toMatch(/[\u0E00-\u0E7F]/);

    const x = await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/export?format=xlsx` });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.headers['content-disposition']).toContain('dg-readiness-2569-answers.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('คำตอบ')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf(single.code) + 1;
    expect(col).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(col).value).toBe(single.text.th);
    const rows = [3, 4].map((r) => sheet.getRow(r));
    const ownRow = rows.find((r) => r.getCell(1).value === 'PAT-15002-50')!;
    expect(ownRow.getCell(2).value).toBe('สำนักงานจังหวัดเชียงใหม่');
    expect(ownRow.getCell(col).value).toBe(label);
    expect(wb.getWorksheet('รายการคำถาม')!.rowCount).toBe(frameworkItems(s.fw).length + 1);
    expect(wb.getWorksheet('หลักฐาน')!.getRow(2).getCell(4).value).toBe('หลักฐาน.pdf');

    const csv = await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/export?format=csv` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('สำนักงานจังหวัดเชียงใหม่');
    expect(csv.body).toContain(label);
    if (textItem) expect(csv.body).toContain(`"'=HYPERLINK(""x"") ข้อความ, ""มี"" จุลภาค"`);
    const long = await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/export?format=long-csv` });
    const lines = long.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toContain('รหัสคำถาม');
    expect(lines.some((l) => l.includes(single.code) && l.includes(label) && l.includes(single.text.th))).toBe(true);
    const ev = await as(h.app, s.admin, { method: 'GET', url: `/api/editions/${s.eid}/export?format=evidence-csv` });
    expect(ev.body).toContain('หลักฐาน.pdf');
  });

  it('reminders go to organisations that have not submitted, spaced and capped, through the outbox', async () => {
    const admin = s.admin;
    const e = expectOk(await as(h.app, admin, { method: 'GET', url: `/api/editions/${s.eid}` }));
    expectOk(await as(h.app, admin, { method: 'PATCH', url: `/api/editions/${s.eid}`, payload: { version: e.version, reminderIntervalDays: 7, reminderMax: 2 } }));
    const opened = (await h.db.selectFrom('edition').select('opened_at').where('id', '=', s.eid).executeTakeFirstOrThrow()).opened_at!;
    const clock = fixedClock(new Date(new Date(opened).getTime() + 6 * 86400_000));
    const ctx = { db: h.db, config: h.config, clock, ids: { uuid: () => crypto.randomUUID() } };
    const reminders = async () => (await h.db.selectFrom('outbox').select(['to_address', 'subject']).where('kind', '=', 'reminder').execute());
    expect(await runReminders(ctx, clock.now(), { editionId: s.eid })).toMatchObject({ sent: 0 });
    clock.advance(86400_000); // day 7: first reminder
    expect(await runReminders(ctx, clock.now(), { editionId: s.eid })).toMatchObject({ sent: 2, noRecipient: 0 });
    const first = await reminders();
    expect(first.map((r) => r.to_address).sort()).toEqual(['coord@cm.go.th', 'coord@cr.go.th', 'head@cm.go.th']);
    expect(first[0]!.subject).toContain('การสำรวจความพร้อมรัฐบาลดิจิทัล ปี 2569');
    clock.advance(3 * 86400_000); // too soon
    expect(await runReminders(ctx, clock.now(), { editionId: s.eid })).toMatchObject({ sent: 0 });
    clock.advance(4 * 86400_000); // day 14: second and last
    expect(await runReminders(ctx, clock.now(), { editionId: s.eid })).toMatchObject({ sent: 2 });
    clock.advance(30 * 86400_000);
    expect(await runReminders(ctx, clock.now(), { editionId: s.eid })).toMatchObject({ sent: 0 });
    expect((await reminders()).length).toBe(6);
    const log = await h.db.selectFrom('reminder_log').select(['organisation_id', 'sequence', 'outcome']).where('edition_id', '=', s.eid).orderBy('id').execute();
    expect(log.map((l) => l.sequence)).toEqual([1, 1, 2, 2]);
    const monitoring = expectOk(await as(h.app, admin, { method: 'GET', url: `/api/editions/${s.eid}/monitoring` }));
    expect(monitoring.chase.every((c: { remindersSent: number }) => c.remindersSent === 2)).toBe(true);
    // The other open edition has no accounts yet: its participants are logged as having no recipient, not mailed.
    const all = await runReminders(ctx, clock.now());
    expect(all.sent).toBe(0);
    expect(all.noRecipient).toBe(321);
    expect(await orgIdByCode(h.db, 'PAT-15002-57')).toBe(s.other);
  });
});
