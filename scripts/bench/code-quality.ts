/**
 * DevTools' code-quality report ("代码质量"), run offline through miniprogram-ci's checkCodeQuality on a compiled
 * copy of the project (in a child process: see code-quality-worker.js), plus three checks of ours that keep it
 * meaningful.
 */
import { fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createCompiledCopy } from '../../harness/package/compiled-copy';
import { listFiles, readJson } from '../../harness/package/files';
import { findUnusedDeclarations } from '../../harness/package/unused-components';

export interface CodeQualityItem {
  name: string;
  pass: boolean;
  detail: string;
  source: 'miniprogram-ci' | 'bench';
}

interface CiItem {
  name: string;
  success: boolean;
  text?: string;
  detail?: unknown;
}

export interface Graph {
  reachable: Array<{ path: string; size: number }>;
  problems: string[];
}

interface WorkerResult {
  items: CiItem[];
  checkerErrors: string[];
  graph: Graph;
}

const WORKER_TIMEOUT_MS = 60000;
// miniprogram-ci's IMAGE_AND_AUDIO_LIMIT extensions (dist/ci/utils/qualitycheckoption.js)
const MEDIA = /\.(jpg|jpeg|png|svg|webp|gif|flac|m4a|ogg|ape|amr|wma|wav|mp3|mp4|aac|aiff|caf)$/i;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const list = (items: string[], max = 8) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} … (+${items.length - max})`;

function runWorker(copyDir: string, miniprogramRoot: string, cwd: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'code-quality-worker.js'), [copyDir, miniprogramRoot], {
      cwd,
      silent: true,
      execArgv: [],
    });
    let output = '';
    const collect = (d: Buffer) => (output += d.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`checkCodeQuality did not finish within ${WORKER_TIMEOUT_MS} ms\n${output}`));
    }, WORKER_TIMEOUT_MS);
    const finish = (error?: Error, result?: WorkerResult) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(error);
    };
    child.on('message', (msg: { ok: boolean; result?: WorkerResult; error?: string }) =>
      msg.ok
        ? finish(undefined, msg.result)
        : finish(new Error(`checkCodeQuality failed: ${msg.error}\n${output}`)),
    );
    child.on('close', (code) => finish(new Error(`code-quality worker exited (${code})\n${output}`)));
  });
}

interface Context {
  setting: Record<string, unknown>;
  lazyCodeLoading: unknown;
  mediaBytes: number;
}

/** One line of figures per miniprogram-ci item (its own `text` reads like a failure even when it passes). */
function describeCiItem(item: CiItem, ctx: Context): string {
  const d = item.detail as Record<string, unknown> | string[] | undefined;
  const files = (Array.isArray(d) ? d : ((d?.files as string[] | undefined) ?? [])).map(String);
  switch (item.name) {
    case 'PACKAGE_SIZE_LIMIT':
      return `${Object.entries(d ?? {})
        .map(([pkg, bytes]) => `${pkg === '__APP__' ? 'main' : pkg} ${kb(Number(bytes))}`)
        .join(', ')} (limit 1.5 MB; counts every code file under miniprogramRoot, reachable or not)`;
    case 'JS_COMPRESS_OPEN':
      return `setting.minified = ${ctx.setting.minified === true}`;
    case 'WXML_COMPRESS_OPEN':
      return `setting.minifyWXML = ${ctx.setting.minifyWXML === true}`;
    case 'WXSS_COMPRESS_OPEN':
      return `setting.minifyWXSS = ${ctx.setting.minifyWXSS === true}`;
    case 'LAZYCODE_LOADING_OPEN':
      return `app.json lazyCodeLoading = ${JSON.stringify(ctx.lazyCodeLoading)}`;
    case 'IMAGE_AND_AUDIO_LIMIT':
      return `images and audio ${kb(ctx.mediaBytes)} (limit 200 KB)`;
    case 'CONTAINS_OTHER_PKG_JS':
    case 'CONTAINS_OTHER_PKG_COMPONENTS':
      return files.length
        ? `${files.length} files, ${kb(Number((d as { size?: number }).size))}: ${list(files)}`
        : 'none';
    case 'CONTAINS_UNUSED_PLUGINS':
    case 'CONTAINS_UNUSED_COMPONENTS':
      return files.length ? list(files) : 'none';
    case 'CONTAINS_UNUSED_CODES': {
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
function benchItems(
  { items, checkerErrors, graph }: WorkerResult,
  mpRoot: string,
): Array<Omit<CodeQualityItem, 'source'>> {
  const unused = findUnusedDeclarations(mpRoot);
  const swallowed = checkerErrors.slice(0, 5);
  return [
    {
      name: 'CI_CHECK_RAN_CLEANLY',
      pass: items.length > 0 && swallowed.length === 0,
      detail:
        items.length === 0
          ? 'checkCodeQuality returned no items'
          : swallowed.length
            ? `errors inside checkCodeQuality (their items pass by default): ${swallowed.join(' | ')}`
            : `${items.length} items, no error inside the checker`,
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
      pass: unused.length === 0,
      detail: unused.length
        ? `declared but not used in the page's WXML: ${list(unused.map((u) => `${u.file} → ${u.tag}`))}`
        : 'every usingComponents entry is used in its WXML',
    },
  ];
}

/** The code-quality report on a compiled copy of the project (removed afterwards). */
export async function runCodeQuality(
  projectRoot: string,
): Promise<{ items: CodeQualityItem[]; graph: Graph }> {
  const copy = createCompiledCopy(projectRoot);
  try {
    const result = await runWorker(copy.dir, copy.miniprogramRoot, projectRoot);
    const mpRoot = path.join(copy.dir, copy.miniprogramRoot);
    const ctx: Context = {
      setting:
        readJson<{ setting?: Record<string, unknown> }>(path.join(copy.dir, 'project.config.json'))
          ?.setting ?? {},
      lazyCodeLoading: readJson(path.join(mpRoot, 'app.json'))?.lazyCodeLoading,
      mediaBytes: listFiles(mpRoot, '', [])
        .filter((f) => MEDIA.test(f))
        .reduce((n, f) => n + fs.statSync(f).size, 0),
    };
    const items: CodeQualityItem[] = [
      ...result.items.map((item) => ({
        name: item.name,
        pass: item.success === true,
        detail: describeCiItem(item, ctx),
        source: 'miniprogram-ci' as const,
      })),
      ...benchItems(result, mpRoot).map((item) => ({ ...item, source: 'bench' as const })),
    ];
    return { items, graph: result.graph };
  } finally {
    copy.cleanup();
  }
}
