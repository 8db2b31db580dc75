// Committee: raw vs severity-adjusted scores, agreement, flagged entries, the recorded basis, tier overrides, confirm, announce.
import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, Select, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconFlag, IconSpeakerphone, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi, keys, useCommittee, type CommitteeRow, type CommitteeView, type Contest, type ScoreBasis } from './api';
import { fmtScore, TierBadge, tierName, useEn } from './components';
import { NS } from './i18n';

const BASES: ScoreBasis[] = ['raw', 'zscore', 'additive'];

export default function CommitteeTab({ contest }: { contest: Contest }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const client = useQueryClient();
  const q = useCommittee(contest.year);
  const [overriding, setOverriding] = useState<CommitteeRow | null>(null);
  const [confirming, setConfirming] = useState<'confirm' | 'announce' | null>(null);
  const [basisReason, setBasisReason] = useState('');
  const [pendingBasis, setPendingBasis] = useState<ScoreBasis | null>(null);
  const setData = (v: CommitteeView) => client.setQueryData(keys.committee(contest.year), v);
  const choose = useMutation({
    mutationFn: (b: ScoreBasis) => dlApi.chooseBasis(contest.year, b, q.data!.version, basisReason.trim()),
    onSuccess: (v) => {
      setData(v);
      setPendingBasis(null);
      setBasisReason('');
    },
  });
  const confirm = useMutation({
    mutationFn: (what: 'confirm' | 'announce') => (what === 'confirm' ? dlApi.confirm(contest.year, q.data!.version) : dlApi.announce(contest.year, q.data!.version)),
    onSuccess: async (v) => {
      setData(v);
      setConfirming(null);
      await client.invalidateQueries({ queryKey: keys.contest(contest.year) });
    },
  });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const v = q.data;
  const config = contest.config;
  const locked = Boolean(v.confirmedAt);
  const flagged = v.rows.filter((r) => r.flags.length > 0).length;
  const agreementValue = v.agreement.alpha;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Stat label={t('committee.entries')} value={String(v.rows.length)} />
        <Stat
          label={t('committee.alpha')}
          value={agreementValue === null ? '—' : agreementValue.toFixed(2)}
          hint={agreementValue === null ? undefined : t(agreementValue >= 0.8 ? 'committee.alphaGood' : agreementValue >= 0.667 ? 'committee.alphaFair' : 'committee.alphaLow')}
        />
        {v.agreement.icc2k != null ? <Stat label={t('committee.icc')} value={v.agreement.icc2k.toFixed(2)} hint={t('committee.iccHelp')} /> : v.agreement.icc11 != null ? <Stat label={t('committee.icc1')} value={v.agreement.icc11.toFixed(2)} /> : null}
        <Stat label={t('committee.flagged')} value={String(flagged)} />
      </SimpleGrid>
      {v.warnings.map((w, i) => (
        <Alert key={i} color="orange" variant="light">
          {en ? w.en : w.th}
        </Alert>
      ))}

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{t('committee.basis')}</Text>
              <Text size="sm" c="dimmed" maw={620}>
                {t('committee.basisHelp')}
              </Text>
            </div>
            <SegmentedControl
              value={pendingBasis ?? v.basis}
              onChange={(b) => setPendingBasis(b as ScoreBasis)}
              data={BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
              disabled={locked}
              aria-label={t('committee.basis')}
            />
          </Group>
          {v.basisChosenAt ? (
            <Text size="xs" c="dimmed" data-testid="basis-recorded">
              {t('committee.basisRecorded', { basis: t(`basis.${v.basis}`), by: v.basisChosenBy ?? '—', date: f.dateTime(v.basisChosenAt) })}
            </Text>
          ) : null}
          {pendingBasis && pendingBasis !== v.basis ? (
            <Group align="flex-end" wrap="wrap">
              <Textarea label={t('committee.basisReason')} value={basisReason} onChange={(e) => setBasisReason(e.currentTarget.value)} autosize minRows={1} w={420} />
              <Button onClick={() => choose.mutate(pendingBasis)} loading={choose.isPending}>
                {t('committee.recordBasis', { basis: t(`basis.${pendingBasis}`) })}
              </Button>
              <Button variant="default" onClick={() => setPendingBasis(null)}>
                {t('common.cancel')}
              </Button>
            </Group>
          ) : null}
          {choose.error ? <ErrorAlert error={choose.error} /> : null}
        </Stack>
      </Paper>

      <Table striped withTableBorder data-testid="committee-table">
        <Table.Caption>{t('committee.caption', { basis: t(`basis.${v.basis}`) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('committee.entry')}</Table.Th>
            <Table.Th>{t('committee.judges')}</Table.Th>
            {BASES.map((b) => (
              <Table.Th key={b} bg={b === v.basis ? 'var(--mantine-color-blue-0)' : undefined}>
                {t(`basis.${b}`)}
                <Text size="xs" c="dimmed" fw={400}>
                  {t('committee.scoreRankTier')}
                </Text>
              </Table.Th>
            ))}
            <Table.Th>{t('committee.tier')}</Table.Th>
            <Table.Th>{t('committee.flags')}</Table.Th>
            <Table.Th aria-label={t('committee.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.rows.map((r) => (
            <Table.Tr key={r.entryId} bg={r.flags.length > 0 ? 'var(--mantine-color-yellow-0)' : undefined} data-entry={r.entryId} data-flagged={r.flags.length > 0 || undefined}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.organisationName}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.title}
                  {r.provinceName ? ` · ${r.provinceName}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{r.judgeCount}</Table.Td>
              {BASES.map((b) => {
                const p = r.placements[b];
                return (
                  <Table.Td key={b} bg={b === v.basis ? 'var(--mantine-color-blue-0)' : undefined}>
                    <Text size="sm" fw={600}>
                      {fmtScore(r[b])}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs">#{p.rank}</Text>
                      {p.tier ? <Text size="xs">{tierName(config, p.tier, en)}</Text> : null}
                      {p.pendingTier ? (
                        <Badge size="xs" color="orange" variant="light">
                          {t('committee.pending', { tier: tierName(config, p.pendingTier, en) })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                );
              })}
              <Table.Td>
                <TierBadge config={config} code={r.tier} />
                {r.override ? (
                  <Tooltip label={r.override.reason} multiline w={280}>
                    <Text size="xs" c="dimmed" td="underline" style={{ textDecorationStyle: 'dotted' }}>
                      {t('committee.overridden')}
                    </Text>
                  </Tooltip>
                ) : null}
              </Table.Td>
              <Table.Td>
                {r.flags.length === 0 ? (
                  '—'
                ) : (
                  <Stack gap={2}>
                    {r.flags.map((fl, i) => (
                      <Group key={i} gap={4} wrap="nowrap" align="flex-start" data-flag={fl.code}>
                        <IconFlag size={14} color="var(--mantine-color-orange-7)" aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
                        <Text size="xs">{en ? fl.en : fl.th}</Text>
                      </Group>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                {!locked ? (
                  <Button size="xs" variant="subtle" onClick={() => setOverriding(r)}>
                    {t('committee.changeTier')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" maw={620}>
            {v.announcedAt
              ? t('committee.announcedAt', { date: f.dateTime(v.announcedAt) })
              : v.confirmedAt
                ? t('committee.confirmedAt', { date: f.dateTime(v.confirmedAt) })
                : t('committee.confirmHelp')}
          </Text>
          <Group gap="sm">
            {!v.confirmedAt ? (
              <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setConfirming('confirm')}>
                {t('committee.confirm')}
              </Button>
            ) : null}
            {v.confirmedAt && !v.announcedAt ? (
              <Button color="teal" leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setConfirming('announce')}>
                {t('committee.announce')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Paper>

      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? t(`committee.${confirming}Title`) : ''}>
        <Stack gap="md">
          <Text size="sm">{confirming ? t(`committee.${confirming}Body`, { basis: t(`basis.${v.basis}`), flagged }) : null}</Text>
          {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => confirming && confirm.mutate(confirming)} loading={confirm.isPending}>
              {confirming ? t(`committee.${confirming}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {overriding ? <OverrideDialog contest={contest} row={overriding} version={v.version} onClose={() => setOverriding(null)} onDone={setData} /> : null}
    </Stack>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

function OverrideDialog({ contest, row, version, onClose, onDone }: { contest: Contest; row: CommitteeRow; version: number; onClose: () => void; onDone: (v: CommitteeView) => void }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const [tier, setTier] = useState<string>(row.tier ?? '');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => dlApi.overrideTier(contest.year, row.entryId, tier || null, reason.trim(), version),
    onSuccess: (v) => {
      onDone(v);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('committee.overrideTitle', { entry: row.organisationName })}>
      <Stack gap="md">
        <Select
          label={t('committee.newTier')}
          value={tier}
          onChange={(x) => setTier(x ?? '')}
          data={[...contest.config.tiers.map((x) => ({ value: x.code, label: tierName(contest.config, x.code, en) ?? x.code })), { value: '', label: t('tier.none') }]}
          allowDeselect={false}
        />
        <Textarea
          label={t('committee.overrideReason')}
          description={t('committee.overrideReasonHelp')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={3}
          error={tried && !reason.trim() ? t('committee.reasonRequired') : undefined}
        />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => {
              setTried(true);
              if (reason.trim()) save.mutate();
            }}
            loading={save.isPending}
          >
            {t('committee.saveOverride')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
