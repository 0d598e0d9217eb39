/**
 * The simulator harness (harness/) is the one place tests, `npm start` and the bench share: scripts/ and test/
 * both depend on it and never on each other, and it depends on neither (import, export … from, require, import()).
 */
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, PROJECT_ROOT } from '../../harness/package/files';

const SPECIFIER = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Top-level folders a file's relative imports reach, by file. */
function reachedFolders(folder: string): Array<{ file: string; reaches: string }> {
  return listFiles(path.join(PROJECT_ROOT, folder))
    .filter((file) => /\.(ts|js)$/.test(file))
    .flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)]
        .map((m) => m[1])
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({
          file: path.relative(PROJECT_ROOT, file),
          reaches: path.relative(PROJECT_ROOT, path.resolve(path.dirname(file), spec)).split(path.sep)[0],
        })),
    );
}

describe('tooling boundaries', () => {
  it.each([
    ['scripts', ['test']],
    ['test', ['scripts']],
    ['harness', ['scripts', 'test']],
  ])('%s/ imports nothing from %j', (folder, forbidden) => {
    const found = reachedFolders(folder);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((r) => forbidden.includes(r.reaches))).toEqual([]);
  });

  it('sees an import that crosses, whatever its form', () => {
    const [scripts, test] = ['scripts', 'test']; // not spelled out: this file would cross itself
    const source = `import x from '../../${scripts}/a';\nconst y = require('../${test}/b');\nawait import('../${scripts}/c');`;
    expect([...source.matchAll(SPECIFIER)].map((m) => m[1])).toEqual([
      '../../scripts/a',
      '../test/b',
      '../scripts/c',
    ]);
  });
});
