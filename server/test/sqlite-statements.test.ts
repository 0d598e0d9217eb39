/** The SQLite statement cache under Kysely: one prepared statement per SQL text, never one that is still running. */
import BetterSqlite3 from 'better-sqlite3';
import { withStatementCache } from '../src/db/sqlite-statements';

function database() {
  const db = new BetterSqlite3(':memory:');
  db.exec("create table t (id integer primary key, v text); insert into t (v) values ('a'), ('b'), ('c')");
  return withStatementCache(db);
}

it('prepares each SQL text once and reuses it', () => {
  const db = database();
  const first = db.prepare('select v from t where id = ?');
  expect(db.prepare('select v from t where id = ?')).toBe(first);
  expect(db.prepare('select v from t where id > ?')).not.toBe(first);
  expect(db.cachedStatements).toBe(2);
  expect(first.all([2])).toEqual([{ v: 'b' }]);
  db.close();
});

it('hands out a statement of its own while the cached one is still being iterated', () => {
  const db = database();
  const sql = 'select v from t order by id';
  const iterating = db.prepare(sql).iterate([]);
  expect(iterating.next().value).toEqual({ v: 'a' });
  const other = db.prepare(sql);
  expect(other.all([])).toHaveLength(3);
  expect(iterating.next().value).toEqual({ v: 'b' });
  iterating.return?.();
  expect(db.prepare(sql)).toBe(db.prepare(sql));
  db.close();
});

it('sees schema changes made after a statement was cached', () => {
  const db = database();
  expect(db.prepare('select * from t where id = ?').all([1])).toEqual([{ id: 1, v: 'a' }]);
  db.prepare('alter table t add column w text').run([]);
  expect(db.prepare('select * from t where id = ?').all([1])).toEqual([{ id: 1, v: 'a', w: null }]);
  db.close();
});
