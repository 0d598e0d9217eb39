/**
 * Computes the files DevTools uploads when "ignoreUploadUnusedFiles" is on: everything reachable from
 * app.json (pages, usingComponents, JS requires/imports, <wxs>/<import>/<include>, wxss @import).
 * Our .ts files are measured as the JavaScript DevTools compiles them to (TypeScript transpile).
 * A file belongs to the subpackage whose root holds it, every other file to the main package (what a device
 * downloads before the first page shows). miniprogram/simulator/ is never reachable: a test keeps it so.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { MP_ROOT } = require('./paths');

const CODE_EXT = ['.ts', '.js'];

function exists(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function resolveModule(fromFile, spec) {
  let base;
  if (spec.startsWith('.') || spec.startsWith('/')) {
    base = spec.startsWith('/') ? path.join(MP_ROOT, spec) : path.resolve(path.dirname(fromFile), spec);
  } else {
    base = path.join(MP_ROOT, 'miniprogram_npm', spec);
  }
  const candidates = [
    base,
    ...CODE_EXT.map((e) => base + e),
    ...CODE_EXT.map((e) => path.join(base, 'index' + e)),
  ];
  return candidates.find(exists);
}

function resolveComponent(fromJson, spec) {
  const base = spec.startsWith('/')
    ? path.join(MP_ROOT, spec)
    : spec.startsWith('.')
      ? path.resolve(path.dirname(fromJson), spec)
      : path.join(MP_ROOT, 'miniprogram_npm', spec);
  return exists(base + '.json') ? base : undefined;
}

function codeDeps(file, source) {
  const deps = [];
  const re = /(?:require\(\s*|import\s+(?:[^'"]*?\s+from\s+)?|export\s+[^'"]*?\s+from\s+)['"]([^'"]+)['"]/g;
  let m;
  while ((m = re.exec(source))) deps.push(m[1]);
  return deps.map((spec) => resolveModule(file, spec)).filter(Boolean);
}

function markupDeps(file, source) {
  const deps = [];
  const re = /<(?:wxs|import|include)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g;
  let m;
  while ((m = re.exec(source))) {
    const spec = m[1];
    const target = spec.startsWith('/') ? path.join(MP_ROOT, spec) : path.resolve(path.dirname(file), spec);
    const withExt = path.extname(target) ? target : target + (/<wxs/.test(m[0]) ? '.wxs' : '.wxml');
    if (exists(withExt)) deps.push(withExt);
  }
  return deps;
}

function styleDeps(file, source) {
  const deps = [];
  const re = /@import\s+["']([^"']+)["']/g;
  let m;
  while ((m = re.exec(source))) {
    const target = path.resolve(path.dirname(file), m[1]);
    if (exists(target)) deps.push(target);
  }
  return deps;
}

function wxsDeps(file, source) {
  const deps = [];
  const re = /require\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m;
  while ((m = re.exec(source))) {
    const target = path.resolve(path.dirname(file), m[1]);
    if (exists(target)) deps.push(target);
  }
  return deps;
}

/** The JavaScript DevTools compiles a .ts file to (its source for anything else). */
function uploadedSource(file, source) {
  if (!file.endsWith('.ts')) return source;
  return ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      removeComments: true,
    },
  }).outputText;
}

function uploadedBytes(file, source) {
  return Buffer.byteLength(uploadedSource(file, source));
}

function readAppJson() {
  return JSON.parse(fs.readFileSync(path.join(MP_ROOT, 'app.json'), 'utf8'));
}

/** Subpackage roots of app.json, as absolute folder paths ending with a separator. */
function subpackageRoots() {
  const appJson = readAppJson();
  return (appJson.subpackages || appJson.subPackages || []).map((sub) => ({
    root: sub.root.replace(/\/+$/, ''),
    dir: path.join(MP_ROOT, sub.root) + path.sep,
  }));
}

/** 'main' or the subpackage root holding the file. */
function packageOf(file, roots = subpackageRoots()) {
  const sub = roots.find((r) => file.startsWith(r.dir));
  return sub ? sub.root : 'main';
}

