// Security headers (CSP, HSTS, framing, sniffing…) computed once at startup and copied onto every response.
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaderOptions {
  /** Behind TLS: HSTS and upgrade-insecure-requests. */
  secure: boolean;
}

/** The helmet policy. It is static (no nonces, no per-route variants), so its headers are the same for every response. */
function helmetOptions(opts: SecurityHeaderOptions): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: opts.secure ? [] : null,
      },
    },
    hsts: opts.secure,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * Runs helmet once against a recording response and returns the headers it sets, frozen. @fastify/helmet rebuilt the
 * whole helmet middleware (option parsing, CSP string) on every request: about 6 % of the server's CPU per autosave.
 */
export function securityHeaders(opts: SecurityHeaderOptions): ReadonlyArray<readonly [string, string]> {
  const headers: Array<readonly [string, string]> = [];
  let failure: unknown = null;
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      if (typeof value !== 'string') throw new Error(`security header ${name}: helmet set a non-string value`);
      headers.push(Object.freeze([name, value] as const));
    },
    // helmet removes X-Powered-By; Fastify never sets it, so there is nothing to remove per request.
    removeHeader() {},
  };
  // helmet's middleware is synchronous for static options; the callback runs before it returns.
  let finished = false;
  helmet(helmetOptions(opts))({} as never, recorder as never, (err?: unknown) => {
    failure = err ?? null;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously; security headers would be incomplete');
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.freeze(headers);
}

/** Sets the precomputed headers on the raw response first thing, so errors, 404s and static files carry them too. */
export function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions): void {
  const headers = securityHeaders(opts);
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (let i = 0; i < headers.length; i++) raw.setHeader(headers[i]![0], headers[i]![1]);
    done();
  });
}
