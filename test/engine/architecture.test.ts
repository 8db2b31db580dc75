// The architecture rule must actually fail the build when the engine imports I/O code.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// ESLint loads the whole typescript-eslint toolchain on first use: seconds, not milliseconds, on a busy machine.
describe('engine boundary lint rule', { timeout: 60_000 }, () => {
  it('rejects an engine file importing the server, the database or Node I/O', async () => {
    const eslint = new ESLint();
    const bad = `import { openDatabase } from '../db/database.js';\nimport fs from 'node:fs';\nexport const x = [openDatabase, fs];\n`;
    const [result] = await eslint.lintText(bad, { filePath: 'src/engine/bad-example.ts' });
    const messages = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    expect(messages.some((m) => m.includes('The engine is pure'))).toBe(true);
    expect(messages.some((m) => m.includes('The engine does no I/O'))).toBe(true);
  });
  it('accepts engine code importing shared code', async () => {
    const eslint = new ESLint();
    const ok = `import { AppError } from '../shared/errors.js';\nexport const y = AppError;\n`;
    const [result] = await eslint.lintText(ok, { filePath: 'src/engine/good-example.ts' });
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
