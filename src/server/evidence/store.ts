// Content-addressed evidence blobs under DATA_DIR/evidence/<aa>/<bb>/<sha256>: streamed to a temp file while hashed, then renamed.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
}

/**
 * Blobs are immutable and shared by every evidence_file row with the same content. They are never deleted when a
 * file row is deleted (rows are soft-deleted and kept for the verification trail), so deleting one file can never
 * remove content another file still points to.
 */
export class EvidenceStore {
  readonly root: string;
  private readonly tmpDir: string;
  private swept = false;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'evidence');
    this.tmpDir = path.join(this.root, 'tmp');
  }

  blobPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad sha256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Streams `source` to a temp file, hashing as it goes; refuses (and removes the temp file) past `maxBytes`. */
  async stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    await fsp.mkdir(this.tmpDir, { recursive: true });
    if (!this.swept) {
      this.swept = true;
      await this.sweepTemp(24 * 3600_000).catch(() => {});
    }
    const tmpPath = path.join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) return cb(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    const out = fs.createWriteStream(tmpPath, { flags: 'wx' });
    try {
      await pipeline(source, meter, out);
      // @fastify/multipart ends a truncated stream without an error when throwFileSizeLimit is off.
      if ((source as Readable & { truncated?: boolean }).truncated) throw new FileTooLargeError(maxBytes);
    } catch (err) {
      await fsp.rm(tmpPath, { force: true });
      throw err;
    }
    return { tmpPath, sha256: hash.digest('hex'), size };
  }

  /** Moves a staged file to its content address; identical content already stored is kept and the temp file dropped. */
  async commit(staged: StagedFile): Promise<string> {
    const dest = this.blobPath(staged.sha256);
    if (fs.existsSync(dest)) {
      await fsp.rm(staged.tmpPath, { force: true });
      return dest;
    }
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    // The blob must be on disk before the database row that points to it commits.
    const fh = await fsp.open(staged.tmpPath, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(staged.tmpPath, dest);
    await syncDir(path.dirname(dest));
    return dest;
  }

  /** Removes temp files a crashed upload left behind (older than `maxAgeMs`); runs once per process. */
  async sweepTemp(maxAgeMs: number): Promise<number> {
    let removed = 0;
    const cutoff = Date.now() - maxAgeMs;
    for (const name of await fsp.readdir(this.tmpDir).catch(() => [] as string[])) {
      if (!name.endsWith('.part')) continue;
      const p = path.join(this.tmpDir, name);
      const st = await fsp.stat(p).catch(() => null);
      if (st && st.mtimeMs < cutoff) {
        await fsp.rm(p, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async discard(staged: StagedFile | null): Promise<void> {
    if (staged) await fsp.rm(staged.tmpPath, { force: true });
  }

  exists(sha256: string): boolean {
    return fs.existsSync(this.blobPath(sha256));
  }

  open(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.blobPath(sha256));
  }
}

async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await fsp.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* some filesystems refuse fsync on directories; the rename is still atomic */
  }
}
