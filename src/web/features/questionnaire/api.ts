// Questionnaire endpoints (docs/api.md, "The questionnaire") and their answer shapes.
import type { Framework } from '../../../engine/framework/types';
import { api, request } from '../../api/client';
import type { Change, SaveResult, ServerAnswer } from './autosave';

export type ParticipantStatus = 'not_started' | 'in_progress' | 'completed' | 'submitted';
export type EditionState = 'draft' | 'open' | 'closed' | 'verification' | 'scored' | 'published';

export interface Edition {
  id: string;
  yearBe: number;
  yearCe: number;
  titleTh: string;
  titleEn: string;
  frameworkId: string;
  frameworkVersion: string;
  state: EditionState;
  opensAt: string | null;
  closesAt: string | null;
  version: number;
  participantCount: number;
}

export interface Participant {
  status: ParticipantStatus;
  version: number;
  completedAt: string | null;
  completedBy: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  reopenedReason: string | null;
}

export interface EvidenceFile {
  id: string;
  item: string;
  filename: string;
  size: number;
  mimeType: string;
  sha256: string;
  uploadedAt: string;
  uploadedByName: string | null;
}

export interface Assignment {
  dimensionCode: string;
  userId: string;
  userName: string;
}

export interface QuestionnaireData {
  edition: Edition;
  organisation: { id: string; nameTh: string; nameEn: string | null; level?: string };
  participant: Participant;
  framework: Framework;
  answers: Record<string, ServerAnswer & { updatedByName?: string | null }>;
  evidence: Record<string, EvidenceFile[]>;
  assignments: Assignment[];
  myEditableDimensions: string[];
  /** The organisation's users a coordinator may assign sections to, when the server sends them. */
  members?: { id: string; displayName: string; role: string }[];
}

export interface Checklist {
  unanswered: string[];
  missingEvidence: string[];
  complete: boolean;
}

const base = (eid: string, oid: string) => `/api/editions/${encodeURIComponent(eid)}/organisations/${encodeURIComponent(oid)}`;

export const questionnaireApi = {
  load: (eid: string, oid: string) => api.get<QuestionnaireData>(`${base(eid, oid)}/questionnaire`),
  saveAnswers: async (eid: string, oid: string, changes: Change[]) =>
    (await request<{ results: SaveResult[] }>('PUT', `${base(eid, oid)}/answers`, { body: { changes } })).results,
  history: (eid: string, oid: string, item: string) =>
    api.get<{ items: { value: unknown; version: number; at: string; byName: string | null }[] }>(`${base(eid, oid)}/answers/${encodeURIComponent(item)}/history`),
  checklist: (eid: string, oid: string) => api.get<Checklist>(`${base(eid, oid)}/checklist`),
  complete: (eid: string, oid: string, version: number) => api.post<Participant>(`${base(eid, oid)}/complete`, { version }),
  submit: (eid: string, oid: string, version: number) => api.post<Participant>(`${base(eid, oid)}/submit`, { version }),
  reopen: (eid: string, oid: string, reason: string) => api.post<Participant>(`${base(eid, oid)}/reopen`, { reason }),
  setAssignments: (eid: string, oid: string, assignments: { dimensionCode: string; userId: string }[]) =>
    request<{ assignments: Assignment[] }>('PUT', `${base(eid, oid)}/assignments`, { body: { assignments } }),
  deleteEvidence: (fileId: string) => api.del<void>(`/api/evidence/${encodeURIComponent(fileId)}`),
  evidenceUrl: (fileId: string) => `/api/evidence/${encodeURIComponent(fileId)}`,
  evidenceUploadUrl: (eid: string, oid: string) => `${base(eid, oid)}/evidence`,
  me: () => api.get<{ user: { id: string; role: string; displayName: string; organisationId: string | null }; csrfToken: string }>('/api/auth/me'),
};

export interface UploadError {
  status: number;
  code: string;
  messageTh: string;
  messageEn: string;
}

/**
 * Uploads one evidence file with progress (fetch has no upload progress, so XMLHttpRequest).
 * Rejects with an UploadError carrying the server's Thai and English message.
 */
export function uploadEvidence(
  url: string,
  item: string,
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): { promise: Promise<EvidenceFile>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<EvidenceFile>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as EvidenceFile);
        return;
      }
      const e = (body as { error?: { code?: string; message_th?: string; message_en?: string } } | null)?.error;
      reject({
        status: xhr.status,
        code: e?.code ?? `HTTP_${xhr.status}`,
        messageTh: e?.message_th ?? (xhr.status === 413 ? 'ไฟล์มีขนาดใหญ่เกินกำหนด' : `อัปโหลดไม่สำเร็จ (HTTP ${xhr.status})`),
        messageEn: e?.message_en ?? (xhr.status === 413 ? 'The file is too large' : `Upload failed (HTTP ${xhr.status})`),
      } satisfies UploadError);
    };
    xhr.onerror = () =>
      reject({ status: 0, code: 'NETWORK', messageTh: 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาลองใหม่', messageEn: 'Cannot reach the server; try again' } satisfies UploadError);
    xhr.onabort = () => reject({ status: 0, code: 'ABORTED', messageTh: 'ยกเลิกการอัปโหลดแล้ว', messageEn: 'Upload cancelled' } satisfies UploadError);
    const form = new FormData();
    form.append('item', item);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
