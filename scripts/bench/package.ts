/**
 * Bench "package": bytes DevTools uploads (our code + the npm components reachable from app.json), against the
 * 2 MB main-package limit and our 600 KB goal; the main package's JavaScript minified as DevTools minifies it
 * (terser) against 150 KB for our code; no file of the simulator in the upload; plus DevTools' code-quality report
 * (miniprogram-ci checkCodeQuality, offline) and three stricter checks of ours.
 */
import * as fs from 'fs';
import { NPM_DIST, PROJECT_ROOT } from '../../harness/package/files';
import { minifiedMainPackageJs, summarizeUploadSet } from '../../harness/package/upload-set';
import { packNpm } from '../lib/pack-npm';
import { runCodeQuality } from './code-quality';

const LIMIT = 2 * 1024 * 1024;
const GOAL = 600 * 1024;
/** Our JavaScript in the main package (what every device downloads before its first page), minified. */
const MAIN_JS_GOAL = 150 * 1024;

export async function measurePackage() {
  const started = Date.now();
  // a fresh clone has no miniprogram_npm yet: build it as `npm run build` does (offline, a few seconds)
  if (!fs.existsSync(NPM_DIST)) await packNpm();
  const upload = summarizeUploadSet();
  const mainJs = await minifiedMainPackageJs();
  const quality = await runCodeQuality(PROJECT_ROOT);
  // our code vs npm bytes in the analyser's graph: a cross-check of the upload set, measured with its own rules
  const npmFiles = quality.graph.reachable.filter((f) => f.path.startsWith('miniprogram_npm/'));
  const sum = (files: Array<{ size: number }>) => files.reduce((n, f) => n + f.size, 0);
  return {
    ...upload,
    limit: LIMIT,
    goal: GOAL,
    goalMet: upload.total <= GOAL,
    mainJs,
    mainJsGoal: MAIN_JS_GOAL,
    mainJsGoalMet: mainJs.ours <= MAIN_JS_GOAL,
    codeQuality: quality.items,
    allQualityPass: quality.items.every((item) => item.pass),
    ciGraph: {
      ours: sum(quality.graph.reachable) - sum(npmFiles),
      npm: sum(npmFiles),
      files: quality.graph.reachable.length,
    },
    ms: Date.now() - started,
  };
}

export type PackageFigure = Awaited<ReturnType<typeof measurePackage>>;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const met = (ok: boolean) => (ok ? 'MET' : 'MISSED');

export function formatPackageReport(r: PackageFigure): string {
  const line = (label: string, value: string) => `  ${label.padEnd(21)} ${value}`;
  const failed = r.codeQuality.filter((i) => !i.pass).length;
  const width = Math.max(...r.codeQuality.map((i) => i.name.length));
  return [
    'Package (upload set: files reachable from app.json; our .ts measured as compiled JS)',
    line('our code', kb(r.ours)),
    ...Object.entries(r.npm).map(([pkg, bytes]) => line(pkg, kb(bytes))),
    line('npm total', kb(r.npmTotal)),
    line(
      'total',
      `${kb(r.total)}  in ${r.fileCount} files, ${((r.total / r.limit) * 100).toFixed(1)}% of 2 MB; ` +
        `goal ≤ ${kb(r.goal).trim()}: ${met(r.goalMet)}`,
    ),
    line(
      'by package',
      Object.entries(r.packages)
        .map(([pkg, b]) => `${pkg} ${kb(b).trim()}`)
        .join(', '),
    ),
    line('simulator files', r.simulatedFiles.join(', ') || 'none in the upload set'),
    line('vant components', r.vantComponents.join(', ') || 'none'),
    '',
    'Main package JavaScript, minified as DevTools minifies it (terser)',
    line('our code', `${kb(r.mainJs.ours)}  goal ≤ ${kb(r.mainJsGoal).trim()}: ${met(r.mainJsGoalMet)}`),
    line(
      'pinyin table',
      `${kb(r.mainJs.pinyinTable)}  its own subpackage, loaded after the first screen (8,105 characters + surnames)`,
    ),
    line('npm packages', kb(r.mainJs.npm)),
    line('total', `${kb(r.mainJs.total)}  in ${r.mainJs.files} files`),
    line('largest', r.mainJs.largest.map((f) => `${f.file} ${kb(f.bytes).trim()}`).join(', ')),
    `  cross-check (DevTools analyser graph, uncompressed): ours ${kb(r.ciGraph.ours).trim()}, ` +
      `npm ${kb(r.ciGraph.npm).trim()}, ${r.ciGraph.files} files`,
    '',
    'Code quality (miniprogram-ci checkCodeQuality on a compiled copy, + bench checks)',
    ...r.codeQuality.map(
      (i) =>
        `  ${i.pass ? 'PASS' : 'FAIL'}  ${i.name.padEnd(width)}  ${i.detail}${i.source === 'bench' ? ' (bench)' : ''}`,
    ),
    `  ${failed === 0 ? 'all' : `${r.codeQuality.length - failed} of`} ${r.codeQuality.length} items pass` +
      ` (${(r.ms / 1000).toFixed(1)} s)`,
  ].join('\n');
}
