// Admin: a contest's set-up — dates, rubric (weights, scale, level descriptors), tiers, eligibility — with field-level errors.
import { ActionIcon, Alert, Button, Checkbox, Divider, Fieldset, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LAO_TYPES, scaleLevels, validateContestConfig, type ContestConfig, type ContestSchedule, type Criterion, type TierRule } from '../../../engine/judging/rubric.js';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ui';
import { dlApi, keys, type I18nText } from './api';
import { laoTypeName, pickText, useEn } from './components';
import { NS } from './i18n';

const SCHEDULE_KEYS: (keyof ContestSchedule)[] = ['entriesOpen', 'entriesClose', 'judgingStart', 'judgingEnd', 'announcement'];

/** Contest dates are Thai dates: shown and entered in Bangkok time (UTC+7) whatever the browser's zone. */
export function isoToBangkokInput(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + 7 * 3_600_000).toISOString().slice(0, 16);
}

export function bangkokInputToIso(v: string): string {
  return v ? `${v}:00+07:00` : '';
}

/** Server and engine paths ("config.rubric.criteria[0].weight", "/config/rubric/criteria/0/weight") → one form. */
export function normalisePath(path: string): string {
  return path
    .replace(/^\/?config[./]/, '')
    .replace(/^\//, '')
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.');
}

function defaultSchedule(year: number): ContestSchedule {
  const ce = year - 543;
  return {
    entriesOpen: `${ce}-09-01T00:00:00+07:00`,
    entriesClose: `${ce}-10-31T23:59:00+07:00`,
    judgingStart: `${ce}-11-01T00:00:00+07:00`,
    judgingEnd: `${ce}-11-30T23:59:00+07:00`,
    announcement: `${ce}-12-15T10:00:00+07:00`,
  };
}

export default function SetupForm({ year, initial, version }: { year: number; initial: ContestConfig; version: number | null }) {
  const { t } = useTranslation(NS);
  const en = useEn();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [config, setConfig] = useState<ContestConfig>(() => ({ ...initial, year, schedule: initial.schedule ?? defaultSchedule(year) }));
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);

  const local = useMemo(() => validateContestConfig(config), [config]);
  const errors = useMemo(() => {
    const m = new Map<string, string>();
    if (tried) for (const p of local) m.set(normalisePath(p.path), en ? p.en : p.th);
    if (serverError instanceof ApiError) for (const d of serverError.details) m.set(normalisePath(d.path), en ? d.en : d.th);
    return m;
  }, [local, serverError, tried, en]);
  const err = (path: string) => errors.get(path);

  const up = (patch: Partial<ContestConfig>) => {
    setSaved(false);
    setConfig((c) => ({ ...c, ...patch }));
  };
  const upCriterion = (i: number, patch: Partial<Criterion>) => up({ rubric: { ...config.rubric, criteria: config.rubric.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) } });
  const upTier = (i: number, patch: Partial<TierRule>) => up({ tiers: config.tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  const save = async () => {
    setTried(true);
    setServerError(null);
    if (local.length > 0) return;
    setBusy(true);
    try {
      const c = await dlApi.saveContest(year, config, version);
      client.setQueryData(keys.contest(year), c);
      await client.invalidateQueries({ queryKey: keys.contests });
      setSaved(true);
      if (version === null) navigate(`/digital-local/admin/${year}`);
    } catch (e) {
      setServerError(e);
    } finally {
      setBusy(false);
    }
  };

  const levels = scaleLevels(config.rubric.scale.step > 0 && config.rubric.scale.max > config.rubric.scale.min ? config.rubric.scale : { min: 1, max: 5, step: 1 });
  const unplaced = [...errors.entries()].filter(([p]) => !KNOWN_PREFIXES.some((k) => p.startsWith(k)));

  return (
    <Stack gap="lg">
      <Fieldset legend={t('setup.general')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('setup.nameTh')} value={config.name.th} onChange={(e) => up({ name: { ...config.name, th: e.currentTarget.value } })} error={err('name')} required />
          <TextInput label={t('setup.nameEn')} value={config.name.en} onChange={(e) => up({ name: { ...config.name, en: e.currentTarget.value } })} error={err('name')} required />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('setup.schedule')}>
        <Text size="xs" c="dimmed" mb="xs">
          {t('setup.scheduleHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {SCHEDULE_KEYS.map((k) => (
            <TextInput
              key={k}
              type="datetime-local"
              label={t(`setup.dates.${k}`)}
              value={isoToBangkokInput(config.schedule?.[k])}
              onChange={(e) => up({ schedule: { ...(config.schedule ?? defaultSchedule(year)), [k]: bangkokInputToIso(e.currentTarget.value) } })}
              error={err(`schedule.${k}`)}
              required
            />
          ))}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('setup.scale')}>
        <SimpleGrid cols={{ base: 3 }} maw={480}>
          {(['min', 'max', 'step'] as const).map((k) => (
            <NumberInput
              key={k}
              label={t(`setup.scale_${k}`)}
              value={config.rubric.scale[k]}
              onChange={(v) => up({ rubric: { ...config.rubric, scale: { ...config.rubric.scale, [k]: Number(v) } } })}
              error={k === 'step' ? err('rubric.scale') : undefined}
              decimalScale={2}
            />
          ))}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('setup.criteria')}>
        <Stack gap="lg">
          {err('rubric.criteria') ? <Text c="red" size="sm">{err('rubric.criteria')}</Text> : null}
          {config.rubric.criteria.map((c, i) => (
            <Paper key={i} withBorder p="md" radius="md" data-criterion-form={c.code}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={3} size="h5">
                    {t('setup.criterionN', { n: i + 1, name: pickText(c.name, en) })}
                  </Title>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('setup.removeCriterion', { name: pickText(c.name, en) })}
                    onClick={() => up({ rubric: { ...config.rubric, criteria: config.rubric.criteria.filter((_, j) => j !== i) } })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <TextInput label={t('setup.code')} value={c.code} onChange={(e) => upCriterion(i, { code: e.currentTarget.value })} error={err(`rubric.criteria[${i}].code`)} />
                  <TextInput label={t('setup.nameTh')} value={c.name.th} onChange={(e) => upCriterion(i, { name: { ...c.name, th: e.currentTarget.value } })} error={err(`rubric.criteria[${i}].name`)} />
                  <TextInput label={t('setup.nameEn')} value={c.name.en} onChange={(e) => upCriterion(i, { name: { ...c.name, en: e.currentTarget.value } })} error={err(`rubric.criteria[${i}].name`)} />
                  <NumberInput label={t('setup.weight')} value={c.weight} onChange={(v) => upCriterion(i, { weight: Number(v) })} error={err(`rubric.criteria[${i}].weight`)} min={0} decimalScale={2} />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Textarea label={t('setup.guidanceTh')} autosize minRows={2} value={c.guidance?.th ?? ''} onChange={(e) => upCriterion(i, { guidance: { th: e.currentTarget.value, en: c.guidance?.en ?? '' } })} error={err(`rubric.criteria[${i}].guidance`)} />
                  <Textarea label={t('setup.guidanceEn')} autosize minRows={2} value={c.guidance?.en ?? ''} onChange={(e) => upCriterion(i, { guidance: { th: c.guidance?.th ?? '', en: e.currentTarget.value } })} error={err(`rubric.criteria[${i}].guidance`)} />
                </SimpleGrid>
                <Divider label={t('setup.descriptors')} labelPosition="left" />
                {levels.map((score) => {
                  const j = c.descriptors.findIndex((d) => Math.abs(d.score - score) < 1e-6);
                  const d = j >= 0 ? c.descriptors[j]! : null;
                  const setText = (text: I18nText) => {
                    const rest = c.descriptors.filter((x) => Math.abs(x.score - score) >= 1e-6);
                    const next = text.th.trim() || text.en.trim() ? [...rest, { score, text }].sort((a, b) => a.score - b.score) : rest;
                    upCriterion(i, { descriptors: next });
                  };
                  const e = j >= 0 ? (err(`rubric.criteria[${i}].descriptors[${j}].text`) ?? err(`rubric.criteria[${i}].descriptors[${j}].score`)) : undefined;
                  return (
                    <SimpleGrid key={score} cols={{ base: 1, sm: 2 }} spacing="xs">
                      <TextInput label={t('setup.levelTh', { score })} value={d?.text.th ?? ''} onChange={(ev) => setText({ th: ev.currentTarget.value, en: d?.text.en ?? '' })} error={e} />
                      <TextInput label={t('setup.levelEn', { score })} value={d?.text.en ?? ''} onChange={(ev) => setText({ th: d?.text.th ?? '', en: ev.currentTarget.value })} error={e} />
                    </SimpleGrid>
                  );
                })}
              </Stack>
            </Paper>
          ))}
          <Button
            variant="light"
            w="fit-content"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => up({ rubric: { ...config.rubric, criteria: [...config.rubric.criteria, { code: `c${config.rubric.criteria.length + 1}`, name: { th: '', en: '' }, weight: 1, descriptors: [] }] } })}
          >
            {t('setup.addCriterion')}
          </Button>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('setup.tiers')}>
        <Stack gap="md">
          <Text size="xs" c="dimmed">
            {t('setup.tiersHelp')}
          </Text>
          {err('tiers') ? <Text c="red" size="sm">{err('tiers')}</Text> : null}
          {config.tiers.map((x, i) => (
            <Paper key={i} withBorder p="md" radius="md">
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={t('setup.code')} value={x.code} onChange={(e) => upTier(i, { code: e.currentTarget.value })} error={err(`tiers[${i}].code`)} />
                  <TextInput label={t('setup.nameTh')} value={x.name.th} onChange={(e) => upTier(i, { name: { ...x.name, th: e.currentTarget.value } })} error={err(`tiers[${i}].name`)} />
                  <TextInput label={t('setup.nameEn')} value={x.name.en} onChange={(e) => upTier(i, { name: { ...x.name, en: e.currentTarget.value } })} error={err(`tiers[${i}].name`)} />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <NumberInput
                    label={t('setup.topN')}
                    value={x.topN ?? ''}
                    onChange={(v) => upTier(i, { topN: v === '' ? undefined : Number(v) })}
                    error={err(`tiers[${i}].topN`) ?? err(`tiers[${i}]`)}
                    min={1}
                    allowDecimal={false}
                  />
                  <NumberInput label={t('setup.minScore')} value={x.minScore ?? ''} onChange={(v) => upTier(i, { minScore: v === '' ? undefined : Number(v) })} error={err(`tiers[${i}].minScore`)} decimalScale={2} />
                  <Select
                    label={t('setup.tieRule')}
                    value={x.tieAtCutoff}
                    onChange={(v) => v && upTier(i, { tieAtCutoff: v as TierRule['tieAtCutoff'] })}
                    data={(['refer_to_committee', 'include_all', 'exclude_all'] as const).map((r) => ({ value: r, label: t(`setup.tie.${r}`) }))}
                    error={err(`tiers[${i}].tieAtCutoff`)}
                    allowDeselect={false}
                  />
                </SimpleGrid>
                <Group justify="flex-end">
                  <Button variant="subtle" color="red" size="xs" onClick={() => up({ tiers: config.tiers.filter((_, j) => j !== i) })}>
                    {t('setup.removeTier')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
          <Button
            variant="light"
            w="fit-content"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => up({ tiers: [...config.tiers, { code: `tier${config.tiers.length + 1}`, name: { th: '', en: '' }, topN: 1, tieAtCutoff: 'refer_to_committee' }] })}
          >
            {t('setup.addTier')}
          </Button>
          <MultiSelect
            label={t('setup.tieBreak')}
            description={t('setup.tieBreakHelp')}
            data={config.rubric.criteria.map((c) => ({ value: c.code, label: pickText(c.name, en) || c.code }))}
            value={config.tieBreakCriteria}
            onChange={(v) => up({ tieBreakCriteria: v })}
            error={[...errors.entries()].find(([p]) => p.startsWith('tieBreakCriteria'))?.[1]}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('setup.judging')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('setup.judgesPerEntry')} value={config.judgesPerEntry} onChange={(v) => up({ judgesPerEntry: Number(v) })} error={err('judgesPerEntry')} min={1} allowDecimal={false} />
          <NumberInput
            label={t('setup.maxRange')}
            description={t('setup.maxRangeHelp')}
            value={config.disagreement.maxRange}
            onChange={(v) => up({ disagreement: { ...config.disagreement, maxRange: Number(v) } })}
            error={err('disagreement.maxRange')}
            decimalScale={2}
            min={0}
          />
          <NumberInput
            label={t('setup.maxSd')}
            value={config.disagreement.maxSd}
            onChange={(v) => up({ disagreement: { ...config.disagreement, maxSd: Number(v) } })}
            error={err('disagreement.maxSd')}
            decimalScale={2}
            min={0}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('setup.eligibility')}>
        <Checkbox.Group value={config.eligibleLaoTypes} onChange={(v) => up({ eligibleLaoTypes: v as ContestConfig['eligibleLaoTypes'] })} error={err('eligibleLaoTypes')} label={t('setup.eligibleTypes')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {LAO_TYPES.map((x) => (
              <Checkbox key={x} value={x} label={laoTypeName(x, en)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Fieldset>

      {unplaced.length > 0 ? (
        <Alert color="red" variant="light" role="alert">
          {unplaced.map(([p, m]) => (
            <Text key={p} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      ) : null}
      {serverError && !(serverError instanceof ApiError && serverError.details.length > 0) ? <ErrorAlert error={serverError} /> : null}
      {tried && local.length > 0 ? (
        <Alert color="orange" variant="light" role="alert" data-testid="setup-invalid">
          {t('setup.fixErrors', { count: local.length })}
        </Alert>
      ) : null}
      {saved ? (
        <Alert color="green" variant="light" role="status">
          {t('setup.saved')}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={busy}>
          {version === null ? t('setup.create') : t('setup.save')}
        </Button>
      </Group>
    </Stack>
  );
}

const KNOWN_PREFIXES = ['name', 'schedule.', 'rubric.', 'tiers', 'tieBreakCriteria', 'judgesPerEntry', 'disagreement.', 'eligibleLaoTypes'];
