// Decides an evidence file's type from its content (never its name); only documents and images are accepted.
import fsp from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

export interface AcceptedType {
  ok: true;
  mime: string;
  ext: string;
}
export interface RefusedType {
  ok: false;
  /** What the content looks like, for the error message ("exe", "elf", "text/unknown"…). */
  detected: string;
}

const ACCEPTED: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** Types shown inline by the browser; everything else downloads as an attachment. */
export const INLINE_MIME = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Extension for a stored MIME type (used in download names). */
export function extensionFor(mime: string): string | null {
  for (const [ext, m] of Object.entries(ACCEPTED)) if (m === mime) return ext;
  return null;
}

// Stream names inside an OLE compound file (legacy Office), stored as UTF-16LE in the directory sectors.
const CFB_MARKERS: [string, Buffer][] = [
  ['doc', Buffer.from('WordDocument', 'utf16le')],
  ['xls', Buffer.from('Workbook', 'utf16le')],
  ['xls', Buffer.from('Book\u0000', 'utf16le')],
  ['ppt', Buffer.from('PowerPoint Document', 'utf16le')],
];

/** Legacy Office: the directory may sit anywhere in the file, so scan it in chunks with an overlap. */
async function legacyOfficeKind(file: string): Promise<string | null> {
  const fh = await fsp.open(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const overlap = 64;
    let carry = Buffer.alloc(0);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) return null;
      pos += bytesRead;
      const window = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      for (const [kind, marker] of CFB_MARKERS) if (window.includes(marker)) return kind;
      carry = window.subarray(Math.max(0, window.length - overlap));
    }
  } finally {
    await fh.close();
  }
}

export async function detectEvidenceType(file: string): Promise<AcceptedType | RefusedType> {
  const ft = await fileTypeFromFile(file);
  if (!ft) return { ok: false, detected: 'text/unknown' };
  if (ft.ext === 'cfb') {
    const kind = await legacyOfficeKind(file);
    return kind ? { ok: true, ext: kind, mime: ACCEPTED[kind]! } : { ok: false, detected: 'cfb' };
  }
  const mime = ACCEPTED[ft.ext];
  return mime ? { ok: true, ext: ft.ext, mime } : { ok: false, detected: ft.ext };
}
