// Configuration: one validated schema read from the environment at boot; a bad value stops the program.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import path from 'node:path';

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to listen on' }),
  PUBLIC_URL: Type.String({ pattern: '^https?://', default: 'http://localhost:3000', description: 'Base URL used in links sent by mail' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL URL; unset = embedded PostgreSQL' })),
  DATA_DIR: Type.String({ minLength: 1, default: '.data', description: 'Folder for the embedded database and evidence files' }),
  EMBEDDED_PG_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 54329, description: 'Port of the embedded PostgreSQL' }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  DEMO_DATA: Type.Boolean({ default: true, description: 'Load the demo into an empty database at start' }),
  ADMIN_EMAIL: Type.String({ format: 'email', default: 'admin@dga.local', description: 'First admin, created on first start' }),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10, description: 'First admin password; unset = generated and printed once' })),
  COOKIE_SECURE: Type.Boolean({ default: false, description: 'Send cookies only over HTTPS (set true behind TLS)' }),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 12 }),
  LOGIN_RATE_LIMIT: Type.Integer({ minimum: 1, maximum: 10000, default: 10, description: 'Login attempts per minute per IP and e-mail' }),
  UPLOAD_MAX_MB: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'SMTP server; unset = mail goes to the outbox' })),
  MAIL_FROM: Type.String({ default: 'DG Readiness <no-reply@dga.local>' }),
  DL_TRUSTED_EMAIL_DOMAINS: Type.String({
    minLength: 1,
    maxLength: 2000,
    default: 'go.th',
    description: 'Digital Local sign-ups from these e-mail domains (and their subdomains; comma-separated, "*." allowed) are approved without DGA review; "none" = review every sign-up',
  }),
  LOG_LEVEL: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')], { default: 'info' }),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (การตั้งค่าไม่ถูกต้อง):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads every known key from `env`; reports all bad keys at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const value = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw));
  const problems = [...Value.Errors(ConfigSchema, value)].map((e) => {
    const key = e.instancePath.replace(/^\//, '') || String((e.params as { requiredProperties?: string[] }).requiredProperties ?? '');
    return `${key}=${JSON.stringify(raw[key] ?? '')}: ${e.message}`;
  });
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const config = value as Config;
  return { ...config, DATA_DIR: path.resolve(config.DATA_DIR) };
}
