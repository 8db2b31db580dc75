// The one upload pipeline behind evidence, Digital Local attachments and nomination evidence: limit, type, address, clean-up.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/app.js';
import { AppError } from '../../src/shared/errors.js';
import { evidenceStore, storeUpload, type StoredUpload } from '../../src/server/services/upload-staging.js';
import { FILES } from './support/questionnaire.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgr-upload-'));
const ctx = { config: { DATA_DIR: dataDir, UPLOAD_MAX_MB: 1 } } as unknown as AppContext;
const MB = 1024 * 1024;

/** A PDF padded to exactly `size` bytes (the type is read from its first bytes). */
function pdfOfSize(size: number): Buffer {
  return Buffer.concat([FILES.pdf, Buffer.alloc(size - FILES.pdf.length, 0x20)]);
}

function incoming(content: Buffer, filename = 'file.pdf') {
  // Small chunks, as a network stream delivers them.
  const chunks: Buffer[] = [];
  for (let i = 0; i < content.length; i += 64 * 1024) chunks.push(content.subarray(i, i + 64 * 1024));
  return { filename, stream: Readable.from(chunks) };
}

async function refusal(content: Buffer): Promise<{ error: AppError; recorded: boolean }> {
  let recorded = false;
  const error = await storeUpload(ctx, incoming(content), async () => {
    recorded = true;
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return { error: error as AppError, recorded };
}

function tempFiles(): string[] {
  return fs.readdirSync(path.join(dataDir, 'evidence', 'tmp'));
}

describe('upload staging', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('accepts a file of exactly UPLOAD_MAX_MB at its SHA-256 address, typed from content, with a clean Thai name', async () => {
    const content = pdfOfSize(MB);
    const got = await storeUpload(ctx, incoming(content, 'C:\\เอกสาร\\แผนงาน.exe'), async (u: StoredUpload) => u);
    const sha = createHash('sha256').update(content).digest('hex');
    expect(got).toEqual({ sha256: sha, size: MB, mimeType: 'application/pdf', filename: 'แผนงาน.exe' });
    const blob = evidenceStore(ctx).blobPath(sha);
    expect(blob).toBe(path.join(dataDir, 'evidence', sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(fs.readFileSync(blob).equals(content)).toBe(true);
    // The same content again lands at the same address.
    const again = await storeUpload(ctx, incoming(content, 'copy.pdf'), async (u) => u);
    expect(again.sha256).toBe(sha);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses one byte over the limit, empty files and executables named .pdf, before anything is recorded', async () => {
    const big = await refusal(pdfOfSize(MB + 1));
    expect(big.error.code).toBe('FILE_TOO_LARGE');
    expect(big.error.params).toEqual({ maxMb: 1 });
    expect(big.recorded).toBe(false);

    const empty = await refusal(Buffer.alloc(0));
    expect(empty.error.code).toBe('FILE_TYPE_REFUSED');
    expect(empty.error.params).toEqual({ detected: 'empty' });

    const exe = await refusal(FILES.exe);
    expect(exe.error.code).toBe('FILE_TYPE_REFUSED');
    expect(exe.error.params).toEqual({ detected: 'exe' });
    expect(exe.recorded).toBe(false);
    expect(fs.existsSync(evidenceStore(ctx).blobPath(createHash('sha256').update(FILES.exe).digest('hex')))).toBe(false);
    expect(tempFiles()).toEqual([]);
  });

  it('passes on what the recording step throws and leaves no temp file', async () => {
    const err = await storeUpload(ctx, incoming(FILES.png, 'a.png'), async () => {
      throw new AppError('STATE_FORBIDS', { state: 'closed' });
    }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('STATE_FORBIDS');
    expect(tempFiles()).toEqual([]);
  });
});
