/** @type {import('jest').Config} */
const miniprogram = {
  displayName: 'miniprogram',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  // 'ts' first: miniprogram-simulate require()s '<page>/index' and must find index.ts
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/helpers/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/after-each.ts'],
  modulePathIgnorePatterns: ['<rootDir>/miniprogram/miniprogram_npm/'],
};

/** The reference server (server/): real HTTP on localhost, in Node's environment. */
const server = {
  displayName: 'server',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/server/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/server/test/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/miniprogram/miniprogram_npm/', '<rootDir>/server/dist/'],
};

module.exports = {
  projects: [miniprogram, server],
  testTimeout: 20000,
};
