// Lint: TypeScript rules plus the architecture rule that keeps the engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const engineBoundary = {
  patterns: [
    { group: ['**/server/**', '**/db/**', '**/web/**', '**/cli/**'], message: 'The engine is pure: it may import only engine and shared code.' },
    { group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process', 'net', 'os', 'crypto', 'pg', 'kysely', 'fastify'], message: 'The engine does no I/O: no Node built-ins, database or HTTP libraries.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  { files: ['src/engine/**/*.ts', 'src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', engineBoundary] } },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/db/**', '**/cli/**'], message: 'The web UI talks to the server over HTTP only.' }] }] },
  },
);
