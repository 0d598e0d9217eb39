#!/usr/bin/env node
/**
 * npm run build: builds miniprogram_npm offline (miniprogram-ci packNpmManually, like DevTools' "Build npm"),
 * type-checks, compiles every WXML/WXSS with the official compiler, and prints what DevTools needs.
 *   --quiet         only print errors (used before `npm test`, whose jest only transpiles: the types are checked here)
 *   --no-typecheck  skip tsc
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { PROJECT_ROOT } = require('./lib/paths');
const { packNpm } = require('./lib/pack-npm');
const { compileTemplates } = require('./lib/compile-templates');
const { summarizeUploadSet } = require('./lib/upload-set');

const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const log = (...m) => {
  if (!quiet) console.log(...m);
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function buildNpm() {
  const started = Date.now();
  const result = await packNpm();
  for (const w of result.warnList || []) console.warn(`npm build warning: ${w.msg || JSON.stringify(w)}`);
  log(
    `✔ npm packages built into miniprogram/miniprogram_npm (${result.miniProgramPackNum} mini program, ` +
      `${result.otherNpmPackNum} other) in ${Date.now() - started} ms`,
  );
}

function typecheck() {
  const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['tsconfig.json', 'test/tsconfig.json']) {
    const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(r.stdout + r.stderr);
      throw new Error(`type check failed (${project})`);
    }
  }
  log('✔ TypeScript: strict type check passed (app and tests)');
}

function templates() {
  const { wxmlCount, wxssCount } = compileTemplates();
  log(`✔ official compiler: ${wxmlCount} WXML and ${wxssCount} WXSS files compiled`);
}

/** Lines (as `wc -l` counts them) of the files under dir whose name passes `keep`. */
function lineCount(dir, keep = () => true) {
  let lines = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) lines += entry.name === 'miniprogram_npm' ? 0 : lineCount(file, keep);
    else if (keep(entry.name)) lines += fs.readFileSync(file, 'utf8').split('\n').length - 1;
  }
  return lines;
}

function report() {
  const s = summarizeUploadSet();
  log('');
  log(`Open in WeChat DevTools: ${PROJECT_ROOT}`);
  log(
    '  (Import project → this folder; set your own AppID in project.config.json — see README "AppID, plugin and backend")',
  );
  log('Code package (files DevTools uploads, main package limit 2048 KB):');
  log(`  our code          ${kb(s.ours)}`);
  for (const [pkg, bytes] of Object.entries(s.npm)) log(`  ${pkg.padEnd(17)} ${kb(bytes)}`);
  log(`  total             ${kb(s.total)} in ${s.fileCount} files`);
  log(`  Vant components used: ${s.vantComponents.join(', ') || 'none'}`);
  const tooling = lineCount(path.join(PROJECT_ROOT, 'scripts'));
  const app = lineCount(path.join(PROJECT_ROOT, 'miniprogram'), (name) =>
    /\.(ts|wxml|wxss|json)$/.test(name),
  );
  const n = (x) => x.toLocaleString('en-US');
  log(
    `Tooling: scripts/ ${n(tooling)} lines (aim ≤ 2,500) beside ${n(app)} lines of app code (.ts/.wxml/.wxss/.json)`,
  );
}

async function main() {
  await buildNpm();
  if (!args.has('--no-typecheck')) typecheck();
  templates();
  report();
}

main().catch((err) => {
  console.error(`✘ build failed: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
