// Registry use cases: browse and search within the caller's scope, read one organisation, edit with audit.
import type { AppContext } from '../app.js';
import { AppError } from '../../shared/errors.js';
import { assertCan, assertCanSeeOrganisation, organisationScope, type SessionUser } from '../auth/policy.js';
import { isUuid, presentOrganisation, type OrganisationJson } from '../presenters.js';
import {
  countChildren,
  countsByLevelAndLaoType,
  findOrganisation,
  listMinistries,
  listProvinces,
  listProvincialAgencyTypes,
  lockOrganisation,
  searchOrganisations,
  updateOrganisation,
  type OrganisationChanges,
  type OrganisationFilter,
  type OrganisationRow,
} from '../repositories/organisations.js';
import { auditForOrganisation } from '../repositories/audit.js';
import { appendAudit } from './audit.js';

export const MAX_PAGE = 500;

export async function searchRegistry(ctx: AppContext, user: SessionUser, f: Omit<OrganisationFilter, 'ids'> & { limit?: number; offset?: number }) {
  const scope = organisationScope(user);
  const limit = Math.min(Math.max(f.limit ?? 50, 1), MAX_PAGE);
  const offset = Math.max(f.offset ?? 0, 0);
  const { total, rows } = await searchOrganisations(ctx.db, { ...f, ids: scope.all ? undefined : scope.ids }, limit, offset);
  return { total, items: rows.map(presentOrganisation) };
}

/** Checks access before looking, so a refused id and a missing id answer the same. */
async function visibleOrganisation(ctx: AppContext, user: SessionUser, id: string): Promise<OrganisationRow> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  assertCanSeeOrganisation(user, id);
  const org = await findOrganisation(ctx.db, id);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

export async function getOrganisation(ctx: AppContext, user: SessionUser, id: string) {
  const org = await visibleOrganisation(ctx, user, id);
  const [parent, childCount] = await Promise.all([org.parent_id ? findOrganisation(ctx.db, org.parent_id) : null, countChildren(ctx.db, id)]);
  // Agency users see their parent department's name but nothing the policy hides.
  return {
    ...presentOrganisation(org),
    parent: parent ? { id: parent.id, code: parent.code, level: parent.level, nameTh: parent.name_th, nameEn: parent.name_en } : null,
    childCount,
  };
}

export interface OrganisationPatch {
  version: number;
  nameTh?: string;
  nameEn?: string | null;
  servesPublic?: boolean;
  active?: boolean;
  orgType?: string | null;
}

const PATCH_FIELDS = [
  ['nameTh', 'name_th'],
  ['nameEn', 'name_en'],
  ['servesPublic', 'serves_public'],
  ['active', 'active'],
  ['orgType', 'org_type'],
] as const;

export async function patchOrganisation(ctx: AppContext, user: SessionUser, id: string, patch: OrganisationPatch): Promise<OrganisationJson> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  assertCan(user, 'registry.edit', { organisationId: id });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockOrganisation(trx, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== patch.version) throw new AppError('CONFLICT', { detail: `version ${patch.version} is stale; current is ${current.version}` });
    const changes: OrganisationChanges = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [api, col] of PATCH_FIELDS) {
      let v = patch[api];
      if (v === undefined) continue;
      if (typeof v === 'string') v = v.trim();
      if (api === 'nameTh' && !v) throw new AppError('VALIDATION_FAILED', { detail: 'nameTh must not be empty' }, [{ path: 'body/nameTh', th: 'ต้องระบุชื่อภาษาไทย', en: 'The Thai name is required' }]);
      if ((api === 'nameEn' || api === 'orgType') && v === '') v = null;
      if (current[col] === v) continue;
      (changes as Record<string, unknown>)[col] = v;
      before[api] = current[col];
      after[api] = v;
    }
    if (Object.keys(changes).length === 0) return presentOrganisation(current);
    await updateOrganisation(trx, id, patch.version, changes, now);
    await appendAudit(trx, now, { actorId: user.id, action: 'organisation.update', entity: 'organisation', entityId: id, organisationId: id, before, after });
    return presentOrganisation((await findOrganisation(trx, id))!);
  });
}

export async function organisationAudit(ctx: AppContext, user: SessionUser, id: string) {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  assertCan(user, 'registry.audit', { organisationId: id });
  const org = await findOrganisation(ctx.db, id);
  if (!org) throw new AppError('NOT_FOUND');
  const rows = await auditForOrganisation(ctx.db, id);
  return {
    items: rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, before: r.before, after: r.after })),
  };
}

export async function ministries(ctx: AppContext) {
  const rows = await listMinistries(ctx.db);
  return { items: rows.map((r) => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en, departmentCount: r.department_count })) };
}

export async function provinces(ctx: AppContext) {
  const rows = await listProvinces(ctx.db);
  return { items: rows.map((r) => ({ code: r.code, isoCode: r.iso_code, nameTh: r.name_th, nameEn: r.name_en, region: r.region, regionTh: r.region_th })) };
}

export async function provincialAgencyTypes(ctx: AppContext) {
  const rows = await listProvincialAgencyTypes(ctx.db);
  return {
    items: rows.map((r) => ({ code: r.code, nameTh: r.name_th, nameEn: r.name_en, parentBudgetCode: r.parent_budget_code, surveyed2019: r.surveyed_2019, seq2019: r.seq_2019 })),
  };
}

const LEVELS = ['department', 'provincial_unit', 'province', 'lao'] as const;

export async function summary(ctx: AppContext) {
  const rows = await countsByLevelAndLaoType(ctx.db);
  const byLevel: Record<string, number> = Object.fromEntries(LEVELS.map((l) => [l, 0]));
  const activeByLevel: Record<string, number> = Object.fromEntries(LEVELS.map((l) => [l, 0]));
  const laoByType: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    byLevel[r.level] = (byLevel[r.level] ?? 0) + r.n;
    if (r.active) activeByLevel[r.level] = (activeByLevel[r.level] ?? 0) + r.n;
    if (r.level === 'lao') laoByType[r.org_type ?? 'unknown'] = (laoByType[r.org_type ?? 'unknown'] ?? 0) + r.n;
    total += r.n;
  }
  return { total, byLevel, activeByLevel, laoByType };
}
