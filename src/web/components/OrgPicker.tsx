// Searchable organisation picker backed by the registry search.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Organisation, Page } from '../api/types';
import { useFormat } from './format';

interface Props {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  required?: boolean;
  error?: string;
  description?: string;
}

export function OrgPicker({ label, value, onChange, required, error, description }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const typed = q && q !== chosen?.label ? q : '';
  const result = useQuery({
    queryKey: ['organisations', { q: typed, limit: 20, picker: true }],
    queryFn: ({ signal }) => api.get<Page<Organisation>>('/api/registry/organisations', { q: typed, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  const options = (result.data?.items ?? []).map((o) => ({ value: o.id, label: f.name(o) }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('orgPicker.placeholder')}
      searchable
      clearable
      required={required}
      error={error}
      data={options}
      filter={({ options: opts }) => opts}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      nothingFoundMessage={result.isFetching ? t('common.loading') : t('common.nothingFound')}
      onChange={(v, option) => {
        setChosen(v && option ? { value: option.value, label: option.label } : null);
        onChange(v);
      }}
    />
  );
}
