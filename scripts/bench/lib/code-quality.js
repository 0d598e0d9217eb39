/**
 * DevTools' code-quality report ("代码质量"), run offline through miniprogram-ci's checkCodeQuality on a compiled
 * copy of the project, plus three checks of ours that keep it meaningful (see BENCH_ITEMS below).
 */
const fs = require('fs');
const path = require('path');
const { fork } = require('child_process');
const { createCompiledCopy } = require('./compiled-copy');
const { findUnusedDeclarations } = require('./declared-components');

const WORKER = path.join(__dirname, 'code-quality-worker.js');
const WORKER_TIMEOUT_MS = 60000;
// miniprogram-ci's IMAGE_AND_AUDIO_LIMIT extensions (dist/ci/utils/qualitycheckoption.js).
const MEDIA_EXT = new Set(
  '.jpg .jpeg .png .svg .webp .gif .flac .m4a .ogg .ape .amr .wma .wav .mp3 .mp4 .aac .aiff .caf'.split(' '),
);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const list = (items, max = 8) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} … (+${items.length - max})`;

function runWorker(copyDir, miniprogramRoot, cwd) {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [copyDir, miniprogramRoot], { cwd, silent: true, execArgv: [] });
    let output = '';
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn(value);
    };
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(reject, new Error(`checkCodeQuality did not finish within ${WORKER_TIMEOUT_MS} ms\n${output}`));
    }, WORKER_TIMEOUT_MS);
    child.on('message', (msg) => {
      if (msg && msg.ok) finish(resolve, { ...msg.result, output });
      else finish(reject, new Error(`checkCodeQuality failed: ${msg && msg.error}\n${output}`));
    });
    child.on('close', (code) => finish(reject, new Error(`code-quality worker exited (${code})\n${output}`)));
  });
}

function mediaBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += mediaBytes(full);
    else if (MEDIA_EXT.has(path.extname(entry.name).toLowerCase())) total += fs.statSync(full).size;
  }
  return total;
}

/** One line of figures per miniprogram-ci item (its own `text` reads like a failure even when it passes). */
function describeCiItem(item, ctx) {
  const d = item.detail;
  switch (item.name) {
    case 'PACKAGE_SIZE_LIMIT': {
      const sizes = Object.entries(d || {}).map(
        ([pkg, bytes]) => `${pkg === '__APP__' ? 'main' : pkg} ${kb(bytes)}`,
      );
      return `${sizes.join(', ')} (limit 1.5 MB; counts every code file under miniprogramRoot, reachable or not)`;
    }
    case 'JS_COMPRESS_OPEN':
      return `setting.minified = ${ctx.setting.minified === true}`;
    case 'WXML_COMPRESS_OPEN':
      return `setting.minifyWXML = ${ctx.setting.minifyWXML === true}`;
    case 'WXSS_COMPRESS_OPEN':
      return `setting.minifyWXSS = ${ctx.setting.minifyWXSS === true}`;
    case 'LAZYCODE_LOADING_OPEN':
      return `app.json lazyCodeLoading = ${JSON.stringify(ctx.appJson.lazyCodeLoading)}`;
    case 'IMAGE_AND_AUDIO_LIMIT':
      return `images and audio ${kb(ctx.mediaBytes)} (limit 200 KB)`;
    case 'CONTAINS_OTHER_PKG_JS':
    case 'CONTAINS_OTHER_PKG_COMPONENTS': {
      const files = (d && d.files) || [];
      return files.length ? `${files.length} files, ${kb(d.size)}: ${list(files)}` : 'none';
    }
    case 'CONTAINS_UNUSED_PLUGINS':
    case 'CONTAINS_UNUSED_COMPONENTS': {
      const names = Array.isArray(d) ? d : [];
      return names.length ? list(names) : 'none';
    }
    case 'CONTAINS_UNUSED_CODES': {
      const files = Array.isArray(d) ? d : [];
      const ours = files.filter((f) => !f.startsWith('miniprogram_npm/'));
      const why =
        ctx.setting.ignoreUploadUnusedFiles === false
          ? 'ignoreUploadUnusedFiles is OFF: they would be uploaded'
          : 'left out of the upload by ignoreUploadUnusedFiles';
      return (
        `${files.length} files not reachable from app.json (${files.length - ours.length} in miniprogram_npm), ${why}` +
        (ours.length ? `; ours: ${list(ours)}` : '')
      );
    }
    default:
      return typeof item.text === 'string' ? item.text : JSON.stringify(d);
  }
}

/** Checks of ours; each keeps a miniprogram-ci item from passing for the wrong reason. */
function benchItems({ ciItems, checkerErrors, graph, mpRoot }) {
  const unusedDeclarations = findUnusedDeclarations(mpRoot);
  const swallowed = checkerErrors.slice(0, 5);
  return [
    {
      name: 'CI_CHECK_RAN_CLEANLY',
      pass: ciItems.length > 0 && swallowed.length === 0,
      detail:
        ciItems.length === 0
          ? 'checkCodeQuality returned no items'
          : swallowed.length
            ? `errors inside checkCodeQuality (their items pass by default): ${swallowed.join(' | ')}`
            : `${ciItems.length} items, no error inside the checker`,
    },
    {
      name: 'DEPENDENCIES_RESOLVE',
      pass: graph.problems.length === 0,
      detail: graph.problems.length
        ? list(graph.problems, 5)
        : `all imports, components, wxs, templates and styles resolve (${graph.reachable.length} files reachable)`,
    },
    {
      name: 'DECLARED_COMPONENTS_USED',
      pass: unusedDeclarations.length === 0,
      detail: unusedDeclarations.length
        ? `declared but not used in the page's WXML: ${list(unusedDeclarations.map((u) => `${u.file} → ${u.tag}`))}`
        : 'every usingComponents entry is used in its WXML',
    },
  ];
}

/**
 * Runs the code-quality report on a compiled copy of the project (removed afterwards).
 * @param {string} projectRoot
 * @returns {Promise<{ items: Array<{ name: string, pass: boolean, detail: string, source: 'miniprogram-ci' | 'bench' }>,
 *   graph: { reachable: Array<{ path: string, size: number }>, problems: string[] } }>}
 */
async function runCodeQuality(projectRoot) {
  const copy = createCompiledCopy(projectRoot);
  try {
    const {
      items: ciItems,
      checkerErrors,
      graph,
    } = await runWorker(copy.dir, copy.miniprogramRoot, projectRoot);
    const copyConfig = JSON.parse(fs.readFileSync(path.join(copy.dir, 'project.config.json'), 'utf8'));
    const mpRoot = path.join(copy.dir, copy.miniprogramRoot);
    const ctx = {
      setting: copyConfig.setting || {},
      appJson: JSON.parse(fs.readFileSync(path.join(mpRoot, 'app.json'), 'utf8')),
      mediaBytes: mediaBytes(mpRoot),
    };
    const items = [
      ...ciItems.map((item) => ({
        name: item.name,
        pass: item.success === true,
        detail: describeCiItem(item, ctx),
        source: 'miniprogram-ci',
      })),
      ...benchItems({ ciItems, checkerErrors, graph, mpRoot }).map((item) => ({ ...item, source: 'bench' })),
    ];
    return { items, graph };
  } finally {
    copy.cleanup();
  }
}

module.exports = { runCodeQuality };
