// Pieces shared by the Digital Local screens: rubric guidance, the score-level picker, save status, countdown, badges.
import { Badge, Group, List, Paper, Radio, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCloudOff, IconLoader2, IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAO_TYPE_NAMES, scaleLevels, type Criterion, type ScoreScale } from '../../../engine/judging/rubric.js';
import { useFormat } from '../../components/format';
import type { ContestConfig, ContestPhase, EntryStatus, I18nText } from './api';
import type { DraftStatus } from './useDraft';
import { NS } from './i18n';

export const pickText = (t: I18nText | null | undefined, en: boolean): string => (t ? (en ? t.en || t.th : t.th || t.en) : '');

export function useEn(): boolean {
  const { i18n } = useTranslation();
  return i18n.language === 'en';
}

export function laoTypeName(type: string | null | undefined, en: boolean): string {
  if (!type) return '';
  const n = (LAO_TYPE_NAMES as Record<string, I18nText | undefined>)[type];
  return n ? pickText(n, en) : type;
}

/** A score as the scale writes it: whole numbers plainly, half steps with one decimal. */
export function fmtScore(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

export function tierName(config: Pick<ContestConfig, 'tiers'>, code: string | null | undefined, en: boolean): string | null {
  if (!code) return null;
  const t = config.tiers.find((x) => x.code === code);
  return t ? pickText(t.name, en) : code;
}

const TIER_COLOURS = ['yellow', 'teal', 'blue', 'grape', 'cyan'];

export function TierBadge({ config, code }: { config: Pick<ContestConfig, 'tiers'>; code: string | null | undefined }) {
  const en = useEn();
  const { t } = useTranslation(NS);
  if (!code) return <Text size="sm" c="dimmed">{t('tier.none')}</Text>;
  const i = config.tiers.findIndex((x) => x.code === code);
  return (
    // Tier names are short words: never cut them to an ellipsis in a narrow table column.
    <Badge color={TIER_COLOURS[i] ?? 'gray'} variant={i === 0 ? 'filled' : 'light'} autoContrast data-tier={code} style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {tierName(config, code, en)}
    </Badge>
  );
}

export function PhaseBadge({ phase }: { phase: ContestPhase }) {
  const { t } = useTranslation(NS);
  const colour = { upcoming: 'gray', entries_open: 'green', entries_closed: 'orange', judging: 'blue', committee: 'violet', confirmed: 'indigo', announced: 'teal' }[phase];
  return (
    <Badge color={colour} variant="light" data-phase={phase}>
      {t(`phase.${phase}`)}
    </Badge>
  );
}

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useTranslation(NS);
  const colour = { draft: 'blue', submitted: 'green', withdrawn: 'gray' }[status];
  return (
    <Badge color={colour} variant="light" data-entry-status={status}>
      {t(`entryStatus.${status}`)}
    </Badge>
  );
}