/** @returns {{ files: Map<string, number>, components: string[] }} file -> uploaded bytes */
function computeUploadSet() {
  const files = new Map();
  const components = new Set();
  const queue = [];
  const add = (file) => {
    if (file && !files.has(file) && !file.endsWith('.d.ts')) {
      files.set(file, 0);
      queue.push(file);
    }
  };
  const addComponent = (base) => {
    if (components.has(base)) return;
    components.add(base);
    for (const ext of ['.json', '.wxml', '.wxss', '.ts', '.js']) {
      if (exists(base + ext)) add(base + ext);
    }
  };

  add(path.join(MP_ROOT, 'app.json'));
  for (const f of ['app.ts', 'app.js', 'app.wxss', 'sitemap.json']) {
    if (exists(path.join(MP_ROOT, f))) add(path.join(MP_ROOT, f));
  }
  const appJson = readAppJson();
  for (const page of appJson.pages || []) addComponent(path.join(MP_ROOT, page));
  for (const sub of appJson.subpackages || appJson.subPackages || []) {
    for (const page of sub.pages || []) addComponent(path.join(MP_ROOT, sub.root, page));
  }

  while (queue.length) {
    const file = queue.shift();
    const source = fs.readFileSync(file, 'utf8');
    files.set(file, uploadedBytes(file, source));
    const ext = path.extname(file);
    if (ext === '.json') {
      let json;
      try {
        json = JSON.parse(source);
      } catch {
        json = {};
      }
      for (const spec of Object.values(json.usingComponents || {})) {
        if (typeof spec !== 'string' || spec.startsWith('plugin://')) continue;
        const base = resolveComponent(file, spec);
        if (base) addComponent(base);
      }
    } else if (ext === '.ts' || ext === '.js') {
      codeDeps(file, source).forEach(add);
    } else if (ext === '.wxml') {
      markupDeps(file, source).forEach(add);
    } else if (ext === '.wxss') {
      styleDeps(file, source).forEach(add);
    } else if (ext === '.wxs') {
      wxsDeps(file, source).forEach(add);
    }
  }
  return { files, components: [...components] };
}

/** Sums the upload set into our code vs npm packages (per package). */
function summarizeUploadSet() {
  const { files, components } = computeUploadSet();
  const npmRoot = path.join(MP_ROOT, 'miniprogram_npm') + path.sep;
  let ours = 0;
  const npm = {};
  for (const [file, bytes] of files) {
    if (file.startsWith(npmRoot)) {
      const rel = file.slice(npmRoot.length).split(path.sep);
      const pkg = rel[0].startsWith('@') ? `${rel[0]}/${rel[1]}` : rel[0];
      npm[pkg] = (npm[pkg] || 0) + bytes;
    } else {
      ours += bytes;
    }
  }
  const npmTotal = Object.values(npm).reduce((a, b) => a + b, 0);
  const vantComponents = components
    .filter((c) => c.startsWith(path.join(npmRoot, '@vant', 'weapp')))
    .map((c) => path.relative(path.join(npmRoot, '@vant', 'weapp'), path.dirname(c)))
    .sort();
  const roots = subpackageRoots();
  const packages = {};
  for (const [file, bytes] of files) {
    const pkg = packageOf(file, roots);
    packages[pkg] = (packages[pkg] || 0) + bytes;
  }
  const simulatorDir = path.join(MP_ROOT, 'simulator') + path.sep;
  const simulatedFiles = [...files.keys()]
    .filter((file) => file.startsWith(simulatorDir) || /simulated/i.test(path.basename(file)))
    .map((file) => path.relative(MP_ROOT, file));
  return {
    ours,
    npm,
    npmTotal,
    total: ours + npmTotal,
    fileCount: files.size,
    vantComponents,
    files,
    packages,
    simulatedFiles,
  };
}

/**
 * The main package's JavaScript as DevTools uploads it with "minified" on: each file compiled, then minified by
 * terser (the minifier DevTools uses). Ours and npm's, in bytes.
 */
async function minifiedMainPackageJs() {
  const { minify } = require('terser');
  const { files } = computeUploadSet();
  const roots = subpackageRoots();
  const npmRoot = path.join(MP_ROOT, 'miniprogram_npm') + path.sep;
  const result = { ours: 0, npm: 0, total: 0, files: 0, largest: [] };
  for (const file of files.keys()) {
    if (!/\.(ts|js)$/.test(file) || file.endsWith('.d.ts') || packageOf(file, roots) !== 'main') continue;
    const js = uploadedSource(file, fs.readFileSync(file, 'utf8'));
    const out = await minify(js, { compress: true, mangle: true, ecma: 2020 });
    const bytes = Buffer.byteLength(out.code || '');
    if (file.startsWith(npmRoot)) result.npm += bytes;
    else result.ours += bytes;
    result.files += 1;
    result.largest.push({ file: path.relative(MP_ROOT, file), bytes });
  }
  result.total = result.ours + result.npm;
  result.largest = result.largest.sort((a, b) => b.bytes - a.bytes).slice(0, 8);
  return result;
}

module.exports = { computeUploadSet, summarizeUploadSet, minifiedMainPackageJs, packageOf };
