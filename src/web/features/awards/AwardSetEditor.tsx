// Form for one award category (rule or committee) of the edition's award set, with the API's problems per field.
import { ActionIcon, Button, Card, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Table, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CommitteeCategory, Criterion, PeerGroupCode, RuleCategory, SecondaryCriterion, Selection, TieRule } from '../../../engine/awards/category';
import { PEER_GROUPS, PEER_GROUP_CODES } from '../../../engine/awards/category';
import type { I18nText } from '../../../engine/awards/types';
import type { AwardSetContextInfo } from './api';
import { NS } from './i18n';
import { FieldErrors, fromThaiLocalInput, optNumber, percentToShare, shareToPercent, thaiLocalInput, withField } from './set-model';

interface FormProps<C> {
  category: C;
  index: number;
  errors: FieldErrors;
  scaleMax: number;
  context: AwardSetContextInfo | undefined;
  onChange: (c: C) => void;
}

function useErr(index: number, errors: FieldErrors) {
  const { i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  return (rel: string) => errors.at(`categories[${index}]${rel}`, en);
}

function NameFields({ value, onChange, error, label, required, multiline }: { value: I18nText | undefined; onChange: (v: I18nText) => void; error?: string; label: string; required?: boolean; multiline?: boolean }) {
  const { t } = useTranslation(NS);
  const v = value ?? { th: '', en: '' };
  const Input = multiline ? Textarea : TextInput;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Input label={`${label} (${t('editor.thai')})`} required={required} value={v.th} error={error} onChange={(e) => onChange({ ...v, th: e.currentTarget.value })} autosize={multiline ? true : undefined} />
      <Input label={`${label} (${t('editor.english')})`} required={required} value={v.en} error={error ? ' ' : undefined} onChange={(e) => onChange({ ...v, en: e.currentTarget.value })} autosize={multiline ? true : undefined} />
    </SimpleGrid>
  );
}

export function CommonFields<C extends RuleCategory | CommitteeCategory>({ category, index, errors, onChange }: FormProps<C>) {
  const { t } = useTranslation(NS);
  const err = useErr(index, errors);
  return (
    <Stack gap="sm">
      <TextInput label={t('editor.id')} description={t('editor.idHelp')} required value={category.id} error={err('.id')} onChange={(e) => onChange({ ...category, id: e.currentTarget.value })} w={{ base: '100%', sm: 320 }} />
      <NameFields label={t('editor.name')} required value={category.name} error={err('.name')} onChange={(name) => onChange({ ...category, name })} />
      <NameFields
        label={t('editor.description')}
        multiline
        value={category.description}
        error={err('.description')}
        onChange={(d) => onChange(withField(category, 'description', d.th.trim() || d.en.trim() ? d : undefined))}
      />
    </Stack>
  );
}

const CRITERION_KINDS: Criterion['kind'][] = ['overall', 'dimension', 'items', 'improvement', 'yes_no'];
const SECONDARY_KINDS: SecondaryCriterion['kind'][] = ['overall', 'dimension', 'items', 'completeness', 'evidence_share'];

function defaultCriterion(kind: Criterion['kind']): Criterion {
  switch (kind) {
    case 'overall':
      return { kind };
    case 'dimension':
      return { kind, dimension: '' };
    case 'items':
      return { kind, tags: [] };
    case 'improvement':
      return { kind, basis: 'overall', method: 'adjusted' };
    case 'yes_no':
      return { kind, tag: '' };
  }
}

function defaultSecondary(kind: SecondaryCriterion['kind']): SecondaryCriterion {
  if (kind === 'dimension') return { kind, dimension: '' };
  if (kind === 'items') return { kind, tags: [] };
  return { kind };
}

