// Sign-in, sessions and the login rate limit; all state lives in PostgreSQL so app processes stay stateless.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import type { SessionUser } from '../auth/policy.js';
import { countAttempt } from '../repositories/login-attempts.js';
import { deleteSession, findLiveSession, findUserByEmail, insertSession, setLastLogin, touchSession, type UserRow } from '../repositories/users.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';

export const SESSION_COOKIE = 'dgr_session';
const RATE_WINDOW_MS = 60_000;
/** last_seen_at is refreshed at most this often, so reads don't each cost a write. */
export const SESSION_TOUCH_EVERY_MS = 5 * 60_000;

type Ctx = Pick<AppContext, 'db' | 'config' | 'clock'>;

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function presentSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role,
    organisationId: u.organisation_id,
    organisation: u.organisation_id ? { id: u.organisation_id, nameTh: u.org_name_th ?? '', nameEn: u.org_name_en, level: u.org_level ?? '' } : null,
    locale: u.locale,
  };
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(ctx: Ctx, userId: string): Promise<NewSession> {
  const now = ctx.clock.now();
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + ctx.config.SESSION_TTL_HOURS * 3600_000);
  await insertSession(ctx.db, { id: sha256Hex(token), user_id: userId, csrf_token: csrfToken, created_at: now, expires_at: expiresAt });
  return { token, csrfToken, expiresAt };
}

/** Counts the attempt against the IP and the e-mail; refuses once either exceeds LOGIN_RATE_LIMIT in the minute. */
async function checkRateLimit(ctx: Ctx, ip: string, email: string): Promise<void> {
  const now = ctx.clock.now();
  const [byIp, byEmail] = await Promise.all([
    countAttempt(ctx.db, `ip:${ip}`, now, RATE_WINDOW_MS),
    countAttempt(ctx.db, `email:${email}`, now, RATE_WINDOW_MS),
  ]);
  if (byIp > ctx.config.LOGIN_RATE_LIMIT || byEmail > ctx.config.LOGIN_RATE_LIMIT) throw new AppError('RATE_LIMITED');
}

export async function login(ctx: Ctx, input: { email: string; password: string; ip: string }): Promise<{ user: SessionUser; session: NewSession }> {
  const email = input.email.trim().toLowerCase();
  await checkRateLimit(ctx, input.ip, email);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || !user.active || !user.password_hash) {
    await burnPasswordCheck(input.password);
    throw new AppError('LOGIN_FAILED');
  }
  if (!(await verifyPassword(input.password, user.password_hash))) throw new AppError('LOGIN_FAILED');
  const session = await createSession(ctx, user.id);
  await setLastLogin(ctx.db, user.id, ctx.clock.now());
  return { user: presentSessionUser(user), session };
}

export interface LoadedSession {
  user: SessionUser;
  sessionId: string;
  csrfToken: string;
}

export async function loadSession(ctx: Ctx, token: string | undefined): Promise<LoadedSession | null> {
  if (!token || token.length > 200) return null;
  const now = ctx.clock.now();
  const idHash = sha256Hex(token);
  const row = await findLiveSession(ctx.db, idHash, now);
  if (!row) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > SESSION_TOUCH_EVERY_MS) await touchSession(ctx.db, idHash, now);
  return { user: presentSessionUser(row), sessionId: idHash, csrfToken: row.csrf_token };
}

export async function endSessionByToken(ctx: Ctx, token: string): Promise<void> {
  if (token.length <= 200) await deleteSession(ctx.db, sha256Hex(token));
}

export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await deleteSession(ctx.db, sessionId);
}
