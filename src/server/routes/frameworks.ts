// Framework documents: list, read, import (admin).
import { Type } from 'typebox';
import type { AppContext, AppInstance } from '../app.js';
import { AppError } from '../../shared/errors.js';
import type { Framework } from '../../engine/framework/types.js';
import { currentUser } from '../plugins/auth.js';
import { frameworkList, getFramework, importFramework } from '../services/frameworks.js';

export async function frameworkRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get('/api/frameworks', { config: { roles: ['admin', 'reviewer'] } }, async () => ({ items: await frameworkList(ctx.db) }));

  app.get(
    '/api/frameworks/:id/:version',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 100 }), version: Type.String({ maxLength: 100 }) }) } },
    async (request) => {
      const fw = await getFramework(ctx.db, request.params.id, request.params.version);
      if (!fw) throw new AppError('NOT_FOUND');
      return fw;
    },
  );

  app.post('/api/frameworks', { config: { roles: ['admin'] }, schema: { body: Type.Object({}, { additionalProperties: true }) } }, async (request, reply) => {
    const user = currentUser(request);
    const doc = request.body as unknown as Framework;
    const r = await importFramework(ctx.db, doc, user.id, ctx.clock.now());
    return reply.status(r.created ? 201 : 200).send({ id: doc.id, version: doc.version, created: r.created });
  });
}
