/** SQLite on a Node without Node-API 10: a clear error before better-sqlite3 13 would crash the process. */
import { checkNodeForSqlite } from '../src/db/sqlite-runtime';

it('refuses Node 20 (Node-API 9) with a message that names the Node versions to use', () => {
  expect(() => checkNodeForSqlite('9', 'v20.20.2')).toThrow(
    'SQLite (better-sqlite3 13) needs Node 22.17+ or 24+ (Node-API 10); this is Node v20.20.2 (Node-API 9)',
  );
});

it('refuses a runtime whose Node-API version is not a number', () => {
  expect(() => checkNodeForSqlite('', 'v0.0.0')).toThrow('this is Node v0.0.0 (Node-API )');
});

it('accepts Node 22 and 24 (Node-API 10)', () => {
  expect(() => checkNodeForSqlite('10', 'v22.23.3')).not.toThrow();
  expect(() => checkNodeForSqlite('10', 'v24.21.0')).not.toThrow();
});

it('accepts the Node running these tests, which CI runs on Node 22 and 24', () => {
  expect(() => checkNodeForSqlite()).not.toThrow();
});
