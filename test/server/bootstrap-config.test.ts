import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/server/services/bootstrap.js';
import { loadConfig, ConfigError } from '../../src/server/config.js';
import { verifyPassword } from '../../src/server/services/passwords.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { testConfig } from '../helpers/config.js';
import { fixedClock } from '../../src/server/clock.js';
import { silentLog } from './support/foundation.js';

describe('first start', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(async () => tdb.drop());

  it('creates the first admin once, printing a generated password once, never on a second start', async () => {
    const config = { ...testConfig(), ADMIN_PASSWORD: undefined, ADMIN_EMAIL: 'first.admin@dga.or.th' };
    const printed: string[] = [];
    const clock = fixedClock('2026-05-01T03:00:00Z');
    const first = await bootstrap({ config, db: tdb.db, log: silentLog, clock, print: (t) => printed.push(t) });
    expect(first.adminCreated).toBe(true);
    expect(first.reference.departments).toBe(321);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('FIRST ADMIN CREATED');
    const password = /password: (\S+)/.exec(printed[0]!)![1]!;
    const admin = await tdb.db.selectFrom('app_user').selectAll().where('role', '=', 'admin').execute();
    expect(admin).toHaveLength(1);
    expect(admin[0]!.email).toBe('first.admin@dga.or.th');
    expect(admin[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(password, admin[0]!.password_hash!)).toBe(true);

    const second = await bootstrap({ config, db: tdb.db, log: silentLog, clock, print: (t) => printed.push(t) });
    expect(second.adminCreated).toBe(false);
    expect(Object.values(second.reference).every((n) => n === 0)).toBe(true);
    expect(printed).toHaveLength(1);
    expect(await tdb.db.selectFrom('app_user').select('id').where('role', '=', 'admin').execute()).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('names every bad key at once', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', SESSION_TTL_HOURS: '0', ADMIN_EMAIL: 'not-an-email', COOKIE_SECURE: 'maybe', PUBLIC_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const keys = (err as ConfigError).problems.map((p) => p.split('=')[0]);
    expect(new Set(keys)).toEqual(new Set(['PORT', 'SESSION_TTL_HOURS', 'ADMIN_EMAIL', 'COOKIE_SECURE', 'PUBLIC_URL', 'LOG_LEVEL']));
    expect((err as Error).message).toContain('PORT="eighty"');
  });

  it('accepts defaults and converts types', () => {
    const c = loadConfig({ PORT: '8080', COOKIE_SECURE: 'true', SESSION_TTL_HOURS: '24' });
    expect(c).toMatchObject({ PORT: 8080, COOKIE_SECURE: true, SESSION_TTL_HOURS: 24, LOGIN_RATE_LIMIT: 10, ADMIN_EMAIL: 'admin@dga.local' });
  });
});
