// The questionnaire screen: sections with progress, items, autosave status, checklist, complete and submit.
import { Alert, Badge, Button, Group, Progress, Text, Title } from '@mantine/core';
import { lazy, memo, startTransition, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework, Item } from '../../../engine/framework/types';
import type { User } from '../../api/types';
import { useFormat } from '../../components/format';
import { questionnaireApi, type Participant, type QuestionnaireData } from './api';
import { AutosaveQueue, type AnswerValue, type KeyValueStore } from './autosave';
import { EvidenceStore, QContext, useDerived, useQ, type QuestionnaireCtx } from './context';
import { NS } from './i18n';
import { goToItem } from './dom';
import { ItemField, pickText } from './ItemField';
import { buildSections, indexItems, isAnswered, isRequired, isVisible, sectionProgress, AnswerStore, type Section } from './model';
import css from './questionnaire.module.css';

function browserStorage(): KeyValueStore | null {
  try {
    const s = window.localStorage;
    const k = '__dgr_probe';
    s.setItem(k, '1');
    s.removeItem(k);
    return s;
  } catch {
    return null;
  }
}

export function storageKey(userId: string, eid: string, oid: string): string {
  return `dgr.autosave.v1.${userId}.${eid}.${oid}`;
}

// Dialogs are needed only on interaction (or a conflict): their code, and Mantine's Modal, Drawer, Select and
// Table, load then, not before the form is usable.
const loadDialogs = () => import('./Dialogs');
const AssignDialog = lazy(() => loadDialogs().then((m) => ({ default: m.AssignDialog })));
const ChecklistDrawer = lazy(() => loadDialogs().then((m) => ({ default: m.ChecklistDrawer })));
const CompleteDialog = lazy(() => loadDialogs().then((m) => ({ default: m.CompleteDialog })));
const ConflictDialog = lazy(() => loadDialogs().then((m) => ({ default: m.ConflictDialog })));
const ReopenDialog = lazy(() => loadDialogs().then((m) => ({ default: m.ReopenDialog })));
const SubmitDialog = lazy(() => loadDialogs().then((m) => ({ default: m.SubmitDialog })));

function Conflicts({ byCode }: { byCode: ReadonlyMap<string, Item> }) {
  const { queue } = useQ();
  const any = useSyncExternalStore(queue.subscribe, () => queue.getSnapshot().conflicts.length > 0);
  return any ? <ConflictDialog byCode={byCode} /> : null;
}

const FIRST_BATCH_ITEMS = 24;

/** How many leading sections hold at least `items` questions (at least one section). */
function initialSections(sections: Section[], items: number): number {
  let n = 0;
  let count = 0;
  while (n < sections.length && count < items) count += sections[n++]!.items.length;
  return Math.max(1, n);
}

export interface QuestionnaireProps {
  data: QuestionnaireData;
  user: Pick<User, 'id' | 'role' | 'displayName'>;
  csrfToken: () => string | null;
  uploadMaxMb?: number;
}

