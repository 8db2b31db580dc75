// Sign-in, sign-out and "who am I".
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { clearSessionCookie, currentUser, setSessionCookie } from '../plugins/auth.js';
import { endSessionByToken, login, logout, SESSION_COOKIE } from '../services/auth.js';

export async function authRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/auth/login',
    {
      config: { public: true, csrf: false },
      schema: { body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }) },
    },
    async (request, reply) => {
      const { user, session } = await login(ctx, { email: request.body.email, password: request.body.password, ip: request.ip });
      // A new session on every sign-in; the one the browser held before (if any) ends, so it cannot be fixed in advance.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await endSessionByToken(ctx, previous);
      setSessionCookie(reply, ctx, session);
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    if (request.sessionId) await logout(ctx, request.sessionId);
    clearSessionCookie(reply, ctx);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request) => ({ user: currentUser(request), csrfToken: request.csrfToken }));
}
