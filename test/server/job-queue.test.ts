// The hourly reminder pass is queued by the server's own timer: once per hour slot however many processes run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { fixedClock, randomIds } from '../../src/server/clock.js';
import { msToNextHour, REMINDER_QUEUE, startJobQueue, type JobQueue } from '../../src/server/services/job-queue.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { testConfig } from '../helpers/config.js';

const errors: unknown[] = [];
const log = { info: () => {}, warn: () => {}, debug: () => {}, error: (o: unknown) => errors.push(o) } as unknown as FastifyBaseLogger;

describe('job queue: hourly reminder pass', () => {
  let t: TestDatabase;
  const queues: JobQueue[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    for (const q of queues) await q.stop();
    await t.drop();
  });

  it('the next run is one second past the next full hour', () => {
    const h = Date.parse('2026-11-23T09:00:00Z');
    expect(msToNextHour(h)).toBe(1000);
    expect(msToNextHour(h + 1000)).toBe(3_600_000);
    expect(msToNextHour(h + 1001)).toBe(3_599_999);
    expect(msToNextHour(h + 30 * 60_000)).toBe(30 * 60_000 + 1000);
  });

  it('two processes queue the pass once for the hour, and it runs; no pg-boss cron schedule is left', async () => {
    const ctx = { db: t.db, config: testConfig(), clock: fixedClock(new Date('2026-11-23T09:00:00Z')), ids: randomIds };
    queues.push(await startJobQueue(t.url, ctx, log, { firstInMs: 0 }));
    queues.push(await startJobQueue(t.url, ctx, log, { firstInMs: 0 }));
    const jobs = async () =>
      (await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = ${REMINDER_QUEUE}`.execute(t.db)).rows.map((r) => r.state);
    const deadline = Date.now() + 20_000;
    while (!(await jobs()).includes('completed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await jobs()).toEqual(['completed']);
    expect((await sql`SELECT name FROM pgboss.schedule`.execute(t.db)).rows).toEqual([]);
    expect(errors).toEqual([]);
  });
});