export function Questionnaire({ data, user, csrfToken, uploadMaxMb = 20 }: QuestionnaireProps) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const f = useFormat();
  const eid = data.edition.id;
  const oid = data.organisation.id;
  const [participant, setParticipant] = useState<Participant>(data.participant);
  const [assignments, setAssignments] = useState(data.assignments);
  const editionOpen = data.edition.state === 'open';
  const locked = participant.status === 'submitted' || !editionOpen;
  const agencyEditor = user.role === 'coordinator' || user.role === 'contributor' || user.role === 'head';

  const framework: Framework = data.framework;
  const dims = useMemo(() => buildSections(framework), [framework]);
  const byCode = useMemo(() => indexItems(framework), [framework]);
  const allSections = useMemo(() => dims.flatMap((d) => d.sections), [dims]);

  // The stores live as long as the page: created once, never re-created by a re-render.
  const [setup] = useState(() => {
    const store = new AnswerStore(data.answers);
    const evidence = new EvidenceStore(data.evidence);
    const queue = new AutosaveQueue({
      storageKey: storageKey(user.id, eid, oid),
      storage: browserStorage(),
      transport: { send: (changes) => questionnaireApi.saveAnswers(eid, oid, changes) },
      onSaved: (item, version, updatedAt) => store.setMeta(item, { version, updatedAt, updatedByName: user.displayName }),
      onTakeServer: (item, a) => {
        store.set(item, a.value);
        store.setMeta(item, { version: a.version, updatedAt: a.updatedAt, updatedByName: a.updatedByName ?? null });
      },
    });
    let discarded = 0;
    if (locked || !agencyEditor) {
      // Nothing can be saved any more; say so rather than silently keeping stale local edits.
      queue.load(store.versions());
      discarded = queue.discardAll();
    } else {
      for (const c of queue.load(store.versions())) store.set(c.item, c.value);
    }
    return { store, evidence, queue, discarded };
  });
  const { store, evidence, queue } = setup;

  useEffect(() => {
    if (locked) return;
    queue.start();
    const online = () => void queue.flushNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      queue.stop();
    };
  }, [queue, locked]);

  const change = useCallback(
    (code: string, value: AnswerValue) => {
      store.set(code, value);
      queue.enqueue(code, value);
    },
    [store, queue],
  );

  const ctx = useMemo<QuestionnaireCtx>(
    () => ({ eid, oid, store, queue, evidence, byCode, myName: user.displayName, csrfToken, uploadMaxMb, change }),
    [eid, oid, store, queue, evidence, byCode, user.displayName, csrfToken, uploadMaxMb, change],
  );

  const editable = useMemo(() => new Set(locked || !agencyEditor ? [] : data.myEditableDimensions), [locked, agencyEditor, data.myEditableDimensions]);
  const assignedNames = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const a of assignments) m.set(a.dimensionCode, [...(m.get(a.dimensionCode) ?? []), a.userName]);
    return m;
  }, [assignments]);

  // The first sections render at once; the rest follow in an interruptible transition after the first paint, so the
  // form is usable before all 150 questions exist in the DOM (typing preempts the background render).
  const [renderUpTo, setRenderUpTo] = useState(() => initialSections(allSections, FIRST_BATCH_ITEMS));
  useEffect(() => {
    // Timeline marks for the benchmark and for field performance checks (cheap; one each per page).
    if (renderUpTo >= allSections.length) {
      performance.mark('dgr-q-all-rendered');
      return;
    }
    performance.mark('dgr-q-first-render');
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setRenderUpTo(allSections.length)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [renderUpTo, allSections.length]);

  // Answers are safe in local storage, but an upload in progress dies with the page: ask before leaving.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!evidence.uploading()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [evidence]);

  const goToNextUnanswered = useCallback(() => {
    const code = firstUnanswered(allSections, store, byCode);
    if (!code) return;
    if (document.getElementById(`item-${code}`)) goToItem(code);
    else {
      setRenderUpTo(allSections.length);
      window.setTimeout(() => goToItem(code), 50);
    }
  }, [allSections, store, byCode]);

  const [dialog, setDialog] = useState<null | 'checklist' | 'complete' | 'submit' | 'assign' | 'reopen'>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const canComplete = !locked && user.role === 'coordinator' && participant.status !== 'completed';
  const canSubmit = !locked && user.role === 'head' && participant.status === 'completed';

  return (
    <QContext.Provider value={ctx}>
      <div className={css.page} lang={en ? 'en' : 'th'}>
        <header className={css.topbar}>
          <div className={css.topTitle}>
            <Text size="sm" c="dimmed" lh={1.5}>
              {en ? data.edition.titleEn || data.edition.titleTh : data.edition.titleTh}
            </Text>
            <Title order={1} className={css.orgName}>
              {f.name(data.organisation)}
            </Title>
          </div>
          <Group gap="sm" wrap="wrap" className={css.topActions}>
            <Badge variant="light" color={participant.status === 'submitted' ? 'green' : participant.status === 'completed' ? 'teal' : 'blue'} size="lg">
              {t(`participant.${participant.status}`)}
            </Badge>
            {!locked && agencyEditor ? <SaveStatus /> : null}
          </Group>
          <OverallProgress sections={allSections} />
          <Group gap="xs" wrap="wrap" className={css.actions}>
            {user.role === 'coordinator' && !locked ? (
              <Button variant="default" size="sm" onClick={() => setDialog('assign')}>
                {t('actions.assign')}
              </Button>
            ) : null}
            {!locked && agencyEditor ? <NextUnanswered sections={allSections} onGo={goToNextUnanswered} /> : null}
            {!locked && agencyEditor ? (
              <Button variant="light" size="sm" onClick={() => setDialog('checklist')}>
                {t('actions.checklist')}
              </Button>
            ) : null}
            {canComplete ? (
              <Button size="sm" onClick={() => setDialog('complete')}>
                {t('actions.complete')}
              </Button>
            ) : null}
            {user.role === 'admin' && participant.status === 'submitted' ? (
              <Button size="sm" color="orange" variant="light" onClick={() => setDialog('reopen')}>
                {t('reopen.action')}
              </Button>
            ) : null}
            {canSubmit ? (
              <Button size="sm" color="green" onClick={() => setDialog('submit')}>
                {t('actions.submit')}
              </Button>
            ) : null}
          </Group>
        </header>

        {participant.status === 'submitted' ? (
          <Alert color="green" variant="light" className={css.banner} data-testid="submitted-banner">
            {t('banner.submitted', { at: f.dateTime(participant.submittedAt) })}
          </Alert>
        ) : !editionOpen ? (
          <Alert color="gray" variant="light" className={css.banner}>
            {t('banner.notOpen', { state: t(`edition.${data.edition.state}`) })}
          </Alert>
        ) : participant.status === 'completed' ? (
          <Alert color="teal" variant="light" className={css.banner}>
            {t('banner.completed', { at: f.dateTime(participant.completedAt) })}
          </Alert>
        ) : null}
        {participant.reopenedReason && participant.status !== 'submitted' ? (
          <Alert color="yellow" variant="light" className={css.banner}>
            {t('banner.reopened', { reason: participant.reopenedReason })}
          </Alert>
        ) : null}
        {setup.discarded > 0 ? (
          <Alert color="orange" variant="light" className={css.banner}>
            {t('banner.discarded', { count: setup.discarded })}
          </Alert>
        ) : null}
        {notice ? (
          <Alert color="green" variant="light" className={css.banner} withCloseButton onClose={() => setNotice(null)} role="status">
            {notice}
          </Alert>
        ) : null}

        <div className={css.layout}>
          <nav className={css.nav} aria-label={t('sections')}>
            <SectionNav dims={dims} />
          </nav>
          <div className={css.sections}>
            {allSections.slice(0, renderUpTo).map((s) => (
              <SectionView
                key={s.code}
                section={s}
                editable={editable.has(s.dimensionCode)}
                showReadOnlyNote={!locked && agencyEditor && !editable.has(s.dimensionCode)}
                assigned={assignedNames.get(s.dimensionCode)}
              />
            ))}
          </div>
        </div>
      </div>

      <Suspense fallback={null}>
        <Conflicts byCode={byCode} />
        {dialog === 'checklist' ? <ChecklistDrawer opened onClose={() => setDialog(null)} byCode={byCode} /> : null}
        {dialog === 'complete' ? (
          <CompleteDialog
            opened
            onClose={() => setDialog(null)}
            participant={participant}
            byCode={byCode}
            onDone={(p) => {
              setParticipant(p);
              setNotice(t('complete.done'));
            }}
          />
        ) : null}
        {dialog === 'submit' ? (
          <SubmitDialog
            opened
            onClose={() => setDialog(null)}
            participant={participant}
            onDone={(p) => {
              setParticipant(p);
              setNotice(t('submit.done'));
            }}
          />
        ) : null}
        {dialog === 'reopen' ? (
          <ReopenDialog
            opened
            onClose={() => setDialog(null)}
            onDone={(p) => {
              setParticipant(p);
              setNotice(t('reopen.done'));
            }}
          />
        ) : null}
        {dialog === 'assign' ? (
          <AssignDialog
            onClose={() => setDialog(null)}
            framework={framework}
            assignments={assignments}
            members={data.members}
            onSaved={(a) => {
              setAssignments(a);
              setNotice(t('assign.saved'));
            }}
          />
        ) : null}
      </Suspense>
    </QContext.Provider>
  );
}

