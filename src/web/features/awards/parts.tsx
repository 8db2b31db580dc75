// Small shared pieces of the award screens: state badge, rank-interval bar, knife-edge badge, decision timeline.
import { Alert, Badge, Group, List, Popover, Text, Timeline, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFormat } from '../../components/format';
import { ErrorAlert } from '../../components/ui';
import { pick, STATE_COLOURS, type Decision, type DecisionState, type RankInterval } from './api';
import { NS } from './i18n';

/**
 * An API refusal with its problems listed in the user's language (the awards API puts the engine's Thai and English
 * reasons in `details`); other errors fall back to the shared alert.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  if (!error) return null;
  if (!(error instanceof ApiError) || error.details.length === 0) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t(`problems.${error.code === 'STATE_FORBIDS' ? 'state' : 'title'}`)} role="alert" data-error-code={error.code}>
      {error.details.length === 1 ? (
        <Text size="sm">{en ? error.details[0]!.en : error.details[0]!.th}</Text>
      ) : (
        <List size="sm">
          {error.details.map((d, i) => (
            <List.Item key={i}>{en ? d.en : d.th}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function StateBadge({ state }: { state: DecisionState }) {
  const { t } = useTranslation(NS);
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}

/**
 * The 5–95 % rank interval as a bar on the scale 1…n (rank 1 at the left), the median as a dot and the top-N cut-off
 * as a line: a bar crossing the line means the unit could have landed on the other side of the decision.
 */
export function RankIntervalBar({ interval, n, cutoff }: { interval: RankInterval | null; n: number; cutoff?: number }) {
  const { t } = useTranslation(NS);
  if (!interval) return <Text size="xs" c="dimmed">{t('interval.none')}</Text>;
  const W = 120;
  const H = 14;
  const max = Math.max(n, interval.p95, cutoff ?? 0, 2);
  const x = (rank: number) => 4 + ((rank - 1) / (max - 1)) * (W - 8);
  const label = t('interval.label', { p5: interval.p5, p50: interval.p50, p95: interval.p95 });
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={W} height={H} role="img" aria-label={label} data-interval={`${interval.p5}-${interval.p95}`}>
        <title>{label}</title>
        <line x1={4} x2={W - 4} y1={H / 2} y2={H / 2} stroke="var(--mantine-color-gray-4)" strokeWidth={1} />
        {cutoff ? <line x1={x(cutoff + 0.5)} x2={x(cutoff + 0.5)} y1={0} y2={H} stroke="var(--mantine-color-red-6)" strokeWidth={1} strokeDasharray="2 2" /> : null}
        <rect x={x(interval.p5)} y={H / 2 - 3} width={Math.max(2, x(interval.p95) - x(interval.p5))} height={6} rx={3} fill="var(--mantine-color-blue-5)" />
        <circle cx={x(interval.p50)} cy={H / 2} r={3.5} fill="var(--mantine-color-blue-9)" />
      </svg>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {interval.p5 === interval.p95 ? interval.p5 : `${interval.p5}–${interval.p95}`}
      </Text>
    </Group>
  );
}

/** A knife-edge warning that opens its explanation (the engine's reason) on click or keyboard. */
export function KnifeEdgeBadge({ reason, acknowledged }: { reason: { th: string; en: string }; acknowledged?: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  return (
    <Popover width={340} withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label={`${t('knife.badge')}: ${t('knife.explain')}`} data-testid="knife-edge">
          <Badge color={acknowledged ? 'gray' : 'orange'} variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ cursor: 'pointer' }}>
            {t('knife.badge')}
            {acknowledged ? ` · ${t('knife.ack')}` : ''}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={4}>
          {t('knife.what')}
        </Text>
        <Text size="sm">{pick(reason, en)}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}

export function HistoryTimeline({ history }: { history: Decision['history'] }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  if (history.length === 0) return <Text size="sm" c="dimmed">{t('history.empty')}</Text>;
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} data-testid="decision-history">
      {history.map((h, i) => (
        <Timeline.Item key={i} title={t(`actions.${h.action}`, { defaultValue: h.action })}>
          <Text size="xs" c="dimmed">
            {h.from ? `${t(`state.${h.from}`)} → ` : ''}
            {t(`state.${h.to}`)} · {h.byName ?? '—'} · {f.dateTime(h.at)}
          </Text>
          {h.note ? <Text size="sm">{h.note}</Text> : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
