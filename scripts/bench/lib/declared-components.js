/**
 * Strict "no unused components" check over our own json files: every usingComponents entry of a page or
 * component must be used as a tag in its WXML (or in a WXML it <import>s / <include>s), and every global
 * app.json entry in at least one of our WXML files.
 *
 * miniprogram-ci's CONTAINS_UNUSED_COMPONENTS only reports a component that NO page uses: a page that declares
 * van-loading without using it passes there as soon as another page uses van-loading. This check catches that.
 */
const fs = require('fs');
const path = require('path');

const NPM_DIR = 'miniprogram_npm';

function listFiles(dir, ext, acc = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== NPM_DIR && entry.name !== 'node_modules') listFiles(full, ext, acc);
    } else if (entry.name.endsWith(ext)) {
      acc.push(full);
    }
  }
  return acc;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Tags a WXML file uses (same rule as miniprogram-ci: `<tag` and `generic:x="tag"`), comments ignored. */
function tagsOf(source) {
  const text = source.replace(/<!--[\s\S]*?-->/g, '');
  const tags = new Set();
  for (const m of text.matchAll(/<([\w-]+)(?=[\s>/])/g)) tags.add(m[1]);
  for (const m of text.matchAll(/generic:[\w-]+\s*=\s*['"]?([\w-]+)/g)) tags.add(m[1]);
  return tags;
}

/** Tags used by a WXML file and, recursively, by the WXML files it imports or includes. */
function tagsOfTree(mpRoot, wxmlFile, seen = new Set()) {
  const tags = new Set();
  if (seen.has(wxmlFile) || !fs.existsSync(wxmlFile)) return tags;
  seen.add(wxmlFile);
  const source = fs.readFileSync(wxmlFile, 'utf8');
  tagsOf(source).forEach((t) => tags.add(t));
  for (const m of source.matchAll(/<(?:import|include)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g)) {
    const spec = m[1];
    let target = spec.startsWith('/') ? path.join(mpRoot, spec) : path.resolve(path.dirname(wxmlFile), spec);
    if (!target.endsWith('.wxml')) target += '.wxml';
    tagsOfTree(mpRoot, target, seen).forEach((t) => tags.add(t));
  }
  return tags;
}

/**
 * @param {string} mpRoot the miniprogramRoot folder (absolute)
 * @returns {Array<{ file: string, tag: string }>} declarations never used; file is relative to mpRoot, with '/'
 */
function findUnusedDeclarations(mpRoot) {
  const unused = [];
  const rel = (file) => path.relative(mpRoot, file).split(path.sep).join('/');
  const allTags = new Set();
  for (const wxml of listFiles(mpRoot, '.wxml'))
    tagsOf(fs.readFileSync(wxml, 'utf8')).forEach((t) => allTags.add(t));

  const appJsonFile = path.join(mpRoot, 'app.json');
  for (const file of listFiles(mpRoot, '.json')) {
    const json = readJson(file);
    if (!json || typeof json.usingComponents !== 'object' || json.usingComponents === null) continue;
    const isApp = file === appJsonFile;
    const used = isApp ? allTags : tagsOfTree(mpRoot, file.replace(/\.json$/, '.wxml'));
    const placeholders = new Set(Object.values(json.componentPlaceholder || {}));
    for (const tag of Object.keys(json.usingComponents)) {
      if (!used.has(tag) && !placeholders.has(tag)) unused.push({ file: rel(file), tag });
    }
  }
  return unused.sort((a, b) => (a.file + a.tag).localeCompare(b.file + b.tag));
}

module.exports = { findUnusedDeclarations, tagsOf };