/** Dimension picker: a select when the edition's framework is known, free text otherwise. */
function DimensionField({ value, onChange, error, context, label }: { value: string; onChange: (v: string) => void; error?: string; context?: AwardSetContextInfo; label: string }) {
  const { i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  if (context?.dimensions?.length)
    return (
      <Select
        label={label}
        required
        data={context.dimensions.map((d) => ({ value: d.code, label: `${d.code} · ${en ? d.name.en : d.name.th}` }))}
        value={value || null}
        error={error}
        onChange={(v) => onChange(v ?? '')}
      />
    );
  return <TextInput label={label} required value={value} error={error} onChange={(e) => onChange(e.currentTarget.value)} />;
}

function TagsField({ value, onChange, error, context, label, description }: { value: string[]; onChange: (v: string[]) => void; error?: string; context?: AwardSetContextInfo; label: string; description?: string }) {
  return <TagsInput label={label} description={description} data={context?.tags ?? []} value={value} error={error} onChange={onChange} clearable />;
}

function ItemRefFields({ value, onChange, err, prefix, context }: { value: { tags?: string[]; codes?: string[] }; onChange: (v: { tags?: string[]; codes?: string[] }) => void; err: (p: string) => string | undefined; prefix: string; context?: AwardSetContextInfo }) {
  const { t } = useTranslation(NS);
  const tagErr = err(`${prefix}.tags`) ?? err(prefix) ?? value.tags?.map((_, j) => err(`${prefix}.tags[${j}]`)).find(Boolean);
  const codeErr = err(`${prefix}.codes`) ?? value.codes?.map((_, j) => err(`${prefix}.codes[${j}]`)).find(Boolean);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TagsField label={t('editor.tags')} description={t('editor.tagsHelp')} context={context} value={value.tags ?? []} error={tagErr} onChange={(tags) => onChange(withField(value, 'tags', tags.length ? tags : undefined))} />
      <TagsInput
        label={t('editor.codes')}
        description={t('editor.codesHelp')}
        data={context?.itemCodes ?? []}
        value={value.codes ?? []}
        error={codeErr}
        onChange={(codes) => onChange(withField(value, 'codes', codes.length ? codes : undefined))}
        clearable
      />
    </SimpleGrid>
  );
}

function CriterionFields({ value, onChange, err, context }: { value: Criterion; onChange: (c: Criterion) => void; err: (p: string) => string | undefined; context?: AwardSetContextInfo }) {
  const { t } = useTranslation(NS);
  const p = '.criterion';
  return (
    <Fieldset legend={t('editor.criterion')}>
      <Stack gap="sm">
        <Select
          label={t('editor.criterionKind')}
          required
          allowDeselect={false}
          data={CRITERION_KINDS.map((k) => ({ value: k, label: t(`criterion.${k}`) }))}
          value={value.kind}
          error={err(`${p}.kind`) ?? (value.kind === 'yes_no' || value.kind === 'items' ? undefined : err(p))}
          onChange={(k) => k && onChange(defaultCriterion(k as Criterion['kind']))}
        />
        {value.kind === 'dimension' ? <DimensionField label={t('editor.dimension')} context={context} value={value.dimension} error={err(`${p}.dimension`)} onChange={(dimension) => onChange({ ...value, dimension })} /> : null}
        {value.kind === 'items' ? <ItemRefFields value={value} prefix={p} err={err} context={context} onChange={(v) => onChange({ kind: 'items', ...v })} /> : null}
        {value.kind === 'yes_no' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('editor.yesNoBy')}
              allowDeselect={false}
              data={[
                { value: 'tag', label: t('editor.byTag') },
                { value: 'code', label: t('editor.byCode') },
              ]}
              value={value.code !== undefined ? 'code' : 'tag'}
              onChange={(v) => onChange(v === 'code' ? { kind: 'yes_no', code: '' } : { kind: 'yes_no', tag: '' })}
            />
            {value.code !== undefined ? (
              <TextInput label={t('editor.code')} required value={value.code} error={err(`${p}.code`) ?? err(p)} onChange={(e) => onChange({ kind: 'yes_no', code: e.currentTarget.value })} />
            ) : (
              <Select
                label={t('editor.tag')}
                required
                searchable
                data={[...new Set([...(context?.tags ?? []), ...(value.tag ? [value.tag] : [])])]}
                value={value.tag || null}
                error={err(`${p}.tag`) ?? err(p)}
                onChange={(tag) => onChange({ kind: 'yes_no', tag: tag ?? '' })}
              />
            )}
          </SimpleGrid>
        ) : null}
        {value.kind === 'improvement' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('editor.basis')}
              allowDeselect={false}
              data={[
                { value: 'overall', label: t('criterion.overall') },
                { value: 'dimension', label: t('criterion.dimension') },
              ]}
              value={value.basis === 'overall' ? 'overall' : 'dimension'}
              onChange={(v) => onChange({ ...value, basis: v === 'dimension' ? { dimension: '' } : 'overall' })}
            />
            {value.basis !== 'overall' ? (
              <DimensionField label={t('editor.dimension')} context={context} value={value.basis.dimension} error={err(`${p}.basis.dimension`)} onChange={(dimension) => onChange({ ...value, basis: { dimension } })} />
            ) : (
              <div />
            )}
            <Select
              label={t('editor.method')}
              description={t('editor.methodHelp')}
              allowDeselect={false}
              data={[
                { value: 'adjusted', label: t('method.adjusted') },
                { value: 'raw', label: t('method.raw') },
              ]}
              value={value.method}
              error={err(`${p}.method`)}
              onChange={(m) => onChange({ ...value, method: m === 'raw' ? 'raw' : 'adjusted' })}
            />
            <NumberInput label={t('editor.minRawGain')} description={t('editor.minRawGainHelp')} value={value.minRawGain ?? ''} error={err(`${p}.minRawGain`)} onChange={(v) => onChange(withField(value, 'minRawGain', optNumber(v)))} decimalScale={4} />
            <NumberInput
              label={t('editor.minRegressionUnits')}
              description={t('editor.minRegressionUnitsHelp')}
              value={value.minRegressionUnits ?? ''}
              error={err(`${p}.minRegressionUnits`)}
              onChange={(v) => onChange(withField(value, 'minRegressionUnits', optNumber(v)))}
              allowDecimal={false}
              min={3}
            />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

