// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Packages talk to each other through public entry points only (ARCHITECTURE.md).
const entryPointsOnly = [
  { group: ['@smskit/*/src/*', '@smskit/*/dist/*', 'smskit/src/*'], message: 'Import the package entry point, not its files.' },
  { group: ['../../*/src/*', '../../../packages/*'], message: 'Import another package by its name (@smskit/...), never by path.' },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'docs-site/**', '**/.turbo/**', '**/coverage/**'] },
  js.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Options objects, not positional arguments (STYLE §2).
      'max-params': ['error', 3],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: entryPointsOnly }],
    },
  },
  {
    // A provider package's cold start loads only the part of core it builds on.
    files: ['packages/aliyun/src/**', 'packages/tencent/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: entryPointsOnly,
          paths: [{ name: '@smskit/core', message: 'A provider package imports @smskit/core/provider, so that importing it does not load all of core.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**', 'bench/**', 'scripts/**'],
    rules: { 'max-params': 'off' },
  },
);
