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

// SQL lives only in repositories (and src/db): elsewhere code may hold a Kysely/Transaction handle and open a
// transaction to pass it on, but may not write raw SQL or start a query. The builder methods below exist only on Kysely.
const sqlOutsideRepositories = 'SQL lives only in src/server/repositories: call (or add) a repository function and pass it the db or transaction handle.';
const queryBuilders = ['selectFrom', 'selectNoFrom', 'insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto', 'executeQuery'];
const sqlBoundary = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/server/repositories/**', 'src/db/**'],
  rules: {
    'no-restricted-syntax': ['error', { selector: `CallExpression[callee.property.name=/^(${queryBuilders.join('|')})$/]`, message: sqlOutsideRepositories }],
  },
};
const kyselySql = { name: 'kysely', importNames: ['sql'], message: sqlOutsideRepositories };

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
  sqlBoundary,
  { files: ['src/server/**/*.ts', 'src/cli/**/*.ts', 'src/demo/**/*.ts'], ignores: ['src/server/repositories/**'], rules: { 'no-restricted-imports': ['error', { paths: [kyselySql] }] } },
  { files: ['src/engine/**/*.ts', 'src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', engineBoundary] } },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/db/**', '**/cli/**'], message: 'The web UI talks to the server over HTTP only.' }] }] },
  },
);
