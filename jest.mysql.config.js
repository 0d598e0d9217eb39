/**
 * `npm run test:mysql`: the server's suites that need a real MySQL-compatible server (server/test/mysql/), which the
 * npm registry does not have. CI installs Debian's mariadb-server for them (.ci/run); `npm test` runs everything else.
 */
const main = require('./jest.config.js');

const server = main.projects.find((project) => project.displayName === 'server');

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: main.testTimeout,
  projects: [
    {
      ...server,
      displayName: 'server-mysql',
      testMatch: ['<rootDir>/server/test/mysql/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};
