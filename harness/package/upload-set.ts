/**
 * The files DevTools uploads with "ignoreUploadUnusedFiles" on: everything reachable from app.json (pages,
 * usingComponents, JS requires/imports, <wxs>/<import>/<include>, wxss @import), our .ts measured as the JavaScript
 * DevTools compiles it to. A file belongs to the subpackage whose root holds it, every other file to the main package
 * (what a device downloads before the first page shows). miniprogram/simulator/ is never reachable: a test keeps it so.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { MP_ROOT, NPM_DIST, readJson } from './files';

interface AppJson {
  pages?: string[];
  subpackages?: Array<{ root: string; pages?: string[] }>;
  subPackages?: Array<{ root: string; pages?: string[] }>;
}

const exists = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
const NPM_ROOT = NPM_DIST + path.sep;

/** A specifier as WeChat resolves it: '/x' from the package root, './x' from the file, 'pkg' in miniprogram_npm. */
function base(fromFile: string, spec: string): string {
  if (spec.startsWith('/')) return path.join(MP_ROOT, spec);
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec);
  return path.join(NPM_DIST, spec);
}

const resolveModule = (from: string, spec: string) =>
  [
    base(from, spec),
    base(from, spec).replace(/\.js$/, '.ts'),
    ...['.ts', '.js', '/index.ts', '/index.js'].map((e) => base(from, spec) + e),
  ].find(exists);

/** What a file refers to, by its kind: [pattern, resolve the captured specifier]. */
const REFERENCES: Record<
  string,
  Array<[RegExp, (from: string, spec: string, match: string) => string | undefined]>
