// Liveness and readiness: answers 200 only when the database answers.
import type { AppContext, AppInstance } from '../app.js';
import { pingDatabase } from '../repositories/health.js';

export async function healthRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get('/health', { config: { public: true } }, async (_req, reply) => {
    const started = process.hrtime.bigint();
    try {
      await pingDatabase(ctx.db);
      const dbMs = Number(process.hrtime.bigint() - started) / 1e6;
      return { status: 'ok', database: 'ok', dbLatencyMs: Math.round(dbMs * 100) / 100, time: ctx.clock.now().toISOString() };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
