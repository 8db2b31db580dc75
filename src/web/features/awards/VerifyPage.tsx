// Public certificate check (/verify/:code, no sign-in): recipient, award, edition and whether the certificate is valid.
import { Alert, Anchor, Badge, Button, Card, Container, Group, Stack, Table, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert, useDocumentTitle } from '../../components/ui';
import { pick, type PublicCertificate } from './api';
import './i18n';
import { NS } from './i18n';

function CodeForm({ initial }: { initial: string }) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().toUpperCase().replace(/\s+/g, '');
    if (c) navigate(`/verify/${encodeURIComponent(c)}`);
  };
  return (
    <form onSubmit={submit}>
      <Group align="end" wrap="nowrap">
        <TextInput label={t('verify.codeLabel')} value={code} onChange={(e) => setCode(e.currentTarget.value)} style={{ flex: 1 }} ff="monospace" autoComplete="off" />
        <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
          {t('verify.check')}
        </Button>
      </Group>
    </form>
  );
}

export default function VerifyPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  useDocumentTitle(t('verify.title'));
  const q = useQuery({
    queryKey: ['public-certificate', code],
    queryFn: () => api.get<PublicCertificate>(`/api/public/certificates/${encodeURIComponent(code)}`),
    enabled: code !== '',
    retry: false,
  });
  const notFound = q.error instanceof ApiError && q.error.status === 404;
  const c = q.data;
  return (
    <Container size="sm">
      <Stack>
        <Title order={1}>{t('verify.title')}</Title>
        <Text c="dimmed">{t('verify.intro')}</Text>
        {code && q.isPending ? <PageLoader /> : null}
        {notFound ? (
          <Alert color="red" variant="light" icon={<IconCircleX aria-hidden />} title={t('verify.notFoundTitle')} data-testid="verify-not-found" role="alert">
            {t('verify.notFound', { code })}
          </Alert>
        ) : q.error ? (
          <ErrorAlert error={q.error} />
        ) : null}
        {c ? (
          <Card withBorder padding="lg" data-testid="verify-result" data-status={c.status}>
            <Group mb="md" wrap="nowrap">
              <ThemeIcon size={44} radius="xl" color={c.status === 'valid' ? 'green' : 'red'} variant="light">
                {c.status === 'valid' ? <IconCircleCheck size={28} aria-hidden /> : <IconCircleX size={28} aria-hidden />}
              </ThemeIcon>
              <Stack gap={0}>
                <Badge size="lg" color={c.status === 'valid' ? 'green' : 'red'} variant="light" data-testid="verify-status">
                  {c.status === 'valid' ? t('verify.valid') : t('verify.revoked')}
                </Badge>
                <Text size="sm" c="dimmed" mt={4}>
                  {c.status === 'valid' ? t('verify.validHelp') : t('verify.revokedHelp')}
                </Text>
              </Stack>
            </Group>
            {c.revocation ? (
              // Stated before the award details, so nobody reads the recipient and award as still standing.
              <Alert color="red" variant="light" mb="md" title={t('verify.revoked')} data-testid="verify-revocation" role="status">
                <Text size="sm">
                  {t('verify.revokedOn')} {f.date(c.revocation.at)}
                </Text>
                <Text size="sm" fw={600} mt={4}>
                  {t('verify.revokeReason')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="verify-revoke-reason">
                  {pick(c.revocation.reason, en)}
                </Text>
                {c.replacedBy ? (
                  <Text size="sm" mt={4}>
                    {t('verify.replacedBy')}{' '}
                    <Anchor component={Link} to={`/verify/${c.replacedBy}`} ff="monospace" data-testid="verify-replaced-by">
                      {c.replacedBy}
                    </Anchor>
                  </Text>
                ) : null}
              </Alert>
            ) : null}
            <Table variant="vertical" withTableBorder layout="fixed">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={180}>{t('verify.recipient')}</Table.Th>
                  <Table.Td data-testid="verify-recipient">{pick(c.recipient, en)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('verify.category')}</Table.Th>
                  <Table.Td>
                    {pick(c.category, en)}
                    {c.group ? (
                      <Text size="sm" c="dimmed">
                        {pick(c.group, en)}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('verify.edition')}</Table.Th>
                  <Table.Td>
                    {c.edition.title ? pick(c.edition.title, en) : null}
                    <Text size="sm" c={c.edition.title ? 'dimmed' : undefined}>
                      {pick(c.edition.label, en)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('verify.issued')}</Table.Th>
                  <Table.Td>{f.date(c.issuedAt)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('verify.code')}</Table.Th>
                  <Table.Td ff="monospace">{c.code}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt="md">
              {t('verify.issuer')}
            </Text>
          </Card>
        ) : null}
        <CodeForm key={code} initial={code} />
      </Stack>
    </Container>
  );
}
