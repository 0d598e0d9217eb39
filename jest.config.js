/**
 * Three projects, so that a failure names what is missing: `tests` need nothing but Node (pass on any machine);
 * `screenshots` need a browser (harness/preview/browser.ts: Chromium from npm on Linux x64, Chrome or Edge on
 * Windows and macOS) and run in Node with jsdom globals, so playwright runs in the test process; `server` runs the
 * reference backend (server/) over real HTTP on localhost.
 */
const common = {
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  // 'ts' first: miniprogram-simulate require()s '<page>/index' and must find index.ts
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/after-each.ts'],
  modulePathIgnorePatterns: ['<rootDir>/miniprogram/miniprogram_npm/'],
  // the server's one named import of the contract (server/package.json "imports", server/tsconfig.json "paths")
  moduleNameMapper: { '^#contract$': '<rootDir>/miniprogram/contract/index.ts' },
  testTimeout: 20000,
  // Jest sets this mode once per worker process, by the first environment created there: every project must
  // agree, or a screenshot file landing in a worker that ran a jsdom file first gets 'soft' (see below).
  testEnvironmentOptions: { globalsCleanup: 'off' },
};

/** @type {import('jest').Config} */
module.exports = {
  // a global option: jest ignores testTimeout inside a project (its default, 5 s, would apply to every project)
  testTimeout: 20000,
  projects: [
    {
      ...common,
      displayName: 'tests',
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/harness/setup.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.screenshot\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'screenshots',
      testEnvironment: 'node',
      // 'off' (common): a soft cleanup walks the jsdom window installed as globals and recurses in jsdom's Storage
      setupFiles: ['<rootDir>/harness/node-env.ts'],
      testMatch: ['<rootDir>/test/**/*.screenshot.test.ts'],
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      testEnvironmentOptions: common.testEnvironmentOptions,
      testMatch: ['<rootDir>/server/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/server/test/tsconfig.json' }] },
      moduleFileExtensions: ['ts', 'js', 'json'],
      modulePathIgnorePatterns: ['<rootDir>/miniprogram/miniprogram_npm/', '<rootDir>/server/dist/'],
      moduleNameMapper: common.moduleNameMapper,
      testTimeout: 20000,
    },
  ],
};
