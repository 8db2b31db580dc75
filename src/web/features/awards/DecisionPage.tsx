// One rule-based award's decision: winners and near misses per group with the why, overrides with reasons, workflow.
import { Alert, Anchor, Badge, Button, Card, Checkbox, Grid, Group, Modal, Stack, Switch, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconSpeakerphone, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Role } from '../../api/types';
import { PageLoader, useUser } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert, PageHeader } from '../../components/ui';
import { num, pick, signed, useDecision, useDecisionAction, type Decision, type DecisionAction, type DecisionGroup, type DecisionUnit } from './api';
import { HistoryTimeline, KnifeEdgeBadge, ProblemAlert, RankIntervalBar, StateBadge } from './parts';
import './i18n';
import { NS } from './i18n';

/** Who may take which action (docs/api.md); the server checks again. */
const ACTION_ROLES: Record<DecisionAction['type'], Role[]> = {
  review: ['admin', 'reviewer'],
  override: ['admin', 'reviewer'],
  approve: ['admin'],
  reopen: ['admin'],
  announce: ['admin'],
};

const OUTCOME_COLOURS: Record<string, string> = {
  won: 'green',
  won_tie: 'green',
  won_tiebreak: 'green',
  below_threshold: 'gray',
  outside_top_n: 'gray',
  lost_tiebreak: 'orange',
  tied_none_win: 'orange',
  excluded: 'red',
};

interface OverrideTarget {
  group: DecisionGroup;
  unit: DecisionUnit;
  change: 'add' | 'remove';
}

export default function DecisionPage() {
  const { eid = '', cid = '' } = useParams();
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const user = useUser();
  const q = useDecision(eid, cid);
  const action = useDecisionAction(eid, cid);
  const [override, setOverride] = useState<OverrideTarget | null>(null);
  const [dialog, setDialog] = useState<'review' | 'approve' | 'reopen' | 'announce' | null>(null);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const can = (a: DecisionAction['type']) => d.allowedActions.includes(a) && ACTION_ROLES[a].includes(user.role);
  const run = (a: DecisionAction, onDone?: () => void) => action.mutate({ ...a, ...(d.version !== null ? { baseVersion: d.version } : {}) }, { onSuccess: () => onDone?.() });
  const open = (name: typeof dialog) => {
    action.reset();
    setDialog(name);
  };
  return (
    <Stack>
      <Anchor component={Link} to={`/awards/${eid}`} size="sm">
        ← {t('backToEdition')}
      </Anchor>
      <PageHeader
        title={pick(d.name, en)}
        description={
          <>
            {d.categoryId} · {t('computedAt', { at: f.dateTime(d.computedAt) })}
            {d.setVersion ? ` · ${t('setVersion', { v: d.setVersion })}` : ''}
          </>
        }
        actions={
          <>
            {d.state ? <StateBadge state={d.state} /> : null}
            {can('review') ? <Button onClick={() => open('review')}>{t('actions.review')}</Button> : null}
            {can('approve') ? (
              <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => open('approve')}>
                {t('actions.approve')}
              </Button>
            ) : null}
            {can('reopen') ? (
              <Button variant="default" onClick={() => open('reopen')}>
                {t('actions.reopen')}
              </Button>
            ) : null}
            {can('announce') ? (
              <Button color="green" leftSection={<IconSpeakerphone size={16} aria-hidden />} onClick={() => open('announce')}>
                {t('actions.announce')}
              </Button>
            ) : null}
          </>
        }
      />
      {action.error && !dialog && !override ? <ProblemAlert error={action.error} /> : null}
      {d.state === 'computed' ? (
        <Alert variant="light" color="blue">
          {t('hint.computed')}
        </Alert>
      ) : null}
      {d.unacknowledgedKnifeEdge.length > 0 ? (
        <Alert variant="light" color="orange" title={t('knife.alertTitle')}>
          {t('knife.alert', { groups: d.unacknowledgedKnifeEdge.map((k) => pick(d.groups.find((g) => g.key === k)?.name, en) || k).join(', ') })}
        </Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, xl: 9 }}>
          <Stack>
            {d.groups.map((g) => (
              <GroupCard key={g.key} decision={d} group={g} canOverride={can('override')} onOverride={(unit, change) => {
                action.reset();
                setOverride({ group: g, unit, change });
              }} />
            ))}
            <FinalWinners decision={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <Stack>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('history.title')}
              </Title>
              <HistoryTimeline history={d.history} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('overrides.title')}
              </Title>
              {d.overrides.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('overrides.none')}
                </Text>
              ) : (
                <Stack gap="xs" data-testid="overrides">
                  {d.overrides.map((o, i) => {
                    const u = d.groups.find((g) => g.key === o.group)?.units?.find((x) => x.organisationId === o.organisationId);
                    return (
                      <div key={i}>
                        <Text size="sm" fw={600}>
                          {t(`overrides.${o.change}`)}: {u ? f.pick(u.nameTh, u.nameEn) : o.organisationId}
                        </Text>
                        <Text size="sm">{o.reason}</Text>
                        <Text size="xs" c="dimmed">
                          {o.byName ?? '—'} · {f.dateTime(o.at)}
                        </Text>
                      </div>
                    );
                  })}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <OverrideDialog
        target={override}
        pending={action.isPending}
        error={override ? action.error : null}
        onClose={() => setOverride(null)}
        onSubmit={(reason) => override && run({ type: 'override', change: override.change, organisationId: override.unit.organisationId, group: override.group.key, reason }, () => setOverride(null))}
      />
      <ActionDialog decision={d} kind={dialog} pending={action.isPending} error={dialog ? action.error : null} onClose={() => setDialog(null)} onSubmit={(a) => run(a, () => setDialog(null))} />
    </Stack>
  );
}

