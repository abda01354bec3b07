import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { pageLayerZones } from './src/layers.js';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.data',
      'stats.html',
      '.tmp-*',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['src/**/*.tsx'],
    // RowCheckbox renders a native checkbox: a label around it is associated with a control.
    rules: { 'jsx-a11y/label-has-associated-control': ['error', { controlComponents: ['RowCheckbox'] }] },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}', '*.config.{ts,js}', '.ci/**'],
    languageOptions: { globals: globals.node },
  },
  // The page's import directions (what may import what: src/layers.js).
  {
    files: ['src/**/*.{ts,tsx}', 'contract/**/*.ts'],
    // Tests may reach across layers to set up a scene (the real server, another feature's hooks).
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: pageLayerZones() }] },
  },
  // No import cycles in the page (a kind, the inbox and the app each sit on one side of an import). The rule reads
  // the imported files too: they are TypeScript.
  {
    files: ['src/**/*.{ts,tsx}', 'contract/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver()],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Server and contract layering: the server never imports the browser app (src/), and the contract, which the
  // page, the server, the benchmark and e2e all import, imports neither of them. What the server shares with the
  // page lives in contract/. Proved by server/layering.test.ts.
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}/(.*/)?src(/|$)',
              message: 'server/ never imports the browser app (src/): share it through contract/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.{1,2}/(.*/)?(src|server)(/|$)',
              message: 'contract/ is shared by the page and the server: it imports neither src/ nor server/.',
            },
          ],
        },
      ],
    },
  },
);
