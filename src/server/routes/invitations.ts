// Invitation links: create (admin, coordinator), list (admin), view and accept (anyone holding the link).
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { ROLES } from '../auth/policy.js';
import { currentUser, setSessionCookie } from '../plugins/auth.js';
import { endSessionByToken, SESSION_COOKIE } from '../services/auth.js';
import { acceptInvitation, createInvitation, invitationsForAdmin, viewInvitation } from '../services/invitations.js';
import { Nullable } from './schemas.js';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export async function invitationRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get('/api/invitations', { config: { roles: ['admin'] } }, async () => ({ items: await invitationsForAdmin(ctx) }));

  app.post(
    '/api/invitations',
    {
      config: { roles: ['admin', 'coordinator'] },
      schema: {
        body: Type.Object({
          email: Type.String({ format: 'email', maxLength: 320 }),
          role: RoleSchema,
          organisationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
        }),
      },
    },
    async (request, reply) => {
      const inv = await createInvitation(ctx, currentUser(request), request.body);
      return reply.status(201).send({ id: inv.id, link: inv.link, expiresAt: inv.expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/invitations/:token',
    { config: { public: true }, schema: { params: Type.Object({ token: Type.String({ maxLength: 200 }) }) } },
    async (request) => viewInvitation(ctx, request.params.token),
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { public: true, csrf: false },
      schema: {
        params: Type.Object({ token: Type.String({ maxLength: 200 }) }),
        body: Type.Object({ displayName: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ maxLength: 1024 }) }),
      },
    },
    async (request, reply) => {
      const { user, session } = await acceptInvitation(ctx, request.params.token, request.body);
      // Like a sign-in: the session the browser held before (someone else's, on a shared machine) ends here.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await endSessionByToken(ctx, previous);
      setSessionCookie(reply, ctx, session);
      return { user, csrfToken: session.csrfToken };
    },
  );
}
