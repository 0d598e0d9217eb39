import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const miniProgramGlobals = {
  wx: 'readonly',
  App: 'readonly',
  Page: 'readonly',
  Component: 'readonly',
  Behavior: 'readonly',
  getApp: 'readonly',
  getCurrentPages: 'readonly',
  requirePlugin: 'readonly',
  wmpf: 'readonly',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'miniprogram/miniprogram_npm/',
      'preview/',
      'coverage/',
      'bench/results.json',
      'server/dist/',
      'server/.data/',
      'devtools-no-appid/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['miniprogram/**/*.ts', 'typings/**/*.ts'],
    languageOptions: { globals: miniProgramGlobals },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    // promises nobody awaits or handles: typed rules, read from the TypeScript projects `npm run typecheck` checks
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.json',
          './test/tsconfig.json',
          './server/tsconfig.json',
          './server/test/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...miniProgramGlobals, ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  {
    files: ['typings/**/*.d.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
