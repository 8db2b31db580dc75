// Certificates of one edition: one PDF per award with its verification code, and the whole edition as a ZIP.
import { Anchor, Badge, Button, CopyButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { certificatePdfUrl, certificatesZipUrl, pick, useCertificates, useEdition, type Certificate } from './api';
import { EditionLinks } from './AwardsPage';
import './i18n';
import { NS } from './i18n';

export function CertificateTable({ certificates, showEdition }: { certificates: Certificate[]; showEdition?: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="certificates">
        <Table.Caption>{t('certificates.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {showEdition ? <Table.Th>{t('certificates.edition')}</Table.Th> : null}
            <Table.Th>{t('cols.category')}</Table.Th>
            <Table.Th>{t('certificates.recipient')}</Table.Th>
            <Table.Th>{t('certificates.code')}</Table.Th>
            <Table.Th>{t('certificates.issued')}</Table.Th>
            <Table.Th>{t('certificates.download')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((c) => (
            <Table.Tr key={c.code} data-code={c.code}>
              {showEdition ? <Table.Td>{en ? c.yearBe - 543 : c.yearBe}</Table.Td> : null}
              <Table.Td>
                {pick(c.category, en)}
                {c.groupName ? (
                  <Text size="xs" c="dimmed">
                    {pick(c.groupName, en)}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{pick(c.recipient, en)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/verify/${c.code}`} ff="monospace" size="sm">
                    {c.code}
                  </Anchor>
                  {c.status === 'revoked' ? (
                    <Badge color="red" size="xs">
                      {t('verify.revoked')}
                    </Badge>
                  ) : null}
                  <CopyButton value={c.verifyUrl}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="subtle" onClick={copy}>
                        {copied ? t('certificates.copied') : t('certificates.copyLink')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Table.Td>
              <Table.Td>{f.date(c.issuedAt)}</Table.Td>
              <Table.Td>
                <Button component="a" href={c.pdfUrl || certificatePdfUrl(c.code)} download={`${c.code}.pdf`} size="compact-sm" variant="light" leftSection={<IconDownload size={14} aria-hidden />}>
                  PDF
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function CertificatesPage() {
  const { eid = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const user = useUser();
  const dga = user.role === 'admin' || user.role === 'reviewer';
  const edition = useEdition(eid);
  const q = useCertificates(eid);
  const [filter, setFilter] = useState('');
  if (q.isPending || edition.isPending) return <PageLoader />;
  if (edition.error) return <ErrorAlert error={edition.error} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const needle = filter.trim().toLowerCase();
  const list = needle
    ? q.data.certificates.filter((c) => [c.code, c.recipient.th, c.recipient.en, pick(c.category, en)].some((s) => s?.toLowerCase().includes(needle)))
    : q.data.certificates;
  return (
    <Stack>
      <Anchor component={Link} to={`/awards/${eid}`} size="sm">
        ← {t('backToEdition')}
      </Anchor>
      <PageHeader
        title={`${t('certificates.title')} · ${f.pick(edition.data.titleTh, edition.data.titleEn)}`}
        description={t('certificates.intro')}
        actions={
          dga && q.data.certificates.length > 0 ? (
            <Button component="a" href={certificatesZipUrl(eid)} download leftSection={<IconFileZip size={16} aria-hidden />}>
              {t('certificates.zip', { n: q.data.certificates.length })}
            </Button>
          ) : null
        }
      />
      {dga ? <EditionLinks eid={eid} current="certificates" /> : null}
      {q.data.certificates.length === 0 ? (
        <Empty title={t('certificates.none')} description={t('certificates.noneHelp')} />
      ) : (
        <>
          <TextInput label={t('certificates.search')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} maw={360} />
          <CertificateTable certificates={list} />
        </>
      )}
    </Stack>
  );
}
