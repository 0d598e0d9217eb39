#!/usr/bin/env node
/**
 * Bench "package": bytes DevTools uploads (our code + the npm components reachable from app.json), against the
 * 2 MB main-package limit and our 600 KB goal; the main package's JavaScript minified as DevTools minifies it
 * (terser) against 150 KB for our code; no file of the simulator in the upload; plus DevTools' code-quality report
 * (miniprogram-ci checkCodeQuality, offline) and three stricter checks of ours.
 *
 *   node scripts/bench/package.js     prints the table; exit code 1 if the goal is missed or an item fails
 *
 * measurePackage() is the pure measurement (used by scripts/bench/index.ts); formatPackageReport() the printer.
 */
const fs = require('fs');
const { PROJECT_ROOT, NPM_DIST } = require('../lib/paths');
const { packNpm } = require('../lib/pack-npm');
const { minifiedMainPackageJs, summarizeUploadSet } = require('../lib/upload-set');
const { runCodeQuality } = require('./lib/code-quality');

const LIMIT = 2 * 1024 * 1024;
const GOAL = 600 * 1024;
/** Our JavaScript in the main package (what every device downloads before its first page), minified. */
const MAIN_JS_GOAL = 150 * 1024;

/** A fresh clone has no miniprogram_npm yet: build it as `npm run build` does (offline, a few seconds). */
async function ensureNpmBuilt() {
  if (!fs.existsSync(NPM_DIST)) await packNpm();
}

/** Our code vs npm bytes in the analyser's graph (a cross-check of upload-set.js: it measures with its own rules). */
function splitGraph(reachable) {
  let ours = 0;
  let npm = 0;
  for (const file of reachable) {
    if (file.path.startsWith('miniprogram_npm/')) npm += file.size;
    else ours += file.size;
  }
  return { ours, npm, files: reachable.length };
}

/**
 * @returns {Promise<{ ours: number, npm: Record<string, number>, npmTotal: number, total: number,
 *   limit: 2097152, goal: 614400, goalMet: boolean, fileCount: number, vantComponents: string[],
 *   codeQuality: Array<{ name: string, pass: boolean, detail: string, source: 'miniprogram-ci' | 'bench' }>,
 *   allQualityPass: boolean, ciGraph: { ours: number, npm: number, files: number }, ms: number }>}
 */
async function measurePackage() {
  const started = Date.now();
  await ensureNpmBuilt();
  const upload = summarizeUploadSet();
  const mainJs = await minifiedMainPackageJs();
  const quality = await runCodeQuality(PROJECT_ROOT);
  return {
    ours: upload.ours,
    npm: upload.npm,
    npmTotal: upload.npmTotal,
    total: upload.total,
    limit: LIMIT,
    goal: GOAL,
    goalMet: upload.total <= GOAL,
    fileCount: upload.fileCount,
    vantComponents: upload.vantComponents,
    packages: upload.packages,
    simulatedFiles: upload.simulatedFiles,
    mainJs: {
      ours: mainJs.ours,
      npm: mainJs.npm,
      total: mainJs.total,
      files: mainJs.files,
      largest: mainJs.largest,
    },
    mainJsGoal: MAIN_JS_GOAL,
    mainJsGoalMet: mainJs.ours <= MAIN_JS_GOAL,
    codeQuality: quality.items,
    allQualityPass: quality.items.every((item) => item.pass),
    ciGraph: splitGraph(quality.graph.reachable),
    ms: Date.now() - started,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);

/** @param {Awaited<ReturnType<typeof measurePackage>>} r */
function formatPackageReport(r) {
  const lines = [];
  const pct = (n) => `${((n / r.limit) * 100).toFixed(1)}% of 2 MB`;
  lines.push('Package (upload set: files reachable from app.json; our .ts measured as compiled JS)');
  lines.push(`  our code              ${kb(r.ours)}`);
  for (const [pkg, bytes] of Object.entries(r.npm)) lines.push(`  ${pkg.padEnd(21)} ${kb(bytes)}`);
  lines.push(`  npm total             ${kb(r.npmTotal)}`);
  lines.push(
    `  total                 ${kb(r.total)}  in ${r.fileCount} files, ${pct(r.total)}; ` +
      `goal ≤ ${kb(r.goal).trim()}: ${r.goalMet ? 'MET' : 'MISSED'}`,
  );
  lines.push(
    `  by package            ${Object.entries(r.packages)
      .map(([pkg, bytes]) => `${pkg} ${kb(bytes).trim()}`)
      .join(', ')}`,
  );
  lines.push(
    `  simulator files       ${r.simulatedFiles.length ? r.simulatedFiles.join(', ') : 'none in the upload set'}`,
  );
  lines.push(`  vant components       ${r.vantComponents.join(', ') || 'none'}`);
  lines.push('');
  lines.push('Main package JavaScript, minified as DevTools minifies it (terser)');
  lines.push(
    `  our code              ${kb(r.mainJs.ours)}  goal ≤ ${kb(r.mainJsGoal).trim()}: ${r.mainJsGoalMet ? 'MET' : 'MISSED'}`,
  );
  lines.push(`  npm packages          ${kb(r.mainJs.npm)}`);
  lines.push(`  total                 ${kb(r.mainJs.total)}  in ${r.mainJs.files} files`);
  lines.push(
    `  largest               ${r.mainJs.largest.map((f) => `${f.file} ${kb(f.bytes).trim()}`).join(', ')}`,
  );
  lines.push(
    `  cross-check (DevTools analyser graph, uncompressed): ours ${kb(r.ciGraph.ours).trim()}, ` +
      `npm ${kb(r.ciGraph.npm).trim()}, ${r.ciGraph.files} files`,
  );
  lines.push('');
  lines.push('Code quality (miniprogram-ci checkCodeQuality on a compiled copy, + bench checks)');
  const width = Math.max(...r.codeQuality.map((i) => i.name.length));
  for (const item of r.codeQuality) {
    const tag = item.source === 'bench' ? ' (bench)' : '';
    lines.push(`  ${item.pass ? 'PASS' : 'FAIL'}  ${item.name.padEnd(width)}  ${item.detail}${tag}`);
  }
  const failed = r.codeQuality.filter((i) => !i.pass).length;
  lines.push(
    `  ${failed === 0 ? 'all' : `${r.codeQuality.length - failed} of`} ${r.codeQuality.length} items pass` +
      ` (${(r.ms / 1000).toFixed(1)} s)`,
  );
  return lines.join('\n');
}

module.exports = { measurePackage, formatPackageReport };

if (require.main === module) {
  measurePackage().then(
    (result) => {
      console.log(formatPackageReport(result));
      const ok =
        result.goalMet && result.mainJsGoalMet && !result.simulatedFiles.length && result.allQualityPass;
      process.exit(ok ? 0 : 1);
    },
    (error) => {
      console.error(`✘ package bench failed: ${error && error.stack ? error.stack : error}`);
      process.exit(1);
    },
  );
}