function SelectionFields({ value, onChange, err, prefix, valueHint, legend }: { value: Selection; onChange: (s: Selection) => void; err: (p: string) => string | undefined; prefix: string; valueHint: string; legend: string }) {
  const { t } = useTranslation(NS);
  return (
    <Fieldset legend={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('editor.topN')} description={t('editor.topNHelp')} value={value.topN ?? ''} error={err(`${prefix}.topN`) ?? err(prefix)} allowDecimal={false} min={1} onChange={(v) => onChange(withField(value, 'topN', optNumber(v)))} />
        <NumberInput label={t('editor.minValue')} description={valueHint} value={value.minValue ?? ''} error={err(`${prefix}.minValue`)} decimalScale={4} onChange={(v) => onChange(withField(value, 'minValue', optNumber(v)))} />
      </SimpleGrid>
    </Fieldset>
  );
}

function TieFields({ value, onChange, err, context }: { value: TieRule; onChange: (t: TieRule) => void; err: (p: string) => string | undefined; context?: AwardSetContextInfo }) {
  const { t } = useTranslation(NS);
  return (
    <Fieldset legend={t('editor.tie')}>
      <Stack gap="sm">
        <Select
          label={t('editor.tieKind')}
          allowDeselect={false}
          data={(['all_win', 'none_win', 'secondary'] as const).map((k) => ({ value: k, label: t(`tie.${k}`) }))}
          value={value.kind}
          error={err('.tie.kind') ?? err('.tie')}
          onChange={(k) => onChange(k === 'secondary' ? { kind: 'secondary', criterion: { kind: 'evidence_share' }, fallback: 'all_win' } : { kind: k === 'none_win' ? 'none_win' : 'all_win' })}
        />
        {value.kind === 'secondary' ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('editor.secondary')}
                allowDeselect={false}
                data={SECONDARY_KINDS.map((k) => ({ value: k, label: t(`criterion.${k}`) }))}
                value={value.criterion.kind}
                error={err('.tie.criterion.kind') ?? err('.tie.criterion')}
                onChange={(k) => k && onChange({ ...value, criterion: defaultSecondary(k as SecondaryCriterion['kind']) })}
              />
              <Select
                label={t('editor.fallback')}
                allowDeselect={false}
                data={(['all_win', 'none_win'] as const).map((k) => ({ value: k, label: t(`tie.${k}`) }))}
                value={value.fallback}
                error={err('.tie.fallback')}
                onChange={(f) => onChange({ ...value, fallback: f === 'none_win' ? 'none_win' : 'all_win' })}
              />
            </SimpleGrid>
            {value.criterion.kind === 'dimension' ? (
              <DimensionField label={t('editor.dimension')} context={context} value={value.criterion.dimension} error={err('.tie.criterion.dimension')} onChange={(dimension) => onChange({ ...value, criterion: { kind: 'dimension', dimension } })} />
            ) : null}
            {value.criterion.kind === 'items' ? <ItemRefFields value={value.criterion} prefix=".tie.criterion" err={err} context={context} onChange={(v) => onChange({ ...value, criterion: { kind: 'items', ...v } })} /> : null}
          </>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** The value scale a threshold is on, so the committee knows whether to type 60 or 0.6. */
function valueHint(c: Criterion, scaleMax: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (c.kind === 'items' || c.kind === 'yes_no') return t('editor.valueShare');
  if (c.kind === 'improvement') return t('editor.valueGain');
  return t('editor.valueScale', { max: scaleMax });
}

export function RuleForm(props: FormProps<RuleCategory>) {
  const { category: c, index, errors, scaleMax, context, onChange } = props;
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const err = useErr(index, errors);
  const el = c.eligibility;
  const groupErr = err('.eligibility.peerGroups') ?? el.peerGroups.map((_, j) => err(`.eligibility.peerGroups[${j}]`)).find(Boolean) ?? err('.eligibility');
  const hint = valueHint(c.criterion, scaleMax, t);
  const setGroupSelection = (g: PeerGroupCode, s: Selection | undefined) => {
    const byGroup = { ...(c.selectionByGroup ?? {}) };
    if (s) byGroup[g] = s;
    else delete byGroup[g];
    onChange(withField(c, 'selectionByGroup', Object.keys(byGroup).length ? byGroup : undefined));
  };
  return (
    <Stack gap="md">
      <CommonFields {...props} />
      <Fieldset legend={t('editor.eligibility')}>
        <Stack gap="sm">
          <MultiSelect
            label={t('editor.peerGroups')}
            required
            data={PEER_GROUP_CODES.map((g) => ({ value: g, label: en ? PEER_GROUPS[g].name.en : PEER_GROUPS[g].name.th }))}
            value={el.peerGroups}
            error={groupErr}
            onChange={(v) => onChange({ ...c, eligibility: { ...el, peerGroups: v as PeerGroupCode[] } })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('editor.minCompleteness')}
              description={t('editor.percentHelp')}
              suffix=" %"
              min={0}
              max={100}
              decimalScale={2}
              value={shareToPercent(el.minCompleteness)}
              error={err('.eligibility.minCompleteness')}
              onChange={(v) => onChange({ ...c, eligibility: withField(el, 'minCompleteness', percentToShare(v)) })}
            />
            <NumberInput
              label={t('editor.minEvidenceShare')}
              description={t('editor.percentHelp')}
              suffix=" %"
              min={0}
              max={100}
              decimalScale={2}
              value={shareToPercent(el.minEvidenceShare)}
              error={err('.eligibility.minEvidenceShare')}
              onChange={(v) => onChange({ ...c, eligibility: withField(el, 'minEvidenceShare', percentToShare(v)) })}
            />
            {context?.stages?.length ? (
              <Select
                label={t('editor.minStage')}
                description={t('editor.minStageHelp')}
                clearable
                data={context.stages.map((s, i) => ({ value: String(i), label: `${i + 1}. ${en ? s.name.en : s.name.th}` }))}
                value={el.minStageOrder === undefined ? null : String(el.minStageOrder)}
                error={err('.eligibility.minStageOrder')}
                onChange={(v) => onChange({ ...c, eligibility: withField(el, 'minStageOrder', v === null ? undefined : Number(v)) })}
              />
            ) : (
              <NumberInput
                label={t('editor.minStageOrder')}
                description={t('editor.minStageOrderHelp')}
                allowDecimal={false}
                min={0}
                value={el.minStageOrder ?? ''}
                error={err('.eligibility.minStageOrder')}
                onChange={(v) => onChange({ ...c, eligibility: withField(el, 'minStageOrder', optNumber(v)) })}
              />
            )}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <CriterionFields value={c.criterion} err={err} context={context} onChange={(criterion) => onChange({ ...c, criterion })} />
      <Switch
        label={t('editor.perPeerGroup')}
        description={t('editor.perPeerGroupHelp')}
        checked={c.perPeerGroup}
        error={err('.perPeerGroup')}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          onChange(on ? { ...c, perPeerGroup: true } : withField({ ...c, perPeerGroup: false }, 'selectionByGroup', undefined));
        }}
      />
      <SelectionFields legend={t('editor.selection')} value={c.selection} prefix=".selection" err={err} valueHint={hint} onChange={(selection) => onChange({ ...c, selection })} />
      {c.perPeerGroup ? (
        <Card withBorder padding="sm">
          <Text fw={600} size="sm">
            {t('editor.selectionByGroup')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('editor.selectionByGroupHelp')}
          </Text>
          {err('.selectionByGroup') ? (
            <Text c="red" size="sm" role="alert">
              {err('.selectionByGroup')}
            </Text>
          ) : null}
          <Stack gap="xs">
            {el.peerGroups.map((g) => {
              const s = c.selectionByGroup?.[g];
              return (
                <Stack key={g} gap={4}>
                  <Switch label={en ? PEER_GROUPS[g]?.name.en ?? g : PEER_GROUPS[g]?.name.th ?? g} checked={s !== undefined} onChange={(e) => setGroupSelection(g, e.currentTarget.checked ? { ...c.selection } : undefined)} />
                  {s ? <SelectionFields legend={t('editor.selectionFor', { group: en ? PEER_GROUPS[g]?.name.en : PEER_GROUPS[g]?.name.th })} value={s} prefix={`.selectionByGroup.${g}`} err={err} valueHint={hint} onChange={(v) => setGroupSelection(g, v)} /> : null}
                </Stack>
              );
            })}
          </Stack>
        </Card>
      ) : null}
      <TieFields value={c.tie} err={err} context={context} onChange={(tie) => onChange({ ...c, tie })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('editor.nearMisses')} description={t('editor.nearMissesHelp')} allowDecimal={false} min={0} value={c.nearMisses ?? ''} error={err('.nearMisses')} onChange={(v) => onChange(withField(c, 'nearMisses', optNumber(v)))} />
        <NumberInput label={t('editor.tieTolerance')} description={t('editor.tieToleranceHelp')} min={0} decimalScale={6} value={c.tieTolerance ?? ''} error={err('.tieTolerance')} onChange={(v) => onChange(withField(c, 'tieTolerance', optNumber(v)))} />
      </SimpleGrid>
    </Stack>
  );
}

