// One question, rendered from its framework item with plain native inputs; memoised and subscribed to its own answer.
import { memo, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { I18nText } from '../../../engine/framework/types';
import { EvidencePanel } from './Evidence';
import { useItemMeta, useItemValue, useQ, useRejection, useUnconfirmed, useVisible } from './context';
import { questionnaireApi } from './api';
import type { AnswerValue } from './autosave';
import { describeValue } from './describe';
import { dateTime } from './fmt';
import { NS } from './i18n';
import { isRequired, parseNumber, toggleMulti, type AskedItem } from './model';
import css from './questionnaire.module.css';

export function pickText(t: I18nText | undefined, en: boolean): string {
  if (!t) return '';
  return en ? t.en || t.th : t.th || t.en;
}

interface Props {
  item: AskedItem;
  editable: boolean;
}

export const ItemField = memo(function ItemField({ item, editable }: Props) {
  const visible = useVisible(item);
  if (!visible) return null;
  return <VisibleItem item={item} editable={editable} />;
});

function VisibleItem({ item, editable }: Props) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const id = useId();
  const helpId = `${id}-help`;
  const errId = `${id}-err`;
  const value = useItemValue(item.code);
  const { change: ctxChange } = useQ();
  const rejection = useRejection(item.code);
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? (rejection ? t('rejected', { message: en ? rejection.en : rejection.th }) : null);
  const required = isRequired(item);
  const describedBy = [item.help ? helpId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;

  const heading = (
    <>
      <span className={css.code}>{item.code}</span>
      <span className={css.qtext}>{pickText(item.text, en)}</span>
      {required ? (
        <span className={css.req} title={t('required')}>
          <span aria-hidden>*</span>
          <span className={css.srOnly}>{t('required')}</span>
        </span>
      ) : (
        <span className={css.opt}>({t('optional')})</span>
      )}
    </>
  );

  let control: ReactNode;
  switch (item.kind) {
    case 'yes_no':
      control = (
        <ChoiceGroup heading={heading} describedBy={describedBy} invalid={Boolean(error)}>
          <div className={css.options} data-inline>
            {([true, false] as const).map((v) => (
              <label key={String(v)} className={css.option}>
                <input
                  type="radio"
                  name={`q-${item.code}`}
                  value={v ? 'yes' : 'no'}
                  checked={value === v}
                  disabled={!editable}
                  onChange={() => editable && change(v)}
                />
                <span>{v ? t('yes') : t('no')}</span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
      );
      break;
    case 'single_choice':
      control = (
        <ChoiceGroup heading={heading} describedBy={describedBy} invalid={Boolean(error)}>
          <div className={css.options}>
            {item.options.map((o) => (
              <label key={o.code} className={css.option}>
                <input
                  type="radio"
                  name={`q-${item.code}`}
                  value={o.code}
                  checked={value === o.code}
                  disabled={!editable}
                  onChange={() => editable && change(o.code)}
                />
                <span>{pickText(o.label, en)}</span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
      );
      break;
    case 'multi_choice': {
      const chosen = Array.isArray(value) ? value : [];
      control = (
        <ChoiceGroup heading={heading} describedBy={describedBy} invalid={Boolean(error)}>
          <div className={css.options}>
            {item.options.map((o) => (
              <label key={o.code} className={css.option} data-none={o.code === 'none' || undefined}>
                <input
                  type="checkbox"
                  name={`q-${item.code}`}
                  value={o.code}
                  checked={chosen.includes(o.code)}
                  disabled={!editable}
                  onChange={(e) => {
                    if (!editable) return;
                    const next = toggleMulti(chosen, o.code, e.currentTarget.checked);
                    change(next.length ? next : null);
                  }}
                />
                <span>{pickText(o.label, en)}</span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
      );
      break;
    }
    case 'number':
      control = (
        <NumberControl
          item={item}
          value={typeof value === 'number' ? value : null}
          editable={editable}
          heading={heading}
          inputId={`${id}-in`}
          describedBy={describedBy}
          invalid={Boolean(error)}
          onValid={(n) => change(n)}
          onError={setLocalError}
        />
      );
      break;
    case 'text': {
      const common = {
        id: `${id}-in`,
        className: css.textInput,
        value: typeof value === 'string' ? value : '',
        readOnly: !editable,
        'aria-describedby': describedBy,
        placeholder: editable ? t('text.placeholder') : undefined,
        onChange: (e: { currentTarget: { value: string } }) => editable && change(e.currentTarget.value === '' ? null : e.currentTarget.value),
      };
      control = (
        <>
          <label htmlFor={`${id}-in`} className={css.legend}>
            {heading}
          </label>
          {item.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
        </>
      );
      break;
    }
  }

  function change(v: Parameters<typeof ctxChange>[1]) {
    setLocalError(null);
    ctxChange(item.code, v);
  }

  return (
    <div className={css.item} id={`item-${item.code}`} data-item={item.code} data-kind={item.kind} data-editable={editable || undefined}>
      {control}
      {item.help ? (
        <p id={helpId} className={css.help}>
          {pickText(item.help, en)}
        </p>
      ) : null}
      {error ? (
        <p id={errId} className={css.error} role="alert">
          {error}
        </p>
      ) : null}
      <ItemFooter item={item} />
      {item.requiresEvidence ? <EvidencePanel item={item.code} editable={editable} /> : null}
    </div>
  );
}

function ChoiceGroup({ heading, describedBy, invalid, children }: { heading: ReactNode; describedBy?: string; invalid: boolean; children: ReactNode }) {
  return (
    <fieldset className={css.fieldset} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <legend className={css.legend}>{heading}</legend>
      {children}
    </fieldset>
  );
}

function NumberControl(props: {
  item: Extract<AskedItem, { kind: 'number' }>;
  value: number | null;
  editable: boolean;
  heading: ReactNode;
  inputId: string;
  describedBy?: string;
  invalid: boolean;
  onValid: (n: number | null) => void;
  onError: (msg: string | null) => void;
}) {
  const { item, value, editable } = props;
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [synced, setSynced] = useState(value);
  // A value changed from elsewhere (a conflict resolved, a reload) replaces what is shown.
  if (value !== synced) {
    setSynced(value);
    setDraft(value === null ? '' : String(value));
  }
  const range =
    item.min !== undefined && item.max !== undefined
      ? t('number.range', { min: item.min.toLocaleString(), max: item.max.toLocaleString() })
      : item.min !== undefined
        ? t('number.atLeast', { min: item.min.toLocaleString() })
        : item.max !== undefined
          ? t('number.atMost', { max: item.max.toLocaleString() })
          : null;
  return (
    <>
      <label htmlFor={props.inputId} className={css.legend}>
        {props.heading}
      </label>
      <div className={css.numberRow}>
        <input
          id={props.inputId}
          className={css.numberInput}
          type="text"
          inputMode={item.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={draft}
          readOnly={!editable}
          aria-invalid={props.invalid || undefined}
          aria-describedby={props.describedBy}
          placeholder={editable ? t('number.placeholder') : undefined}
          onChange={(e) => {
            if (!editable) return;
            const raw = e.currentTarget.value;
            setDraft(raw);
            const r = parseNumber(raw, item);
            if (r.error) {
              props.onError(t(r.error.key, r.error.params));
              return;
            }
            props.onError(null);
            setSynced(r.value);
            props.onValid(r.value);
          }}
        />
        {item.unit ? <span className={css.unit}>{pickText(item.unit, en)}</span> : null}
        {range ? <span className={css.range}>{range}</span> : null}
      </div>
    </>
  );
}

function ItemFooter({ item }: { item: AskedItem }) {
  const { t, i18n } = useTranslation(NS);
  const meta = useItemMeta(item.code);
  const unconfirmed = useUnconfirmed(item.code);
  if (!unconfirmed && !meta?.updatedByName) return null;
  return (
    <div className={css.meta}>
      {unconfirmed ? <span className={css.unsaved}>{t('unsavedItem')}</span> : null}
      {meta?.updatedByName ? <span>{t('lastEdited', { name: meta.updatedByName, at: dateTime(meta.updatedAt, i18n.language) })}</span> : null}
      {meta && meta.version > 1 ? <History item={item} version={meta.version} /> : null}
    </div>
  );
}

type HistoryState = { state: 'idle' | 'loading' | 'error' } | { state: 'done'; items: { value: unknown; version: number; at: string; byName: string | null }[] };

/** Earlier answers to this question, loaded when opened (a native disclosure: keyboard and screen reader ready). */
function History({ item, version }: { item: AskedItem; version: number }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const { eid, oid } = useQ();
  const [h, setH] = useState<HistoryState>({ state: 'idle' });
  return (
    <details
      className={css.history}
      onToggle={(e) => {
        if (!(e.currentTarget as HTMLDetailsElement).open) return;
        setH({ state: 'loading' });
        questionnaireApi.history(eid, oid, item.code).then(
          (r) => setH({ state: 'done', items: r.items }),
          () => setH({ state: 'error' }),
        );
      }}
    >
      <summary>{t('history.title', { count: version })}</summary>
      {h.state === 'loading' ? <span>{t('history.loading')}</span> : null}
      {h.state === 'error' ? <span className={css.unsaved}>{t('history.error')}</span> : null}
      {h.state === 'done' ? (
        <ol className={css.historyList}>
          {h.items.map((x) => (
            <li key={x.version}>
              <strong>{describeValue(item, x.value as AnswerValue, en, (k) => t(k))}</strong> — {x.byName ?? '—'} · {dateTime(x.at, i18n.language)}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
