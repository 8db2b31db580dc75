// Reference lists used by the registry filters and edit form, fetched once per session.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Items, Ministry, Province } from '../../api/types';

/** Organisation types in the reference data (department-level org_type and LAO types); unknown codes show as-is. */
export const ORG_TYPES = [
  'government_agency',
  'state_agency',
  'public_organization',
  'independent_agency',
  'university',
  'legislative_agency',
  'judicial_agency',
  'state_enterprise',
  'pao',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'sao',
  'bma',
  'pattaya',
] as const;

export function useMinistries() {
  return useQuery({ queryKey: ['ministries'], queryFn: () => api.get<Items<Ministry>>('/api/registry/ministries'), staleTime: Infinity });
}

export function useProvinces() {
  return useQuery({ queryKey: ['provinces'], queryFn: () => api.get<Items<Province>>('/api/registry/provinces'), staleTime: Infinity });
}