export function CommitteeForm(props: FormProps<CommitteeCategory>) {
  const { category: c, index, errors, onChange } = props;
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const err = useErr(index, errors);
  const setCrit = (j: number, patch: Partial<CommitteeCategory['criteria'][number]>) => onChange({ ...c, criteria: c.criteria.map((k, i) => (i === j ? { ...k, ...patch } : k)) });
  const critErr = (j: number, f: string) => errors.at(`categories[${index}].criteria[${j}].${f}`, en);
  return (
    <Stack gap="md">
      <CommonFields {...props} />
      <Fieldset legend={t('editor.judgingCriteria')}>
        {err('.criteria') ? (
          <Text c="red" size="sm" role="alert" mb="xs">
            {err('.criteria')}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('editor.criterionCode')}</Table.Th>
                <Table.Th>{t('editor.criterionNameTh')}</Table.Th>
                <Table.Th>{t('editor.criterionNameEn')}</Table.Th>
                <Table.Th>{t('editor.weight')}</Table.Th>
                <Table.Th>{t('editor.maxScore')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('editor.remove')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.criteria.map((k, j) => (
                <Table.Tr key={j}>
                  <Table.Td>
                    <TextInput aria-label={t('editor.criterionCode')} value={k.code} error={critErr(j, 'code')} onChange={(e) => setCrit(j, { code: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('editor.criterionNameTh')} value={k.name.th} error={critErr(j, 'name')} onChange={(e) => setCrit(j, { name: { ...k.name, th: e.currentTarget.value } })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t('editor.criterionNameEn')} value={k.name.en} error={critErr(j, 'name') ? ' ' : undefined} onChange={(e) => setCrit(j, { name: { ...k.name, en: e.currentTarget.value } })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('editor.weight')} w={90} min={0} value={k.weight} error={critErr(j, 'weight')} onChange={(v) => setCrit(j, { weight: optNumber(v) ?? 0 })} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('editor.maxScore')} w={90} min={0} value={k.maxScore} error={critErr(j, 'maxScore')} onChange={(v) => setCrit(j, { maxScore: optNumber(v) ?? 0 })} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={t('editor.removeCriterion', { code: k.code })} onClick={() => onChange({ ...c, criteria: c.criteria.filter((_, i) => i !== j) })}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group mt="xs">
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange({ ...c, criteria: [...c.criteria, { code: `c${c.criteria.length + 1}`, name: { th: '', en: '' }, weight: 1, maxScore: 10 }] })}>
            {t('editor.addCriterion')}
          </Button>
        </Group>
      </Fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('editor.awards')} allowDecimal={false} min={1} value={c.awards} error={err('.awards')} onChange={(v) => onChange({ ...c, awards: optNumber(v) ?? 0 })} />
        <NumberInput label={t('editor.minJudges')} description={t('editor.minJudgesHelp')} allowDecimal={false} min={1} value={c.minJudges} error={err('.minJudges')} onChange={(v) => onChange({ ...c, minJudges: optNumber(v) ?? 0 })} />
        <TextInput
          type="datetime-local"
          label={t('editor.nominationsCloseAt')}
          description={t('editor.nominationsCloseAtHelp')}
          value={thaiLocalInput(c.nominationsCloseAt)}
          error={err('.nominationsCloseAt')}
          onChange={(e) => onChange(withField(c, 'nominationsCloseAt', fromThaiLocalInput(e.currentTarget.value)))}
        />
      </SimpleGrid>
    </Stack>
  );
}