function GroupCard({ decision, group: g, canOverride, onOverride }: { decision: Decision; group: DecisionGroup; canOverride: boolean; onOverride: (u: DecisionUnit, change: 'add' | 'remove') => void }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const [all, setAll] = useState(false);
  const improvement = decision.groups.some((x) => x.units?.some((u) => u.improvement));
  const finalIds = new Set(decision.finalWinners.filter((w) => w.group === g.key).map((w) => w.organisationId));
  const units = g.units ?? [];
  const knife = g.knifeEdge;
  const shown = all ? units : units.filter((u) => u.won || u.nearMiss || finalIds.has(u.organisationId));
  const sel = [g.selection.topN !== undefined ? t('selection.topN', { n: g.selection.topN }) : null, g.selection.minValue !== undefined ? t('selection.minValue', { v: g.selection.minValue }) : null].filter(Boolean).join(' · ');
  return (
    <Card withBorder data-group={g.key}>
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {pick(g.name, en)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('group.counts', { candidates: g.candidates, eligible: g.eligible })} · {sel}
            {g.cutoffValue !== null ? ` · ${t('group.cutoff', { v: num(g.cutoffValue) })}` : ''}
            {g.tieAtCutoff ? ` · ${t('group.tie')}` : ''}
          </Text>
        </Stack>
        {knife?.flagged ? <KnifeEdgeBadge reason={knife.reason} acknowledged={knife.acknowledged} /> : knife?.assessed ? <Badge variant="light" color="green">{t('knife.robust')}</Badge> : null}
      </Group>
      {knife && (knife.flagged || knife.assessed) ? (
        <Text size="sm" mb="xs" data-testid="knife-reason">
          {pick(knife.reason, en)}
        </Text>
      ) : null}
      {g.regression ? (
        <Text size="xs" c="dimmed" mb="xs">
          {t('group.regression', { a: num(g.regression.intercept), b: num(g.regression.slope, 3), n: g.regression.n })}
        </Text>
      ) : null}
      {g.notes.map((n, i) => (
        <Text key={i} size="sm" c="dimmed" mb={4}>
          {pick(n, en)}
        </Text>
      ))}
      {units.length === 0 ? (
        <Text size="sm">{g.winners.length === 0 ? t('group.noWinners') : null}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" data-testid={`decision-table-${g.key}`}>
              <Table.Caption>{t('group.caption', { group: pick(g.name, en) })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cols.rank')}</Table.Th>
                  <Table.Th>{t('cols.organisation')}</Table.Th>
                  <Table.Th ta="right">{t('cols.value')}</Table.Th>
                  {improvement ? <Table.Th ta="right">{t('cols.rawGain')}</Table.Th> : null}
                  {improvement ? <Table.Th ta="right">{t('cols.adjustedGain')}</Table.Th> : null}
                  <Table.Th>{t('cols.interval')}</Table.Th>
                  <Table.Th>{t('cols.outcome')}</Table.Th>
                  <Table.Th>{t('cols.reason')}</Table.Th>
                  {canOverride ? <Table.Th>{t('cols.override')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((u) => {
                  const final = finalIds.has(u.organisationId);
                  const edge = Boolean(knife?.flagged && (knife.lastWinner === u.organisationId || knife.firstNonWinner === u.organisationId));
                  return (
                    <Table.Tr key={u.organisationId} data-org={u.organisationId} data-won={final ? 'true' : 'false'}>
                      <Table.Td>{u.rank ?? '–'}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={final ? 600 : undefined}>
                          {f.pick(u.nameTh, u.nameEn)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[u.code, u.ministryCode, u.provinceCode].filter(Boolean).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{num(u.value, u.value !== null && Math.abs(u.value) <= 1 ? 3 : 2)}</Table.Td>
                      {improvement ? (
                        <Table.Td ta="right">
                          {u.improvement ? (
                            <Tooltip label={t('improvement.detail', { previous: num(u.improvement.previous), current: num(u.improvement.current) })}>
                              <span tabIndex={0}>{signed(u.improvement.rawGain)}</span>
                            </Tooltip>
                          ) : (
                            '–'
                          )}
                        </Table.Td>
                      ) : null}
                      {improvement ? <Table.Td ta="right">{u.improvement ? signed(u.improvement.adjustedGain) : '–'}</Table.Td> : null}
                      <Table.Td>
                        <RankIntervalBar interval={u.rankInterval} n={g.eligible} cutoff={g.selection.topN} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge size="sm" variant="light" color={final ? 'green' : OUTCOME_COLOURS[u.outcome]}>
                            {final && !u.won ? t('outcome.addedByCommittee') : !final && u.won ? t('outcome.removedByCommittee') : t(`outcome.${u.outcome}`)}
                          </Badge>
                          {u.nearMiss ? (
                            <Badge size="sm" variant="outline" color="gray">
                              {t('outcome.nearMiss')}
                            </Badge>
                          ) : null}
                          {edge ? (
                            <Badge size="sm" variant="light" color="orange">
                              {t('knife.badge')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Text size="xs">{pick(u.reason, en)}</Text>
                        {u.exclusions.map((x, i) => (
                          <Text key={i} size="xs" c="red.8">
                            {pick(x.reason, en)}
                          </Text>
                        ))}
                      </Table.Td>
                      {canOverride ? (
                        <Table.Td>
                          {final ? (
                            <Button size="compact-xs" variant="light" color="red" leftSection={<IconUserMinus size={14} aria-hidden />} onClick={() => onOverride(u, 'remove')} aria-label={`${t('overrides.removeButton')}: ${f.pick(u.nameTh, u.nameEn)}`}>
                              {t('overrides.removeButton')}
                            </Button>
                          ) : (
                            <Button size="compact-xs" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => onOverride(u, 'add')} aria-label={`${t('overrides.addButton')}: ${f.pick(u.nameTh, u.nameEn)}`}>
                              {t('overrides.addButton')}
                            </Button>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {units.length > shown.length || all ? <Switch mt="xs" size="sm" label={t('group.showAll', { n: units.length })} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> : null}
        </>
      )}
    </Card>
  );
}

function FinalWinners({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('final.title', { n: decision.finalWinners.length })}
      </Title>
      {decision.finalWinners.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('final.none')}
        </Text>
      ) : (
        <Table data-testid="final-winners">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cols.group')}</Table.Th>
              <Table.Th>{t('cols.organisation')}</Table.Th>
              <Table.Th>{t('cols.source')}</Table.Th>
              <Table.Th>{t('cols.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decision.finalWinners.map((w) => (
              <Table.Tr key={`${w.group}:${w.organisationId}`}>
                <Table.Td>{pick(w.groupName, en)}</Table.Td>
                <Table.Td>{f.pick(w.nameTh, w.nameEn)}</Table.Td>
                <Table.Td>{t(`source.${w.source}`)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{pick(w.reason, en)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function OverrideDialog({ target, pending, error, onClose, onSubmit }: { target: OverrideTarget | null; pending: boolean; error: unknown; onClose: () => void; onSubmit: (reason: string) => void }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title={target ? t(`overrides.${target.change}Title`) : ''} size="lg">
      {target ? (
        <Stack>
          <Text size="sm">
            {t(`overrides.${target.change}Intro`, { org: f.pick(target.unit.nameTh, target.unit.nameEn), group: pick(target.group.name, en) })}
          </Text>
          <Textarea
            label={t('overrides.reason')}
            description={t('overrides.reasonHelp')}
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          {error ? <ProblemAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button color={target.change === 'remove' ? 'red' : undefined} disabled={reason.length === 0} loading={pending} onClick={() => onSubmit(reason)}>
              {t('overrides.confirm')}
            </Button>
          </Group>
          {reason.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('overrides.reasonRequired')}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}

function ActionDialog({ decision: d, kind, pending, error, onClose, onSubmit }: { decision: Decision; kind: 'review' | 'approve' | 'reopen' | 'announce' | null; pending: boolean; error: unknown; onClose: () => void; onSubmit: (a: DecisionAction) => void }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const [text, setText] = useState('');
  const [ack, setAck] = useState<string[]>([]);
  const flagged = d.groups.filter((g) => g.knifeEdge?.flagged && !g.knifeEdge.acknowledged);
  const close = () => {
    setText('');
    setAck([]);
    onClose();
  };
  const submit = () => {
    if (kind === 'review' || kind === 'approve') onSubmit({ type: kind, ...(ack.length ? { acknowledgeKnifeEdge: ack } : {}), ...(text.trim() ? { note: text.trim() } : {}) });
    else if (kind === 'reopen') onSubmit({ type: 'reopen', reason: text });
    else if (kind === 'announce') onSubmit({ type: 'announce' });
  };
  return (
    <Modal opened={kind !== null} onClose={close} title={kind ? t(`actions.${kind}`) : ''} size="lg">
      {kind ? (
        <Stack>
          <Text size="sm">{t(`dialog.${kind}`)}</Text>
          {(kind === 'review' || kind === 'approve') && flagged.length > 0 ? (
            <Checkbox.Group label={t('knife.acknowledgeLabel')} description={t('knife.acknowledgeHelp')} value={ack} onChange={setAck}>
              <Stack gap={6} mt="xs">
                {flagged.map((g) => (
                  <Checkbox key={g.key} value={g.key} label={`${pick(g.name, en)} — ${pick(g.knifeEdge?.reason, en)}`} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          {kind !== 'announce' ? (
            <Textarea label={kind === 'reopen' ? t('dialog.reason') : t('dialog.note')} required={kind === 'reopen'} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          ) : null}
          {error ? <ProblemAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button loading={pending} disabled={kind === 'reopen' && text.length === 0} onClick={submit} color={kind === 'announce' ? 'green' : kind === 'approve' ? 'teal' : undefined}>
              {t(`dialog.confirm.${kind}`)}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
