// Presenters: database rows → API JSON (camelCase), as docs/api.md describes.
import type { OrganisationRow } from './repositories/organisations.js';

export interface OrganisationJson {
  id: string;
  level: OrganisationRow['level'];
  code: string;
  nameTh: string;
  nameEn: string | null;
  ministryCode: string | null;
  ministryNameTh: string | null;
  ministryNameEn: string | null;
  provinceCode: string | null;
  provinceNameTh: string | null;
  provinceNameEn: string | null;
  orgType: string | null;
  servesPublic: boolean;
  active: boolean;
  version: number;
  parentId: string | null;
}

export function presentOrganisation(r: OrganisationRow): OrganisationJson {
  return {
    id: r.id,
    level: r.level,
    code: r.code,
    nameTh: r.name_th,
    nameEn: r.name_en,
    ministryCode: r.ministry_code,
    ministryNameTh: r.ministry_name_th,
    ministryNameEn: r.ministry_name_en,
    provinceCode: r.province_code,
    provinceNameTh: r.province_name_th,
    provinceNameEn: r.province_name_en,
    orgType: r.org_type,
    servesPublic: r.serves_public,
    active: r.active,
    version: r.version,
    parentId: r.parent_id,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID.test(s);
}
