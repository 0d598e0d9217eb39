import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createCompiledCopy } from '../../harness/package/compiled-copy';
import { findUnusedDeclarations, tagsOf } from '../../harness/package/unused-components';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

let workDir: string;
beforeEach(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pkg-bench-test-'));
});
afterEach(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('createCompiledCopy', () => {
  function makeProject(): string {
    const root = path.join(workDir, 'project');
    writeTree(root, {
      'project.config.json': JSON.stringify({
        miniprogramRoot: 'miniprogram/',
        appid: 'touristappid',
        setting: { useCompilerPlugins: ['typescript'], minified: true, minifyWXML: true },
      }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, esModuleInterop: true },
      }),
      'package.json': '{}',
      'miniprogram/app.json': '{"pages":["pages/home/index"]}',
      'miniprogram/app.ts':
        "import { greet } from './utils/greet';\n// a comment\nApp({ onLaunch() { greet('x'); } });\n",
      'miniprogram/utils/greet.ts':
        'export function greet(name: string): string {\n  return `hi ${name}`;\n}\n',
      'miniprogram/utils/types.d.ts': 'export interface Unused { a: number }\n',
      'miniprogram/pages/home/index.ts': 'Component({ methods: { onLoad(): void {} } });\n',
      'miniprogram/pages/home/index.wxml': '<view/>',
      'miniprogram/miniprogram_npm/pkg/index.js': 'module.exports = 1;\n',
      'miniprogram/miniprogram_npm/pkg/index.d.ts': 'declare const x: number;\nexport = x;\n',
    });
    return root;
  }

  it('writes a .js for every .ts, leaves no .ts and keeps the other files', () => {
    const root = makeProject();
    const copy = createCompiledCopy(root, { parentDir: workDir });

    expect(listFiles(copy.dir)).toEqual([
      'miniprogram/app.js',
      'miniprogram/app.json',
      'miniprogram/miniprogram_npm/pkg/index.js',
      'miniprogram/pages/home/index.js',
      'miniprogram/pages/home/index.wxml',
      'miniprogram/utils/greet.js',
      'project.config.json',
    ]);
    expect(copy.miniprogramRoot).toBe('miniprogram');
    expect(copy.transpiled.map((f) => path.relative(copy.dir, f).split(path.sep).join('/')).sort()).toEqual([
      'miniprogram/app.js',
      'miniprogram/pages/home/index.js',
      'miniprogram/utils/greet.js',
    ]);
    // The source project is untouched.
    expect(fs.existsSync(path.join(root, 'miniprogram/app.ts'))).toBe(true);
  });

  it('emits CommonJS without types or comments', () => {
    const copy = createCompiledCopy(makeProject(), { parentDir: workDir });
    const app = fs.readFileSync(path.join(copy.dir, 'miniprogram/app.js'), 'utf8');
    expect(app).toContain('require("./utils/greet")');
    expect(app).not.toContain('import ');
    expect(app).not.toContain('a comment');
    const greet = fs.readFileSync(path.join(copy.dir, 'miniprogram/utils/greet.js'), 'utf8');
    expect(greet).not.toContain(': string');
    expect(greet).toContain('exports.greet = greet');
  });

  it('drops useCompilerPlugins from the copy and keeps the other settings', () => {
    const copy = createCompiledCopy(makeProject(), { parentDir: workDir });
    const config = JSON.parse(fs.readFileSync(path.join(copy.dir, 'project.config.json'), 'utf8'));
    expect(config.setting).toEqual({ minified: true, minifyWXML: true });
    expect(config.appid).toBe('touristappid');
  });

  it('cleanup() removes the copy', () => {
    const copy = createCompiledCopy(makeProject(), { parentDir: workDir });
    copy.cleanup();
    expect(fs.existsSync(copy.dir)).toBe(false);
  });

  it('refuses a .ts that already has a .js next to it, and leaves no copy behind', () => {
    const root = makeProject();
    writeTree(root, { 'miniprogram/utils/greet.js': 'stale' });
    expect(() => createCompiledCopy(root, { parentDir: workDir })).toThrow(/greet\.ts and its \.js exist/);
    expect(fs.readdirSync(workDir)).toEqual(['project']);
  });
});

describe('findUnusedDeclarations', () => {
  it('reports a page declaration its WXML does not use, even if another page uses that component', () => {
    const mp = path.join(workDir, 'mp');
    writeTree(mp, {
      'app.json': JSON.stringify({ usingComponents: { 'g-used': '/c/g', 'g-unused': '/c/h' } }),
      'pages/a/index.json': JSON.stringify({ usingComponents: { 'van-loading': 'x', 'van-button': 'y' } }),
      'pages/a/index.wxml': '<van-button bind:click="go">ok</van-button><!-- <van-loading/> -->',
      'pages/b/index.json': JSON.stringify({ usingComponents: { 'van-loading': 'x', 'my-item': '/c/i' } }),
      'pages/b/index.wxml': '<import src="./tpl.wxml"/><g-used/><van-loading />',
      'pages/b/tpl.wxml': '<template name="t"><my-item/></template>',
      'pages/c/index.json': JSON.stringify({
        usingComponents: { 'heavy-thing': '/c/heavy', 'light-thing': '/c/light' },
        componentPlaceholder: { 'heavy-thing': 'light-thing' },
      }),
      'pages/c/index.wxml': '<heavy-thing/>',
      'miniprogram_npm/lib/index.json': JSON.stringify({ usingComponents: { 'never-used': './x' } }),
      'miniprogram_npm/lib/index.wxml': '<view/>',
    });

    expect(findUnusedDeclarations(mp)).toEqual([
      { file: 'app.json', tag: 'g-unused' },
      { file: 'pages/a/index.json', tag: 'van-loading' },
    ]);
  });

  it('reads tags like the official analyser: open tags and generic: values', () => {
    expect([...tagsOf('<a-b x="1"><c/></a-b><d>\n<e\n/><f generic:item="g-h"/>')].sort()).toEqual([
      'a-b',
      'c',
      'd',
      'e',
      'f',
      'g-h',
    ]);
  });
});
