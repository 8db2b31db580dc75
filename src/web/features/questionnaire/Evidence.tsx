// Evidence files of one question: drag-and-drop or a button, upload progress, the list with delete, server errors.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { questionnaireApi, uploadEvidence, type UploadError } from './api';
import { useEvidence, useQ } from './context';
import { dateTime } from './fmt';
import { NS } from './i18n';
import css from './questionnaire.module.css';

let uploadSeq = 0;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function EvidencePanel({ item, editable }: { item: string; editable: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language === 'en';
  const q = useQ();
  const state = useEvidence(item);
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const labelId = `ev-${item}`;

  function start(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const id = `u${++uploadSeq}`;
      q.evidence.update(item, (s) => ({ ...s, uploads: [...s.uploads, { id, name: file.name, progress: 0 }] }));
      const { promise } = uploadEvidence(questionnaireApi.evidenceUploadUrl(q.eid, q.oid), item, file, q.csrfToken(), (p) =>
        q.evidence.update(item, (s) => ({ ...s, uploads: s.uploads.map((u) => (u.id === id ? { ...u, progress: p } : u)) })),
      );
      promise.then(
        (saved) =>
          q.evidence.update(item, (s) => ({ ...s, files: [...s.files, saved], uploads: s.uploads.filter((u) => u.id !== id) })),
        (err: UploadError) =>
          q.evidence.update(item, (s) => ({
            ...s,
            uploads: s.uploads.filter((u) => u.id !== id),
            errors: [...s.errors, { id, text: t('evidence.failed', { name: file.name, message: en ? err.messageEn : err.messageTh }) }],
          })),
      );
    }
  }

  async function remove(fileId: string, name: string) {
    if (!window.confirm(t('evidence.deleteConfirm', { name }))) return;
    try {
      await questionnaireApi.deleteEvidence(fileId);
      q.evidence.update(item, (s) => ({ ...s, files: s.files.filter((x) => x.id !== fileId) }));
    } catch (err) {
      const text = err instanceof ApiError ? err.localized(i18n.language) : String(err);
      q.evidence.update(item, (s) => ({ ...s, errors: [...s.errors, { id: `d${++uploadSeq}`, text }] }));
    }
  }

  return (
    <div className={css.evidence} role="group" aria-labelledby={labelId}>
      <div className={css.evidenceHead}>
        <span id={labelId} className={css.evidenceTitle}>
          {t('evidence.label')}
        </span>
        {state.files.length === 0 ? <span className={css.evidenceNeed}>{t('evidence.required')}</span> : null}
      </div>
      {state.files.length > 0 ? (
        <ul className={css.fileList}>
          {state.files.map((file) => (
            <li key={file.id} className={css.file}>
              <a href={questionnaireApi.evidenceUrl(file.id)} target="_blank" rel="noreferrer" className={css.fileName}>
                {file.filename}
              </a>
              <span className={css.fileMeta}>
                {formatSize(file.size)}
                {file.uploadedByName ? ` · ${t('evidence.by', { name: file.uploadedByName, at: dateTime(file.uploadedAt, i18n.language) })}` : ''}
              </span>
              {editable ? (
                <button type="button" className={css.linkButton} aria-label={t('evidence.delete', { name: file.filename })} onClick={() => void remove(file.id, file.filename)}>
                  ✕
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {state.uploads.map((u) => (
        <div key={u.id} className={css.upload} role="status">
          <span>{t('evidence.uploading', { name: u.name, pct: Math.round(u.progress * 100) })}</span>
          <progress max={1} value={u.progress} aria-label={u.name} />
        </div>
      ))}
      {state.errors.map((e) => (
        <p key={e.id} className={css.error} role="alert">
          {e.text}
          <button
            type="button"
            className={css.linkButton}
            aria-label={t('actions.close')}
            onClick={() => q.evidence.update(item, (s) => ({ ...s, errors: s.errors.filter((x) => x.id !== e.id) }))}
          >
            ✕
          </button>
        </p>
      ))}
      {editable ? (
        <div
          className={css.dropzone}
          data-over={over || undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            if (e.dataTransfer.files.length) start(e.dataTransfer.files);
          }}
        >
          <span>{t('evidence.drop')}</span>{' '}
          <button type="button" className={css.chooseButton} onClick={() => inputRef.current?.click()}>
            {t('evidence.choose')}
          </button>
          <input
            ref={inputRef}
            type="file"
            multiple
            hidden
            data-evidence-input={item}
            aria-label={`${t('evidence.choose')} ${item}`}
            onChange={(e) => {
              if (e.currentTarget.files?.length) start(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <span className={css.types}>{t('evidence.types', { mb: q.uploadMaxMb })}</span>
        </div>
      ) : state.files.length === 0 ? (
        <p className={css.fileMeta}>{t('evidence.none')}</p>
      ) : null}
    </div>
  );
}
