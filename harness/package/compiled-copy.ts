/**
 * A copy of the Mini Program as DevTools uploads it: project.config.json + the miniprogramRoot folder (with
 * miniprogram_npm), every .ts transpiled to .js next to it and every .ts / .d.ts removed. miniprogram-ci's
 * dependency analysis only follows .js, so checkCodeQuality must run on such a copy.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ts from 'typescript';
import { listFiles, readJson } from './files';

/** The project's tsconfig.json options, adjusted to emit what DevTools' TypeScript plugin uploads. */
export function uploadCompilerOptions(projectRoot: string): ts.CompilerOptions {
  const configPath = path.join(projectRoot, 'tsconfig.json');
  let fromConfig: ts.CompilerOptions = {};
  if (fs.existsSync(configPath)) {
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    if (read.error)
      throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')}`);
    fromConfig = ts.convertCompilerOptionsFromJson(read.config.compilerOptions ?? {}, projectRoot).options;
  }
  return {
    ...fromConfig,
    noEmit: false,
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2020,
    // DevTools minifies uploaded JS ("minified": true), so comments never reach the package.
    removeComments: true,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
  };
}

export interface CompiledCopy {
  /** Absolute path of the temporary project folder. */
  dir: string;
  /** miniprogramRoot from project.config.json, without trailing slash. */
  miniprogramRoot: string;
  /** Absolute paths of the .js files written from .ts sources. */
  transpiled: string[];
  cleanup(): void;
}

export function createCompiledCopy(projectRoot: string, options: { parentDir?: string } = {}): CompiledCopy {
  type Config = { miniprogramRoot?: string; setting?: Record<string, unknown> };
  const config = readJson<Config>(path.join(projectRoot, 'project.config.json')) ?? {};
  const miniprogramRoot = (config.miniprogramRoot ?? '').replace(/\/+$/, '');
  if (!miniprogramRoot) throw new Error('project.config.json has no miniprogramRoot');
  const parentDir = options.parentDir ?? os.tmpdir();
  fs.mkdirSync(parentDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parentDir, 'wmpf-cq-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const root = path.join(dir, miniprogramRoot);
    fs.cpSync(path.join(projectRoot, miniprogramRoot), root, { recursive: true });
    const compilerOptions = uploadCompilerOptions(projectRoot);
    const transpiled: string[] = [];
    for (const file of listFiles(root, '.ts', [])) {
      if (!file.endsWith('.d.ts')) {
        const js = `${file.slice(0, -3)}.js`;
        if (fs.existsSync(js)) throw new Error(`both ${path.relative(root, file)} and its .js exist`);
        fs.writeFileSync(
          js,
          ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file }).outputText,
        );
        transpiled.push(js);
      }
      fs.rmSync(file);
    }
    // compiled JS only, as DevTools' upload: the TypeScript compiler plugin has nothing to do
    const setting = { ...config.setting };
    delete setting.useCompilerPlugins;
    fs.writeFileSync(path.join(dir, 'project.config.json'), JSON.stringify({ ...config, setting }, null, 2));
    return { dir, miniprogramRoot, transpiled, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