> = {
  '.ts': [
    [
      /(?:require(?:\s*\.\s*async)?\(\s*|import\s+(?:[^'"]*?\s+from\s+)?|export\s+[^'"]*?\s+from\s+)['"]([^'"]+)['"]/g,
      resolveModule,
    ],
  ],
  '.wxml': [
    [
      /<(?:wxs|import|include)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g,
      (from, spec, match) => {
        const target = spec.startsWith('/')
          ? path.join(MP_ROOT, spec)
          : path.resolve(path.dirname(from), spec);
        return path.extname(target) ? target : target + (match.startsWith('<wxs') ? '.wxs' : '.wxml');
      },
    ],
  ],
  '.wxss': [[/@import\s+["']([^"']+)["']/g, (from, spec) => path.resolve(path.dirname(from), spec)]],
  '.wxs': [[/require\(\s*['"]([^'"]+)['"]\s*\)/g, (from, spec) => path.resolve(path.dirname(from), spec)]],
};
REFERENCES['.js'] = REFERENCES['.ts'];

/** The JavaScript DevTools compiles a .ts file to (its source for anything else). */
export function uploadedSource(file: string, source = fs.readFileSync(file, 'utf8')): string {
  if (!file.endsWith('.ts')) return source;
  const compilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    removeComments: true,
  };
  return ts.transpileModule(source, { compilerOptions }).outputText;
}

const appJson = () => readJson<AppJson>(path.join(MP_ROOT, 'app.json')) ?? {};
const subpackagesOf = (app: AppJson) => app.subpackages ?? app.subPackages ?? [];

/** 'main' or the subpackage root holding the file. */
export function packageOf(file: string): string {
  const sub = subpackagesOf(appJson()).find((s) => file.startsWith(path.join(MP_ROOT, s.root) + path.sep));
  return sub ? sub.root.replace(/\/+$/, '') : 'main';
}

/** file → uploaded bytes, and the components (paths without extension) reachable from app.json. */
export function computeUploadSet(): { files: Map<string, number>; components: string[] } {
  const files = new Map<string, number>();
  const components = new Set<string>();
  const queue: string[] = [];
  const add = (file: string | undefined) => {
    if (file && exists(file) && !files.has(file) && !file.endsWith('.d.ts')) {
      files.set(file, 0);
      queue.push(file);
    }
  };
  const addComponent = (component: string) => {
    if (components.has(component) || !exists(`${component}.json`)) return;
    components.add(component);
    for (const ext of ['.json', '.wxml', '.wxss', '.ts', '.js']) add(component + ext);
  };
  for (const f of ['app.json', 'app.ts', 'app.js', 'app.wxss', 'sitemap.json']) add(path.join(MP_ROOT, f));
  const app = appJson();
  for (const page of app.pages ?? []) addComponent(path.join(MP_ROOT, page));
  for (const sub of subpackagesOf(app)) {
    for (const page of sub.pages ?? []) addComponent(path.join(MP_ROOT, sub.root, page));
  }
  for (let file = queue.shift(); file; file = queue.shift()) {
    const source = fs.readFileSync(file, 'utf8');
    files.set(file, Buffer.byteLength(uploadedSource(file, source)));
    const ext = path.extname(file);
    if (ext === '.json') {
      const json = readJson<{ usingComponents?: Record<string, unknown> }>(file) ?? {};
      for (const spec of Object.values(json.usingComponents ?? {})) {
        if (typeof spec === 'string' && !spec.startsWith('plugin://')) addComponent(base(file, spec));
      }
    }
    for (const [pattern, resolve] of REFERENCES[ext] ?? []) {
      for (const m of source.matchAll(pattern)) add(resolve(file, m[1], m[0]));
    }
  }
  return { files, components: [...components] };
}

export interface UploadSummary {
  ours: number;
  /** bytes per npm package */
  npm: Record<string, number>;
  npmTotal: number;
  total: number;
  fileCount: number;
  vantComponents: string[];
  /** upload bytes per package: 'main' and each subpackage root */
  packages: Record<string, number>;
  /** files of miniprogram/simulator/ (or named simulated) in the upload set: none expected */
  simulatedFiles: string[];
}

const npmPackageOf = (file: string) => {
  const [scope, name] = file.slice(NPM_ROOT.length).split(path.sep);
  return scope.startsWith('@') ? `${scope}/${name}` : scope;
};

const addTo = (sums: Record<string, number>, key: string, n: number) => (sums[key] = (sums[key] ?? 0) + n);

/** The upload set summed: our code vs npm packages, per package, the Vant components used, simulator files. */
export function summarizeUploadSet(): UploadSummary {
  const { files, components } = computeUploadSet();
  const npm: Record<string, number> = {};
  const packages: Record<string, number> = {};
  let ours = 0;
  for (const [file, bytes] of files) {
    if (file.startsWith(NPM_ROOT)) addTo(npm, npmPackageOf(file), bytes);
    else ours += bytes;
    addTo(packages, packageOf(file), bytes);
  }
  const npmTotal = Object.values(npm).reduce((a, b) => a + b, 0);
  const vant = path.join(NPM_DIST, '@vant', 'weapp');
  const simulator = path.join(MP_ROOT, 'simulator') + path.sep;
  return {
    ours,
    npm,
    npmTotal,
    total: ours + npmTotal,
    fileCount: files.size,
    vantComponents: components
      .filter((c) => c.startsWith(vant))
      .map((c) => path.relative(vant, path.dirname(c)))
      .sort(),
    packages,
    simulatedFiles: [...files.keys()]
      .filter((file) => file.startsWith(simulator) || /simulated/i.test(path.basename(file)))
      .map((file) => path.relative(MP_ROOT, file)),
  };
}

export interface MinifiedJs {
  ours: number;
  npm: number;
  total: number;
  files: number;
  largest: Array<{ file: string; bytes: number }>;
  /** the generated pinyin-initials table (pinyin/index.ts, its own subpackage), minified */
  pinyinTable: number;
}

/** The main package's JavaScript as DevTools uploads it with "minified" on: compiled, then minified by terser. */
export async function minifiedMainPackageJs(): Promise<MinifiedJs> {
  const { minify } = await import('terser');
  const result: MinifiedJs = { ours: 0, npm: 0, total: 0, files: 0, largest: [], pinyinTable: 0 };
  const minified = async (file: string) =>
    Buffer.byteLength(
      (await minify(uploadedSource(file), { compress: true, mangle: true, ecma: 2020 })).code ?? '',
    );
  for (const file of computeUploadSet().files.keys()) {
    if (path.relative(MP_ROOT, file) === path.join('pinyin', 'index.ts'))
      result.pinyinTable = await minified(file);
    if (!/\.(ts|js)$/.test(file) || packageOf(file) !== 'main') continue;
    const bytes = await minified(file);
    if (file.startsWith(NPM_ROOT)) result.npm += bytes;
    else result.ours += bytes;
    result.files += 1;
    result.largest.push({ file: path.relative(MP_ROOT, file), bytes });
  }
  result.total = result.ours + result.npm;
  result.largest = result.largest.sort((a, b) => b.bytes - a.bytes).slice(0, 8);
  return result;
}
