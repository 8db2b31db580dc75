// Reference lists used by the registry filters and edit form, fetched once per session.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Items, Ministry, Province } from '../../api/types';
import { useFormat } from '../../components/format';

/** Organisation types with a catalogue label: department-level org_type, provinces and LAO types. */
export const ORG_TYPES = [
  'government_agency',
  'state_agency',
  'public_organization',
  'independent_agency',
  'university',
  'legislative_agency',
  'judicial_agency',
  'province',
  'pao',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'sao',
  'special',
] as const;

interface AgencyType {
  code: string;
  nameTh: string;
  nameEn: string;
}

export function useMinistries() {
  return useQuery({ queryKey: ['ministries'], queryFn: () => api.get<Items<Ministry>>('/api/registry/ministries'), staleTime: Infinity });
}

export function useProvinces() {
  return useQuery({ queryKey: ['provinces'], queryFn: () => api.get<Items<Province>>('/api/registry/provinces'), staleTime: Infinity });
}

/** Type labels and filter options; provincial units use the provincial agency types (their codes) as their type. */
export function useOrgTypes() {
  const { t } = useTranslation();
  const f = useFormat();
  const agencyTypes = useQuery({
    queryKey: ['provincial-agency-types'],
    queryFn: () => api.get<Items<AgencyType>>('/api/registry/provincial-agency-types'),
    staleTime: Infinity,
  });
  const agency = new Map((agencyTypes.data?.items ?? []).map((a) => [a.code, f.name(a)]));
  const label = (code: string | null | undefined): string => {
    if (!code) return '—';
    return agency.get(code) ?? t(`orgTypes.${code}`, { defaultValue: code });
  };
  const options = [
    { group: t('registry.typeGroups.main'), items: ORG_TYPES.map((o) => ({ value: o, label: label(o) })) },
    ...(agency.size > 0 ? [{ group: t('registry.typeGroups.provincial'), items: [...agency].map(([value, l]) => ({ value, label: l })) }] : []),
  ];
  return { label, options };
}