/** The level descriptors of one criterion, highest first (what a judge reads before choosing). */
export function Descriptors({ criterion, scale }: { criterion: Criterion; scale: ScoreScale }) {
  const en = useEn();
  const byScore = new Map(criterion.descriptors.map((d) => [d.score.toFixed(6), d]));
  const levels = scaleLevels(scale)
    .filter((s) => byScore.has(s.toFixed(6)))
    .reverse();
  return (
    <List size="sm" spacing={4} listStyleType="none" ml={0}>
      {levels.map((s) => (
        <List.Item key={s}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="outline" size="sm" miw={36} style={{ flexShrink: 0 }}>
              {s}
            </Badge>
            <Text size="sm">{pickText(byScore.get(s.toFixed(6))!.text, en)}</Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** One criterion's name, weight, guidance and descriptors (contest info, applicant guidance, admin preview). */
export function CriterionGuide({ criterion, scale, weightShare }: { criterion: Criterion; scale: ScoreScale; weightShare: number }) {
  const en = useEn();
  const { t } = useTranslation(NS);
  const f = useFormat();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600}>{pickText(criterion.name, en)}</Text>
        <Badge variant="light" color="gray">
          {t('rubric.weight', { percent: f.number(Math.round(weightShare * 1000) / 10) })}
        </Badge>
      </Group>
      {criterion.guidance ? <Text size="sm">{pickText(criterion.guidance, en)}</Text> : null}
      <Text size="xs" c="dimmed">
        {t('rubric.levels', { min: scale.min, max: scale.max })}
      </Text>
      <Descriptors criterion={criterion} scale={scale} />
    </Stack>
  );
}

export function weightShares(config: Pick<ContestConfig, 'rubric'>): Map<string, number> {
  const total = config.rubric.criteria.reduce((a, c) => a + c.weight, 0);
  return new Map(config.rubric.criteria.map((c) => [c.code, total > 0 ? c.weight / total : 0]));
}

/**
 * Choosing a score level: a radio group (arrow keys move between levels, as for any radio group), each level
 * labelled with its descriptor when the rubric has one.
 */
export function ScoreLevels({
  criterion,
  scale,
  value,
  onChange,
  disabled,
  error,
}: {
  criterion: Criterion;
  scale: ScoreScale;
  value: number | null;
  onChange: (score: number) => void;
  disabled?: boolean;
  error?: string;
}) {
  const en = useEn();
  const { t } = useTranslation(NS);
  const levels = useMemo(() => scaleLevels(scale), [scale]);
  const byScore = new Map(criterion.descriptors.map((d) => [d.score.toFixed(6), d]));
  return (
    <Radio.Group
      label={t('judge.scoreFor', { criterion: pickText(criterion.name, en) })}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(Number(v))}
      error={error}
      data-criterion={criterion.code}
    >
      <Stack gap={6} mt="xs">
        {levels.map((s) => {
          const d = byScore.get(s.toFixed(6));
          return (
            <Radio
              key={s}
              value={String(s)}
              disabled={disabled}
              label={
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text fw={600} miw={28}>
                    {s}
                  </Text>
                  {d ? <Text size="sm">{pickText(d.text, en)}</Text> : null}
                </Group>
              }
            />
          );
        })}
      </Stack>
    </Radio.Group>
  );
}

/** Saved / saving / offline / conflict, announced politely to screen readers. */
export function SaveState({ status, lastSavedAt, onRetry }: { status: DraftStatus; lastSavedAt: string | null; onRetry?: () => void }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const look = {
    saved: { colour: 'green', icon: IconCircleCheck },
    saving: { colour: 'blue', icon: IconLoader2 },
    offline: { colour: 'orange', icon: IconCloudOff },
    error: { colour: 'red', icon: IconAlertTriangle },
    conflict: { colour: 'red', icon: IconAlertTriangle },
    locked: { colour: 'gray', icon: IconLock },
  }[status];
  return (
    <Group gap={6} role="status" aria-live="polite" data-save-status={status} wrap="nowrap">
      <ThemeIcon size="sm" variant="light" color={look.colour} aria-hidden>
        <look.icon size={14} />
      </ThemeIcon>
      <Text size="sm">
        {t(`save.${status}`)}
        {status === 'saved' && lastSavedAt ? ` · ${f.dateTime(lastSavedAt)}` : ''}
      </Text>
      {(status === 'offline' || status === 'error') && onRetry ? (
        <Text component="button" type="button" size="sm" c="blue" td="underline" bg="none" bd="none" style={{ cursor: 'pointer' }} onClick={onRetry}>
          {t('save.retry')}
        </Text>
      ) : null}
    </Group>
  );
}

/** Time left until `deadline` (the server refuses late writes whatever this shows; it is a reminder). */
export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(h);
  }, []);
  const left = Date.parse(deadline) - now;
  if (!Number.isFinite(left)) return null;
  if (left <= 0) {
    return (
      <Text c="red" fw={600} data-countdown="closed">
        {t('countdown.closed', { date: f.dateTime(deadline) })}
      </Text>
    );
  }
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return (
    <Tooltip label={f.dateTime(deadline)}>
      <Text fw={600} c={days < 3 ? 'red.9' : undefined} data-countdown="open">
        {t('countdown.left', { days, hours, minutes })}
      </Text>
    </Tooltip>
  );
}

export function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Text fw={700} size="lg" mb="sm" id={id} component="h2">
        {title}
      </Text>
      {children}
    </Paper>
  );
}