/** The first visible required question without an answer, in questionnaire order. */
function firstUnanswered(sections: Section[], store: AnswerStore, byCode: ReadonlyMap<string, Item>): string | null {
  for (const s of sections) {
    for (const item of s.items) {
      if (isRequired(item) && isVisible(item, store.get, byCode) && !isAnswered(store.get(item.code))) return item.code;
    }
  }
  return null;
}

function NextUnanswered({ sections, onGo }: { sections: Section[]; onGo: () => void }) {
  const { t } = useTranslation(NS);
  const { store, byCode } = useQ();
  const next = useDerived(() => firstUnanswered(sections, store, byCode));
  if (!next) return null;
  return (
    <Button variant="subtle" size="sm" onClick={onGo}>
      {t('actions.nextUnanswered')}
    </Button>
  );
}

function SaveStatus() {
  const { t } = useTranslation(NS);
  const { queue } = useQ();
  const snap = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  const tone = { saved: css.stSaved, saving: css.stSaving, offline: css.stOffline, error: css.stError, locked: css.stError }[snap.status];
  return (
    <div className={`${css.status} ${tone}`} role="status" aria-live="polite" data-save-status={snap.status}>
      <span className={css.dot} aria-hidden />
      <span>{t(`status.${snap.status}`)}</span>
      {snap.status !== 'saved' && snap.unconfirmed > 0 ? <span className={css.statusCount}>· {t('status.unconfirmed', { count: snap.unconfirmed })}</span> : null}
      {snap.status === 'offline' || snap.status === 'error' ? (
        <button type="button" className={css.linkButton} onClick={() => void queue.flushNow()}>
          {t('status.retryNow')}
        </button>
      ) : null}
    </div>
  );
}

