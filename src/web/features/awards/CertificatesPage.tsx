// Certificates of one edition: one PDF per award with its verification code, and the whole edition as a ZIP.
import { Anchor, Badge, Button, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';
import { api, ApiError } from '../../api/client';
import { certificatePdfUrl, certificatesZipUrl, keys, pick, useCertificates, useEdition, type Certificate } from './api';
import { ProblemAlert } from './parts';
import { EditionLinks } from './AwardsPage';
import './i18n';
import { NS } from './i18n';

type Dialog = { kind: 'revoke' | 'reissue'; cert: Certificate } | null;

/** Admin: revoke with a written reason (published on the verify page), or reissue a revoked certificate under a new code. */
function CertificateDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [recipientTh, setRecipientTh] = useState(dialog?.cert.recipient.th ?? '');
  const [recipientEn, setRecipientEn] = useState(dialog?.cert.recipient.en ?? '');
  const run = useMutation({
    mutationFn: () =>
      dialog!.kind === 'revoke'
        ? api.post<Certificate>(`/api/awards/certificates/${dialog!.cert.code}/revoke`, { reason, ...(reasonEn.trim() ? { reasonEn } : {}) })
        : api.post<Certificate>(`/api/awards/certificates/${dialog!.cert.code}/reissue`, { recipientTh, recipientEn }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.certificates(dialog!.cert.editionId) });
      onClose();
    },
  });
  if (!dialog) return null;
  const details = run.error instanceof ApiError ? run.error.details : [];
  const err = (field: string) => details.filter((d) => d.path === `body/${field}`).map((d) => (en ? d.en : d.th)).join(' · ') || undefined;
  const revoke = dialog.kind === 'revoke';
  return (
    <Modal opened onClose={onClose} title={t(revoke ? 'certificates.revokeTitle' : 'certificates.reissueTitle', { code: dialog.cert.code })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t(revoke ? 'certificates.revokeHelp' : 'certificates.reissueHelp')}</Text>
          <Text size="sm" fw={600}>
            {pick(dialog.cert.recipient, en)} · {pick(dialog.cert.category, en)}
          </Text>
          {revoke ? (
            <>
              <Textarea label={t('certificates.reasonTh')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason')} data-autofocus />
              <Textarea label={t('certificates.reasonEn')} autosize minRows={2} value={reasonEn} onChange={(e) => setReasonEn(e.currentTarget.value)} error={err('reasonEn')} />
            </>
          ) : (
            <>
              <TextInput label={t('certificates.recipientTh')} required value={recipientTh} onChange={(e) => setRecipientTh(e.currentTarget.value)} error={err('recipientTh')} />
              <TextInput label={t('certificates.recipientEn')} value={recipientEn} onChange={(e) => setRecipientEn(e.currentTarget.value)} error={err('recipientEn')} />
            </>
          )}
          {run.error && details.length === 0 ? <ProblemAlert error={run.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" color={revoke ? 'red' : undefined} loading={run.isPending}>
              {t(revoke ? 'certificates.confirmRevoke' : 'certificates.confirmReissue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CertificateTable({ certificates, showEdition, manage }: { certificates: Certificate[]; showEdition?: boolean; manage?: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
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
                    <Badge color="red" size="xs" data-testid="certificate-revoked">
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
              <Table.Td>
                {f.date(c.issuedAt)}
                {c.revocation ? (
                  <Text size="xs" c="red.8" style={{ whiteSpace: 'pre-wrap' }}>
                    {t('certificates.revokedNote', { at: f.date(c.revocation.at), reason: pick(c.revocation.reason, en) })}
                    {c.replacedBy ? ` · ${t('certificates.replacedBy', { code: c.replacedBy })}` : ''}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {c.status === 'valid' ? (
                    <Button component="a" href={c.pdfUrl || certificatePdfUrl(c.code)} download={`${c.code}.pdf`} size="compact-sm" variant="light" leftSection={<IconDownload size={14} aria-hidden />}>
                      PDF
                    </Button>
                  ) : null}
                  {manage && c.status === 'valid' ? (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDialog({ kind: 'revoke', cert: c })} aria-label={`${t('certificates.revoke')} ${c.code}`}>
                      {t('certificates.revoke')}
                    </Button>
                  ) : null}
                  {manage && c.status === 'revoked' && !c.replacedBy ? (
                    <Button size="compact-sm" variant="subtle" onClick={() => setDialog({ kind: 'reissue', cert: c })} aria-label={`${t('certificates.reissue')} ${c.code}`}>
                      {t('certificates.reissue')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CertificateDialog key={dialog ? `${dialog.kind}:${dialog.cert.code}` : 'none'} dialog={dialog} onClose={() => setDialog(null)} />
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
          <CertificateTable certificates={list} manage={user.role === 'admin'} />
        </>
      )}
    </Stack>
  );
}
