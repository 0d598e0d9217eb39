/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  // 'ts' first: miniprogram-simulate require()s '<page>/index' and must find index.ts
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/helpers/setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/after-each.ts'],
  modulePathIgnorePatterns: ['<rootDir>/miniprogram/miniprogram_npm/'],
  testTimeout: 20000,
};
