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

/**
 * The layers (docs/architecture.md, /work/shared/design/target-whiteboard.json): who may import whom. A type-only
 * import is allowed where marked: it ships no code and makes no arrow at runtime.
 */
const layer = (name, message, allowTypeImports = false) => ({
  regex: `(^|/)${name}(/|$)`,
  message,
  allowTypeImports,
});
const NOT_SIMULATOR = layer(
  'simulator',
  'the simulator never ships: only the composition root loads it, by name',
);
const NOT_PACKAGES = layer('packages', 'the main package never imports a subpackage');
const NOT_PAGES = layer('pages', 'nothing below the pages knows them');
const NOT_COMPONENTS = layer('components', 'nothing below the components knows them');
const NOT_STORES = layer('stores', 'the stores are above this layer: adapters and pure code know no state');
const NOT_I18N = layer('i18n', 'platform code returns codes, not text');
const NOT_PLATFORM_RUNTIME = layer(
  'platform',
  'pages and components reach the platform through stores',
  true,
);
const NOT_PLATFORM = layer('platform', 'the contract and the helpers are pure: no platform');
const layers = (files, ...patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

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
  layers(
    ['miniprogram/pages/**/*.ts', 'miniprogram/components/**/*.ts'],
    NOT_PACKAGES,
    NOT_PLATFORM_RUNTIME,
    NOT_SIMULATOR,
  ),
  layers(['miniprogram/packages/**/*.ts'], NOT_PAGES, NOT_COMPONENTS, NOT_SIMULATOR),
  layers(['miniprogram/stores/**/*.ts'], NOT_PACKAGES, NOT_PAGES, NOT_COMPONENTS, NOT_SIMULATOR),
  layers(
    ['miniprogram/i18n/**/*.ts'],
    NOT_PACKAGES,
    NOT_PAGES,
    NOT_COMPONENTS,
    NOT_STORES,
    NOT_PLATFORM,
    NOT_SIMULATOR,
  ),
  layers(
    ['miniprogram/platform/**/*.ts'],
    NOT_I18N,
    NOT_STORES,
    NOT_PACKAGES,
    NOT_PAGES,
    NOT_COMPONENTS,
    NOT_SIMULATOR,
  ),
  layers(
    ['miniprogram/contract/**/*.ts', 'miniprogram/lib/**/*.ts'],
    NOT_PLATFORM,
    NOT_STORES,
    NOT_I18N,
    NOT_PACKAGES,
    NOT_PAGES,
    NOT_COMPONENTS,
    NOT_SIMULATOR,
  ),
  {
    files: ['server/**/*.ts'],
    // the one exception: the Mini Program's own HTTP client, tested against the real server
    ignores: ['server/test/mini-program-http.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)miniprogram(/|$)', message: 'the server uses the contract only: #contract' },
          ],
        },
      ],
    },
  },
);