function OverallProgress({ sections }: { sections: Section[] }) {
  const { t } = useTranslation(NS);
  const { store, byCode } = useQ();
  const text = useDerived(() => {
    let a = 0;
    let n = 0;
    for (const s of sections) {
      const p = sectionProgress(s, store.get, byCode);
      a += p.answered;
      n += p.total;
    }
    return `${a}/${n}`;
  });
  const [a, n] = text.split('/').map(Number) as [number, number];
  return (
    <div className={css.overall}>
      <Text size="sm" lh={1.5}>
        {t('overall')}: {t('progress', { answered: a, total: n })}
      </Text>
      <Progress value={n ? (100 * a) / n : 0} size="sm" aria-label={t('overall')} />
    </div>
  );
}

function useSectionProgress(section: Section): { answered: number; total: number } {
  const { store, byCode } = useQ();
  const s = useDerived(() => {
    const p = sectionProgress(section, store.get, byCode);
    return `${p.answered}/${p.total}`;
  });
  const [answered, total] = s.split('/').map(Number) as [number, number];
  return { answered, total };
}

const SectionNav = memo(function SectionNav({ dims }: { dims: ReturnType<typeof buildSections> }) {
  const { i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  return (
    <ol className={css.navList}>
      {dims.map((d) => (
        <li key={d.code}>
          {d.sections.length === 1 && d.sections[0]!.code === d.code ? (
            <NavEntry section={d.sections[0]!} label={pickText(d.name, en)} />
          ) : (
            <>
              <span className={css.navDim}>{pickText(d.name, en)}</span>
              <ol className={css.navSub}>
                {d.sections.map((s) => (
                  <li key={s.code}>
                    <NavEntry section={s} label={pickText(s.name, en)} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </li>
      ))}
    </ol>
  );
});

function NavEntry({ section, label }: { section: Section; label: string }) {
  const { t } = useTranslation(NS);
  const p = useSectionProgress(section);
  const done = p.total > 0 && p.answered === p.total;
  return (
    <a
      href={`#sec-${section.code}`}
      className={css.navEntry}
      data-done={done || undefined}
      onClick={(e) => {
        e.preventDefault();
        goToItem(section.code);
      }}
    >
      <span className={css.navLabel}>{label}</span>
      <span className={css.navCount} aria-label={t('progress', p)}>
        {p.answered}/{p.total}
      </span>
      <span className={css.navBar} aria-hidden>
        <span style={{ width: `${p.total ? (100 * p.answered) / p.total : 0}%` }} />
      </span>
    </a>
  );
}

const SectionView = memo(function SectionView({
  section,
  editable,
  showReadOnlyNote,
  assigned,
}: {
  section: Section;
  editable: boolean;
  showReadOnlyNote: boolean;
  assigned?: string[];
}) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const p = useSectionProgress(section);
  const headingId = `sec-h-${section.code}`;
  return (
    <section id={`sec-${section.code}`} className={css.section} aria-labelledby={headingId}>
      <div className={css.sectionHead}>
        {section.parentName ? <p className={css.sectionParent}>{pickText(section.parentName, en)}</p> : null}
        <h2 id={headingId} tabIndex={-1} className={css.sectionTitle}>
          {pickText(section.name, en)}
        </h2>
        <div className={css.sectionProgress}>
          <span>{t('progress', p)}</span>
          <span className={css.navBar} aria-hidden>
            <span style={{ width: `${p.total ? (100 * p.answered) / p.total : 0}%` }} />
          </span>
        </div>
        {assigned?.length ? <p className={css.sectionNote}>{t('assign.assignedTo', { names: assigned.join(', ') })}</p> : null}
        {showReadOnlyNote ? <p className={css.sectionNote}>{t('readOnlySection')}</p> : null}
        {section.description ? <p className={css.help}>{pickText(section.description, en)}</p> : null}
      </div>
      {section.items.map((item) => (
        <ItemField key={item.code} item={item} editable={editable} />
      ))}
    </section>
  );
});
