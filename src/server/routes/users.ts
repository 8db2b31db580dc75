// Admin views of accounts and of the mail outbox.
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { ROLES } from '../auth/policy.js';
import { listUsers } from '../repositories/users.js';
import { listOutbox } from '../repositories/outbox.js';
import { presentSessionUser } from '../services/auth.js';
import { isUuid } from '../presenters.js';

export async function userRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/users',
    {
      config: { roles: ['admin'] },
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          role: Type.Optional(Type.Union(ROLES.map((r) => Type.Literal(r)))),
          organisationId: Type.Optional(Type.String({ maxLength: 64 })),
        }),
      },
    },
    async (request) => {
      const { q, role, organisationId } = request.query;
      if (organisationId !== undefined && !isUuid(organisationId)) return { items: [] };
      const rows = await listUsers(ctx.db, { q, role, organisationId });
      return { items: rows.map(presentSessionUser) };
    },
  );

  app.get('/api/outbox', { config: { roles: ['admin'] } }, async () => {
    const rows = await listOutbox(ctx.db);
    return {
      items: rows.map((r) => ({
        id: r.id,
        createdAt: new Date(r.created_at).toISOString(),
        to: r.to_address,
        subject: r.subject,
        bodyText: r.body_text,
        kind: r.kind,
        sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        error: r.error,
      })),
    };
  });
}
