// Public page: an LAO registers for the Digital Local contest — province, LAO type, the LAO from the registry, an email.
import { Alert, Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconMailCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LAO_TYPES } from '../../../engine/judging/rubric.js';
import { ApiError } from '../../api/client';
import { useFormat } from '../../components/format';
import { ErrorAlert, useDocumentTitle } from '../../components/ui';
import { dlApi } from './api';
import { laoTypeName, useEn } from './components';
import './i18n';
import { NS } from './i18n';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function SignUpPage() {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  useDocumentTitle(t('signup.title'));
  const [province, setProvince] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [lao, setLao] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);

  const provinces = useQuery({ queryKey: ['dl', 'public-provinces'], queryFn: dlApi.publicProvinces, staleTime: Infinity });
  const laos = useQuery({
    queryKey: ['dl', 'public-laos', province, type],
    queryFn: () => dlApi.publicLaos(province!, type!),
    enabled: Boolean(province && type),
    staleTime: 5 * 60_000,
  });
  const signUp = useMutation({ mutationFn: dlApi.signUp });

  if (signUp.isSuccess) {
    return (
      <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 40 }} maw={560} mx="auto">
        <Stack align="center" gap="sm" ta="center">
          <IconMailCheck size={40} aria-hidden color="var(--mantine-color-green-7)" />
          <Title order={1} size="h2">
            {t('signup.doneTitle')}
          </Title>
          <Text data-testid="signup-done">{t('signup.done', { email: signUp.variables.email })}</Text>
          <Button component={Link} to="/login" variant="light">
            {t('signup.toLogin')}
          </Button>
        </Stack>
      </Paper>
    );
  }

  const fieldErrors = new Map<string, string>();
  if (signUp.error instanceof ApiError) for (const d of signUp.error.details) fieldErrors.set(d.path.replace(/^\/?body\//, ''), en ? d.en : d.th);
  const emailBad = touched && !EMAIL.test(email.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!lao || !EMAIL.test(email.trim())) return;
    signUp.mutate({ organisationId: lao, email: email.trim() });
  };

  return (
    <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 40 }} maw={560} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {t('signup.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('signup.subtitle')}
            </Text>
          </div>
          {signUp.error && fieldErrors.size === 0 ? <ErrorAlert error={signUp.error} /> : null}
          {provinces.error ? <ErrorAlert error={provinces.error} /> : null}
          <Select
            label={t('signup.province')}
            placeholder={t('signup.provincePlaceholder')}
            searchable
            required
            data={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: f.name(p) }))}
            value={province}
            onChange={(v) => {
              setProvince(v);
              setLao(null);
            }}
            error={touched && !province ? t('signup.required') : undefined}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Select
            label={t('signup.laoType')}
            required
            data={LAO_TYPES.map((x) => ({ value: x, label: laoTypeName(x, en) }))}
            value={type}
            onChange={(v) => {
              setType(v);
              setLao(null);
            }}
            error={touched && !type ? t('signup.required') : undefined}
          />
          <Select
            label={t('signup.lao')}
            placeholder={province && type ? t('signup.laoPlaceholder') : t('signup.laoFirst')}
            searchable
            required
            disabled={!province || !type}
            data={(laos.data?.items ?? []).map((o) => ({ value: o.id, label: f.name(o) }))}
            value={lao}
            onChange={setLao}
            error={fieldErrors.get('organisationId') ?? (touched && !lao ? t('signup.required') : undefined)}
            nothingFoundMessage={laos.isFetching ? t('common.loading') : t('signup.noLao')}
          />
          {laos.error ? <ErrorAlert error={laos.error} /> : null}
          <TextInput
            label={t('signup.email')}
            description={t('signup.emailHelp')}
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.get('email') ?? (emailBad ? t('signup.emailInvalid') : undefined)}
          />
          <Alert variant="light" color="blue">
            {t('signup.note')}
          </Alert>
          <Button type="submit" loading={signUp.isPending}>
            {t('signup.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
