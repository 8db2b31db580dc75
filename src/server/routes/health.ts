// Liveness and readiness: answers 200 only when the database answers.
import { sql } from 'kysely';
import type { AppContext, AppInstance } from '../app.js';

export async function healthRoutes(app: AppInstance, ctx: AppContext): Promise<void> {
  app.get('/health', { config: { public: true } }, async (_req, reply) => {
    const started = process.hrtime.bigint();
    try {
      await sql`SELECT 1`.execute(ctx.db);
      const dbMs = Number(process.hrtime.bigint() - started) / 1e6;
      return { status: 'ok', database: 'ok', dbLatencyMs: Math.round(dbMs * 100) / 100, time: ctx.clock.now().toISOString() };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}
