// Admin: the edition's award set — categories on the left, the selected one's form on the right; save = new version.
import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Menu, Modal, NavLink, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { AwardSet } from '../../../engine/awards/category';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../auth/session';
import { useFormat } from '../../components/format';
import { ErrorAlert, PageHeader } from '../../components/ui';
import { pick, useAwardSet, useAwardSetContext, useEdition, useSaveAwardSet, useSetVersions, type AwardSetAnswer } from './api';
import { EditionLinks } from './AwardsPage';
import { CommitteeForm, RuleForm } from './AwardSetEditor';
import './i18n';
import { NS } from './i18n';
import { FieldErrors, newCommitteeCategory, newRuleCategory, replaceCategory, setPath } from './set-model';

export default function AwardSetPage() {
  const { eid = '' } = useParams();
  const q = useAwardSet(eid);
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <Editor eid={eid} answer={q.data} />;
}

function Editor({ eid, answer }: { eid: string; answer: AwardSetAnswer }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const edition = useEdition(eid);
  const context = useAwardSetContext(edition.data);
  const versions = useSetVersions(eid);
  const save = useSaveAwardSet(eid);
  const [draft, setDraft] = useState<AwardSet>(answer.definition);
  const [baseVersion, setBaseVersion] = useState<number | null>(answer.version);
  const [selected, setSelected] = useState(0);
  const [confirmReset, setConfirmReset] = useState(false);
  const [saved, setSaved] = useState(false);
  // A saved answer replaces the working copy (the server sets edition and version).
  useEffect(() => {
    setDraft(answer.definition);
    setBaseVersion(answer.version);
  }, [answer]);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(answer.definition), [draft, answer]);
  const errors = useMemo(() => new FieldErrors(save.error instanceof ApiError ? save.error.details : []), [save.error]);
  const counts = errors.categoryCounts();
  const scaleMax = draft.scale === '0-1' ? 1 : 100;
  const category = draft.categories[selected];

  const doSave = (definition: AwardSet) => {
    setSaved(false);
    save.mutate({ definition, baseVersion }, { onSuccess: () => setSaved(true) });
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= draft.categories.length) return;
    const list = [...draft.categories];
    const [c] = list.splice(from, 1);
    list.splice(to, 0, c!);
    setDraft({ ...draft, categories: list });
    setSelected(to);
  };
  const remove = (i: number) => {
    setDraft({ ...draft, categories: draft.categories.filter((_, j) => j !== i) });
    setSelected(Math.max(0, Math.min(i, draft.categories.length - 2)));
  };

  return (
    <Stack>
      <Anchor component={Link} to={`/awards/${eid}`} size="sm">
        ← {t('backToEdition')}
      </Anchor>
      <PageHeader
        title={t('editor.title')}
        description={
          answer.saved ? t('editor.savedVersion', { v: answer.version, def: answer.definition.version, by: answer.savedByName ?? '—', at: f.dateTime(answer.savedAt) }) : t('editor.defaultsNote')
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setConfirmReset(true)}>
              {t('editor.reset')}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => doSave(draft)} loading={save.isPending} disabled={!dirty && answer.saved}>
              {t('editor.save')}
            </Button>
          </>
        }
      />
      <EditionLinks eid={eid} current="set" />
      {saved && !dirty ? (
        <Alert color="green" variant="light" role="status">
          {t('editor.saved', { v: answer.version })}
        </Alert>
      ) : null}
      {save.error ? (
        <Alert color="red" variant="light" role="alert" title={errors.size > 0 ? t('editor.saveFailed') : save.error instanceof ApiError ? save.error.localized(i18n.language) : t('editor.saveFailed')} data-testid="set-errors">
          {errors.size > 0 ? (
            <List size="sm">
              {errors.all().map((d, i) => {
                const m = /^categories\[(\d+)\]/.exec(setPath(d.path));
                const c = m ? draft.categories[Number(m[1])] : undefined;
                return (
                  <List.Item key={i}>
                    {c ? (
                      <Anchor component="button" type="button" size="sm" onClick={() => setSelected(Number(m![1]))}>
                        {pick(c.name, en) || c.id}
                      </Anchor>
                    ) : null}
                    {c ? ': ' : ''}
                    {en ? d.en : d.th} <Text span size="xs" c="dimmed">({setPath(d.path)})</Text>
                  </List.Item>
                );
              })}
            </List>
          ) : save.error instanceof ApiError && save.error.code === 'CONFLICT' ? (
            t('editor.conflict')
          ) : null}
        </Alert>
      ) : null}
      <Card withBorder padding="sm">
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            {t('editor.edition')}: <b>{draft.edition}</b>
          </Text>
          <Text size="sm">
            {t('editor.version')}: <b>{draft.version}</b>
          </Text>
          <Group gap="xs">
            <Text size="sm" id="scale-label">
              {t('editor.scale')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="scale-label"
              data={[
                { value: '0-100', label: '0–100' },
                { value: '0-1', label: '0–1' },
              ]}
              value={draft.scale}
              onChange={(v) => setDraft({ ...draft, scale: v === '0-1' ? '0-1' : '0-100' })}
            />
          </Group>
          {errors.at('scale', en) ? (
            <Text c="red" size="sm">
              {errors.at('scale', en)}
            </Text>
          ) : null}
          {dirty ? (
            <Badge color="yellow" variant="light">
              {t('editor.unsaved')}
            </Badge>
          ) : null}
        </Group>
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="xs">
            <Title order={2} size="h5" px="xs" mb="xs">
              {t('editor.categories')}
            </Title>
            <Stack gap={2} data-testid="category-list">
              {draft.categories.map((c, i) => (
                <NavLink
                  key={i}
                  active={i === selected}
                  onClick={() => setSelected(i)}
                  label={pick(c.name, en) || c.id || t('editor.untitled')}
                  description={`${c.id} · ${t(`type.${c.type}`)}`}
                  rightSection={counts.get(i) ? <Badge color="red" size="sm">{counts.get(i)}</Badge> : null}
                  aria-current={i === selected ? 'true' : undefined}
                />
              ))}
            </Stack>
            {errors.at('categories', en) ? (
              <Text c="red" size="sm" px="xs">
                {errors.at('categories', en)}
              </Text>
            ) : null}
            <Menu>
              <Menu.Target>
                <Button mt="sm" variant="light" size="xs" fullWidth leftSection={<IconPlus size={14} aria-hidden />}>
                  {t('editor.addCategory')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  onClick={() => {
                    setDraft({ ...draft, categories: [...draft.categories, newRuleCategory(draft)] });
                    setSelected(draft.categories.length);
                  }}
                >
                  {t('type.rule')}
                </Menu.Item>
                <Menu.Item
                  onClick={() => {
                    setDraft({ ...draft, categories: [...draft.categories, newCommitteeCategory(draft)] });
                    setSelected(draft.categories.length);
                  }}
                >
                  {t('type.committee')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Card>
          <VersionList eid={eid} versions={versions.data?.versions} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {category ? (
            <Card withBorder>
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Title order={2} size="h4">
                  {pick(category.name, en) || category.id}
                </Title>
                <Group gap="xs">
                  <Button size="compact-sm" variant="default" aria-label={t('editor.moveUp')} onClick={() => move(selected, selected - 1)} disabled={selected === 0}>
                    <IconArrowUp size={14} aria-hidden />
                  </Button>
                  <Button size="compact-sm" variant="default" aria-label={t('editor.moveDown')} onClick={() => move(selected, selected + 1)} disabled={selected === draft.categories.length - 1}>
                    <IconArrowDown size={14} aria-hidden />
                  </Button>
                  <Button size="compact-sm" color="red" variant="light" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => remove(selected)}>
                    {t('editor.removeCategory')}
                  </Button>
                </Group>
              </Group>
              {category.type === 'rule' ? (
                <RuleForm key={selected} category={category} index={selected} errors={errors} scaleMax={scaleMax} context={context.data} onChange={(c) => setDraft(replaceCategory(draft, selected, c))} />
              ) : (
                <CommitteeForm key={selected} category={category} index={selected} errors={errors} scaleMax={scaleMax} context={context.data} onChange={(c) => setDraft(replaceCategory(draft, selected, c))} />
              )}
            </Card>
          ) : (
            <Text c="dimmed">{t('editor.noCategories')}</Text>
          )}
        </Grid.Col>
      </Grid>
      <Modal opened={confirmReset} onClose={() => setConfirmReset(false)} title={t('editor.reset')}>
        <Stack>
          <Text size="sm">{t('editor.resetConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(false)}>
              {t('cancel')}
            </Button>
            <ResetButton
              eid={eid}
              onLoaded={(defaults) => {
                setDraft(defaults);
                setSelected(0);
                setConfirmReset(false);
              }}
            />
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/**
 * Loads the engine defaults for the edition into the form (not saved until "Save"): the server answers the defaults
 * while nothing is saved, and otherwise the defaults come from the engine itself (same function the server uses).
 */
function ResetButton({ eid, onLoaded }: { eid: string; onLoaded: (s: AwardSet) => void }) {
  const { t } = useTranslation(NS);
  const q = useAwardSet(eid);
  const [loading, setLoading] = useState(false);
  return (
    <Button
      color="orange"
      loading={loading}
      onClick={() => {
        setLoading(true);
        void import('../../../engine/awards/defaults').then(({ defaultAwardSet }) => {
          const current = q.data?.definition;
          const d = defaultAwardSet({ edition: current?.edition ?? String(q.data?.yearBe ?? ''), scale: current?.scale ?? '0-100' });
          setLoading(false);
          onLoaded({ ...d, version: current?.version ?? d.version });
        });
      }}
    >
      {t('editor.resetDo')}
    </Button>
  );
}

function VersionList({ versions }: { eid: string; versions: { version: number; definitionVersion: string; savedAt: string; savedByName: string | null }[] | undefined }) {
  const { t } = useTranslation(NS);
  const f = useFormat();
  if (!versions?.length) return null;
  return (
    <Card withBorder padding="xs" mt="md">
      <Title order={2} size="h5" px="xs" mb="xs">
        {t('editor.versions')}
      </Title>
      <Table fz="xs" data-testid="set-versions">
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.definitionVersion}</Table.Td>
              <Table.Td>{v.savedByName ?? '—'}</Table.Td>
              <Table.Td>{f.dateTime(v.savedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
