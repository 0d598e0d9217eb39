/**
 * Strict "no unused components" check over our own json files: every usingComponents entry of a page or component
 * must be used as a tag in its WXML (or in a WXML it <import>s / <include>s), and every global app.json entry in at
 * least one of our WXML files. miniprogram-ci's CONTAINS_UNUSED_COMPONENTS only reports a component that NO page
 * uses: a page that declares van-loading without using it passes there as soon as another page uses van-loading.
 */
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, readJson } from './files';

const SKIP = ['miniprogram_npm', 'node_modules'];

/** Tags a WXML file uses (same rule as miniprogram-ci: `<tag` and `generic:x="tag"`), comments ignored. */
export function tagsOf(source: string): Set<string> {
  const text = source.replace(/<!--[\s\S]*?-->/g, '');
  const tags = new Set<string>();
  for (const m of text.matchAll(/<([\w-]+)(?=[\s>/])/g)) tags.add(m[1]);
  for (const m of text.matchAll(/generic:[\w-]+\s*=\s*['"]?([\w-]+)/g)) tags.add(m[1]);
  return tags;
}

/** Tags used by a WXML file and, recursively, by the WXML files it imports or includes. */
function tagsOfTree(mpRoot: string, wxmlFile: string, seen = new Set<string>()): Set<string> {
  if (seen.has(wxmlFile) || !fs.existsSync(wxmlFile)) return new Set();
  seen.add(wxmlFile);
  const source = fs.readFileSync(wxmlFile, 'utf8');
  const tags = tagsOf(source);
  for (const m of source.matchAll(/<(?:import|include)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g)) {
    const target = m[1].startsWith('/')
      ? path.join(mpRoot, m[1])
      : path.resolve(path.dirname(wxmlFile), m[1]);
    tagsOfTree(mpRoot, target.endsWith('.wxml') ? target : `${target}.wxml`, seen).forEach((t) =>
      tags.add(t),
    );
  }
  return tags;
}

/** Declarations never used; `file` relative to mpRoot (the miniprogramRoot folder), '/'-separated. */
export function findUnusedDeclarations(mpRoot: string): Array<{ file: string; tag: string }> {
  const unused: Array<{ file: string; tag: string }> = [];
  const allTags = new Set<string>();
  for (const wxml of listFiles(mpRoot, '.wxml', SKIP))
    tagsOf(fs.readFileSync(wxml, 'utf8')).forEach((t) => allTags.add(t));
  for (const file of listFiles(mpRoot, '.json', SKIP)) {
    type Json = { usingComponents?: Record<string, string>; componentPlaceholder?: Record<string, string> };
    const json = readJson<Json>(file);
    if (!json?.usingComponents || typeof json.usingComponents !== 'object') continue;
    const isApp = file === path.join(mpRoot, 'app.json');
    const used = isApp ? allTags : tagsOfTree(mpRoot, file.replace(/\.json$/, '.wxml'));
    const placeholders = new Set(Object.values(json.componentPlaceholder ?? {}));
    const rel = path.relative(mpRoot, file).split(path.sep).join('/');
    for (const tag of Object.keys(json.usingComponents)) {
      if (!used.has(tag) && !placeholders.has(tag)) unused.push({ file: rel, tag });
    }
  }
  return unused.sort((a, b) => (a.file + a.tag).localeCompare(b.file + b.tag));
}
