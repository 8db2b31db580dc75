// Shared set-up for the foundation tests: a migrated database with the registry loaded, the app, seeded users, sign-in.
import pino from 'pino';
import type { FastifyBaseLogger, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { buildApp, type AppInstance } from '../../../src/server/app.js';
import { fixedClock } from '../../../src/server/clock.js';
import type { Config } from '../../../src/server/config.js';
import { bootstrap } from '../../../src/server/services/bootstrap.js';
import { hashPassword } from '../../../src/server/services/passwords.js';
import type { Role } from '../../../src/server/auth/policy.js';
import type { DB } from '../../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.js';
import { testConfig } from '../../helpers/config.js';

export const silentLog = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
export const ADMIN = { email: 'admin@dga.local', password: 'admin-password-123' };
export const PASSWORD = 'correct-horse-battery';

export interface Harness {
  tdb: TestDatabase;
  db: DB;
  app: AppInstance;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  close: () => Promise<void>;
}

export async function startHarness(overrides: Partial<Record<keyof Config, string>> = {}): Promise<Harness> {
  const tdb = await createTestDatabase();
  const config = testConfig(overrides);
  const clock = fixedClock('2026-05-01T03:00:00Z');
  await bootstrap({ config, db: tdb.db, log: silentLog, clock, print: () => {} });
  const app = await buildApp({ config, db: tdb.db, clock, logger: false, webRoot: null });
  return {
    tdb,
    db: tdb.db,
    app,
    clock,
    config,
    close: async () => {
      await app.close();
      await tdb.drop();
    },
  };
}

// scrypt is deliberately slow: hash the shared test password once per file.
let cachedHash: Promise<string> | null = null;

export async function seedUser(db: DB, u: { email: string; role: Role; organisationId?: string | null; displayName?: string }): Promise<string> {
  cachedHash ??= hashPassword(PASSWORD);
  const id = randomUUID();
  await db
    .insertInto('app_user')
    .values({ id, email: u.email, display_name: u.displayName ?? u.email.split('@')[0]!, password_hash: await cachedHash, role: u.role, organisation_id: u.organisationId ?? null, locale: 'th', active: true })
    .execute();
  return id;
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; role: Role; organisationId: string | null };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'dgr_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `dgr_session=${c.value}`;
}

export async function signIn(app: AppInstance, email: string, password = PASSWORD, ip = '10.0.0.1'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers: { 'x-forwarded-for': ip } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res), csrf: res.json().csrfToken, user: res.json().user };
}

/** A request as the signed-in user, with the CSRF header. */
export function as(app: AppInstance, s: Session, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...opts, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(opts.headers ?? {}) } }) as Promise<LightMyRequestResponse>;
}

export async function orgIdByCode(db: DB, code: string): Promise<string> {
  const r = await db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return r.id;
}

/** A multipart body with one file field, for app.inject. */
export function multipartFile(filename: string, content: Buffer | string, contentType = 'text/csv'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dgr${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
