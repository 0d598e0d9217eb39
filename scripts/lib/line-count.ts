/** How much the tooling weighs beside the app it serves (printed by the build and the bench). */
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, PROJECT_ROOT } from '../../harness/package/files';

/** Lines (as `wc -l` counts them) of the files under `dir` (miniprogram_npm aside) whose name matches. */
function lineCount(dir: string, name = /./): number {
  return listFiles(path.join(PROJECT_ROOT, dir), '', ['node_modules', 'miniprogram_npm'])
    .filter((file) => name.test(path.basename(file)))
    .reduce((n, file) => n + (fs.readFileSync(file, 'utf8').match(/\n/g)?.length ?? 0), 0);
}

export function toolingLines(): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const scripts = lineCount('scripts');
  const harness = lineCount('harness');
  return (
    `scripts/ ${n(scripts)} lines (aim ≤ 2,500) + harness/ ${n(harness)} (shared with the tests) = ` +
    `${n(scripts + harness)} lines of tooling, beside ${n(lineCount('miniprogram', /\.(ts|wxml|wxss|json)$/))} ` +
    'lines of app code (.ts/.wxml/.wxss/.json)'
  );
}
