// Committee: raw vs severity-adjusted scores, agreement, flagged entries, the recorded basis, tier overrides, confirm, announce.
import { ActionIcon, Alert, Badge, Button, Group, List, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconFlag, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalibrationResult } from '../../../engine/judging/calibration.js';
import { applyTiers, type RankedEntry } from '../../../engine/judging/tiers.js';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { dlApi, keys, useCommittee, type Contest, type RankedEntryView, type Report, type ScoreBasis } from './api';
import { fmtScore, TierBadge, tierName, useEn } from './components';
import { NS } from './i18n';
import { SheetHistoryDialog } from './SheetHistoryDialog';

const BASES: ScoreBasis[] = ['raw', 'zscore', 'additive'];

/** Rank and tier of every entry under each basis, by the same engine rules the server applies (before overrides). */
function placementsByBasis(report: Report, contest: Contest): Record<ScoreBasis, Map<string, RankedEntry>> {
  // The server's calibration has the engine's CalibrationResult shape (plus presentation fields).
  const calibration = report.calibration as unknown as CalibrationResult;
  const out = {} as Record<ScoreBasis, Map<string, RankedEntry>>;
  for (const b of BASES) out[b] = new Map(applyTiers(calibration, contest.config, b).entries.map((e) => [e.entryId, e]));
  return out;
}

function agreementHint(alpha: number | null): string {
  if (alpha === null) return 'committee.alphaUndefined';
  return alpha >= 0.8 ? 'committee.alphaGood' : alpha >= 0.667 ? 'committee.alphaFair' : 'committee.alphaLow';
}

