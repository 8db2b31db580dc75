// First-start work on every start: reference data (missing rows only) and, once, the first admin.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { DB } from '../../db/database.js';
import { importReferenceData, type ReferenceCounts } from '../../db/reference/import.js';
import { countAdmins, insertUser } from '../repositories/users.js';
import { purgeOldAttempts } from '../repositories/login-attempts.js';
import { purgeOldInvitations } from '../repositories/invitations.js';
import { lockFirstAdminCreation } from '../repositories/locks.js';
import { analyseOrganisations } from '../repositories/organisations.js';
import { deleteExpiredSessions } from '../repositories/users.js';
import { systemClock, type Clock } from '../clock.js';
import { appendAudit } from './audit.js';
import { hashPassword } from './passwords.js';
import { defaultFramework, previousFramework } from '../../engine/framework/default/index.js';
import { ensureBundledFrameworks } from './frameworks.js';

export interface BootstrapDeps {
  config: Config;
  db: DB;
  log: FastifyBaseLogger;
  clock?: Clock;
  /** Where the generated admin password is shown; stdout by default, never the structured log. */
  print?: (text: string) => void;
  referenceDir?: string;
}

export interface BootstrapResult {
  reference: ReferenceCounts;
  adminCreated: boolean;
}

export async function bootstrap(deps: BootstrapDeps): Promise<BootstrapResult> {
  const clock = deps.clock ?? systemClock;
  const print = deps.print ?? ((text: string) => process.stdout.write(text));
  const reference = await importReferenceData(deps.db, deps.referenceDir);
  const inserted = Object.values(reference).reduce((a, b) => a + b, 0);
  if (inserted > 0) {
    await appendAudit(deps.db, clock.now(), { actorId: null, action: 'registry.reference_import', entity: 'organisation', after: reference });
    await analyseOrganisations(deps.db);
    deps.log.info({ reference }, 'reference data loaded');
  }

  // The bundled frameworks (this year's and the previous one, for year-over-year) are stored once; a framework
  // that fails validation is logged and skipped rather than stopping the server.
  try {
    const frameworks = await ensureBundledFrameworks(deps.db, [previousFramework, defaultFramework], clock.now());
    if (frameworks.length > 0) deps.log.info({ frameworks }, 'frameworks imported');
  } catch (err) {
    deps.log.error({ err }, 'bundled framework not imported');
  }

  const adminCreated = await createFirstAdmin(deps, clock, print);
  await purgeExpired(deps.db, clock.now());
  return { reference, adminCreated };
}

/** How long a used or expired invitation (or Digital Local sign-up link) stays listed for the admins before it is purged. */
export const INVITATION_RETENTION_DAYS = 30;

/**
 * Drops expired sessions, login-attempt windows older than an hour, and invitations and sign-up links used or expired
 * more than INVITATION_RETENTION_DAYS ago; at start and on the hourly job pass.
 */
export async function purgeExpired(db: BootstrapDeps['db'], now: Date): Promise<{ sessions: number; attempts: number; invitations: number }> {
  const sessions = await deleteExpiredSessions(db, now);
  const attempts = await purgeOldAttempts(db, new Date(now.getTime() - 3600_000));
  const invitations = await purgeOldInvitations(db, new Date(now.getTime() - INVITATION_RETENTION_DAYS * 86400_000));
  return { sessions, attempts, invitations };
}

async function createFirstAdmin(deps: BootstrapDeps, clock: Clock, print: (text: string) => void): Promise<boolean> {
  const generated = deps.config.ADMIN_PASSWORD ? null : randomBytes(12).toString('base64url');
  const password = deps.config.ADMIN_PASSWORD ?? generated!;
  // Hash outside the transaction (about 0.1 s) but only when it may be needed.
  if ((await countAdmins(deps.db)) > 0) return false;
  const passwordHash = await hashPassword(password);
  const created = await deps.db.transaction().execute(async (trx) => {
    await lockFirstAdminCreation(trx);
    if ((await countAdmins(trx)) > 0) return false;
    const id = randomUUID();
    const now = clock.now();
    await insertUser(trx, { id, email: deps.config.ADMIN_EMAIL, display_name: 'DGA Admin', password_hash: passwordHash, role: 'admin', organisation_id: null, created_at: now });
    await appendAudit(trx, now, { actorId: null, action: 'user.create', entity: 'user', entityId: id, after: { email: deps.config.ADMIN_EMAIL, role: 'admin', firstAdmin: true } });
    return true;
  });
  if (!created) return false;
  deps.log.info({ email: deps.config.ADMIN_EMAIL }, 'first admin created');
  if (generated) {
    const line = '='.repeat(72);
    print(
      `\n${line}\n FIRST ADMIN CREATED · สร้างบัญชีผู้ดูแลระบบคนแรกแล้ว\n   e-mail:   ${deps.config.ADMIN_EMAIL}\n   password: ${generated}\n` +
        ` This password is shown only once. Sign in and keep it safe.\n รหัสผ่านนี้แสดงเพียงครั้งเดียว\n${line}\n\n`,
    );
  }
  return true;
}
