// Builds the Fastify application from its dependencies; no listening, no process concerns (see main.ts).
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DB } from '../db/database.js';
import type { Config } from './config.js';
import { randomIds, systemClock, type Clock, type IdSource } from './clock.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerAuth } from './plugins/auth.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { routeModules } from './routes/index.js';

export interface AppContext {
  config: Config;
  db: DB;
  clock: Clock;
  ids: IdSource;
}

export type AppInstance = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteTableEntry[];
  }
}

/** One registered route with the access settings it declared (tests check every route against them). */
export interface RouteTableEntry {
  method: string;
  url: string;
  public: boolean;
  roles: readonly string[] | null;
  csrf: boolean;
}

export interface BuildOptions {
  config: Config;
  db: DB;
  clock?: Clock;
  ids?: IdSource;
  /** Pass false in tests to keep output quiet. */
  logger?: boolean;
  /** Folder of the built web UI; served with SPA fallback when present. */
  webRoot?: string | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_ROOT = path.resolve(here, '../../dist/web');

/** Masks secrets that appear in URLs (invitation tokens). */
export function redactUrl(url: string): string {
  return url.replace(/(\/(?:invite|invitations?)\/)[^/?#]+/g, '$1[redacted]');
}

export async function buildApp(opts: BuildOptions): Promise<AppInstance> {
  const ctx: AppContext = { config: opts.config, db: opts.db, clock: opts.clock ?? systemClock, ids: opts.ids ?? randomIds };
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: opts.config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: {
              // Invitation tokens travel in the path; keep them out of the logs.
              req: (req: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) => ({
                method: req.method,
                url: redactUrl(req.url),
                host: req.hostname,
                remoteAddress: req.ip,
                remotePort: req.socket?.remotePort,
              }),
            },
          },
    // X-Forwarded-For is believed only from a proxy on this host or a private network, so a client on the internet
    // cannot pick its own IP to slip past the per-IP login limit.
    trustProxy: ['loopback', 'linklocal', 'uniquelocal'],
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  const serveWeb = Boolean(webRoot && fs.existsSync(path.join(webRoot, 'index.html')));
  registerErrorHandling(app, { spaShell: serveWeb });
  registerSecurityHeaders(app, { secure: opts.config.COOKIE_SECURE });
  await app.register(cookie);
  registerAuth(app, ctx);

  // The route table, so tests can check that every route is covered by the access tests.
  const routeTable: RouteTableEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    const config = (r.config ?? {}) as { public?: boolean; roles?: readonly string[]; csrf?: boolean };
    for (const m of [r.method].flat()) routeTable.push({ method: String(m), url: r.url, public: config.public === true, roles: config.roles ?? null, csrf: config.csrf !== false });
  });

  for (const mod of routeModules) {
    await app.register(async (scope) => mod(scope as AppInstance, ctx));
  }

  if (serveWeb && webRoot) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, maxAge: '1h' });
  }
  return app;
}