export default function CommitteeTab({ contest }: { contest: Contest }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const client = useQueryClient();
  const q = useCommittee(contest.year);
  const [overriding, setOverriding] = useState<RankedEntryView | null>(null);
  const [historyOf, setHistoryOf] = useState<RankedEntryView | null>(null);
  const [confirming, setConfirming] = useState<'confirm' | 'announce' | null>(null);
  const [basisReason, setBasisReason] = useState('');
  const [pendingBasis, setPendingBasis] = useState<ScoreBasis | null>(null);
  const setReport = (r: Report) => client.setQueryData(keys.committee(contest.year), r);
  const refreshAll = () => Promise.all([client.invalidateQueries({ queryKey: ['dl', 'committee', String(contest.year)] }), client.invalidateQueries({ queryKey: keys.contest(contest.year) })]);
  const choose = useMutation({
    mutationFn: (b: ScoreBasis) => dlApi.chooseBasis(contest.year, b, basisReason.trim()),
    onSuccess: async (r) => {
      setReport(r);
      setPendingBasis(null);
      setBasisReason('');
      await client.invalidateQueries({ queryKey: keys.contest(contest.year) });
    },
  });
  const removeOverride = useMutation({ mutationFn: (id: string) => dlApi.removeOverride(contest.year, id), onSuccess: setReport });
  const finish = useMutation({
    mutationFn: (what: 'confirm' | 'announce') => (what === 'confirm' ? dlApi.confirm(contest.year) : dlApi.announce(contest.year)),
    onSuccess: async () => {
      setConfirming(null);
      await refreshAll();
    },
  });
  const r = q.data;
  const placements = useMemo(() => (r ? placementsByBasis(r, contest) : null), [r, contest]);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const report = q.data;
  const config = contest.config;
  const locked = Boolean(report.confirmedAt);
  const flags = new Map(report.flags.map((fl) => [fl.entryId, fl.reasons]));
  const cal = new Map(report.calibration.entries.map((e) => [e.entryId, e]));
  const ag = report.calibration.agreement;
  const alpha = ag.alphaTotals.alpha;
  const recorded = report.contest.basisChosenAt;
  // The engine names judges by id in its texts; the committee reads names.
  const judgeNames = new Map(report.calibration.judges.map((j) => [j.judgeId, j.judgeName ?? j.judgeId]));
  const withJudgeNames = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => judgeNames.get(id) ?? id);
  const pendingTies = report.result.entries.filter((e) => e.pendingTier && !e.override).length;
  // Until a basis is recorded, the one shown is offered for recording too.
  const selected = pendingBasis ?? report.chosenBasis ?? report.basis;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Stat label={t('committee.sheets')} value={`${report.sheets.submitted}/${report.sheets.expected}`} hint={t('committee.sheetsHelp')} />
        <Stat label={t('committee.alpha')} value={alpha === null ? '—' : alpha.toFixed(2)} hint={t(agreementHint(alpha))} testId="agreement-alpha" />
        {ag.icc ? (
          <Stat label={t('committee.icc')} value={ag.icc.icc2k.toFixed(2)} hint={t('committee.iccHelp')} />
        ) : ag.iccOneWay ? (
          <Stat label={t('committee.icc1k')} value={ag.iccOneWay.icc1k.toFixed(2)} hint={t('committee.icc1kHelp', { k: ag.iccOneWay.k })} />
        ) : (
          <Stat label={t('committee.icc')} value="—" hint={t('committee.iccNone')} />
        )}
        <Stat label={t('committee.flagged')} value={String(report.flags.length)} />
      </SimpleGrid>
      {report.calibration.warnings.map((w, i) => (
        <Alert key={i} color="orange" variant="light">
          {withJudgeNames(en ? w.en : w.th)}
        </Alert>
      ))}

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" align="flex-start">
            <div>
              <Text fw={600}>{t('committee.basis')}</Text>
              <Text size="sm" c="dimmed" maw={620}>
                {t('committee.basisHelp')}
              </Text>
            </div>
            <SegmentedControl
              value={selected}
              onChange={(b) => setPendingBasis(b as ScoreBasis)}
              data={BASES.map((b) => ({ value: b, label: t(`basis.${b}`) }))}
              disabled={locked}
              aria-label={t('committee.basis')}
            />
          </Group>
          {report.chosenBasis && recorded ? (
            <Text size="sm" data-testid="basis-recorded">
              {t('committee.basisRecorded', { basis: t(`basis.${report.chosenBasis}`), date: f.dateTime(recorded) })}
              {report.contest.basisReason ? ` — ${report.contest.basisReason}` : ''}
            </Text>
          ) : (
            <Text size="sm" c="red.9">
              {t('committee.basisNotChosen', { basis: t(`basis.${report.basis}`) })}
            </Text>
          )}
          {!locked && selected !== report.chosenBasis ? (
            <Group align="flex-end" wrap="wrap">
              <Textarea label={t('committee.basisReason')} value={basisReason} onChange={(e) => setBasisReason(e.currentTarget.value)} autosize minRows={1} w={420} />
              <Button onClick={() => choose.mutate(selected)} loading={choose.isPending}>
                {t('committee.recordBasis', { basis: t(`basis.${selected}`) })}
              </Button>
              {pendingBasis ? (
                <Button variant="default" onClick={() => setPendingBasis(null)}>
                  {t('common.cancel')}
                </Button>
              ) : null}
            </Group>
          ) : null}
          {choose.error ? <ErrorAlert error={choose.error} /> : null}
        </Stack>
      </Paper>

      <Table.ScrollContainer minWidth={960}>
        <Table striped withTableBorder data-testid="committee-table">
          <Table.Caption>{t('committee.caption', { basis: t(`basis.${report.basis}`) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('committee.entry')}</Table.Th>
              <Table.Th>{t('committee.judges')}</Table.Th>
              {BASES.map((b) => (
                <Table.Th key={b} bg={b === report.basis ? 'var(--mantine-color-blue-0)' : undefined}>
                  {t(`basis.${b}`)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('committee.scoreRankTier')}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th miw={120}>{t('committee.tier')}</Table.Th>
              <Table.Th>{t('committee.flags')}</Table.Th>
              <Table.Th aria-label={t('committee.actions')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.result.entries.map((row) => {
              const reasons = flags.get(row.entryId) ?? [];
              const c = cal.get(row.entryId);
              return (
                <Table.Tr key={row.entryId} bg={reasons.length > 0 ? 'var(--mantine-color-yellow-0)' : undefined} data-entry={row.entryId} data-flagged={reasons.length > 0 || undefined}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {f.name(row.entry.organisation)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {row.entry.title}
                      {row.entry.organisation.provinceNameTh ? ` · ${f.pick(row.entry.organisation.provinceNameTh, row.entry.organisation.provinceNameEn)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c?.judgeCount ?? '—'}
                    {c && c.sd !== null ? (
                      <Text size="xs" c="dimmed">
                        {t('committee.spread', { range: fmtScore(c.range), sd: fmtScore(c.sd) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {BASES.map((b) => {
                    const p = placements?.[b].get(row.entryId);
                    return (
                      <Table.Td key={b} bg={b === report.basis ? 'var(--mantine-color-blue-0)' : undefined} data-basis={b}>
                        <Text size="sm" fw={600}>
                          {fmtScore(c ? c[b] : p?.score)}
                        </Text>
                        {p ? (
                          <Group gap={4} wrap="nowrap">
                            <Text size="xs">#{p.rank}</Text>
                            {p.tier ? <Text size="xs">{tierName(config, p.tier, en)}</Text> : null}
                            {p.pendingTier ? (
                              <Badge size="xs" color="orange" variant="light">
                                {t('committee.pending', { tier: tierName(config, p.pendingTier, en) })}
                              </Badge>
                            ) : null}
                          </Group>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                  <Table.Td data-final-tier={row.tier ?? 'none'}>
                    <TierBadge config={config} code={row.tier} />
                    {row.override ? (
                      <Tooltip label={row.override.reason} multiline w={280}>
                        <Text size="xs" c="dimmed" td="underline" style={{ textDecorationStyle: 'dotted' }} tabIndex={0}>
                          {t('committee.overridden')}
                        </Text>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {reasons.length === 0 ? (
                      '—'
                    ) : (
                      <Stack gap={2}>
                        {reasons.map((fl, i) => (
                          <Group key={i} gap={4} wrap="nowrap" align="flex-start" data-flag={fl.code}>
                            <IconFlag size={14} color="var(--mantine-color-orange-7)" aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
                            <Text size="xs">{withJudgeNames(en ? fl.en : fl.th)}</Text>
                          </Group>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {!locked ? (
                        <Button size="xs" variant="subtle" onClick={() => setOverriding(row)}>
                          {t('committee.changeTier')}
                        </Button>
                      ) : null}
                      <Button size="xs" variant="subtle" aria-label={t('history.openFor', { entry: f.name(row.entry.organisation) })} onClick={() => setHistoryOf(row)}>
                        {t('history.open')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {report.overrides.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text fw={600} mb="xs">
            {t('committee.overridesTitle')}
          </Text>
          <List spacing="xs" size="sm">
            {report.overrides.map((o) => {
              const e = report.result.entries.find((x) => x.entryId === o.entryId);
              return (
                <List.Item key={o.id}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm">
                      {t('committee.overrideLine', {
                        entry: e ? f.name(e.entry.organisation) : o.entryId,
                        from: tierName(config, o.from, en) ?? t('tier.none'),
                        to: tierName(config, o.to, en) ?? t('tier.none'),
                        reason: o.reason,
                        by: o.createdByName ?? '—',
                        date: f.dateTime(o.createdAt),
                      })}
                    </Text>
                    {!locked ? (
                      <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('committee.removeOverride')} onClick={() => removeOverride.mutate(o.id)} loading={removeOverride.isPending && removeOverride.variables === o.id}>
                        <IconTrash size={14} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Group>
                </List.Item>
              );
            })}
          </List>
          {removeOverride.error ? <ErrorAlert error={removeOverride.error} /> : null}
        </Paper>
      ) : null}

      {report.voidedSheets.length > 0 ? (
        <Paper withBorder radius="md" p="md" data-testid="voided-sheets">
          <Text fw={600} mb={4}>
            {t('committee.voidedTitle')}
          </Text>
          <Text size="sm" c="dimmed" mb="xs">
            {t('committee.voidedHelp')}
          </Text>
          <List spacing="xs" size="sm">
            {report.voidedSheets.map((v) => (
              <List.Item key={`${v.entryId}:${v.judgeId}:${v.voidedAt}`}>
                {t(v.status === 'submitted' ? 'committee.voidedLine' : 'committee.voidedDraftLine', {
                  judge: v.judgeName,
                  entry: v.entry ? f.name(v.entry.organisation) : v.entryId,
                  total: v.total ?? '—',
                  date: f.dateTime(v.voidedAt),
                })}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" maw={620}>
            {report.announcedAt
              ? t('committee.announcedAt', { date: f.dateTime(report.announcedAt) })
              : report.confirmedAt
                ? t('committee.confirmedAt', { date: f.dateTime(report.confirmedAt) })
                : pendingTies > 0
                  ? t('committee.tiesPending', { count: pendingTies })
                  : t('committee.confirmHelp')}
          </Text>
          <Group gap="sm">
            {!report.confirmedAt ? (
              <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setConfirming('confirm')}>
                {t('committee.confirm')}
              </Button>
            ) : null}
            {report.confirmedAt && !report.announcedAt ? (
              <Button color="teal" leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => setConfirming('announce')}>
                {t('committee.announce')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Paper>

      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={confirming ? t(`committee.${confirming}Title`) : ''}>
        <Stack gap="md">
          <Text size="sm">{confirming ? t(`committee.${confirming}Body`, { basis: t(`basis.${report.chosenBasis ?? report.basis}`), flagged: report.flags.length }) : null}</Text>
          {finish.error ? <ErrorAlert error={finish.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => confirming && finish.mutate(confirming)} loading={finish.isPending}>
              {confirming ? t(`committee.${confirming}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {overriding ? <OverrideDialog contest={contest} row={overriding} onClose={() => setOverriding(null)} onDone={setReport} /> : null}
      {historyOf ? <SheetHistoryDialog contest={contest} entryId={historyOf.entryId} entryName={f.name(historyOf.entry.organisation)} onClose={() => setHistoryOf(null)} /> : null}
    </Stack>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
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

function OverrideDialog({ contest, row, onClose, onDone }: { contest: Contest; row: RankedEntryView; onClose: () => void; onDone: (r: Report) => void }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const f = useFormat();
  const [tier, setTier] = useState<string>(row.tier ?? '');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => dlApi.overrideTier(contest.year, row.entryId, tier || null, reason.trim()),
    onSuccess: (r) => {
      onDone(r);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('committee.overrideTitle', { entry: f.name(row.entry.organisation) })}>
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
