// HTTP client for the JSON API: session cookie, CSRF header on mutating requests, typed errors.

export interface ErrorDetail {
  path: string;
  th: string;
  en: string;
}

/** An error answered by the server (with its catalogue code and Thai/English messages) or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageTh: string,
    readonly messageEn: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(messageEn);
    this.name = 'ApiError';
  }

  /** The message in the user's language; `lang` is an i18next language code. */
  localized(lang: string): string {
    return lang.startsWith('en') ? this.messageEn : this.messageTh;
  }
}

/** Status 0: the request never got an answer (offline, server down). */
export const NETWORK_ERROR_CODE = 'NETWORK';

let csrfToken: string | null = null;

/** The token comes from login, invitation accept or /api/auth/me; mutating requests send it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as multipart/form-data instead of JSON. */
  form?: FormData;
  signal?: AbortSignal;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to the generic message.
  }
  const e = (body as { error?: { code?: string; message_th?: string; message_en?: string; details?: ErrorDetail[] } } | null)?.error;
  if (e && typeof e.code === 'string') {
    return new ApiError(res.status, e.code, e.message_th ?? e.message_en ?? e.code, e.message_en ?? e.code, e.details ?? []);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, `เกิดข้อผิดพลาด (HTTP ${res.status})`, `Request failed (HTTP ${res.status})`);
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.form) {
    body = opts.form;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR_CODE, 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่', 'Cannot reach the server; check the connection and try again');
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};
