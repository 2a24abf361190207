// Lint gate for the whole monorepo (runs in CI through `pnpm lint`).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/bundle/**',
      'storybook-static/**',
      '**/generated/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.mocha },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: strict CSP forbids it.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: strict CSP forbids it.' },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'No innerHTML: Trusted Types forbid it.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.mjs', '**/test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
