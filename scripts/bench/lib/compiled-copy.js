/**
 * Makes a copy of the mini program as DevTools uploads it: project.config.json + the miniprogramRoot folder
 * (including miniprogram_npm), every .ts transpiled to .js next to it and every .ts / .d.ts removed.
 * miniprogram-ci's dependency analysis only follows .js, so checkCodeQuality must run on such a copy.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const ts = require('typescript');

/** Compiler options of the project's tsconfig.json, adjusted to emit what DevTools' TypeScript plugin uploads. */
function uploadCompilerOptions(projectRoot) {
  const configPath = path.join(projectRoot, 'tsconfig.json');
  let fromConfig = {};
  if (fs.existsSync(configPath)) {
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    if (read.error)
      throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')}`);
    fromConfig = ts.convertCompilerOptionsFromJson(read.config.compilerOptions || {}, projectRoot).options;
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

function listFiles(dir, acc = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, acc);
    else if (entry.isFile()) acc.push(full);
  }
  return acc;
}

/**
 * Transpiles every .ts under `dir` to .js (in place) and deletes all .ts / .d.ts files.
 * @returns {{ transpiled: string[], removedDeclarations: number }} transpiled: paths of the written .js files
 */
function transpileTree(dir, compilerOptions) {
  const transpiled = [];
  let removedDeclarations = 0;
  for (const file of listFiles(dir)) {
    if (!file.endsWith('.ts')) continue;
    if (file.endsWith('.d.ts')) {
      removedDeclarations += 1;
    } else {
      const js = file.slice(0, -'.ts'.length) + '.js';
      if (fs.existsSync(js)) throw new Error(`both ${path.relative(dir, file)} and its .js exist`);
      const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
      fs.writeFileSync(js, out.outputText);
      transpiled.push(js);
    }
    fs.rmSync(file);
  }
  return { transpiled, removedDeclarations };
}

/**
 * @param {string} projectRoot folder holding project.config.json
 * @param {{ parentDir?: string }} [options] where the temporary copy goes (default: os.tmpdir())
 * @returns {{ dir: string, miniprogramRoot: string, transpiled: string[], cleanup: () => void }}
 */
function createCompiledCopy(projectRoot, options = {}) {
  const projectConfig = JSON.parse(fs.readFileSync(path.join(projectRoot, 'project.config.json'), 'utf8'));
  const miniprogramRoot = (projectConfig.miniprogramRoot || '').replace(/\/+$/, '');
  if (!miniprogramRoot) throw new Error('project.config.json has no miniprogramRoot');
  const source = path.join(projectRoot, miniprogramRoot);

  const parentDir = options.parentDir || os.tmpdir();
  fs.mkdirSync(parentDir, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parentDir, 'wmpf-cq-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.cpSync(source, path.join(dir, miniprogramRoot), { recursive: true });
    const { transpiled } = transpileTree(path.join(dir, miniprogramRoot), uploadCompilerOptions(projectRoot));
    // The copy holds compiled JS only, as DevTools' upload does: the TypeScript compiler plugin has nothing to do.
    const setting = { ...(projectConfig.setting || {}) };
    delete setting.useCompilerPlugins;
    fs.writeFileSync(
      path.join(dir, 'project.config.json'),
      JSON.stringify({ ...projectConfig, setting }, null, 2),
    );
    return { dir, miniprogramRoot, transpiled, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

module.exports = { createCompiledCopy, transpileTree, uploadCompilerOptions };
