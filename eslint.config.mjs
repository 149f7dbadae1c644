import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const everywhere = [
  { selector: "CallExpression[callee.name='parseFloat']", message: 'money never goes through a float' },
  { selector: "CallExpression[callee.property.name='toFixed']", message: 'money never goes through toFixed' },
  { selector: 'ExportDefaultDeclaration', message: 'use named exports' },
];

const forbiddenOutsideMain = {
  patterns: [
    { group: ['node:*'], message: 'shared/ and renderer/ run without Node: keep node: imports in electron/.' },
    { group: ['electron', 'better-sqlite3', 'electron-store'], message: 'only electron/ may import the main-process modules.' },
    { group: ['**/electron/**'], message: 'the renderer talks to the main process only through renderer/api.ts.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...everywhere],
    },
  },
  {
    // A service runs on every command: its statements come from the named per-connection cache.
    files: ['electron/services/**/*.ts', 'electron/auth/**/*.ts', 'electron/ledger/journal.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...everywhere,
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: 'use statement(db, sql) from electron/ledger/statements.ts: prepared once per connection',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', forbiddenOutsideMain] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbiddenOutsideMain] },
  },
  {
    // CommonJS on purpose: loaded with `node -r` before a bundle (e2e/support/fake-electron.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['*.config.{ts,mts,mjs}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
