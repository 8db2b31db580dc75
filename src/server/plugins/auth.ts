// Loads the session for every /api request and enforces the route's declared roles and the CSRF token, in one place.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import type { Role, SessionUser } from '../auth/policy.js';
import { loadSession, safeEqual, SESSION_COOKIE, type NewSession } from '../services/auth.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (health, login, invitation links). Routes outside /api are public anyway. */
    public?: boolean;
    /** Roles allowed; unset = any signed-in user. Others get 404 NOT_FOUND. */
    roles?: readonly Role[];
    /** Set false for mutating endpoints used before a session exists (login, invitation accept). */
    csrf?: boolean;
    /**
     * The handler checks the session itself, in its own first database round trip (the autosave), and calls
     * `authenticate` whenever that did not go through; the hook only refuses requests without a session cookie.
     * Such a route sets attachValidation and also calls `authenticate` before reporting a validation error, so an
     * anonymous caller still gets 401 first.
     */
    sessionInHandler?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in user; only call from routes that are not public (the hook has already refused anonymous callers). */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  return request.user;
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: ctx.config.COOKIE_SECURE,
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.COOKIE_SECURE });
}

export function registerAuth(app: AppInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    // Unmatched routes go to the 404 handler; static files and /health need no session.
    if (!url || !url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    if (config.sessionInHandler) {
      if (!request.cookies[SESSION_COOKIE]) throw new AppError('UNAUTHENTICATED');
      return;
    }
    await authenticate(ctx, request);
  });
}

/** Loads the request's session and enforces the route's roles and the CSRF token; throws the refusal. */
export async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const config = request.routeOptions.config;
  const loaded = await loadSession(ctx, request.cookies[SESSION_COOKIE]);
  if (!loaded) throw new AppError('UNAUTHENTICATED');
  request.user = loaded.user;
  request.sessionId = loaded.sessionId;
  request.csrfToken = loaded.csrfToken;
  if (config.roles && !config.roles.includes(loaded.user.role)) throw new AppError('NOT_FOUND');
  if (MUTATING.has(request.method) && config.csrf !== false) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, loaded.csrfToken)) throw new AppError('CSRF_INVALID');
  }
}
