import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type AppInstance } from '../../src/server/app.js';
import { fixedClock } from '../../src/server/clock.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { testConfig } from '../helpers/config.js';

describe('health and errors', () => {
  let tdb: TestDatabase;
  let app: AppInstance;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    app = await buildApp({ config: testConfig(), db: tdb.db, clock: fixedClock('2026-05-01T03:00:00Z'), logger: false, webRoot: null });
  });
  afterAll(async () => {
    await app.close();
    await tdb.drop();
  });

  it('answers 200 with the database reachable and security headers set', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', time: '2026-05-01T03:00:00.000Z' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an unknown route with the catalogue error in Thai and English', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message_th: 'ไม่พบข้อมูล หรือคุณไม่มีสิทธิ์เข้าถึง', message_en: 'Not found or no access' });
  });
});
